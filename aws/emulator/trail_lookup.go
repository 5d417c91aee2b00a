package emulator

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"math"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// CloudTrail's JSON 1.1 target prefixes: the SDK sends the short one, AWS
// also accepts the fully qualified one.
const (
	cloudTrailTarget     = "CloudTrail_20131101."
	cloudTrailLongTarget = "com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101."
)

// CloudTrail error codes LookupEvents answers with.
const (
	codeInvalidLookupAttributes = "InvalidLookupAttributesException"
	codeInvalidMaxResults       = "InvalidMaxResultsException"
	codeInvalidTimeRange        = "InvalidTimeRangeException"
)

// lookupEventsRate is LookupEvents' quota: 2 requests a second per account
// and region (CloudTrail quotas).
const lookupEventsRate = 2

// cloudTrailRoute serves CloudTrail requests (only LookupEvents).
func (e *Emulator) cloudTrailRoute(r *http.Request) http.HandlerFunc {
	op := jsonTarget(r, cloudTrailTarget)
	if op == "" {
		op = jsonTarget(r, cloudTrailLongTarget)
	}
	if op == "" {
		return nil
	}
	return func(w http.ResponseWriter, r *http.Request) {
		if op != "LookupEvents" {
			writeError(w, errorf(codeUnknownOperation, "Unknown operation %q.", op))
			return
		}
		e.serveLookupEvents(w, r)
	}
}

type lookupAttribute struct {
	AttributeKey   string `json:"AttributeKey"`
	AttributeValue string `json:"AttributeValue"`
}

type lookupEventsInput struct {
	LookupAttributes []lookupAttribute `json:"LookupAttributes"`
	StartTime        *float64          `json:"StartTime"`
	EndTime          *float64          `json:"EndTime"`
	MaxResults       *int              `json:"MaxResults"`
	NextToken        *string           `json:"NextToken"`
	EventCategory    string            `json:"EventCategory"`
}

type trailResourceOut struct {
	ResourceType string `json:"ResourceType,omitempty"`
	ResourceName string `json:"ResourceName"`
}

type trailEventOut struct {
	EventID         string             `json:"EventId"`
	EventName       string             `json:"EventName"`
	ReadOnly        string             `json:"ReadOnly"`
	AccessKeyID     string             `json:"AccessKeyId,omitempty"`
	EventTime       *epoch             `json:"EventTime"`
	EventSource     string             `json:"EventSource"`
	Username        string             `json:"Username,omitempty"`
	Resources       []trailResourceOut `json:"Resources,omitempty"`
	CloudTrailEvent string             `json:"CloudTrailEvent"`
}

type lookupEventsOutput struct {
	Events    []trailEventOut `json:"Events"`
	NextToken string          `json:"NextToken,omitempty"`
}

func (e *Emulator) serveLookupEvents(w http.ResponseWriter, r *http.Request) {
	regionName, body, apiErr := readRequest(w, r)
	if apiErr != nil {
		writeError(w, apiErr)
		return
	}
	var in lookupEventsInput
	if len(strings.TrimSpace(string(body))) > 0 {
		if err := json.Unmarshal(body, &in); err != nil {
			writeError(w, errorf(codeSerialization, "The request body of LookupEvents could not be parsed as JSON of the expected shape."))
			return
		}
	}
	e.mu.Lock()
	e.requests["LookupEvents"]++
	admitted := e.admitLookupLocked(regionName)
	var out lookupEventsOutput
	if admitted {
		out, apiErr = e.lookupEventsLocked(regionName, in)
	}
	e.mu.Unlock()
	if !admitted {
		writeError(w, errorf(codeThrottling, "Rate exceeded"))
		return
	}
	if apiErr != nil {
		writeError(w, apiErr)
		return
	}
	writeJSON(w, http.StatusOK, out)
}

// admitLookupLocked applies LookupEvents' quota of a region on the wall
// clock (see admitListLocked) and counts a refusal. Callers hold e.mu.
func (e *Emulator) admitLookupLocked(regionName string) bool {
	if e.trail.quota == nil {
		e.trail.quota = map[string]*tokenBucket{}
	}
	now := time.Now()
	b, ok := e.trail.quota[regionName]
	if !ok {
		b = newTokenBucket(lookupEventsRate, now)
		e.trail.quota[regionName] = b
	}
	if b.take(now) {
		return true
	}
	e.throttled["LookupEvents"]++
	return false
}

// trailCursor marks where a page ended: the last event's time and sequence.
type trailCursor struct {
	at  int64 // unix nanoseconds
	seq int64
}

func (c trailCursor) token() string {
	return base64.RawURLEncoding.EncodeToString([]byte(fmt.Sprintf("%d.%d", c.at, c.seq)))
}

