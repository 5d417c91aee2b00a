package ui

import (
	"strings"
	"testing"
	"time"

	"github.com/smtui/smtui/aws/emulator"
)

func TestListCopyNameAndARN(t *testing.T) {
	t.Parallel()
	clip := &fakeClipboard{available: true}
	h := newListHarness(t, 120, 40, emulator.Options{}, func(o *Options) { o.Clipboard = clip })
	waitLoaded(h)
	h.press(keys().List.Filter)
	h.typeText("stripe live")
	h.press(keys().Input.Submit)
	h.press(keys().Common.CopyName)
	h.drain(50 * time.Millisecond)
	if got := clip.get(); got != "prod/api/stripe" {
		t.Errorf("copied %q, want the name", got)
	}
	h.press(keys().Common.CopyARN)
	h.drain(50 * time.Millisecond)
	if got := clip.get(); !strings.HasPrefix(got, "arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/api/stripe-") {
		t.Errorf("copied %q, want the ARN", got)
	}
}
