package emulator

import "strings"

type randomPasswordInput struct {
	PasswordLength          *int64 `json:"PasswordLength"`
	ExcludeCharacters       string `json:"ExcludeCharacters"`
	ExcludeNumbers          bool   `json:"ExcludeNumbers"`
	ExcludePunctuation      bool   `json:"ExcludePunctuation"`
	ExcludeUppercase        bool   `json:"ExcludeUppercase"`
	ExcludeLowercase        bool   `json:"ExcludeLowercase"`
	IncludeSpace            bool   `json:"IncludeSpace"`
	RequireEachIncludedType *bool  `json:"RequireEachIncludedType"`
}

type randomPasswordOutput struct {
	RandomPassword string `json:"RandomPassword"`
}

// getRandomPassword generates a password like AWS's GetRandomPassword.
func (e *Emulator) getRandomPassword(c *call) (any, *apiError) {
	var in randomPasswordInput
	if err := c.decode(&in); err != nil {
		return nil, err
	}
	n := int64(32)
	if in.PasswordLength != nil {
		n = *in.PasswordLength
	}
	if n < 1 || n > 4096 {
		return nil, errorf(codeInvalidParameter, "PasswordLength must be between 1 and 4096.")
	}
	drop := func(set string) string {
		return strings.Map(func(r rune) rune {
			if strings.ContainsRune(in.ExcludeCharacters, r) {
				return -1
			}
			return r
		}, set)
	}
	var sets []string
	add := func(exclude bool, set string) {
		if set = drop(set); !exclude && set != "" {
			sets = append(sets, set)
		}
	}
	add(in.ExcludeLowercase, "abcdefghijklmnopqrstuvwxyz")
	add(in.ExcludeUppercase, "ABCDEFGHIJKLMNOPQRSTUVWXYZ")
	add(in.ExcludeNumbers, "0123456789")
	add(in.ExcludePunctuation, "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")
	add(!in.IncludeSpace, " ")
	if len(sets) == 0 {
		return nil, errorf(codeInvalidParameter, "The password can't be generated because every character type is excluded.")
	}
	requireEach := in.RequireEachIncludedType == nil || *in.RequireEachIncludedType
	if requireEach && int(n) < len(sets) {
		return nil, errorf(codeInvalidParameter, "PasswordLength is too short to include every required character type.")
	}
	all := strings.Join(sets, "")
	b := []byte(randString(e.rng, all, int(n)))
	if requireEach {
		// Put one character of each type at distinct random positions.
		pos := e.rng.Perm(int(n))
		for i, set := range sets {
			b[pos[i]] = set[e.rng.IntN(len(set))]
		}
	}
	return randomPasswordOutput{RandomPassword: string(b)}, nil
}
