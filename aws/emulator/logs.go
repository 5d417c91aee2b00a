package emulator

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"net/http"
	"sort"
	"strconv"
	"strings"
	"time"
)

// CloudWatch Logs' FilterLogEvents (JSON 1.1, X-Amz-Target
// Logs_20140328.FilterLogEvents), over the log groups the simulated rotation
// functions write (/aws/lambda/NAME).

const logsTargetPrefix = "Logs_20140328."

// logEvent is one stored log event.
type logEvent struct {
	stream    string
	timestamp time.Time
	ingested  time.Time
	message   string
	id        string
}

// logStore holds the log groups by region and name. Guarded by Emulator.mu.
type logStore struct {
	groups map[string][]logEvent // key: region + "\x00" + group name
	seq    int64
	rng    *rand.Rand // request ids and stream names of simulated invocations
}

func newLogStore() *logStore {
	return &logStore{groups: map[string][]logEvent{}, rng: rand.New(rand.NewPCG(0x10C5, 0x1A3BDA))}
}

func logGroupKey(regionName, group string) string { return regionName + "\x00" + group }

// put appends events to a group, creating it.
func (l *logStore) put(regionName, group, stream string, at time.Time, messages ...string) {
	k := logGroupKey(regionName, group)
	for i, m := range messages {
		l.seq++
		ts := at.Add(time.Duration(i) * 7 * time.Millisecond)
		l.groups[k] = append(l.groups[k], logEvent{stream: stream, timestamp: ts, ingested: ts.Add(180 * time.Millisecond),
			message: m, id: fmt.Sprintf("%056d", l.seq)})
	}
}

// PutLogEvents adds log lines to a log group of a region (tests), as the
// function writing them would, one event per message.
func (e *Emulator) PutLogEvents(regionName, group, stream string, at time.Time, messages ...string) {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.logs.put(regionName, group, stream, at, messages...)
}

type filterLogEventsInput struct {
	LogGroupName       string   `json:"logGroupName"`
	LogGroupIdentifier string   `json:"logGroupIdentifier"`
	LogStreamNames     []string `json:"logStreamNames"`
	LogStreamPrefix    string   `json:"logStreamNamePrefix"`
	StartTime          *int64   `json:"startTime"`
	EndTime            *int64   `json:"endTime"`
	FilterPattern      string   `json:"filterPattern"`
	NextToken          string   `json:"nextToken"`
	Limit              int      `json:"limit"`
}

type filteredLogEvent struct {
	LogStreamName string `json:"logStreamName"`
	Timestamp     int64  `json:"timestamp"`
	Message       string `json:"message"`
	IngestionTime int64  `json:"ingestionTime"`
	EventID       string `json:"eventId"`
}

type filterLogEventsOutput struct {
	Events             []filteredLogEvent `json:"events"`
	SearchedLogStreams []searchedStream   `json:"searchedLogStreams"`
	NextToken          string             `json:"nextToken,omitempty"`
}

type searchedStream struct {
	LogStreamName      string `json:"logStreamName"`
	SearchedCompletely bool   `json:"searchedCompletely"`
}

// logsRoute serves FilterLogEvents; other Logs operations are unknown.
func (e *Emulator) logsRoute(r *http.Request) http.HandlerFunc {
	op := jsonTarget(r, logsTargetPrefix)
	if op == "" {
		return nil
	}
	return func(w http.ResponseWriter, r *http.Request) {
		if op != "FilterLogEvents" {
			writeLogsError(w, "UnknownOperationException", "Unknown operation "+op+".")
			return
		}
		regionName, body, apiErr := readRequest(w, r)
		if apiErr != nil {
			writeError(w, apiErr)
			return
		}
		var in filterLogEventsInput
		if json.Unmarshal(body, &in) != nil {
			writeLogsError(w, "SerializationException", "The request body could not be parsed.")
			return
		}
		e.mu.Lock()
		e.requests["logs.FilterLogEvents"]++
		out, code, msg := e.logs.filter(regionName, in)
		e.mu.Unlock()
		if code != "" {
			writeLogsError(w, code, msg)
			return
		}
		writeJSON(w, http.StatusOK, out)
	}
}

