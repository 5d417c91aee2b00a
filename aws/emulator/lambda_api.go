package emulator

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// Lambda's GetFunction and GetPolicy, REST-JSON as the SDK's lambda client
// speaks them (GET /2015-03-31/functions/{FunctionName}[/policy]), for the
// rotation diagnosis: does the rotation function exist, and may Secrets
// Manager invoke it.

const lambdaPathPrefix = "/2015-03-31/functions/"

// lambdaFunction is what the emulator knows of a rotation function beyond
// its existence (Emulator.lambdas). Guarded by Emulator.mu.
type lambdaFunction struct {
	runtime      string
	lastModified time.Time
	// policy is the function's resource-based policy JSON; "" is none.
	policy string
}

// SetLambdaFunction makes the function arn exist with this runtime, last
// modified date and resource-based policy ("" for no policy). Secrets
// Manager's RotateSecret refuses a function whose policy does not let
// secretsmanager.amazonaws.com invoke it.
func (e *Emulator) SetLambdaFunction(arn, runtime string, lastModified time.Time, policy string) {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.setFunctionLocked(arn, runtime, lastModified, policy)
}

func (e *Emulator) setFunctionLocked(arn, runtime string, lastModified time.Time, policy string) {
	fn := unqualifiedFunction(arn)
	e.lambdas[fn] = true
	e.functions[fn] = &lambdaFunction{runtime: runtime, lastModified: lastModified, policy: policy}
}

// functionOf returns what GetFunction reports of an existing function:
// the one set with SetLambdaFunction, else a Python function AWS's rotation
// templates would deploy, with the policy their templates attach. Callers
// hold e.mu.
func (e *Emulator) functionOf(arn string) *lambdaFunction {
	fn := unqualifiedFunction(arn)
	if f, ok := e.functions[fn]; ok {
		return f
	}
	return &lambdaFunction{runtime: "python3.12", lastModified: e.started.AddDate(0, -4, 0), policy: invokePolicy(fn, e.opts.Account)}
}

// invokePolicy is the resource-based policy AWS's rotation templates put on
// a rotation function: secretsmanager.amazonaws.com may invoke it for
// secrets of this account.
func invokePolicy(fnARN, account string) string {
	return mustJSON(map[string]any{
		"Version": "2012-10-17",
		"Id":      "default",
		"Statement": []any{map[string]any{
			"Sid":       "SecretsManagerAccess",
			"Effect":    "Allow",
			"Principal": map[string]any{"Service": "secretsmanager.amazonaws.com"},
			"Action":    "lambda:InvokeFunction",
			"Resource":  fnARN,
			"Condition": map[string]any{"StringEquals": map[string]any{"AWS:SourceAccount": account}},
		}},
	})
}

// lambdaInvocable reports whether Secrets Manager may invoke the function:
// it exists and its policy has an Allow for secretsmanager.amazonaws.com.
// Callers hold e.mu.
func (e *Emulator) lambdaInvocable(arn string) bool {
	if !e.lambdaExists(arn) {
		return false
	}
	return policyAllowsSecretsManager(e.functionOf(arn).policy)
}

// policyAllowsSecretsManager is the emulator's coarse reading of a function
// policy: some Allow statement names the service principal and an action
// covering lambda:InvokeFunction.
func policyAllowsSecretsManager(policy string) bool {
	var doc struct {
		Statement []struct {
			Effect    string
			Principal json.RawMessage
			Action    json.RawMessage
		}
	}
	if json.Unmarshal([]byte(policy), &doc) != nil {
		return false
	}
	for _, st := range doc.Statement {
		if st.Effect == "Allow" && strings.Contains(string(st.Principal), "secretsmanager.amazonaws.com") &&
			(strings.Contains(string(st.Action), "lambda:InvokeFunction") || strings.Contains(string(st.Action), `"lambda:*"`) || strings.Contains(string(st.Action), `"*"`)) {
			return true
		}
	}
	return false
}

