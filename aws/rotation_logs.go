package aws

import (
	"context"
	"regexp"
	"sort"
	"strings"
	"time"

	awssdk "github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatchlogs"
)

// The rotation steps, in the order the function runs them.
const (
	StepCreateSecret = "createSecret"
	StepSetSecret    = "setSecret"
	StepTestSecret   = "testSecret"
	StepFinishSecret = "finishSecret"
)

// Bounds of the log search: events per page, pages per query.
const (
	logPageSize = 200
	logMaxPages = 5
)

// RotationLogs are the rotation function's log lines for the last attempt
// on one secret. Log text is untrusted: show it only sanitized.
type RotationLogs struct {
	Group        string
	From, To     time.Time // the window searched
	Lines        []LogLine // oldest first
	FailedStep   string    // the step that failed ("" if no failure was logged)
	FailedLine   int       // index in Lines of the line naming the failure; -1 if none
	GroupMissing bool      // the log group does not exist (the function never ran, or logs elsewhere)
	Truncated    bool      // more lines matched than were read
	Err          error
}

// LogLine is one log event.
type LogLine struct {
	Time      time.Time
	Stream    string
	RequestID string // Lambda's request id, when the line carries one
	Message   string // as logged (may hold several lines)
	Step      string // the rotation step the line belongs to, when it says
	Error     bool   // an error line ([ERROR], a traceback, a timeout)
}

var (
	// stepPrefix: AWS's templates start their lines with the step name.
	stepPrefix = regexp.MustCompile(`\b(createSecret|setSecret|testSecret|finishSecret)\b`)
	// stepFrame: a Python traceback frame of a step's function.
	stepFrame = regexp.MustCompile(`in (create_secret|set_secret|test_secret|finish_secret)\b`)
	// requestIDField: START/END/REPORT RequestId: ID.
	requestIDField = regexp.MustCompile(`RequestId: ([0-9a-fA-F-]{36})`)
)

var frameStep = map[string]string{
	"create_secret": StepCreateSecret, "set_secret": StepSetSecret,
	"test_secret": StepTestSecret, "finish_secret": StepFinishSecret,
}

// parseLogLine reads the request id, the step and whether it is an error
// from one log event's message, as Lambda's runtimes write them:
// "[LEVEL]\tTIME\tREQUEST-ID\tTEXT" (Python's logger), "START RequestId: ID",
// "[ERROR] Exception: text\nTraceback ..." (an uncaught exception).
func parseLogLine(ev LogLine) LogLine {
	msg := ev.Message
	if fields := strings.SplitN(msg, "\t", 4); len(fields) == 4 && strings.HasPrefix(fields[0], "[") {
		ev.RequestID = fields[2]
		ev.Error = fields[0] == "[ERROR]" || fields[0] == "[CRITICAL]"
	} else if m := requestIDField.FindStringSubmatch(msg); m != nil {
		ev.RequestID = m[1]
	}
	if strings.HasPrefix(msg, "[ERROR]") || strings.Contains(msg, "Traceback (most recent call last)") ||
		strings.Contains(msg, "Task timed out") || strings.Contains(msg, "ERROR\tInvoke Error") {
		ev.Error = true
	}
	if m := stepFrame.FindAllStringSubmatch(msg, -1); m != nil {
		ev.Step = frameStep[m[len(m)-1][1]]
	} else if m := stepPrefix.FindStringSubmatch(msg); m != nil {
		ev.Step = m[1]
	}
	return ev
}

// lastAttempt keeps the lines of the last rotation attempt: from the last
// createSecret line on (all lines when none says createSecret).
func lastAttempt(lines []LogLine) []LogLine {
	for i := len(lines) - 1; i >= 0; i-- {
		if lines[i].Step == StepCreateSecret {
			return lines[i:]
		}
	}
	return lines
}

// failure picks the failed step and the line that says so: the step of the
// last error line, preferring a template's own error line (it names the
// step) to the traceback that follows it.
func failure(lines []LogLine) (string, int) {
	last := -1
	for i := len(lines) - 1; i >= 0; i-- {
		if lines[i].Error && lines[i].Step != "" {
			last = i
			break
		}
	}
	if last < 0 {
		return "", -1
	}
	step, stream, id := lines[last].Step, lines[last].Stream, lines[last].RequestID
	// The first error line of that step in the same invocation says it
	// best ("setSecret: Unable to log into database ..."). Invocations of
	// one attempt may interleave in time, so lines of other streams or
	// request ids are skipped, and the invocation's START ends the search.
	for i := last - 1; i >= 0; i-- {
		l := lines[i]
		if l.Stream != stream || (l.RequestID != "" && id != "" && l.RequestID != id) {
			continue
		}
		if strings.HasPrefix(l.Message, "START ") {
			break
		}
		if l.Error && l.Step == step {
			last = i
			if id == "" {
				id = l.RequestID
			}
		}
	}
	return step, last
}

