// Package table is the streaming secret table of the list screen: rows
// as pages arrive, fuzzy filtering, columns that fit the width.
package table