// lambdaRoute serves GetFunction and GetPolicy.
func (e *Emulator) lambdaRoute(r *http.Request) http.HandlerFunc {
	rest, ok := strings.CutPrefix(r.URL.EscapedPath(), lambdaPathPrefix)
	if !ok || r.Method != http.MethodGet {
		return nil
	}
	escaped, policy := strings.CutSuffix(rest, "/policy")
	if strings.Contains(escaped, "/") {
		return nil
	}
	name, err := url.PathUnescape(escaped)
	if err != nil || name == "" {
		return nil
	}
	return func(w http.ResponseWriter, r *http.Request) {
		regionName, apiErr := requestRegion(r)
		if apiErr != nil {
			writeError(w, apiErr)
			return
		}
		arn := e.functionARN(regionName, name)
		e.mu.Lock()
		e.requests["lambda."+map[bool]string{false: "GetFunction", true: "GetPolicy"}[policy]]++
		exists := e.lambdaExists(arn)
		var f lambdaFunction
		if exists {
			f = *e.functionOf(arn)
		}
		e.mu.Unlock()
		switch {
		case !exists:
			writeLambdaError(w, http.StatusNotFound, "ResourceNotFoundException", "Function not found: "+arn)
		case policy && f.policy == "":
			writeLambdaError(w, http.StatusNotFound, "ResourceNotFoundException", "The resource you requested does not exist.")
		case policy:
			writeLambdaJSON(w, http.StatusOK, map[string]string{"Policy": f.policy, "RevisionId": revisionOf(f)})
		default:
			writeLambdaJSON(w, http.StatusOK, getFunctionOutput(arn, f))
		}
	}
}

// functionARN resolves a FunctionName (name, partial ARN ACCOUNT:function:NAME
// or ARN, with an optional qualifier) to the unqualified function ARN.
func (e *Emulator) functionARN(regionName, name string) string {
	switch {
	case strings.HasPrefix(name, "arn:"):
		return unqualifiedFunction(name)
	case strings.Contains(name, ":function:"):
		return unqualifiedFunction("arn:aws:lambda:" + regionName + ":" + name)
	}
	name, _, _ = strings.Cut(name, ":")
	return "arn:aws:lambda:" + regionName + ":" + e.opts.Account + ":function:" + name
}

func getFunctionOutput(arn string, f lambdaFunction) map[string]any {
	name := arn[strings.LastIndex(arn, ":")+1:]
	account := strings.Split(arn, ":")[4]
	return map[string]any{
		"Configuration": map[string]any{
			"FunctionName": name,
			"FunctionArn":  arn,
			"Runtime":      f.runtime,
			"Role":         "arn:aws:iam::" + account + ":role/" + name + "-role",
			"Handler":      "lambda_function.lambda_handler",
			"CodeSize":     24510,
			"Timeout":      30,
			"MemorySize":   128,
			// Lambda writes LastModified as ISO 8601 with a +0000 offset.
			"LastModified": f.lastModified.UTC().Format("2006-01-02T15:04:05.000-0700"),
			"Version":      "$LATEST",
			"State":        "Active",
			"PackageType":  "Zip",
			"RevisionId":   revisionOf(f),
		},
		"Code": map[string]any{"RepositoryType": "S3", "Location": "https://awslambda.s3.amazonaws.com/snapshots/" + name},
	}
}

// revisionOf is a stable revision id for a function's state.
func revisionOf(f lambdaFunction) string {
	return "rev-" + strconv.FormatInt(f.lastModified.Unix(), 16) + "-" + strconv.Itoa(len(f.policy))
}

func writeLambdaJSON(w http.ResponseWriter, status int, v any) {
	b, err := json.Marshal(v)
	if err != nil {
		status, b = http.StatusInternalServerError, []byte(`{"Type":"Service","Message":"encoding failed"}`)
	}
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Content-Length", strconv.Itoa(len(b)))
	w.Header().Set("X-Amzn-Requestid", requestID())
	w.WriteHeader(status)
	_, _ = w.Write(b)
}

// writeLambdaError answers as Lambda does: the code in X-Amzn-Errortype, a
// body with Type (User or Service) and Message.
func writeLambdaError(w http.ResponseWriter, status int, code, message string) {
	w.Header().Set("X-Amzn-Errortype", code)
	writeLambdaJSON(w, status, map[string]string{"Type": "User", "Message": message})
}
