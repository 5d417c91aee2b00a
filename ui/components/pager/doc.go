// Package pager scrolls a block of lines: the value, policy and detail
// screens show their text through it.
package pager
