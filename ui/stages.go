package ui

import (
	"sort"
	"strings"

	"charm.land/lipgloss/v2"

	"github.com/smtui/smtui/aws"
	"github.com/smtui/smtui/ui/common"
)

// Staging labels, read from a secret's version-to-labels map (which both
// ListSecrets and DescribeSecret return, so no extra call is needed).

// labelHolder returns the version id carrying label, or "".
func labelHolder(stages map[string][]string, label string) string {
	for id, ls := range stages {
		for _, l := range ls {
			if l == label {
				return id
			}
		}
	}
	return ""
}

// hasLabel reports whether labels contains label.
func hasLabel(labels []string, label string) bool {
	for _, l := range labels {
		if l == label {
			return true
		}
	}
	return false
}

// strayPending returns the version carrying AWSPENDING when it is not the
// AWSCURRENT version: a rotation in progress, or stuck after a failure.
func strayPending(stages map[string][]string) (pending, current string, stuck bool) {
	pending = labelHolder(stages, aws.LabelPending)
	current = labelHolder(stages, aws.LabelCurrent)
	return pending, current, pending != "" && pending != current
}

// currentVersion returns the version id that carries AWSCURRENT, or "".
func currentVersion(stages map[string][]string) string {
	return labelHolder(stages, aws.LabelCurrent)
}

// stageRank orders the well-known labels before custom ones.
func stageRank(l string) int {
	switch l {
	case aws.LabelCurrent:
		return 0
	case aws.LabelPrevious:
		return 1
	case aws.LabelPending:
		return 2
	}
	return 3
}

// sortedLabels orders AWS's labels first (AWSCURRENT, AWSPREVIOUS,
// AWSPENDING), then custom ones by name.
func sortedLabels(ls []string) []string {
	out := append([]string(nil), ls...)
	sort.SliceStable(out, func(i, j int) bool {
		ri, rj := stageRank(out[i]), stageRank(out[j])
		if ri != rj {
			return ri < rj
		}
		return out[i] < out[j]
	})
	return out
}

// stageLabels renders a version's staging labels, each in its own style:
// AWSCURRENT, AWSPREVIOUS, AWSPENDING, then custom labels by name. A version
// without labels is marked deprecated.
func stageLabels(st *Styles, ver aws.Version) string {
	if ver.Deprecated() {
		return st.Deprecated.Render("deprecated (no labels)")
	}
	labels := sortedLabels(ver.Stages)
	parts := make([]string, len(labels))
	for i, l := range labels {
		parts[i] = stageStyle(st, l).Render(common.Sanitize(l))
	}
	return strings.Join(parts, " ")
}

// stageStyle is the style of one staging label.
func stageStyle(st *Styles, l string) lipgloss.Style {
	switch l {
	case aws.LabelCurrent:
		return st.StageCurrent
	case aws.LabelPrevious:
		return st.StagePrevious
	case aws.LabelPending:
		return st.StagePending
	}
	return st.StageCustom
}
