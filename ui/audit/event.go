package audit

// Event is one line of the local audit log. It never holds a value.
type Event struct {
	Action     string   // e.g. "reveal", "copy", "put-value", "move-label", "rotate", "delete"
	Region     string   //
	SecretARN  string   //
	VersionIDs []string //
	Outcome    string   // "ok" or the error kind
	Detail     string   // e.g. the field name copied, the label moved; never a value
}

// Auditor records changes, reveals and copies. A nil Auditor records
// nothing. Screens call Record from Update, so it must only queue the event
// (Log writes on its own goroutine), and be safe from several goroutines.
type Auditor interface {
	Record(ev Event)
	Path() string
}
