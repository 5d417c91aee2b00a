package secret

import (
	"encoding/base64"

	tea "charm.land/bubbletea/v2"

	"github.com/smtui/smtui/ui/audit"
	"github.com/smtui/smtui/ui/common"
	"github.com/smtui/smtui/ui/jsonedit"
)

// fieldWhat names a field for the status line and the audit log.
func fieldWhat(p jsonedit.Path) string { return "field " + quoteWhat(p.String()) }

func quoteWhat(s string) string { return "\"" + s + "\"" }

// audit records a reveal or copy (never the value) in a command.
func (v *Value) audit(action, detail string) tea.Cmd {
	ev := audit.Event{
		Action: action, Region: v.target.Region, SecretARN: v.secretARN(),
		VersionIDs: []string{v.Val.VersionID}, Outcome: "ok", Detail: detail,
	}
	env := v.env
	return func() tea.Msg {
		env.Record(ev)
		return nil
	}
}

func (v *Value) secretARN() string {
	if v.Val.ARN != "" {
		return v.Val.ARN
	}
	return v.target.ARN
}

// copyAll puts the whole value on the clipboard (base64 for binary).
func (v *Value) copyAll() tea.Cmd {
	text, what := v.Val.Secret.Text(), "the value"
	if v.Kind == ValueBinary {
		text, what = base64.StdEncoding.EncodeToString(v.Val.Secret.Bytes()), "the value (base64)"
	}
	return v.copyText(text, what)
}

// copyField copies the selected field without revealing it: a string's
// decoded text, any other value's JSON text.
func (v *Value) copyField() tea.Cmd {
	if v.Kind != ValueJSON || v.raw {
		return v.copyAll()
	}
	r, ok := v.Table.Selected()
	if !ok {
		return nil
	}
	text := string(r.node.Raw())
	if r.kind() == jsonedit.String {
		text = r.node.Decoded()
	} else if r.container() {
		text = compactJSON(r.node.Raw())
	}
	return v.copyText(text, fieldWhat(r.Path))
}

func (v *Value) copyText(text, what string) tea.Cmd {
	msg := common.CopyMsg{Text: text, What: what, Secret: true, ARN: v.secretARN(), Region: v.target.Region, Version: v.Val.VersionID}
	return func() tea.Msg { return msg }
}
