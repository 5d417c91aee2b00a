package aws

import (
	"slices"
	"strings"
	"time"
)

// SaveLabelPrefix starts the private staging label a compare-and-swap save
// puts on its new version until AWSCURRENT has moved to it. The rest of the
// label is the save's request token (the version id), so two saves never
// share a label and smtui recognises its own leftovers by the prefix.
const SaveLabelPrefix = "smtui-save-"

// SaveLabelGrace is how old a version must be before smtui treats a private
// save label on it as a leftover of a save that died. A save takes at most a
// few call timeouts (15 s each by default), so a label on a version created
// more than two minutes ago is not another instance's save in progress.
// Version dates come from AWS and are compared with the local clock; a clock
// that is minutes off could remove the label of a save in progress, which
// is harmless to that save (its label move names version ids, not the
// label), only its marker goes early.
const SaveLabelGrace = 2 * time.Minute

// SaveLabel is the private label of the save whose request token is token.
func SaveLabel(token string) string { return SaveLabelPrefix + token }

// IsSaveLabel reports whether label is one of smtui's private save labels.
func IsSaveLabel(label string) bool { return strings.HasPrefix(label, SaveLabelPrefix) }

// LabelOnVersion is a staging label and the version that carries it.
type LabelOnVersion struct {
	Label     string
	VersionID string
	// Current is true when the version carries AWSCURRENT too (the save
	// died after its move, before removing its label).
	Current bool
}

// StaleSaveLabels lists smtui's private save labels left on versions
// created more than SaveLabelGrace before now: saves that died between
// their steps. Versions with no creation date are left alone.
func StaleSaveLabels(versions []Version, now time.Time) []LabelOnVersion {
	var out []LabelOnVersion
	for _, v := range versions {
		if v.CreatedDate.IsZero() || now.Sub(v.CreatedDate) < SaveLabelGrace {
			continue
		}
		for _, l := range v.Stages {
			if IsSaveLabel(l) {
				out = append(out, LabelOnVersion{Label: l, VersionID: v.ID, Current: slices.Contains(v.Stages, LabelCurrent)})
			}
		}
	}
	return out
}
