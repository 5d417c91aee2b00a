package secret

import (
	"bytes"
	"encoding/json"
	"sort"
	"strconv"
	"strings"
	"time"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/smtui/smtui/aws"
	"github.com/smtui/smtui/ui/common"
)

// detailLabelWidth is the width of the label column of the detail screen.
const detailLabelWidth = 15

// lines renders the whole detail text at the current width. Rendering is
// done when data or size changes, never in View.
func (d *Detail) lines() []string {
	st := d.env.Styles
	now := d.env.Now()
	s := d.Summary
	w := d.width
	var out []string
	add := func(ls ...string) { out = append(out, ls...) }
	kv := func(label, value string) { add(kvLines(st, label, value, w)...) }
	section := func(title string) { add("", st.Section.Render(common.Cut(title, w))) }

	add(common.WrapLines(st.Title.Render(common.Sanitize(s.Name)), w)...)
	if s.Description != "" {
		add(common.WrapLines(st.Text.Render(common.Sanitize(s.Description)), w)...)
	} else {
		add(st.Muted.Render("no description"))
	}
	switch {
	case d.LoadErr != nil:
		add(common.WrapLines(st.Error.Render(common.FailureText(d.env.Keys, "could not load details", d.LoadErr)), w)...)
		add(st.Muted.Render(common.Cut("showing what the list knew; press "+common.KeyHelp(d.env.Keys.Common.Refresh)+" to retry", w)))
	case d.loading && d.Secret == nil:
		add(st.Muted.Render("loading details…"))
	}
	if d.deleted {
		add("")
		add(common.WrapLines(st.Danger.Render("This secret was deleted for good (no recovery window). Press "+common.KeyHelp(d.env.Keys.Common.Back)+" to go back."), w)...)
	}
	if !s.DeletedDate.IsZero() {
		add("")
		text := deletionText(s, now)
		if b := d.env.Keys.Common.Restore; b.Enabled() {
			text += " Press " + b.Help().Key + " to restore it."
		}
		add(common.WrapLines(st.Danger.Render(text), w)...)
	}
	if d.Secret != nil {
		for _, r := range d.Secret.Replicas {
			if r.Status != "Failed" {
				continue
			}
			add("")
			text := "Replication to " + common.Sanitize(r.Region) + " failed"
			if r.StatusMessage != "" {
				text += ": " + strings.TrimSuffix(common.Sanitize(r.StatusMessage), ".")
			}
			text += "."
			if b := d.env.Keys.Detail.Replication; b.Enabled() {
				text += " Press " + b.Help().Key + " to replicate again or remove the replica."
			} else {
				text += " Read-only mode: ask someone who may to replicate again."
			}
			add(common.WrapLines(st.Danger.Render(text), w)...)
		}
	}
	if pending, current, stuck := common.StrayPending(s.VersionStages); stuck {
		add("")
		resolve := ""
		if b := d.env.Keys.Detail.Rotate; b.Enabled() {
			resolve = b.Help().Key
		}
		add(common.WrapLines(st.Warning.Render(stuckText(common.Sanitize(pending), common.Sanitize(current), common.Sanitize(s.RotationLambdaARN), common.KeyHelp(d.env.Keys.Common.Refresh), resolve)), w)...)
	}
	add(d.rotationFailureLines(s, w)...)

	section("Secret")
	kv("ARN", orDash(common.Sanitize(s.ARN)))
	region := d.region()
	if s.PrimaryRegion != "" && s.PrimaryRegion != region {
		region += " (replica of " + common.Sanitize(s.PrimaryRegion) + ")"
	}
	kv("Region", common.Sanitize(region))
	kv("KMS key", common.Sanitize(kmsKeyText(s.KmsKeyID)))
	if s.OwningService != "" {
		kv("Owned by", common.Sanitize(s.OwningService)+" (managed by the service; change it there)")
	}

	section("Dates")
	kv("Created", common.FormatWhen(s.CreatedDate, now))
	kv("Last changed", common.FormatWhen(s.LastChangedDate, now))
	kv("Last accessed", common.FormatDay(s.LastAccessedDate, now))
	kv("Last rotated", common.FormatWhen(s.LastRotatedDate, now))
	if s.RotationEnabled || !s.NextRotationDate.IsZero() {
		next := nextRotationText(s, now)
		if s.RotationEnabled && !s.NextRotationDate.IsZero() && s.NextRotationDate.Before(now) {
			next += " " + st.Warning.Render("overdue")
		}
		kv("Next rotation", next)
	}

	section("Rotation")
	if s.RotationEnabled {
		kv("Enabled", st.Success.Render("yes"))
	} else {
		kv("Enabled", "no")
	}
	if s.RotationLambdaARN != "" {
		kv("Lambda", common.Sanitize(s.RotationLambdaARN))
	}
	if sched := scheduleText(s.RotationRules); sched != "" {
		kv("Schedule", common.Sanitize(sched))
	}
	if s.RotationRules.Duration != "" {
		kv("Window", common.Sanitize(s.RotationRules.Duration))
	}

	section("Staging labels")
	if len(s.VersionStages) == 0 {
		add(st.Muted.Render("no versions"))
	}
	for _, lr := range labelRows(s.VersionStages) {
		add(kvStyled(common.StageStyle(st, lr.label), common.Sanitize(lr.label), common.Sanitize(lr.version), w)...)
	}

	if d.Secret != nil && len(d.Secret.Replicas) > 0 {
		section("Replicas")
		for _, r := range d.Secret.Replicas {
			kv(common.Sanitize(r.Region), replicaStatus(st, common.Sanitize(r.Status)))
			if r.StatusMessage != "" {
				kv("", common.Sanitize(r.StatusMessage))
			}
			if r.KmsKeyID != "" {
				kv("", "KMS key "+common.Sanitize(r.KmsKeyID))
			}
		}
	}

	section("Tags")
	if len(s.Tags) == 0 {
		add(st.Muted.Render("no tags"))
	}
	tags := append([]aws.Tag(nil), s.Tags...)
	sort.SliceStable(tags, func(i, j int) bool { return tags[i].Key < tags[j].Key })
	for _, t := range tags {
		kv(common.Sanitize(t.Key), common.Sanitize(t.Value))
	}

	section("Resource policy")
	switch {
	case !d.PolicyLoaded:
		add(st.Muted.Render("loading…"))
	case d.policyErr != nil:
		add(common.WrapLines(st.Warning.Render(common.FailureText(d.env.Keys, "could not load the policy", d.policyErr)), w)...)
	case strings.TrimSpace(d.policy) == "":
		add(st.Muted.Render("none"))
	default:
		for _, l := range strings.Split(common.SanitizeMultiline(prettyPolicy(d.policy)), "\n") {
			add(common.WrapLines(l, w)...)
		}
	}
	return out
}

