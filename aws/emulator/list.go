package emulator

import (
	"cmp"
	"encoding/base64"
	"encoding/json"
	"slices"
	"sort"
	"strings"
	"unicode"
)

// Sort keys of ListSecrets.
const (
	sortCreated      = "created-date"
	sortName         = "name"
	sortLastChanged  = "last-changed-date"
	sortLastAccessed = "last-accessed-date"
)

type listSecretsInput struct {
	Filters                []filterInput `json:"Filters"`
	IncludePlannedDeletion bool          `json:"IncludePlannedDeletion"`
	MaxResults             *int32        `json:"MaxResults"`
	NextToken              string        `json:"NextToken"`
	SortBy                 string        `json:"SortBy"`
	SortOrder              string        `json:"SortOrder"`
}

type filterInput struct {
	Key    string   `json:"Key"`
	Values []string `json:"Values"`
}

type listSecretsOutput struct {
	SecretList []secretEntry `json:"SecretList"`
	NextToken  string        `json:"NextToken,omitempty"`
}

// sortKey orders secrets: by t or s, ties broken by creation sequence.
type sortKey struct {
	T   int64  `json:"t,omitempty"`
	S   string `json:"s,omitempty"`
	Seq int64  `json:"q"`
}

func compareKeys(a, b sortKey) int {
	if c := cmp.Compare(a.T, b.T); c != 0 {
		return c
	}
	if c := strings.Compare(a.S, b.S); c != 0 {
		return c
	}
	return cmp.Compare(a.Seq, b.Seq)
}

func keyOf(s *secret, by string) sortKey {
	k := sortKey{Seq: s.seq}
	switch by {
	case sortName:
		k.S = s.name
	case sortLastChanged:
		k.T = s.lastChanged.UnixNano()
	case sortLastAccessed:
		if !s.lastAccessed.IsZero() {
			k.T = s.lastAccessed.UnixNano()
		}
	default:
		k.T = s.created.UnixNano()
	}
	return k
}

// listToken is the decoded NextToken: the sort and the last key returned.
type listToken struct {
	By    string  `json:"b"`
	Desc  bool    `json:"d,omitempty"`
	After sortKey `json:"a"`
}

func encodeToken(t listToken) string {
	b, _ := json.Marshal(t)
	return base64.RawURLEncoding.EncodeToString(b)
}

func decodeToken(s string) (listToken, bool) {
	var t listToken
	b, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil || json.Unmarshal(b, &t) != nil {
		return t, false
	}
	return t, true
}

// sortedBy returns the region's secrets in ascending order of by, from the
// cache when nothing changed since it was built.
func (r *region) sortedBy(by string) []*secret {
	if s, ok := r.sorted[by]; ok {
		return s
	}
	list := make([]*secret, 0, len(r.secrets))
	for _, s := range r.secrets {
		list = append(list, s)
	}
	slices.SortFunc(list, func(a, b *secret) int { return compareKeys(keyOf(a, by), keyOf(b, by)) })
	r.sorted[by] = list
	return list
}

func (e *Emulator) listSecrets(c *call) (any, *apiError) {
	var in listSecretsInput
	if err := c.decode(&in); err != nil {
		return nil, err
	}
	limit, err := validateMaxResults(in.MaxResults)
	if err != nil {
		return nil, err
	}
	by := in.SortBy
	switch by {
	case "":
		by = sortCreated
	case sortCreated, sortName, sortLastChanged, sortLastAccessed:
	default:
		return nil, errorf(codeValidation, "1 validation error detected: Value '%s' at 'sortBy' failed to satisfy constraint: Member must satisfy enum value set: [created-date, last-accessed-date, last-changed-date, name]", by)
	}
	var desc bool
	switch in.SortOrder {
	case "", "asc":
	case "desc":
		desc = true
	default:
		return nil, errorf(codeValidation, "1 validation error detected: Value '%s' at 'sortOrder' failed to satisfy constraint: Member must satisfy enum value set: [asc, desc]", in.SortOrder)
	}
	match, err := compileFilters(in.Filters)
	if err != nil {
		return nil, err
	}

	list := c.region.sortedBy(by)
	var i int // next index to look at
	switch {
	case in.NextToken != "":
		tok, ok := decodeToken(in.NextToken)
		if !ok || tok.By != by || tok.Desc != desc {
			return nil, errorf(codeInvalidNextToken, "The NextToken value is invalid or doesn't match this request's sort.")
		}
		first := sort.Search(len(list), func(j int) bool { return compareKeys(keyOf(list[j], by), tok.After) > 0 })
		i = first
		if desc {
			i = sort.Search(len(list), func(j int) bool { return compareKeys(keyOf(list[j], by), tok.After) >= 0 }) - 1
		}
	case desc:
		i = len(list) - 1
	}
	step := 1
	if desc {
		step = -1
	}

	out := listSecretsOutput{SecretList: []secretEntry{}}
	var last *secret
	for ; i >= 0 && i < len(list); i += step {
		s := list[i]
		if (!in.IncludePlannedDeletion && s.scheduledForDeletion()) || !match(s) {
			continue
		}
		if len(out.SecretList) == limit {
			out.NextToken = encodeToken(listToken{By: by, Desc: desc, After: keyOf(last, by)})
			break
		}
		en := s.entry()
		en.SecretVersionsToStages = s.versionStages()
		out.SecretList = append(out.SecretList, en)
		last = s
	}
	return out, nil
}

