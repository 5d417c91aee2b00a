package dialog

// Every dialog is a layer over the screen that opened it: q closes it like
// esc and never quits the app (common.Layer).

// IsLayer is always true: the create dialog is a layer.
func (c *CreateScreen) IsLayer() bool { return true }

// IsLayer is always true: the delete dialog is a layer.
func (d *DeleteScreen) IsLayer() bool { return true }

// IsLayer is always true: the first value dialog is a layer.
func (f *FirstValueScreen) IsLayer() bool { return true }

// IsLayer is always true: the move label dialog is a layer.
func (m *MoveLabelScreen) IsLayer() bool { return true }

// IsLayer is always true: the remove label dialog is a layer.
func (r *RemoveLabelScreen) IsLayer() bool { return true }

// IsLayer is always true: the replication dialog is a layer.
func (r *ReplicasScreen) IsLayer() bool { return true }

// IsLayer is always true: the restore dialog is a layer.
func (r *RestoreScreen) IsLayer() bool { return true }

// IsLayer is always true: the rollback dialog is a layer.
func (r *RollbackScreen) IsLayer() bool { return true }

// IsLayer is always true: the rotate dialog (and its watch) is a layer.
func (r *RotateScreen) IsLayer() bool { return true }

// IsLayer is always true: the stuck rotation dialog is a layer.
func (s *StuckRotationScreen) IsLayer() bool { return true }

// IsLayer is always true: the rotation settings dialog is a layer.
func (r *RotationSettingsScreen) IsLayer() bool { return true }

// IsLayer is always true: the tags dialog is a layer.
func (s *TagsScreen) IsLayer() bool { return true }