// attemptLogs reads the function's log lines for this secret in the window:
// first the lines naming the secret's ARN, then, for the last attempt, every
// line its invocations wrote (START, END, REPORT, the traceback), from the
// same log streams over the attempt's span.
func (s *sdkStore) attemptLogs(ctx context.Context, wc logsAPI, secretARN, fnName string, from, to time.Time) RotationLogs {
	out := RotationLogs{Group: FunctionLogGroup(fnName), From: from, To: to, FailedLine: -1}
	in := &cloudwatchlogs.FilterLogEventsInput{
		LogGroupName:  awssdk.String(out.Group),
		StartTime:     awssdk.Int64(from.UnixMilli()),
		EndTime:       awssdk.Int64(to.UnixMilli()),
		FilterPattern: awssdk.String(quotePattern(secretARN)),
		Limit:         awssdk.Int32(logPageSize),
	}
	named, truncated, err := s.filterLogs(ctx, wc, in)
	if err != nil {
		if isNotFoundCode(err) {
			out.GroupMissing = true
			return out
		}
		out.Err = s.serviceFail("read the function's logs (logs:FilterLogEvents)", Secret{SecretSummary: SecretSummary{Name: fnName}}, err)
		return out
	}
	attempt := lastAttempt(named)
	out.Truncated = truncated
	if len(attempt) > 0 {
		streams := map[string]bool{}
		for _, l := range attempt {
			streams[l.Stream] = true
		}
		names := make([]string, 0, len(streams))
		for st := range streams {
			names = append(names, st)
		}
		sort.Strings(names)
		if len(names) > 100 {
			names = names[len(names)-100:] // FilterLogEvents takes at most 100 streams
		}
		whole, more, err := s.filterLogs(ctx, wc, &cloudwatchlogs.FilterLogEventsInput{
			LogGroupName:   awssdk.String(out.Group),
			LogStreamNames: names,
			StartTime:      awssdk.Int64(attempt[0].Time.Add(-2 * time.Second).UnixMilli()),
			EndTime:        awssdk.Int64(minTime(attempt[len(attempt)-1].Time.Add(time.Minute), to).UnixMilli()),
			Limit:          awssdk.Int32(logPageSize),
		})
		if err == nil && len(whole) > 0 {
			attempt = fromInvocations(whole, attempt)
			out.Truncated = out.Truncated || more
		}
	}
	out.Lines = attempt
	out.FailedStep, out.FailedLine = failure(attempt)
	return out
}

// fromInvocations keeps the lines of whole that belong to the attempt's
// invocations (by request id, or between an invocation's START and its
// REPORT), so lines of other invocations in the same streams stay out.
func fromInvocations(whole, attempt []LogLine) []LogLine {
	ids := map[string]bool{}
	for _, l := range attempt {
		if l.RequestID != "" {
			ids[l.RequestID] = true
		}
	}
	if len(ids) == 0 {
		return attempt
	}
	var out []LogLine
	open := map[string]bool{} // stream -> inside one of the attempt's invocations
	for _, l := range whole {
		inside := open[l.Stream]
		if l.RequestID != "" {
			inside = ids[l.RequestID]
			open[l.Stream] = inside && !strings.HasPrefix(l.Message, "REPORT ")
		}
		if inside {
			out = append(out, l)
		}
	}
	if len(out) < len(attempt) {
		return attempt
	}
	return out
}

// filterLogs runs FilterLogEvents over a few pages, oldest first. It says
// whether more events matched than it read.
func (s *sdkStore) filterLogs(ctx context.Context, wc logsAPI, in *cloudwatchlogs.FilterLogEventsInput) ([]LogLine, bool, error) {
	var lines []LogLine
	for page := 0; page < logMaxPages; page++ {
		cctx, cancel := s.callCtx(ctx)
		out, err := wc.FilterLogEvents(cctx, in)
		cancel()
		if err != nil {
			return nil, false, err
		}
		for _, ev := range out.Events {
			lines = append(lines, parseLogLine(LogLine{
				Time:    time.UnixMilli(awssdk.ToInt64(ev.Timestamp)),
				Stream:  awssdk.ToString(ev.LogStreamName),
				Message: awssdk.ToString(ev.Message),
			}))
		}
		if out.NextToken == nil || *out.NextToken == "" {
			return lines, false, nil
		}
		in.NextToken = out.NextToken
	}
	return lines, true, nil
}

// quotePattern makes a filter pattern matching the exact text (CloudWatch
// Logs' quoted term; a quote inside cannot be escaped, so the text is cut
// at the first one, which an ARN never has).
func quotePattern(text string) string {
	text, _, _ = strings.Cut(text, `"`)
	return `"` + text + `"`
}
