// Package jsonedit is the engine behind smtui's JSON secret viewer and its
// safe inline editor.
//
// Parse reads a JSON document into a tree of Nodes that remember where
// every value (and every object member's key) sits in the original bytes.
// The viewer lists a node's Fields in the document's own order, with each
// value's Kind; the editor changes one field and gets back new document
// bytes in which everything outside the edited span is byte-identical:
// numbers keep their spelling (3306, 1e3, 12345678901234567890), strings
// elsewhere keep their escapes ("\u00e9" stays as written), and the
// surrounding indentation style is followed when members are added.
//
// # Secrets
//
// The documents are secrets. No error from this package quotes the input:
// syntax errors report a byte offset, line and column only, and edit errors
// name at most the path (the keys) they were given, never a value. Node,
// Document and Change print as redacted placeholders with every fmt verb.
//
// # Duplicate keys
//
// JSON parsers disagree about duplicate object keys (some keep the first,
// most keep the last), so this package keeps every member as written and
// marks duplicates (Field.Duplicate, Document.Duplicates). Lookup and every
// edit refuse, with ErrDuplicateKey, a path that goes through a duplicated
// key: an operator must not edit a value that the application may not read.
// Diff follows encoding/json and compares the last occurrence.
//
// # Typical use
//
//	doc, err := jsonedit.Parse(secret)
//	for _, f := range doc.Fields() { ... f.Key, f.Value.Kind(), f.Value.Decoded() ... }
//	raw, err := jsonedit.ParseInput(jsonedit.Number, typed)
//	updated, err := doc.Set(jsonedit.Path{jsonedit.Key("port")}, raw)
//	changes, err := jsonedit.Diff(secret, updated)
package jsonedit
