package aws

import (
	"context"
	"errors"
	"strings"
	"sync"
	"time"

	awssdk "github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/cloudtrail"
	cttypes "github.com/aws/aws-sdk-go-v2/service/cloudtrail/types"
	"github.com/aws/smithy-go"
)

// Trail answers "who touched this secret?" from CloudTrail's event history
// (LookupEvents). The SDK-backed Store implements it; the UI type-asserts
// the Store. CloudTrail delivers events about five minutes after the call,
// so the last minutes may be missing.
type Trail interface {
	// SecretEvents returns one page of the events about a secret, newest
	// first; nextToken "" asks for the first page. The filter is applied to
	// the page (LookupEvents takes one lookup attribute, the secret), so a
	// page may hold fewer events than it read, or none, and still have a
	// NextToken.
	SecretEvents(ctx context.Context, ref SecretRef, f TrailFilter, nextToken string) (TrailPage, error)
	// RotationEvents returns the rotation events (RotationStarted,
	// RotationSucceeded, RotationFailed, RotationAbandoned) about the
	// secret arn since a time, newest first.
	RotationEvents(ctx context.Context, arn string, since time.Time) ([]TrailEvent, error)
}

// TrailFilter narrows a secret's events. Each field, when set, matches
// case-insensitively as a part of the event name or of the principal (its
// ARN, user or session name).
type TrailFilter struct {
	EventName string
	Principal string
}

// IsZero reports whether the filter lets every event through.
func (f TrailFilter) IsZero() bool { return f.EventName == "" && f.Principal == "" }

// Matches reports whether ev passes the filter.
func (f TrailFilter) Matches(ev TrailEvent) bool {
	contains := func(s, part string) bool { return strings.Contains(strings.ToLower(s), strings.ToLower(part)) }
	if f.EventName != "" && !contains(ev.Name, f.EventName) {
		return false
	}
	if f.Principal != "" && !contains(ev.Principal, f.Principal) && !contains(ev.Username, f.Principal) {
		return false
	}
	return true
}

// TrailPage is one page of a secret's events.
type TrailPage struct {
	Events    []TrailEvent // the page's events that pass the filter, newest first
	Read      int          // events the page held before filtering
	NextToken string       // "" on the last page
}

// Rotation event names, as Secrets Manager records them in CloudTrail.
const (
	EventRotationStarted   = "RotationStarted"
	EventRotationSucceeded = "RotationSucceeded"
	EventRotationFailed    = "RotationFailed"
	EventRotationAbandoned = "RotationAbandoned"
)

// IsRotationEvent reports whether name is one of the rotation events.
func IsRotationEvent(name string) bool {
	switch name {
	case EventRotationStarted, EventRotationSucceeded, EventRotationFailed, EventRotationAbandoned:
		return true
	}
	return false
}

// lookupEventsRate is CloudTrail's LookupEvents quota: 2 requests a second
// per account and region. The Store paces its requests below it.
const lookupEventsRate = 2

// lookupPageSize is LookupEvents' largest page.
const lookupPageSize = 50

// rotationEventPages bounds how many pages RotationEvents reads.
const rotationEventPages = 10

// trailAPI lists the CloudTrail client methods the Store uses.
type trailAPI interface {
	LookupEvents(context.Context, *cloudtrail.LookupEventsInput, ...func(*cloudtrail.Options)) (*cloudtrail.LookupEventsOutput, error)
}

// trailConn is the Store's CloudTrail client, built on first use from the
// Secrets Manager client's configuration, and its pacing.
type trailConn struct {
	once sync.Once
	api  trailAPI
	pace *rateLimiter
}

// trail returns the CloudTrail client and pacer, building them once.
func (s *sdkStore) trail() (trailAPI, *rateLimiter) {
	s.trailConn.once.Do(func() {
		if s.trailConn.api == nil {
			cfg, ep := s.serviceConfig()
			s.trailConn.api = cloudtrail.NewFromConfig(cfg, func(o *cloudtrail.Options) {
				if ep != "" {
					o.BaseEndpoint = awssdk.String(ep)
				}
			})
		}
		// A burst of one spaces requests by half a second.
		s.trailConn.pace = newRateLimiter(lookupEventsRate, 1)
	})
	return s.trailConn.api, s.trailConn.pace
}

