package common

// MaskText stands in for a value that is not revealed. It has a fixed width
// whatever the value, so the mask gives away neither content nor length.
const MaskText = "••••••••"

// MaskWidth is maskText's width in cells.
const MaskWidth = 8

// RenderMask renders the mask in the masked style.
func RenderMask(st *Styles) string { return st.Masked.Render(MaskText) }
