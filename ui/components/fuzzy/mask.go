package fuzzy

// charMask is a set of the lowered ASCII bytes of a text, one bit each for
// a-z and 0-9 and the other bytes sharing the remaining 28 bits. A pattern
// byte whose bit is missing from a field's mask cannot occur in the field,
// so the field cannot match (contiguously or as a subsequence): the check
// rejects it without scanning it (most descriptions and tags, for a query
// that matches names). Shared bits only let a field through to the real
// matcher, never reject one that matches.
type charMask uint64

// maskOf is the mask of low (already lowered); a byte outside ASCII sets
// its shared bit like any other byte.
func maskOf(low []byte) charMask {
	var m charMask
	for _, c := range low {
		m |= byteBit(c)
	}
	return m
}

func byteBit(c byte) charMask {
	switch {
	case c >= 'a' && c <= 'z':
		return 1 << (c - 'a')
	case c >= '0' && c <= '9':
		return 1 << (26 + c - '0')
	}
	return 1 << (36 + c%28)
}

// has reports whether every byte of pat may occur in the masked text.
func (m charMask) has(pat charMask) bool { return m&pat == pat }
