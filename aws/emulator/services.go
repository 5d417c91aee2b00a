package emulator

import (
	"io"
	"net/http"
	"strings"
)

// The emulator serves, beside Secrets Manager and IAM Identity Center, the
// few operations smtui uses of other AWS services (STS, KMS, Lambda,
// CloudWatch Logs, CloudTrail), each on its real protocol and in its own
// file. A route looks at a request and returns its handler, or nil when
// the request is not for that service.
type route func(r *http.Request) http.HandlerFunc

// serviceRoutes lists the other services' routes, tried in order before
// Secrets Manager.
func (e *Emulator) serviceRoutes() []route {
	return []route{
		e.cloudTrailRoute,
		e.stsRoute,
		e.kmsRoute,
		e.lambdaRoute,
		e.logsRoute,
	}
}

// otherService returns the handler of a request to another service, or nil.
func (e *Emulator) otherService(r *http.Request) http.HandlerFunc {
	for _, rt := range e.serviceRoutes() {
		if h := rt(r); h != nil {
			return h
		}
	}
	return nil
}

// jsonTarget returns the operation of an AWS JSON 1.1 request whose
// X-Amz-Target starts with prefix (e.g. "TrentService." for KMS), or "".
func jsonTarget(r *http.Request, prefix string) string {
	if r.Method != http.MethodPost {
		return ""
	}
	op, ok := strings.CutPrefix(r.Header.Get("X-Amz-Target"), prefix)
	if !ok {
		return ""
	}
	return op
}

// accessKeyOf returns the access key id a SigV4-signed request was signed
// with ("" when unsigned), which tells the emulator who is calling.
func accessKeyOf(r *http.Request) string {
	auth := r.Header.Get("Authorization")
	_, cred, ok := strings.Cut(auth, "Credential=")
	if !ok {
		return ""
	}
	akid, _, _ := strings.Cut(cred, "/")
	return akid
}

// principalOf is the ARN of the caller: Options.Principals by access key
// id, else the account's default operator.
func (e *Emulator) principalOf(r *http.Request) string {
	if arn, ok := e.opts.Principals[accessKeyOf(r)]; ok {
		return arn
	}
	return "arn:aws:iam::" + e.opts.Account + ":user/oncall"
}

// readRequest reads what every JSON request to the emulator starts with:
// its region (from the SigV4 scope) and its body, at most maxBodyBytes.
func readRequest(w http.ResponseWriter, r *http.Request) (region string, body []byte, apiErr *apiError) {
	region, apiErr = requestRegion(r)
	if apiErr != nil {
		return "", nil, apiErr
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxBodyBytes))
	if err != nil {
		return "", nil, errorf(codeSerialization, "Could not read the request body.")
	}
	return region, body, nil
}
