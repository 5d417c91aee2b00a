package ui

import "github.com/smtui/smtui/ui/common"

// maskText stands in for a value that is not revealed. It has a fixed width
// whatever the value, so the mask gives away neither content nor length.
const maskText = "••••••••"

// maskWidth is maskText's width in cells.
const maskWidth = 8

// renderMask renders the mask in the masked style.
func renderMask(st *common.Styles) string { return st.Masked.Render(maskText) }
