// Package fuzzy matches a query against items' fields (names, tags,
// descriptions) and highlights the matched characters.
package fuzzy
