package ui

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/smtui/smtui/aws"
	"github.com/smtui/smtui/keymap"
	"github.com/smtui/smtui/ui/common"
)

// Prose that names a key takes it from the binding: after a rebinding, the
// error hints name the new key.
func TestErrorHintsNameTheBoundKeys(t *testing.T) {
	k := keymap.Default()
	k.Common.Refresh.SetKeys("f5")
	k.Common.Refresh.SetHelp("F5", "refresh")
	k.List.Profile.SetKeys("f6")
	k.List.Profile.SetHelp("F6", "profile")
	for _, c := range []struct {
		kind aws.ErrorKind
		want string
	}{
		{aws.KindThrottled, "press F5 to retry"},
		{aws.KindNetwork, "press F5 to retry"},
		{aws.KindTimeout, "press F5 to retry"},
		{aws.KindNotFound, "press F5 to refresh"},
		{aws.KindAccessDenied, "switch profile (F6)"},
	} {
		got := common.DescribeError(k, &aws.Error{Kind: c.kind, Op: "describe", Message: "boom"})
		if !strings.Contains(got, c.want) {
			t.Errorf("kind %v: %q does not contain %q", c.kind, got, c.want)
		}
	}
	// And with the default map, the text is what it always was.
	got := common.DescribeError(keymap.Default(), &aws.Error{Kind: aws.KindTimeout, Op: "describe", Message: "boom"})
	if !strings.Contains(got, "the call took too long; press r to retry") {
		t.Errorf("default hint changed: %q", got)
	}
}

// keyProse finds a key written into a string literal: "press r", "(esc)",
// "(u)". Such text lies once the key is rebound; build it from the binding
// (keyHelp, keymap.KeyName) instead.
func keyProse() *regexp.Regexp {
	return regexp.MustCompile(`"[^"\n]*(?:[Pp]ress (?:esc|enter|tab|space|ctrl\+[a-z]|[a-zA-Z?])| \((?:esc|enter|tab|space|ctrl\+[a-z]|[a-zA-Z?])\))(?:[^a-zA-Z"][^"\n]*)?"`)
}

func TestNoKeyIsWrittenIntoProse(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil || len(files) == 0 {
		t.Fatalf("no sources: %v", err)
	}
	re := keyProse()
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for i, line := range strings.Split(string(src), "\n") {
			if m := re.FindString(line); m != "" {
				t.Errorf("%s:%d names a key in prose: %s", f, i+1, m)
			}
		}
	}
}

func TestKeyProsePatternCatchesHardCodedKeys(t *testing.T) {
	re := keyProse()
	for _, s := range []string{`"press r to retry"`, `"Press esc to go back."`, `"go back (esc)"`, `"restore it first (u), then"`, `"or press r"`} {
		if !re.MatchString(s) {
			t.Errorf("%s is not caught", s)
		}
	}
	for _, s := range []string{`"press any key to close"`, `"%d unsaved edit(s)"`, `"rate(N days)"`} {
		if re.MatchString(s) {
			t.Errorf("%s is caught but names no key", s)
		}
	}
}
