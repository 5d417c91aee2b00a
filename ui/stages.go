package ui

import (
	"sort"

	"github.com/smtui/smtui/aws"
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
