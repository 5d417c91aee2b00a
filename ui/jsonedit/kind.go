package jsonedit

// Kind is the type of a JSON value.
type Kind int

// The JSON value kinds. The zero Kind is not a valid kind.
const (
	String Kind = iota + 1
	Number
	Bool
	Null
	Object
	Array
)

// String returns the kind's name as shown in the viewer's type column:
// "string", "number", "boolean", "null", "object" or "array".
func (k Kind) String() string {
	switch k {
	case String:
		return "string"
	case Number:
		return "number"
	case Bool:
		return "boolean"
	case Null:
		return "null"
	case Object:
		return "object"
	case Array:
		return "array"
	}
	return "invalid"
}
