package emulator

import (
	"bytes"
	"encoding/json"
	"errors"
	"net/http"
	"strconv"
	"strings"
	"time"
)

const (
	targetPrefix  = "secretsmanager."
	contentType   = "application/x-amz-json-1.1"
	defaultRegion = "us-east-1"
	maxBodyBytes  = 4 << 20
)

// call is one decoded request handed to an operation.
type call struct {
	op     string
	region *region
	body   []byte
	now    time.Time
}

// decode unmarshals the request body into v.
func (c *call) decode(v any) *apiError {
	if len(bytes.TrimSpace(c.body)) == 0 {
		return nil
	}
	if err := json.Unmarshal(c.body, v); err != nil {
		return errorf(codeSerialization, "The request body of %s could not be parsed as JSON of the expected shape.", c.op)
	}
	return nil
}

// handler runs an operation with e.mu held.
type handler func(e *Emulator, c *call) (any, *apiError)

// operations maps wire operation names to handlers.
var operations = map[string]handler{
	"ListSecrets":                  (*Emulator).listSecrets,
	"DescribeSecret":               (*Emulator).describeSecret,
	"ListSecretVersionIds":         (*Emulator).listSecretVersionIds,
	"GetSecretValue":               (*Emulator).getSecretValue,
	"PutSecretValue":               (*Emulator).putSecretValue,
	"UpdateSecret":                 (*Emulator).updateSecret,
	"UpdateSecretVersionStage":     (*Emulator).updateSecretVersionStage,
	"CreateSecret":                 (*Emulator).createSecret,
	"DeleteSecret":                 (*Emulator).deleteSecret,
	"RestoreSecret":                (*Emulator).restoreSecret,
	"RotateSecret":                 (*Emulator).rotateSecret,
	"CancelRotateSecret":           (*Emulator).cancelRotateSecret,
	"TagResource":                  (*Emulator).tagResource,
	"UntagResource":                (*Emulator).untagResource,
	"GetResourcePolicy":            (*Emulator).getResourcePolicy,
	"PutResourcePolicy":            (*Emulator).putResourcePolicy,
	"DeleteResourcePolicy":         (*Emulator).deleteResourcePolicy,
	"GetRandomPassword":            (*Emulator).getRandomPassword,
	"ValidateResourcePolicy":       (*Emulator).validateResourcePolicy,
	"ReplicateSecretToRegions":     (*Emulator).replicateSecretToRegions,
	"RemoveRegionsFromReplication": (*Emulator).removeRegionsFromReplication,
}

// ServeHTTP answers one Secrets Manager API request, or one IAM Identity
// Center request (OIDC and SSO portal paths, see sso.go).
func (e *Emulator) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	e.mu.Lock()
	ok := e.beginLocked()
	e.mu.Unlock()
	if !ok {
		writeError(w, errorf(codeInternal, "The emulator is shutting down."))
		return
	}
	defer e.inflight.Done()

	if op := ssoRoute(r); op != "" {
		e.serveSSO(w, r, op)
		return
	}
	if h := e.otherService(r); h != nil {
		h(w, r)
		return
	}
	if r.Method != http.MethodPost {
		writeError(w, errorf(codeUnknownOperation, "Only POST / is supported, not %s %s.", r.Method, r.URL.Path))
		return
	}
	target := r.Header.Get("X-Amz-Target")
	op, found := strings.CutPrefix(target, targetPrefix)
	h := operations[op]
	if !found || h == nil {
		if target == "" {
			writeError(w, errorf(codeUnknownOperation, "Missing X-Amz-Target header."))
			return
		}
		writeError(w, errorf(codeUnknownOperation, "Unknown operation %q.", target))
		return
	}
	regionName, body, apiErr := readRequest(w, r)
	if apiErr != nil {
		writeError(w, apiErr)
		return
	}

	secretID := peekSecretID(body)
	e.mu.Lock()
	e.requests[op]++
	fx := e.matchFaults(op, secretID, regionName)
	admitted := op != "ListSecrets" || e.admitListLocked(regionName)
	e.mu.Unlock()

	if !admitted {
		writeError(w, faultError(codeThrottling, op, "", e.opts.Account))
		return
	}
	delay := fx.latency
	if op == "ListSecrets" {
		delay += e.opts.ListLatency
	}
	if !sleep(r.Context(), delay) {
		return
	}
	if fx.err != "" {
		apiErr := faultError(fx.err, op, secretID, e.opts.Account)
		if fx.message != "" {
			apiErr.message = fx.message
		}
		writeError(w, apiErr)
		return
	}

	var out any
	apiErr = precheck(op, body)
	if apiErr == nil {
		e.mu.Lock()
		c := &call{op: op, region: e.region(regionName), body: body, now: e.now()}
		for _, s := range c.region.purgeExpired(c.now) {
			e.dropReplicas(s)
		}
		if apiErr = e.authorize(c, e.principalOf(r), secretID); apiErr == nil {
			out, apiErr = h(e, c)
		}
		e.recordCallLocked(r, c, secretID, out, apiErr)
		e.mu.Unlock()
	}

	if fx.drop {
		dropConnection(w)
		return
	}
	if apiErr != nil {
		writeError(w, apiErr)
		return
	}
	writeJSON(w, http.StatusOK, out)
}