// filterKeys are the ListSecrets filter keys.
var filterKeys = []string{"description", "name", "tag-key", "tag-value", "primary-region", "owning-service", "all"}

// compileFilters turns filters into a predicate: values of one key are
// OR'ed, keys are AND'ed, a "!" value must not match.
func compileFilters(filters []filterInput) (func(*secret) bool, *apiError) {
	var preds []func(*secret) bool
	for _, f := range filters {
		if !slices.Contains(filterKeys, f.Key) {
			return nil, errorf(codeValidation, "1 validation error detected: Value '%s' at 'filters.member.key' failed to satisfy constraint: Member must satisfy enum value set: [%s]", f.Key, strings.Join(filterKeys, ", "))
		}
		if len(f.Values) == 0 {
			return nil, errorf(codeInvalidParameter, "Filter %s must have at least one value.", f.Key)
		}
		var pos, neg []string
		for _, v := range f.Values {
			if n, ok := strings.CutPrefix(v, "!"); ok {
				neg = append(neg, n)
			} else {
				pos = append(pos, v)
			}
		}
		key := f.Key
		preds = append(preds, func(s *secret) bool {
			if len(pos) > 0 && !slices.ContainsFunc(pos, func(v string) bool { return matchesFilter(s, key, v) }) {
				return false
			}
			return !slices.ContainsFunc(neg, func(v string) bool { return matchesFilter(s, key, v) })
		})
	}
	return func(s *secret) bool {
		for _, p := range preds {
			if !p(s) {
				return false
			}
		}
		return true
	}, nil
}

// matchesFilter reports whether one filter value matches the secret.
func matchesFilter(s *secret, key, v string) bool {
	switch key {
	case "name":
		return strings.HasPrefix(s.name, v)
	case "description":
		return wordsMatch(v, s.description)
	case "tag-key":
		return slices.ContainsFunc(s.tags, func(t tag) bool { return strings.HasPrefix(t.Key, v) })
	case "tag-value":
		return slices.ContainsFunc(s.tags, func(t tag) bool { return strings.HasPrefix(t.Value, v) })
	case "primary-region":
		return s.primaryRegion != "" && strings.HasPrefix(s.primaryRegion, v)
	case "owning-service":
		return s.owningService != "" && strings.HasPrefix(s.owningService, v)
	case "all":
		attrs := []string{s.name, s.description, s.primaryRegion, s.owningService}
		for _, t := range s.tags {
			attrs = append(attrs, t.Key, t.Value)
		}
		return wordsMatch(v, attrs...)
	}
	return false
}

// wordsMatch reports whether every whitespace-separated word of query
// matches an attribute, case-insensitively: as a prefix of the attribute, as
// a prefix of one of its words, or (a query word that itself breaks into
// several words, such as "AppBeta") with each of its words a prefix of one
// of the attribute's words.
func wordsMatch(query string, attrs ...string) bool {
	qs := strings.Fields(query)
	if len(qs) == 0 {
		return false
	}
	for _, q := range qs {
		if !slices.ContainsFunc(attrs, func(a string) bool { return wordMatches(q, a) }) {
			return false
		}
	}
	return true
}

func wordMatches(q, attr string) bool {
	lq := strings.ToLower(q)
	if strings.HasPrefix(strings.ToLower(attr), lq) {
		return true
	}
	// Whole words ("postgresql") as well as their parts ("postgre", "sql").
	words := append(strings.FieldsFunc(strings.ToLower(attr), isWordSep), splitWords(attr)...)
	prefixOfWord := func(p string) bool {
		return slices.ContainsFunc(words, func(w string) bool { return strings.HasPrefix(w, p) })
	}
	if prefixOfWord(lq) {
		return true
	}
	parts := splitWords(q)
	return len(parts) > 1 && !slices.ContainsFunc(parts, func(p string) bool { return !prefixOfWord(p) })
}

// splitWords breaks s into lower-cased words the way AWS documents for the
// "all" filter: at anything that is not a letter or digit, at a change from
// lower to upper case ("AppBeta" is "app", "beta"), before the last capital
// of a run of capitals followed by lower case ("COMPANYthings" is "compan",
// "ythings"), and between letters and digits ("db2prod" is "db", "2",
// "prod").
func splitWords(s string) []string {
	rs := []rune(s)
	var words []string
	start := -1
	flush := func(end int) {
		if start >= 0 && end > start {
			words = append(words, strings.ToLower(string(rs[start:end])))
		}
		start = -1
	}
	for i, r := range rs {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			flush(i)
			continue
		}
		if start >= 0 && wordBoundary(rs, i) {
			flush(i)
		}
		if start < 0 {
			start = i
		}
	}
	flush(len(rs))
	return words
}

// wordBoundary reports whether a new word starts at rs[i], given that
// rs[i-1] is a letter or digit.
func wordBoundary(rs []rune, i int) bool {
	prev, cur := rs[i-1], rs[i]
	switch {
	case unicode.IsDigit(prev) != unicode.IsDigit(cur):
		return true
	case unicode.IsLower(prev) && unicode.IsUpper(cur):
		return true
	case unicode.IsUpper(prev) && unicode.IsUpper(cur) && i+1 < len(rs) && unicode.IsLower(rs[i+1]):
		return true
	}
	return false
}

func isWordSep(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }
