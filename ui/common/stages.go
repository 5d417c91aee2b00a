package common

import (
	"sort"
	"strings"

	"charm.land/lipgloss/v2"

	"github.com/smtui/smtui/aws"
)

// Staging labels, read from a secret's version-to-labels map (which both
// ListSecrets and DescribeSecret return, so no extra call is needed).

// LabelHolder returns the version id carrying label, or "".
func LabelHolder(stages map[string][]string, label string) string {
	for id, ls := range stages {
		for _, l := range ls {
			if l == label {
				return id
			}
		}
	}
	return ""
}

// HasLabel reports whether labels contains label.
func HasLabel(labels []string, label string) bool {
	for _, l := range labels {
		if l == label {
			return true
		}
	}
	return false
}

// StrayPending returns the version carrying AWSPENDING when it is not the
// AWSCURRENT version: a rotation in progress, or stuck after a failure.
func StrayPending(stages map[string][]string) (pending, current string, stuck bool) {
	pending = LabelHolder(stages, aws.LabelPending)
	current = LabelHolder(stages, aws.LabelCurrent)
	return pending, current, pending != "" && pending != current
}

// CurrentVersion returns the version id that carries AWSCURRENT, or "".
func CurrentVersion(stages map[string][]string) string {
	return LabelHolder(stages, aws.LabelCurrent)
}

// StageRank orders the well-known labels before custom ones.
func StageRank(l string) int {
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

// SortedLabels orders AWS's labels first (AWSCURRENT, AWSPREVIOUS,
// AWSPENDING), then custom ones by name.
func SortedLabels(ls []string) []string {
	out := append([]string(nil), ls...)
	sort.SliceStable(out, func(i, j int) bool {
		ri, rj := StageRank(out[i]), StageRank(out[j])
		if ri != rj {
			return ri < rj
		}
		return out[i] < out[j]
	})
	return out
}

// StageLabels renders a version's staging labels, each in its own style:
// AWSCURRENT, AWSPREVIOUS, AWSPENDING, then custom labels by name. A version
// without labels is marked deprecated.
func StageLabels(st *Styles, ver aws.Version) string {
	if ver.Deprecated() {
		return st.Deprecated.Render("deprecated (no labels)")
	}
	labels := SortedLabels(ver.Stages)
	parts := make([]string, len(labels))
	for i, l := range labels {
		parts[i] = StageStyle(st, l).Render(Sanitize(l))
	}
	return strings.Join(parts, " ")
}

// StageStyle is the style of one staging label.
func StageStyle(st *Styles, l string) lipgloss.Style {
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

// SortVersions orders versions newest first (ties by id, for a stable view).
func SortVersions(vs []aws.Version) []aws.Version {
	out := append([]aws.Version(nil), vs...)
	sort.SliceStable(out, func(i, j int) bool {
		if !out[i].CreatedDate.Equal(out[j].CreatedDate) {
			return out[i].CreatedDate.After(out[j].CreatedDate)
		}
		return out[i].ID < out[j].ID
	})
	return out
}
