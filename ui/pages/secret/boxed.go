package secret

// Boxed marks the save review as a dialog box (common.Boxed): at most
// common.BoxMaxWidth columns, centred by the App on a wide window.
func (r *Review) Boxed() {}
