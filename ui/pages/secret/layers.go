package secret

// IsLayer is always true: the review before a save or a rollback is a
// dialog over the value screen, so q closes it like esc (common.Layer).
func (r *Review) IsLayer() bool { return true }
