package jsonedit

import (
	"errors"
	"strings"
	"testing"
)

func TestParseInputOK(t *testing.T) {
	cases := []struct {
		kind Kind
		text string
		want string
	}{
		{Number, "3306", "3306"},
		{Number, " 1e3 ", "1e3"},
		{Number, "12345678901234567890", "12345678901234567890"},
		{Number, "-0.50E-07", "-0.50E-07"},
		{String, "hunter2", `"hunter2"`},
		{String, "", `""`},
		{String, "3306", `"3306"`},
		{String, " spaces kept ", `" spaces kept "`},
		{String, "a\"b\\c\nd\x1f\u2028é<>&/", `"a\"b\\c\nd\u001f` + "\u2028" + `é<>&/"`},
		{Bool, "true", "true"},
		{Bool, " FALSE ", "false"},
		{Bool, "True", "true"},
		{Null, "", "null"},
		{Null, " null ", "null"},
		{Object, ` {"a": 1e3, "b": [1]} `, `{"a": 1e3, "b": [1]}`},
		{Object, "{\n  \"a\": 1\n}", "{\n  \"a\": 1\n}"},
		{Array, `[1,"x"]`, `[1,"x"]`},
	}
	for _, c := range cases {
		got, err := ParseInput(c.kind, c.text)
		if err != nil || string(got) != c.want {
			t.Errorf("ParseInput(%v, %q) = %s, %v; want %s", c.kind, c.text, got, err, c.want)
		}
		if c.kind == String {
			if d, err := Parse(got); err != nil || d.Root().Decoded() != c.text {
				t.Errorf("string %q does not round-trip: %v", c.text, err)
			}
		}
	}
}

func TestParseInputErrors(t *testing.T) {
	cases := []struct {
		kind Kind
		text string
		want error
		msg  string
	}{
		{Number, "hunter2", ErrNotNumber, "not a number: keep the field a number, or switch the type to string (a number needs digits)"},
		{Number, "", ErrNotNumber, "not a number: keep the field a number, or switch the type to string (the text is empty)"},
		{Number, "0123", ErrNotNumber, "not a number: keep the field a number, or switch the type to string (leading zeros are not allowed in a number)"},
		{Number, "1.", ErrNotNumber, ""},
		{Number, "12abc", ErrNotNumber, "not a number: keep the field a number, or switch the type to string"},
		{Number, "NaN", ErrNotNumber, ""},
		{Number, "+1", ErrNotNumber, ""},
		{Number, "0x10", ErrNotNumber, ""},
		{Number, "1_000", ErrNotNumber, ""},
		{Bool, "yes", ErrNotBool, "not a boolean: type true or false, or switch the type to string"},
		{Bool, "", ErrNotBool, ""},
		{Null, "hunter2", ErrNotNull, ""},
		{String, "\xffhunter2", ErrInvalidUTF8, "text is not valid UTF-8"},
		{Object, `["hunter2"]`, nil, "not a JSON object: the text is a JSON array"},
		{Object, `{"pw": hunter2}`, nil, "not a valid JSON object: invalid JSON at line 1, column 8 (byte 7): unexpected character, expected a value"},
		{Array, `{"pw": "hunter2"}`, nil, "not a JSON array: the text is a JSON object"},
		{Array, ``, nil, ""},
		{Kind(0), "hunter2", ErrWrongKind, ""},
	}
	for _, c := range cases {
		got, err := ParseInput(c.kind, c.text)
		if err == nil || got != nil {
			t.Errorf("ParseInput(%v, %q) = %s, %v; want an error", c.kind, c.text, got, err)
			continue
		}
		if c.want != nil && !errors.Is(err, c.want) {
			t.Errorf("ParseInput(%v, %q) err = %v, want %v", c.kind, c.text, err, c.want)
		}
		if c.msg != "" && err.Error() != c.msg {
			t.Errorf("ParseInput(%v, %q) message %q, want %q", c.kind, c.text, err, c.msg)
		}
		if strings.Contains(err.Error(), "hunter2") {
			t.Errorf("ParseInput(%v) error echoes the text: %v", c.kind, err)
		}
	}
}

func TestValidNumber(t *testing.T) {
	for s, want := range map[string]bool{
		"0": true, "-0": true, "1.5": true, "1e3": true, "1E-3": true, "2.5e+10": true,
		"": false, " 1": false, "01": false, "1.": false, ".1": false, "-": false, "1e": false, "Infinity": false,
	} {
		if got := ValidNumber(s); got != want {
			t.Errorf("ValidNumber(%q) = %v, want %v", s, got, want)
		}
	}
}

func TestKindString(t *testing.T) {
	want := map[Kind]string{String: "string", Number: "number", Bool: "boolean", Null: "null", Object: "object", Array: "array", 0: "invalid"}
	for k, s := range want {
		if k.String() != s {
			t.Errorf("Kind(%d).String() = %q, want %q", int(k), k.String(), s)
		}
	}
}