// filter answers FilterLogEvents over one group. It returns an error code
// and message instead when the request is refused.
func (l *logStore) filter(regionName string, in filterLogEventsInput) (filterLogEventsOutput, string, string) {
	group := in.LogGroupName
	if in.LogGroupIdentifier != "" {
		if group != "" {
			return filterLogEventsOutput{}, "InvalidParameterException", "LogGroup name and LogGroup ARN are mutually exclusive parameters."
		}
		group = in.LogGroupIdentifier
		if i := strings.Index(group, ":log-group:"); i >= 0 {
			group = strings.TrimSuffix(group[i+len(":log-group:"):], ":*")
		}
	}
	if group == "" {
		return filterLogEventsOutput{}, "InvalidParameterException", "Either LogGroup name or LogGroup ARN must be provided."
	}
	if len(in.LogStreamNames) > 0 && in.LogStreamPrefix != "" {
		return filterLogEventsOutput{}, "InvalidParameterException", "logStreamNames and logStreamNamePrefix are mutually exclusive."
	}
	events, ok := l.groups[logGroupKey(regionName, group)]
	if !ok {
		return filterLogEventsOutput{}, "ResourceNotFoundException", "The specified log group does not exist."
	}
	pattern, err := parseFilterPattern(in.FilterPattern)
	if err != "" {
		return filterLogEventsOutput{}, "InvalidParameterException", err
	}
	limit := in.Limit
	if limit <= 0 || limit > 10000 {
		limit = 10000
	}
	start := 0
	if in.NextToken != "" {
		n, perr := strconv.Atoi(strings.TrimPrefix(in.NextToken, "f/"))
		if perr != nil || !strings.HasPrefix(in.NextToken, "f/") || n < 0 {
			return filterLogEventsOutput{}, "InvalidParameterException", "The specified nextToken is invalid."
		}
		start = n
	}
	sorted := append([]logEvent(nil), events...)
	sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].timestamp.Before(sorted[j].timestamp) })
	var matched []logEvent
	streams := map[string]bool{}
	for _, ev := range sorted {
		ms := ev.timestamp.UnixMilli()
		if (in.StartTime != nil && ms < *in.StartTime) || (in.EndTime != nil && ms > *in.EndTime) {
			continue
		}
		if len(in.LogStreamNames) > 0 && !containsString(in.LogStreamNames, ev.stream) {
			continue
		}
		if !strings.HasPrefix(ev.stream, in.LogStreamPrefix) {
			continue
		}
		streams[ev.stream] = true
		if pattern.matches(ev.message) {
			matched = append(matched, ev)
		}
	}
	out := filterLogEventsOutput{Events: []filteredLogEvent{}, SearchedLogStreams: []searchedStream{}}
	for i := start; i < len(matched) && len(out.Events) < limit; i++ {
		ev := matched[i]
		out.Events = append(out.Events, filteredLogEvent{LogStreamName: ev.stream, Timestamp: ev.timestamp.UnixMilli(),
			Message: ev.message, IngestionTime: ev.ingested.UnixMilli(), EventID: ev.id})
	}
	if next := start + len(out.Events); next < len(matched) {
		out.NextToken = "f/" + strconv.Itoa(next)
	}
	names := make([]string, 0, len(streams))
	for s := range streams {
		names = append(names, s)
	}
	sort.Strings(names)
	for _, s := range names {
		out.SearchedLogStreams = append(out.SearchedLogStreams, searchedStream{LogStreamName: s, SearchedCompletely: true})
	}
	return out, "", ""
}

func containsString(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// filterPattern is the part of CloudWatch Logs' pattern syntax for
// unstructured events the emulator supports: terms, each a bare word or a
// "quoted phrase", all of which must occur (case-sensitive); a term starting
// with - must not occur; when any term starts with ?, at least one of those
// must occur.
type filterPattern struct {
	all, none, any []string
}

func parseFilterPattern(p string) (filterPattern, string) {
	var fp filterPattern
	rest := strings.TrimSpace(p)
	for rest != "" {
		prefix := byte(0)
		if rest[0] == '-' || rest[0] == '?' {
			prefix, rest = rest[0], rest[1:]
		}
		var term string
		if strings.HasPrefix(rest, `"`) {
			end := strings.Index(rest[1:], `"`)
			if end < 0 {
				return fp, "Invalid filter pattern: unterminated quoted term."
			}
			term, rest = rest[1:1+end], rest[2+end:]
		} else {
			end := strings.IndexAny(rest, " \t")
			if end < 0 {
				end = len(rest)
			}
			term, rest = rest[:end], rest[end:]
		}
		rest = strings.TrimSpace(rest)
		switch prefix {
		case '-':
			fp.none = append(fp.none, term)
		case '?':
			fp.any = append(fp.any, term)
		default:
			fp.all = append(fp.all, term)
		}
	}
	return fp, ""
}

func (fp filterPattern) matches(msg string) bool {
	for _, t := range fp.all {
		if !strings.Contains(msg, t) {
			return false
		}
	}
	for _, t := range fp.none {
		if strings.Contains(msg, t) {
			return false
		}
	}
	if len(fp.any) == 0 {
		return true
	}
	for _, t := range fp.any {
		if strings.Contains(msg, t) {
			return true
		}
	}
	return false
}

// writeLogsError answers a refused Logs request as AWS JSON 1.1 does.
func writeLogsError(w http.ResponseWriter, code, message string) {
	w.Header().Set("X-Amzn-Errortype", code)
	writeJSON(w, http.StatusBadRequest, map[string]string{"__type": code, "message": message})
}