func parseTrailCursor(tok string) (trailCursor, bool) {
	b, err := base64.RawURLEncoding.DecodeString(tok)
	if err != nil {
		return trailCursor{}, false
	}
	at, seq, ok := strings.Cut(string(b), ".")
	if !ok {
		return trailCursor{}, false
	}
	a, err1 := strconv.ParseInt(at, 10, 64)
	s, err2 := strconv.ParseInt(seq, 10, 64)
	return trailCursor{a, s}, err1 == nil && err2 == nil
}

// before reports whether ev comes after the cursor in newest-first order.
func (c trailCursor) before(ev *trailEvent) bool {
	t := ev.time.UnixNano()
	return t < c.at || (t == c.at && ev.seq < c.seq)
}

func epochTime(f float64) time.Time {
	sec, frac := math.Modf(f)
	return time.Unix(int64(sec), int64(frac*1e9))
}

// lookupEventsLocked answers LookupEvents in a region. Callers hold e.mu.
func (e *Emulator) lookupEventsLocked(regionName string, in lookupEventsInput) (lookupEventsOutput, *apiError) {
	out := lookupEventsOutput{Events: []trailEventOut{}}
	if len(in.LookupAttributes) > 1 {
		return out, errorf(codeInvalidLookupAttributes, "You can only specify one lookup attribute.")
	}
	var match func(*trailEvent) bool
	if len(in.LookupAttributes) == 1 {
		var err *apiError
		if match, err = attributeMatcher(in.LookupAttributes[0]); err != nil {
			return out, err
		}
	}
	limit := 50
	if in.MaxResults != nil {
		if *in.MaxResults < 1 || *in.MaxResults > 50 {
			return out, errorf(codeInvalidMaxResults, "MaxResults must be between 1 and 50.")
		}
		limit = *in.MaxResults
	}
	now := e.now()
	start, end := now.Add(-trailRetention), now
	if in.StartTime != nil {
		start = epochTime(*in.StartTime)
	}
	if in.EndTime != nil {
		end = epochTime(*in.EndTime)
	}
	if start.After(end) {
		return out, errorf(codeInvalidTimeRange, "Start time must be before end time.")
	}
	var cursor *trailCursor
	if in.NextToken != nil {
		c, ok := parseTrailCursor(*in.NextToken)
		if !ok {
			return out, errorf(codeInvalidNextToken, "Invalid NextToken.")
		}
		cursor = &c
	}
	if strings.EqualFold(in.EventCategory, "insight") {
		return out, nil // no Insights events are recorded
	}
	evs := e.trail.events[regionName]
	var last trailCursor
	for i := len(evs) - 1; i >= 0; i-- {
		ev := evs[i]
		if ev.time.After(end) || (cursor != nil && !cursor.before(ev)) {
			continue
		}
		if ev.time.Before(start) {
			break
		}
		if match != nil && !match(ev) {
			continue
		}
		if len(out.Events) == limit {
			out.NextToken = last.token() // more events match
			break
		}
		out.Events = append(out.Events, e.eventOut(ev))
		last = trailCursor{ev.time.UnixNano(), ev.seq}
	}
	return out, nil
}

// attributeMatcher returns the test of one LookupAttribute.
func attributeMatcher(a lookupAttribute) (func(*trailEvent) bool, *apiError) {
	v := a.AttributeValue
	switch a.AttributeKey {
	case "EventName":
		return func(ev *trailEvent) bool { return ev.name == v }, nil
	case "Username":
		return func(ev *trailEvent) bool { return usernameOf(ev.principal) == v }, nil
	case "ResourceName":
		return func(ev *trailEvent) bool { return ev.resource != "" && ev.resource == v }, nil
	case "ResourceType":
		return func(ev *trailEvent) bool { return ev.resource != "" && v == "AWS::SecretsManager::Secret" }, nil
	case "EventId":
		return func(ev *trailEvent) bool { return ev.id == v }, nil
	case "EventSource":
		return func(*trailEvent) bool { return v == trailSource }, nil
	case "ReadOnly":
		return func(ev *trailEvent) bool { return strconv.FormatBool(ev.readOnly) == v }, nil
	case "AccessKeyId":
		return func(ev *trailEvent) bool { return ev.accessKey != "" && ev.accessKey == v }, nil
	}
	return nil, errorf(codeInvalidLookupAttributes, "Invalid attribute key %q.", a.AttributeKey)
}

// eventOut is ev as LookupEvents returns it.
func (e *Emulator) eventOut(ev *trailEvent) trailEventOut {
	out := trailEventOut{
		EventID:         ev.id,
		EventName:       ev.name,
		ReadOnly:        strconv.FormatBool(ev.readOnly),
		AccessKeyID:     ev.accessKey,
		EventTime:       ts(ev.time),
		EventSource:     trailSource,
		Username:        usernameOf(ev.principal),
		CloudTrailEvent: ev.record(e.opts.Account),
	}
	if ev.resource != "" {
		out.Resources = []trailResourceOut{{ResourceType: "AWS::SecretsManager::Secret", ResourceName: ev.resource}}
	}
	return out
}