// requestRegion reads the region from the SigV4 credential scope
// (Credential=AKID/DATE/REGION/secretsmanager/aws4_request). An unsigned
// request is for us-east-1.
func requestRegion(r *http.Request) (string, *apiError) {
	auth := r.Header.Get("Authorization")
	if auth == "" {
		return defaultRegion, nil
	}
	_, cred, ok := strings.Cut(auth, "Credential=")
	if !ok {
		return "", errorf(codeIncompleteSig, "Authorization header requires 'Credential' parameter.")
	}
	if i := strings.IndexAny(cred, ", "); i >= 0 {
		cred = cred[:i]
	}
	parts := strings.Split(cred, "/")
	if len(parts) != 5 || parts[2] == "" {
		return "", errorf(codeIncompleteSig, "Credential should be scoped to a valid region.")
	}
	return parts[2], nil
}

// peekSecretID extracts SecretId (or Name for CreateSecret) for fault matching.
func peekSecretID(body []byte) string {
	var v struct {
		SecretID string `json:"SecretId"`
		Name     string `json:"Name"`
	}
	_ = json.Unmarshal(body, &v)
	if v.SecretID != "" {
		return v.SecretID
	}
	return v.Name
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	b, err := json.Marshal(v)
	if err != nil {
		status = http.StatusInternalServerError
		b = []byte(`{"__type":"InternalServiceError","Message":"The emulator could not encode its response."}`)
		w.Header().Set("X-Amzn-Errortype", codeInternal)
	}
	w.Header().Set("Content-Type", contentType)
	w.Header().Set("Content-Length", strconv.Itoa(len(b)))
	w.Header().Set("X-Amzn-Requestid", requestID())
	w.WriteHeader(status)
	_, _ = w.Write(b)
}

func writeError(w http.ResponseWriter, err *apiError) {
	w.Header().Set("X-Amzn-Errortype", err.code)
	writeJSON(w, err.status(), err.body())
}

// dropConnection closes the client connection without writing a response.
func dropConnection(w http.ResponseWriter) {
	rc := http.NewResponseController(w)
	conn, _, err := rc.Hijack()
	if err != nil {
		if !errors.Is(err, http.ErrNotSupported) {
			return
		}
		// Not hijackable (e.g. HTTP/2): abort the handler, which resets the stream.
		panic(http.ErrAbortHandler)
	}
	_ = conn.Close()
}

func requestID() string {
	return strconv.FormatInt(time.Now().UnixNano(), 36)
}

// epoch is a timestamp written as fractional epoch seconds.
type epoch time.Time

// MarshalJSON writes the time as seconds since the epoch, to milliseconds.
func (t epoch) MarshalJSON() ([]byte, error) {
	ms := time.Time(t).UnixMilli()
	return []byte(strconv.FormatFloat(float64(ms)/1000, 'f', -1, 64)), nil
}

// ts is t for a response, nil (omitted) when zero.
func ts(t time.Time) *epoch {
	if t.IsZero() {
		return nil
	}
	v := epoch(t)
	return &v
}
