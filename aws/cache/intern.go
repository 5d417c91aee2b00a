package cache

// Interner shares one copy of each repeated string (tag keys, staging
// labels, regions, KMS keys), so a list of many secrets holds each of them
// once. It is not safe for concurrent use.
type Interner struct {
	m map[string]string
}

// NewInterner returns an empty Interner.
func NewInterner() *Interner { return &Interner{m: map[string]string{}} }

// Intern returns the shared copy of s, remembering s if it is new.
func (in *Interner) Intern(s string) string {
	if s == "" {
		return ""
	}
	if v, ok := in.m[s]; ok {
		return v
	}
	in.m[s] = s
	return s
}
