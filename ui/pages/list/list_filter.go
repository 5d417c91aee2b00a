package list

import (
	"fmt"
	"strings"

	"github.com/smtui/smtui/aws"
)

// serverFilterKeys are the ListSecrets filter keys, in the order they are
// shown in the prompt's hint.
func serverFilterKeys() []string {
	return []string{"name", "description", "tag-key", "tag-value", "primary-region", "owning-service", "all"}
}

// ParseServerFilter reads the server-side filter syntax:
//
//	name:prod/ tag-key:team description:orders !name:prod/legacy
//
// Each word is key:value; a word without a key searches "all". A "!"
// before the key or the value negates it. Values of one key are OR'ed by
// the server, different keys AND'ed. Double quotes keep spaces in a value:
// description:"order service". An empty input means no filter.
func ParseServerFilter(s string) ([]aws.Filter, error) {
	words, err := splitQuoted(s)
	if err != nil {
		return nil, err
	}
	var out []aws.Filter
	at := map[string]int{}
	for _, w := range words {
		neg := strings.HasPrefix(w, "!")
		if neg {
			w = w[1:]
		}
		k, v, found := strings.Cut(w, ":")
		if !found {
			k, v = "all", w
		} else if !isServerFilterKey(k) {
			return nil, fmt.Errorf("unknown filter key %q: use %s", k, strings.Join(serverFilterKeys(), ", "))
		}
		if strings.HasPrefix(v, "!") {
			neg = !neg
			v = v[1:]
		}
		if v == "" {
			return nil, fmt.Errorf("filter %q needs a value, e.g. %s:prod", k, k)
		}
		if neg {
			v = "!" + v
		}
		if i, ok := at[k]; ok {
			out[i].Values = append(out[i].Values, v)
			continue
		}
		at[k] = len(out)
		out = append(out, aws.Filter{Key: k, Values: []string{v}})
	}
	return out, nil
}

func isServerFilterKey(k string) bool {
	for _, x := range serverFilterKeys() {
		if k == x {
			return true
		}
	}
	return false
}

// splitQuoted splits s on spaces, keeping double-quoted runs together.
func splitQuoted(s string) ([]string, error) {
	var words []string
	var b strings.Builder
	inQuote, has := false, false
	for _, r := range s {
		switch {
		case r == '"':
			inQuote = !inQuote
			has = true
		case (r == ' ' || r == '\t') && !inQuote:
			if has {
				words = append(words, b.String())
				b.Reset()
				has = false
			}
		default:
			b.WriteRune(r)
			has = true
		}
	}
	if inQuote {
		return nil, fmt.Errorf("a double quote is not closed")
	}
	if has {
		words = append(words, b.String())
	}
	return words, nil
}

// FormatServerFilter writes filters back in the prompt's syntax, for the
// list header.
func FormatServerFilter(filters []aws.Filter) string {
	var parts []string
	for _, f := range filters {
		for _, v := range f.Values {
			neg := strings.HasPrefix(v, "!")
			v = strings.TrimPrefix(v, "!")
			if strings.ContainsAny(v, " \t") {
				v = `"` + v + `"`
			}
			p := f.Key + ":" + v
			if neg {
				p = "!" + p
			}
			parts = append(parts, p)
		}
	}
	return strings.Join(parts, " ")
}
