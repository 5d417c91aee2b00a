// Package fuzzy matches a query against items' fields (names, tags,
// descriptions) and highlights the matched characters. An Index holds many
// items' text flat, for searching a large list on every keystroke; Find
// indexes a short list's fields per call.
package fuzzy