var _ Trail = (*sdkStore)(nil)

// lookup sends one paced LookupEvents. A ThrottlingException that outlives
// the SDK's own retries slows the pacer and is tried again a few times.
func (s *sdkStore) lookup(ctx context.Context, in *cloudtrail.LookupEventsInput) (*cloudtrail.LookupEventsOutput, error) {
	api, pace := s.trail()
	var err error
	for range 4 {
		if werr := pace.Wait(ctx); werr != nil {
			if err != nil {
				return nil, err
			}
			return nil, werr
		}
		cctx, cancel := s.callCtx(ctx)
		var out *cloudtrail.LookupEventsOutput
		out, err = api.LookupEvents(cctx, in)
		cancel()
		var ae smithy.APIError
		if err == nil || !errors.As(err, &ae) || ae.ErrorCode() != "ThrottlingException" {
			return out, err
		}
		pace.Throttled()
	}
	return nil, err
}

// SecretEvents implements Trail.
func (s *sdkStore) SecretEvents(ctx context.Context, ref SecretRef, f TrailFilter, nextToken string) (TrailPage, error) {
	const op = "look up the secret's CloudTrail events"
	arn, err := s.secretARN(ctx, ref)
	if err != nil {
		return TrailPage{}, err
	}
	in := &cloudtrail.LookupEventsInput{
		LookupAttributes: []cttypes.LookupAttribute{{AttributeKey: cttypes.LookupAttributeKeyResourceName, AttributeValue: &arn}},
		MaxResults:       awssdk.Int32(lookupPageSize),
	}
	if nextToken != "" {
		in.NextToken = &nextToken
	}
	out, err := s.lookup(ctx, in)
	if err != nil {
		return TrailPage{}, mapError(err, s.errCtx(op, arn))
	}
	page := TrailPage{Read: len(out.Events), NextToken: awssdk.ToString(out.NextToken)}
	for _, e := range out.Events {
		if ev := trailEventOf(e); f.Matches(ev) {
			page.Events = append(page.Events, ev)
		}
	}
	return page, nil
}

// RotationEvents implements Trail.
func (s *sdkStore) RotationEvents(ctx context.Context, arn string, since time.Time) ([]TrailEvent, error) {
	const op = "look up the secret's rotation events"
	in := &cloudtrail.LookupEventsInput{
		LookupAttributes: []cttypes.LookupAttribute{{AttributeKey: cttypes.LookupAttributeKeyResourceName, AttributeValue: &arn}},
		MaxResults:       awssdk.Int32(lookupPageSize),
	}
	if !since.IsZero() {
		in.StartTime = &since
	}
	var events []TrailEvent
	for range rotationEventPages {
		out, err := s.lookup(ctx, in)
		if err != nil {
			return nil, mapError(err, s.errCtx(op, arn))
		}
		for _, e := range out.Events {
			if ev := trailEventOf(e); IsRotationEvent(ev.Name) {
				events = append(events, ev)
			}
		}
		if out.NextToken == nil {
			break
		}
		in.NextToken = out.NextToken
	}
	return events, nil
}

// secretARN is ref's ARN, asked of DescribeSecret when ref has only a name:
// LookupEvents finds a secret's events by its full ARN.
func (s *sdkStore) secretARN(ctx context.Context, ref SecretRef) (string, error) {
	if ref.ARN != "" {
		return ref.ARN, nil
	}
	if ref.Name == "" {
		return "", s.invalid("look up the secret's CloudTrail events", "", "no secret given")
	}
	d, err := s.describe(ctx, ref.Name)
	if err != nil {
		return "", s.fail("describe secret", ref.Name, err)
	}
	return awssdk.ToString(d.ARN), nil
}
