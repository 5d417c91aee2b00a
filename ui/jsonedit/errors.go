package jsonedit

import (
	"errors"
	"fmt"
)

// Sentinel errors, matched with errors.Is. Messages built on them name the
// path at most, never a value.
var (
	// ErrNotFound means a path names a key or index that does not exist.
	ErrNotFound = errors.New("no such field")
	// ErrDuplicateKey means a path goes through a key that appears more
	// than once in its object, so the target is ambiguous.
	ErrDuplicateKey = errors.New("key appears more than once in its object")
	// ErrKeyExists means an added or renamed key is already in the object.
	ErrKeyExists = errors.New("key already exists")
	// ErrWrongKind means the operation does not apply to the value's kind
	// (a key into an array, appending to a string, ...).
	ErrWrongKind = errors.New("wrong kind of value")
	// ErrRoot means the operation needs a parent and the path is empty.
	ErrRoot = errors.New("operation needs a field, not the whole document")
)

// SyntaxError reports invalid JSON. It carries the position only: the
// message never contains any of the input.
type SyntaxError struct {
	Offset int    // byte offset of the problem, from 0
	Line   int    // line number, from 1
	Column int    // column in characters (runes), from 1
	Msg    string // what was expected, in words
}

// Error implements error.
func (e *SyntaxError) Error() string {
	return fmt.Sprintf("invalid JSON at line %d, column %d (byte %d): %s", e.Line, e.Column, e.Offset, e.Msg)
}

// newSyntaxError builds a SyntaxError for offset off in src.
func newSyntaxError(src []byte, off int, msg string) *SyntaxError {
	if off > len(src) {
		off = len(src)
	}
	line, col := 1, 1
	for _, r := range string(src[:off]) {
		if r == '\n' {
			line++
			col = 1
		} else {
			col++
		}
	}
	return &SyntaxError{Offset: off, Line: line, Column: col, Msg: msg}
}
