package ui

import (
	"encoding/json"
	"errors"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/smtui/smtui/aws"
	"github.com/smtui/smtui/ui/jsonedit"
)

// AWS's limits for a new secret, checked before anything is sent.
const (
	createMaxName        = 512
	createMaxDescription = 2048
	createMaxTags        = 50
	createMaxTagKey      = 128
	createMaxTagValue    = 256
)

// checkSecretName validates a new secret's name.
func checkSecretName(name string) string {
	switch {
	case name == "":
		return "the name is empty"
	case len(name) > createMaxName:
		return "the name is " + strconv.Itoa(len(name)) + " characters; AWS allows at most 512"
	}
	for i, r := range name {
		if !(r < utf8.RuneSelf && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("/_+=.@-", r))) {
			return "character " + strconv.Itoa(i+1) + " (" + strconv.QuoteRune(r) + ") is not allowed: use ASCII letters, digits and / _ + = . @ -"
		}
	}
	return ""
}

// checkDescription validates a description's length.
func checkDescription(d string) string {
	if n := utf8.RuneCountInString(d); n > createMaxDescription {
		return "the description is " + strconv.Itoa(n) + " characters; AWS allows at most 2048"
	}
	return ""
}

// parseTagLines reads "key=value" lines into tags and checks them.
func parseTagLines(text string) ([]aws.Tag, string) {
	var tags []aws.Tag
	for i, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		k, v, ok := strings.Cut(line, "=")
		if !ok {
			return nil, "tags line " + strconv.Itoa(i+1) + ": write key=value"
		}
		tags = append(tags, aws.Tag{Key: strings.TrimSpace(k), Value: strings.TrimSpace(v)})
	}
	return tags, checkTags(tags)
}

// checkTags validates a whole tag set against AWS's rules.
func checkTags(tags []aws.Tag) string {
	if len(tags) > createMaxTags {
		return plural(len(tags), "tag") + "; a secret can have at most 50"
	}
	seen := map[string]bool{}
	for _, t := range tags {
		if msg := checkTag(t); msg != "" {
			return msg
		}
		if seen[t.Key] {
			return "tag " + strconv.Quote(t.Key) + " is given twice"
		}
		seen[t.Key] = true
	}
	return ""
}

// checkTag validates one tag.
func checkTag(t aws.Tag) string {
	n := utf8.RuneCountInString(t.Key)
	switch {
	case n == 0:
		return "a tag key is empty"
	case n > createMaxTagKey:
		return "tag key " + strconv.Quote(cut(t.Key, 20)) + " is " + strconv.Itoa(n) + " characters; the limit is 128"
	case strings.HasPrefix(strings.ToLower(t.Key), "aws:"):
		return "tag key " + strconv.Quote(t.Key) + " starts with aws:, which AWS reserves"
	case utf8.RuneCountInString(t.Value) > createMaxTagValue:
		return "the value of tag " + strconv.Quote(t.Key) + " is longer than 256 characters"
	}
	for _, s := range []string{t.Key, t.Value} {
		for _, r := range s {
			if !(unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsSpace(r) || strings.ContainsRune("+-=._:/@", r)) {
				return "tag " + strconv.Quote(t.Key) + " contains " + strconv.QuoteRune(r) + "; use letters, digits, spaces and + - = . _ : / @"
			}
		}
	}
	return ""
}

// kvRow is one key/value field of a new JSON secret.
type kvRow struct {
	key    string
	value  string
	number bool
}

// buildJSONObject makes a JSON object from rows, in their order. Rows with
// neither a key nor a value are skipped. Errors name the row, never a value.
func buildJSONObject(rows []kvRow) ([]byte, int, string) {
	var b strings.Builder
	b.WriteString("{")
	seen := map[string]bool{}
	n := 0
	for i, r := range rows {
		if r.key == "" && r.value == "" {
			continue
		}
		row := "field " + strconv.Itoa(i+1)
		if r.key == "" {
			return nil, i, row + " has a value but no name"
		}
		if seen[r.key] {
			return nil, i, row + ": the name " + strconv.Quote(r.key) + " is used twice"
		}
		seen[r.key] = true
		kind := jsonedit.String
		if r.number {
			kind = jsonedit.Number
		}
		raw, err := jsonedit.ParseInput(kind, r.value)
		if err != nil {
			msg := row + " (" + r.key + ") is not a number"
			if !errors.Is(err, jsonedit.ErrNotNumber) {
				msg = row + " (" + r.key + "): " + err.Error()
			}
			return nil, i, msg + "; fix it or switch it to a string"
		}
		name, _ := json.Marshal(r.key)
		if n > 0 {
			b.WriteString(",")
		}
		b.Write(name)
		b.WriteString(":")
		b.Write(raw)
		n++
	}
	b.WriteString("}")
	if n == 0 {
		return nil, -1, ""
	}
	return []byte(b.String()), -1, ""
}

// checkValueSize validates a value's size; the message gives only sizes.
func checkValueSize(n int) string {
	if n > aws.MaxValueBytes {
		return "the value is " + strconv.Itoa(n) + " bytes; Secrets Manager accepts at most 65536"
	}
	return ""
}