// kvLines lays out one label/value pair, wrapping the value under itself.
// On a very narrow screen the value goes under the label.
func kvLines(st *common.Styles, label, value string, width int) []string {
	return kvStyled(st.Label, label, value, width)
}

// kvStyled is kvLines with the label in a style of its own.
func kvStyled(ls lipgloss.Style, label, value string, width int) []string {
	lw := detailLabelWidth
	if width < 30 {
		lines := []string{ls.Render(common.Cut(label, width))}
		for _, l := range common.WrapLines(value, width-2) {
			lines = append(lines, "  "+l)
		}
		return lines
	}
	vw := width - lw
	wrapped := common.WrapLines(value, vw)
	pad := strings.Repeat(" ", lw)
	lab := common.Cut(label, lw-1)
	lines := make([]string, 0, len(wrapped))
	for i, l := range wrapped {
		if i == 0 {
			lines = append(lines, ls.Render(lab)+strings.Repeat(" ", lw-ansi.StringWidth(lab))+l)
			continue
		}
		lines = append(lines, pad+l)
	}
	return lines
}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

// kmsKeyText names the KMS key; none means the AWS managed key.
func kmsKeyText(id string) string {
	if id == "" || id == "alias/aws/secretsmanager" {
		return "aws/secretsmanager (AWS managed)"
	}
	return id
}

// scheduleText describes the rotation schedule.
func scheduleText(r aws.RotationRules) string {
	switch {
	case r.ScheduleExpression != "":
		return r.ScheduleExpression
	case r.AutomaticallyAfterDays == 1:
		return "every day"
	case r.AutomaticallyAfterDays > 0:
		return "every " + strconv.FormatInt(r.AutomaticallyAfterDays, 10) + " days"
	}
	return ""
}

// replicaStatus colours a replica's status by meaning.
func replicaStatus(st *common.Styles, status string) string {
	switch status {
	case "InSync":
		return st.Success.Render(status)
	case "Failed":
		return st.Error.Render(status)
	case "InProgress":
		return st.Warning.Render(status)
	}
	return orDash(status)
}

// stuckText explains a stuck rotation in plain words, with the ways out;
// resolveKey is the key that opens them ("" in read-only mode).
func stuckText(pending, current, lambda, refreshKey, resolveKey string) string {
	cur := "no version"
	if current != "" {
		cur = "version " + current
	}
	logs := "the rotation function's CloudWatch logs"
	if lambda != "" {
		logs = "the CloudWatch logs of " + lambda
	}
	return "⚠ Rotation stuck or in progress. A rotation failed or is still running: version " + pending +
		" holds AWSPENDING, but AWSCURRENT is still on " + cur +
		", so applications read the old value. A new rotation will fail while AWSPENDING stays there. " +
		"If a rotation is running, wait and refresh (" + refreshKey + "). If it failed, find the cause in " + logs + ", fix it, " +
		resolveText(resolveKey, pending)
}

func resolveText(resolveKey, pending string) string {
	if resolveKey == "" {
		return "then remove AWSPENDING from version " + pending + " and rotate again (read-only mode: ask someone who may)."
	}
	return "then press " + resolveKey + " for the ways out: cancel the rotation, remove the stray AWSPENDING, or roll back."
}

// deletionText says when the deletion was asked and when AWS deletes the
// secret for good (common.DeletionText, the one wording of both dates).
func deletionText(s aws.SecretSummary, now time.Time) string {
	return "Scheduled for deletion: " + common.DeletionText(s.DeletedDate, s.DeletionDate, now) +
		". Its value cannot be read or changed until it is restored."
}

// labelRow is one staging label and the version that carries it.
type labelRow struct{ label, version string }

// labelRows lists staging labels: AWSCURRENT, AWSPREVIOUS, AWSPENDING, then
// custom labels by name.
func labelRows(stages map[string][]string) []labelRow {
	var rows []labelRow
	for id, ls := range stages {
		for _, l := range ls {
			rows = append(rows, labelRow{label: l, version: id})
		}
	}
	sort.Slice(rows, func(i, j int) bool {
		ri, rj := common.StageRank(rows[i].label), common.StageRank(rows[j].label)
		if ri != rj {
			return ri < rj
		}
		return rows[i].label < rows[j].label
	})
	return rows
}

// prettyPolicy indents a policy document, keeping key order and number
// spelling; a document that does not parse is shown as it is.
func prettyPolicy(p string) string {
	var b bytes.Buffer
	if err := json.Indent(&b, []byte(p), "", "  "); err != nil {
		return p
	}
	return b.String()
}
