package emulator

import (
	"encoding/json"
	"math/rand/v2"
	"net"
	"net/http"
	"sort"
	"strings"
	"time"
)

// CloudTrail: the emulator records the Secrets Manager calls it serves and
// the rotation service events as CloudTrail management events, per region
// (the emulator is one account), and serves LookupEvents over them
// (trail_lookup.go). A recorded event never holds a secret value: request
// parameters are copied from an allow-list (trailParams), as CloudTrail
// itself omits SecretString and SecretBinary.

const (
	trailSource = "secretsmanager.amazonaws.com"
	// trailRetention is how far back LookupEvents sees (90 days on AWS).
	trailRetention = 90 * 24 * time.Hour
	// trailCap bounds the events kept per region in a long demo session.
	trailCap = 20000
)

// trailEvent is one recorded CloudTrail event.
type trailEvent struct {
	seq       int64
	id        string
	name      string
	time      time.Time
	region    string
	service   bool   // an AwsServiceEvent (rotation), not an AwsApiCall
	principal string // caller ARN; "" for service events
	accessKey string
	sourceIP  string
	userAgent string
	readOnly  bool
	resource  string         // the secret's ARN, "" when the call names none
	params    map[string]any // allow-listed request parameters
	errCode   string
	errMsg    string
}

// trailLog is the emulator's CloudTrail state; its zero value is ready.
// All access holds Emulator.mu.
type trailLog struct {
	events map[string][]*trailEvent // by region, ascending by (time, seq)
	quota  map[string]*tokenBucket  // LookupEvents rate limit by region
	rng    *rand.Rand               // event ids, apart from the seed's generator
	seq    int64
}

// add stores ev in its region, keeping the order by time.
func (t *trailLog) add(ev *trailEvent) {
	if t.events == nil {
		t.events = map[string][]*trailEvent{}
	}
	if t.rng == nil {
		t.rng = rand.New(rand.NewPCG(0x7BA11, 0xC10D))
	}
	t.seq++
	ev.seq = t.seq
	if ev.id == "" {
		ev.id = newUUID(t.rng)
	}
	evs := t.events[ev.region]
	i := sort.Search(len(evs), func(i int) bool { return evs[i].time.After(ev.time) })
	evs = append(evs, nil)
	copy(evs[i+1:], evs[i:])
	evs[i] = ev
	if len(evs) > trailCap {
		evs = evs[len(evs)-trailCap:]
	}
	t.events[ev.region] = evs
}

// trailReadOnly lists the Secrets Manager operations CloudTrail marks
// readOnly.
var trailReadOnly = map[string]bool{
	"ListSecrets": true, "DescribeSecret": true, "ListSecretVersionIds": true,
	"GetSecretValue": true, "GetResourcePolicy": true, "GetRandomPassword": true,
	"ValidateResourcePolicy": true,
}

// trailParams maps the request fields a recorded event keeps to CloudTrail's
// camelCase names. Anything else (SecretString, SecretBinary, policies) is
// never copied.
var trailParams = map[string]string{
	"SecretId": "secretId", "Name": "name", "VersionId": "versionId", "VersionStage": "versionStage",
	"VersionStages": "versionStages", "ClientRequestToken": "clientRequestToken",
	"MoveToVersionId": "moveToVersionId", "RemoveFromVersionId": "removeFromVersionId",
	"RecoveryWindowInDays": "recoveryWindowInDays", "ForceDeleteWithoutRecovery": "forceDeleteWithoutRecovery",
	"RotationLambdaARN": "rotationLambdaARN", "RotateImmediately": "rotateImmediately",
	"KmsKeyId": "kmsKeyId", "TagKeys": "tagKeys", "MaxResults": "maxResults",
	"IncludeDeprecated": "includeDeprecated", "IncludePlannedDeletion": "includePlannedDeletion",
	"RemoveReplicaRegions": "removeReplicaRegions",
}

// safeParams returns the allow-listed parameters of a request body, or nil.
func safeParams(body []byte) map[string]any {
	var in map[string]json.RawMessage
	if json.Unmarshal(body, &in) != nil {
		return nil
	}
	out := map[string]any{}
	for k, raw := range in {
		name, ok := trailParams[k]
		if !ok {
			continue
		}
		var v any
		if json.Unmarshal(raw, &v) == nil {
			out[name] = v
		}
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// sourceIPOf is the address a request came from, as CloudTrail records it.
func sourceIPOf(r *http.Request) string {
	if host, _, err := net.SplitHostPort(r.RemoteAddr); err == nil {
		return host
	}
	return r.RemoteAddr
}

// recordCallLocked records a served Secrets Manager call (successful or
// refused) in c's region. out is the operation's answer, used to name a
// secret the call created or deleted. Callers hold e.mu.
func (e *Emulator) recordCallLocked(r *http.Request, c *call, secretID string, out any, apiErr *apiError) {
	ev := &trailEvent{
		name:      c.op,
		time:      c.now,
		region:    c.region.name,
		principal: e.principalOf(r),
		accessKey: accessKeyOf(r),
		sourceIP:  sourceIPOf(r),
		userAgent: r.UserAgent(),
		readOnly:  trailReadOnly[c.op],
		params:    safeParams(c.body),
	}
	switch s := c.region.lookup(secretID); {
	case secretID == "":
		// ListSecrets, GetRandomPassword: no secret named.
	case s != nil:
		ev.resource = s.arn
	case answerARN(out) != "":
		// Created, or deleted for good, by this call.
		ev.resource = answerARN(out)
	case strings.HasPrefix(secretID, "arn:"):
		ev.resource = secretID
	}
	if apiErr != nil {
		ev.errCode, ev.errMsg = apiErr.code, apiErr.message
	}
	e.trail.add(ev)
}

// answerARN reads the ARN field of an operation's answer (CreateSecret,
// DeleteSecret ...), or "".
func answerARN(out any) string {
	if out == nil {
		return ""
	}
	b, err := json.Marshal(out)
	if err != nil {
		return ""
	}
	var v struct {
		ARN string `json:"ARN"`
	}
	_ = json.Unmarshal(b, &v)
	return v.ARN
}

// Rotation service events, as Secrets Manager records them in CloudTrail.
const (
	EventRotationStarted   = "RotationStarted"
	EventRotationSucceeded = "RotationSucceeded"
	EventRotationFailed    = "RotationFailed"
	EventRotationAbandoned = "RotationAbandoned"
)

// recordServiceEventLocked records a Secrets Manager service event (a
// rotation event) about the secret arn. Callers hold e.mu.
func (e *Emulator) recordServiceEventLocked(regionName, arn, name string, at time.Time) {
	e.trail.add(&trailEvent{
		name:     name,
		time:     at,
		region:   regionName,
		service:  true,
		sourceIP: trailSource,
		resource: arn,
	})
}
