// Package diff compares two secret values and renders the difference
// masked: keys and markers, a value only when the operator revealed it.
package diff
