package list

// The pickers and sign-in prompts are layers over the list: q closes them
// like esc and never quits the app (common.Layer). So is the list itself
// while its sort menu is open.

// IsLayer is true while the sort menu is open: q closes the menu.
func (l *Screen) IsLayer() bool { return l.menu != nil }

// IsLayer is always true: the region picker is a layer.
func (p *RegionPicker) IsLayer() bool { return true }

// IsLayer is always true: the profile picker is a layer.
func (p *ProfilePicker) IsLayer() bool { return true }

// IsLayer is always true: the SSO sign-in question is a layer.
func (s *SSOScreen) IsLayer() bool { return true }

// IsLayer is always true: the MFA prompt is a layer.
func (m *MFAScreen) IsLayer() bool { return true }
