package clipboard

import (
	"testing"
	"time"
)

func secretRequest(text string) Request {
	return Request{Text: text, What: `field "password"`, Secret: true, ARN: "arn:test", Region: "us-east-1", Version: "v1"}
}

func TestManagerNewerCopySupersedes(t *testing.T) {
	t.Parallel()
	clip := &memClipboard{avail: true}
	c := NewManagerFor(Config{TTL: time.Minute, Now: time.Now}, clip, false)
	c.Copy(secretRequest("first"))
	c.Copy(secretRequest("second"))
	if cmd, handled := c.Update(clearDueMsg{seq: 1}); !handled || cmd != nil {
		t.Fatal("the first copy's clear still ran after a newer copy")
	}
	if c.pending == nil || c.pending.seq != 2 {
		t.Fatalf("pending = %+v, want the second copy's", c.pending)
	}
	// A non-secret copy supersedes too: nothing is left to clear.
	c.Copy(Request{Text: "name", What: "the name"})
	if c.pending != nil {
		t.Fatal("a non-secret copy kept an older secret's clear")
	}
	// Late results of an older write are ignored.
	if cmd, handled := c.Update(writtenMsg{seq: 1}); !handled || cmd != nil {
		t.Fatal("stale write result acted on")
	}
}

func TestSSHSessionDetection(t *testing.T) {
	t.Parallel()
	env := func(m map[string]string) func(string) string { return func(k string) string { return m[k] } }
	if sshSession(env(nil)) {
		t.Error("no SSH variables, but SSH detected")
	}
	if !sshSession(env(map[string]string{"SSH_TTY": "/dev/pts/1"})) || !sshSession(env(map[string]string{"SSH_CONNECTION": "1 2 3 4"})) {
		t.Error("SSH session not detected")
	}
	c := NewManagerFor(Config{}, &memClipboard{avail: true}, true)
	if c.method() != viaOSC52 {
		t.Error("over SSH the system clipboard was chosen")
	}
}
