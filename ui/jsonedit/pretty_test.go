package jsonedit

import (
	"bytes"
	"encoding/json"
	"testing"
)

func TestPretty(t *testing.T) {
	in := `{"port":3306,"ratio":1e3,"big":12345678901234567890,"s":"caf\u00e9","z":1,"a":{"x":[1,{"k":null}],"e":{},"l":[]},"z":2}`
	want := `{
  "port": 3306,
  "ratio": 1e3,
  "big": 12345678901234567890,
  "s": "caf\u00e9",
  "z": 1,
  "a": {
    "x": [
      1,
      {
        "k": null
      }
    ],
    "e": {},
    "l": []
  },
  "z": 2
}`
	got, err := Pretty([]byte(in))
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != want {
		t.Fatalf("got:\n%s", got)
	}
	// Idempotent, and equal to the original once whitespace is removed.
	again, _ := Pretty(got)
	if !bytes.Equal(again, got) {
		t.Fatal("Pretty is not idempotent")
	}
	var c1, c2 bytes.Buffer
	if json.Compact(&c1, []byte(in)) != nil || json.Compact(&c2, got) != nil || c1.String() != c2.String() {
		t.Fatal("Pretty changed more than whitespace")
	}
	for _, s := range []string{`"x"`, `1e3`, `[]`, `{}`, `null`} {
		if got, err := Pretty([]byte(" " + s + "\n")); err != nil || string(got) != s {
			t.Errorf("Pretty(%s) = %s, %v", s, got, err)
		}
	}
	if _, err := Pretty([]byte(`{"pw": hunter2}`)); err == nil ||
		err.Error() != "pretty: invalid JSON at line 1, column 8 (byte 7): unexpected character, expected a value" {
		t.Errorf("Pretty(invalid) err = %v", err)
	}
}
