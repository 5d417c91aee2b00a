package dialog

import (
	"encoding/json"
	"errors"
	"strconv"
	"strings"

	"github.com/smtui/smtui/aws"
	"github.com/smtui/smtui/ui/jsonedit"
)

// The checks below are aws's input rules (aws.CheckSecretName and friends),
// turned into the form's message text ("" when the input is fine).

// createMaxTags is how many tags a secret can have.
const createMaxTags = aws.MaxTags

// errText is err's message, or "" for nil.
func errText(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

// checkSecretName validates a new secret's name.
func checkSecretName(name string) string { return errText(aws.CheckSecretName(name)) }

// checkDescription validates a description's length.
func checkDescription(d string) string { return errText(aws.CheckDescription(d)) }

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
func checkTags(tags []aws.Tag) string { return errText(aws.CheckTags(tags)) }

// checkTag validates one tag.
func checkTag(t aws.Tag) string { return errText(aws.CheckTag(t)) }

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
