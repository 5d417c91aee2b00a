package dialog

// Every screen of this package is a dialog box (common.Boxed): at most
// common.BoxMaxWidth columns, centred by the App on a wide window.

// Boxed marks the screen as a dialog box.
func (c *CreateScreen) Boxed() {}

// Boxed marks the screen as a dialog box.
func (d *DeleteScreen) Boxed() {}

// Boxed marks the screen as a dialog box.
func (f *FirstValueScreen) Boxed() {}

// Boxed marks the screen as a dialog box.
func (m *MoveLabelScreen) Boxed() {}

// Boxed marks the screen as a dialog box.
func (r *RemoveLabelScreen) Boxed() {}

// Boxed marks the screen as a dialog box.
func (r *ReplicasScreen) Boxed() {}

// Boxed marks the screen as a dialog box.
func (r *RestoreScreen) Boxed() {}

// Boxed marks the screen as a dialog box.
func (r *RollbackScreen) Boxed() {}

// Boxed marks the screen as a dialog box.
func (r *RotateScreen) Boxed() {}

// Boxed marks the screen as a dialog box.
func (s *StuckRotationScreen) Boxed() {}

// Boxed marks the screen as a dialog box.
func (r *RotationSettingsScreen) Boxed() {}

// Boxed marks the screen as a dialog box.
func (s *TagsScreen) Boxed() {}
