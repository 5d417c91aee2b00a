package common

// ShowOnlyMsg asks the secret list of Region to show only the secrets with
// these ARNs (the secrets of a review finding), under Label, until the
// back key clears it.
type ShowOnlyMsg struct {
	Region string
	Label  string
	ARNs   []string
}
