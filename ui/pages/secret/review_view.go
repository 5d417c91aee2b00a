package secret

import (
	"strings"

	"github.com/smtui/smtui/ui/common"
	"github.com/smtui/smtui/ui/components/diff"
	"github.com/smtui/smtui/ui/jsonedit"
)

// refreshBody rebuilds the pane's text: what the save does to the labels,
// any notes, and the diff (values masked unless revealed).
func (r *Review) refreshBody() {
	st := r.env.Styles
	req := r.req
	k := r.env.Keys
	var body []string
	if r.conflict {
		body = append(body,
			st.Error.Render("AWSCURRENT moved after you loaded the value (another operator, or a rotation). Nothing was written and nothing was overwritten."),
			st.Text.Render(capitalise(r.winnerText(r.err))+"."),
			st.Muted.Render(common.DescribeError(r.env.Keys, r.err)),
			"",
			st.Text.Render("Your edits are kept ("+common.Plural(req.Edits, "edit")+"). "+common.KeyHelp(k.Dialog.Yes)+" reloads the latest value and re-applies them; "+
				"edits that no longer fit are listed, and you review again before anything is saved."),
			st.Text.Render(common.KeyHelp(k.Dialog.No)+" goes back to your edits."),
		)
		r.write.Pane.SetBody(body)
		return
	}
	body = append(body, st.Text.Render("Region "+req.Target.Region+" · "+common.Plural(req.Edits, "edit")+"."))
	if req.ExpectCurrent != "" {
		body = append(body, st.Text.Render("Saving creates a new version: ")+st.StageCurrent.Render("AWSCURRENT")+
			st.Text.Render(" moves to it and version "+common.ShortID(req.ExpectCurrent)+" becomes ")+st.StagePrevious.Render("AWSPREVIOUS")+st.Text.Render("."))
	} else {
		body = append(body, st.Text.Render("Saving creates a new version, which becomes AWSCURRENT."))
	}
	if !req.loadedCurrent() {
		stages := "no staging label"
		if len(req.LoadedStages) > 0 {
			stages = common.Sanitize(strings.Join(req.LoadedStages, ", "))
		}
		body = append(body, st.Warning.Render("You edited version "+common.ShortID(req.LoadedID)+" ("+stages+"), not AWSCURRENT: the save still makes a NEW "+
			"AWSCURRENT version from your edited value, replacing version "+common.ShortID(req.ExpectCurrent)+" (AWSCURRENT when you loaded it)."))
	}
	switch {
	case r.liveErr != nil:
		body = append(body, st.Error.Render("Could not read AWSCURRENT (version "+common.ShortID(req.ExpectCurrent)+") to show what the save changes: "+
			common.DescribeError(r.env.Keys, r.liveErr)), st.Text.Render(common.KeyHelp(k.Dialog.Yes)+" reads it again; nothing is saved until the review shows every change."))
		r.write.Pane.SetBody(body)
		return
	case !r.liveKnown:
		body = append(body, st.Muted.Render("Reading AWSCURRENT (version "+common.ShortID(req.ExpectCurrent)+") to show everything the save changes…"))
		r.write.Pane.SetBody(body)
		return
	case len(r.reverts) > 0:
		it := "them"
		if len(r.reverts) == 1 {
			it = "it"
		}
		body = append(body, st.Warning.Render(common.Plural(len(r.reverts), "change")+" below you did not make: made after version "+
			common.ShortID(req.LoadedID)+", the save reverts "+it+" (marked \"reverts\")."))
	case r.textReverts:
		body = append(body, st.Warning.Render("The value changed after version "+common.ShortID(req.LoadedID)+": saving also reverts those changes, not only yours."))
	}
	for _, n := range req.notes {
		body = append(body, st.Warning.Render("! "+n))
	}
	body = append(body, "")
	reveal := common.KeyHelp(k.Common.Reveal) + "/" + common.KeyHelp(k.Input.Reveal)
	title := "Changes (AWSCURRENT → edited), values hidden; " + reveal + " reveals:"
	if r.Revealed {
		title = "Changes (AWSCURRENT → edited), values SHOWN; " + reveal + " hides:"
	}
	body = append(body, st.Section.Render(title))
	body = append(body, r.diffBody()...)
	r.write.Pane.SetBody(body)
}

// diffBody is the diff: per key for a JSON object (with any type change
// spelled out), else the whole value, line by line once revealed.
func (r *Review) diffBody() []string {
	st := r.env.Styles
	if r.diff.JSON || r.diff.Identical {
		out := diff.Lines(st, r.diff, r.Revealed)
		if r.diff.JSON && len(out) == len(r.diff.Changes) {
			// diffLines gives one line per change, in order.
			for i, c := range r.diff.Changes {
				if r.reverts[c.Path.String()] {
					out[i] += "  " + st.Warning.Render("reverts: changed since this version")
				}
			}
		}
		for _, c := range r.diff.Changes {
			if c.Kind != jsonedit.Changed {
				continue
			}
			if a, b := rawKind(c.Old), rawKind(c.New); a != b {
				out = append(out, st.Warning.Render("  "+common.Sanitize(c.Path.String())+": type "+a+" → "+b))
			}
		}
		return out
	}
	if !r.Revealed {
		return []string{st.Changed.Render("~ the whole value is replaced ") + common.RenderMask(st)}
	}
	oldText, newText := string(r.live), string(r.req.Updated)
	if r.req.IsJSON {
		if p, err := jsonedit.Pretty(r.live); err == nil {
			oldText = string(p)
		}
		if p, err := jsonedit.Pretty(r.req.Updated); err == nil {
			newText = string(p)
		}
	}
	return lineDiff(st, oldText, newText)
}

// rawKind is the JSON type of a raw value, for the diff.
func rawKind(raw []byte) string {
	d, err := jsonedit.Parse(raw)
	if err != nil {
		return "?"
	}
	return d.Root().Kind().String()
}

// lineDiff shows a revealed plaintext change: the lines both texts share at
// the start and the end are counted, the middle is shown removed and added.
func lineDiff(st *common.Styles, oldText, newText string) []string {
	a, b := strings.Split(oldText, "\n"), strings.Split(newText, "\n")
	pre := 0
	for pre < len(a) && pre < len(b) && a[pre] == b[pre] {
		pre++
	}
	suf := 0
	for suf < len(a)-pre && suf < len(b)-pre && a[len(a)-1-suf] == b[len(b)-1-suf] {
		suf++
	}
	var out []string
	if pre > 0 {
		out = append(out, st.Muted.Render("  … "+common.Plural(pre, "unchanged line")))
	}
	for _, l := range a[pre : len(a)-suf] {
		out = append(out, st.Removed.Render("- ")+st.Revealed.Render(common.Sanitize(l)))
	}
	for _, l := range b[pre : len(b)-suf] {
		out = append(out, st.Added.Render("+ ")+st.Revealed.Render(common.Sanitize(l)))
	}
	if suf > 0 {
		out = append(out, st.Muted.Render("  … "+common.Plural(suf, "unchanged line")))
	}
	if len(out) == 0 {
		out = append(out, st.Muted.Render("no change"))
	}
	return out
}

// capitalise upper-cases the first letter of an ASCII sentence.
func capitalise(s string) string {
	if s == "" || s[0] < 'a' || s[0] > 'z' {
		return s
	}
	return string(s[0]-'a'+'A') + s[1:]
}
