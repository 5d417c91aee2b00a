package aws

import (
	"context"
	"errors"
	"fmt"
	"time"

	awssdk "github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatchlogs"
	"github.com/aws/aws-sdk-go-v2/service/lambda"
	"github.com/aws/smithy-go"
)

// RotationDiagnoser explains why a secret's rotation failed or is stuck: the
// rotation function (Lambda GetFunction), whether Secrets Manager may invoke
// it (Lambda GetPolicy) and the function's log lines for the last attempt
// (CloudWatch Logs FilterLogEvents). It never reads a secret value. The
// SDK-backed Store implements it; the UI type-asserts the Store.
type RotationDiagnoser interface {
	// DiagnoseRotation looks into the last rotation of secretID as of now.
	// Each part says on its own whether it could be found out; the error is
	// for the secret itself not being readable.
	DiagnoseRotation(ctx context.Context, secretID string, now time.Time) (RotationDiagnosis, error)
}

// RotationDiagnosis is what the diagnosis found.
type RotationDiagnosis struct {
	Secret   Secret
	Stuck    bool   // AWSPENDING is on a version other than AWSCURRENT
	Pending  string // the stray AWSPENDING version, when Stuck
	Overdue  bool   // rotation is on and NextRotationDate has passed
	Function RotationFunction
	Invoke   InvokePermission
	Logs     RotationLogs
}

// RotationFunction is the rotation function as Lambda describes it.
type RotationFunction struct {
	ARN          string // as configured on the secret
	Name         string
	Exists       bool
	Runtime      string
	LastModified time.Time
	Err          error // the lookup failed (for a reason other than "not found")
}

// InvokePermission says whether the function's resource-based policy lets
// secretsmanager.amazonaws.com invoke it.
type InvokePermission struct {
	Checked  bool // the policy was read (or found missing)
	NoPolicy bool // the function has no resource-based policy at all
	Allowed  bool
	// Statement is the Sid of the statement that allows it (or "").
	Statement string
	// SourceAccount and SourceArn are the conditions on that statement.
	SourceAccount, SourceArn string
	// Mismatch explains a condition that does not fit this secret ("").
	Mismatch string
	// Denied is the Sid of a Deny statement for the service (or "").
	Denied string
	Err    error
}

// lambdaAPI lists the Lambda client methods the diagnosis uses.
type lambdaAPI interface {
	GetFunction(context.Context, *lambda.GetFunctionInput, ...func(*lambda.Options)) (*lambda.GetFunctionOutput, error)
	GetPolicy(context.Context, *lambda.GetPolicyInput, ...func(*lambda.Options)) (*lambda.GetPolicyOutput, error)
}

// logsAPI lists the CloudWatch Logs client methods the diagnosis uses.
type logsAPI interface {
	FilterLogEvents(context.Context, *cloudwatchlogs.FilterLogEventsInput, ...func(*cloudwatchlogs.Options)) (*cloudwatchlogs.FilterLogEventsOutput, error)
}

var _ RotationDiagnoser = (*sdkStore)(nil)

// rotationClients builds the Lambda and CloudWatch Logs clients from the
// Secrets Manager client's configuration, in the function's region (a
// rotation function lives in the secret's region, but its ARN says).
func (s *sdkStore) rotationClients(region string) (lambdaAPI, logsAPI) {
	cfg, ep := s.serviceConfig()
	if region != "" {
		cfg = cfg.Copy()
		cfg.Region = region
	}
	lc := lambda.NewFromConfig(cfg, func(o *lambda.Options) {
		if ep != "" {
			o.BaseEndpoint = awssdk.String(ep)
		}
	})
	wc := cloudwatchlogs.NewFromConfig(cfg, func(o *cloudwatchlogs.Options) {
		if ep != "" {
			o.BaseEndpoint = awssdk.String(ep)
		}
	})
	return lc, wc
}

// DiagnoseRotation implements RotationDiagnoser.
func (s *sdkStore) DiagnoseRotation(ctx context.Context, secretID string, now time.Time) (RotationDiagnosis, error) {
	sec, err := s.DescribeSecret(ctx, secretID)
	if err != nil {
		return RotationDiagnosis{}, err
	}
	versions, _ := s.ListVersions(ctx, secretID) // creation dates only; best effort
	d := RotationDiagnosis{Secret: sec}
	d.Pending, d.Stuck = strayPending(sec.VersionStages)
	d.Overdue = sec.RotationEnabled && !sec.NextRotationDate.IsZero() && sec.NextRotationDate.Before(now)
	d.Function = RotationFunction{ARN: sec.RotationLambdaARN, Name: functionName(sec.RotationLambdaARN)}
	if sec.RotationLambdaARN == "" {
		return d, nil
	}
	lc, wc := s.rotationClients(functionRegion(sec.RotationLambdaARN))
	d.Function, d.Invoke = s.inspectFunction(ctx, lc, sec)
	from, to := attemptWindow(sec, d.Pending, versions, now)
	d.Logs = s.attemptLogs(ctx, wc, sec.ARN, d.Function.Name, from, to)
	return d, nil
}

// inspectFunction reads the function and its policy.
func (s *sdkStore) inspectFunction(ctx context.Context, lc lambdaAPI, sec Secret) (RotationFunction, InvokePermission) {
	fn := RotationFunction{ARN: sec.RotationLambdaARN, Name: functionName(sec.RotationLambdaARN)}
	cctx, cancel := s.callCtx(ctx)
	out, err := lc.GetFunction(cctx, &lambda.GetFunctionInput{FunctionName: awssdk.String(sec.RotationLambdaARN)})
	cancel()
	switch {
	case isNotFoundCode(err):
		return fn, InvokePermission{}
	case err != nil:
		fn.Err = s.serviceFail("read the rotation function (lambda:GetFunction)", sec, err)
		return fn, InvokePermission{}
	}
	fn.Exists = true
	if c := out.Configuration; c != nil {
		fn.Runtime = string(c.Runtime)
		if c.LastModified != nil {
			fn.LastModified = parseLambdaTime(*c.LastModified)
		}
	}
	cctx, cancel = s.callCtx(ctx)
	pol, err := lc.GetPolicy(cctx, &lambda.GetPolicyInput{FunctionName: awssdk.String(sec.RotationLambdaARN)})
	cancel()
	switch {
	case isNotFoundCode(err):
		return fn, InvokePermission{Checked: true, NoPolicy: true}
	case err != nil:
		return fn, InvokePermission{Err: s.serviceFail("read the function's resource-based policy (lambda:GetPolicy)", sec, err)}
	}
	inv := checkInvokePolicy(awssdk.ToString(pol.Policy), accountOf(sec.ARN), sec.ARN)
	inv.Checked = true
	return fn, inv
}

// serviceFail maps another service's error for the UI.
func (s *sdkStore) serviceFail(op string, sec Secret, err error) error {
	return mapError(err, errContext{Op: op, Region: s.region, SecretID: sec.Name, Profile: s.profile, SSO: s.sso, Static: s.static})
}

func isNotFoundCode(err error) bool {
	var apiErr smithy.APIError
	return errors.As(err, &apiErr) && apiErr.ErrorCode() == "ResourceNotFoundException"
}

// parseLambdaTime reads Lambda's LastModified (2006-01-02T15:04:05.000+0000).
func parseLambdaTime(v string) time.Time {
	for _, layout := range []string{"2006-01-02T15:04:05.000-0700", time.RFC3339Nano} {
		if t, err := time.Parse(layout, v); err == nil {
			return t
		}
	}
	return time.Time{}
}

// strayPending is the version carrying AWSPENDING when it is not the one
// carrying AWSCURRENT.
func strayPending(stages map[string][]string) (string, bool) {
	cur := currentVersion(stages)
	for id, labels := range stages {
		for _, l := range labels {
			if l == LabelPending && id != cur {
				return id, true
			}
		}
	}
	return "", false
}

// attemptWindow is the time range to search the function's logs for the
// last rotation attempt: around the AWSPENDING version's creation when the
// rotation is stuck, from the missed NextRotationDate until now when it is
// overdue, around LastRotatedDate otherwise, else the last hour.
func attemptWindow(sec Secret, pending string, versions []Version, now time.Time) (time.Time, time.Time) {
	if pending != "" {
		for _, v := range versions {
			if v.ID == pending && !v.CreatedDate.IsZero() {
				return v.CreatedDate.Add(-15 * time.Minute), minTime(v.CreatedDate.Add(2*time.Hour), now)
			}
		}
	}
	if sec.RotationEnabled && !sec.NextRotationDate.IsZero() && sec.NextRotationDate.Before(now) {
		return sec.NextRotationDate.Add(-time.Hour), now
	}
	if !sec.LastRotatedDate.IsZero() {
		return sec.LastRotatedDate.Add(-time.Hour), minTime(sec.LastRotatedDate.Add(time.Hour), now)
	}
	return now.Add(-time.Hour), now
}

func minTime(a, b time.Time) time.Time {
	if a.Before(b) {
		return a
	}
	return b
}

// functionName is NAME of arn:aws:lambda:REGION:ACCOUNT:function:NAME[:QUALIFIER]
// (or the value itself when it is not such an ARN).
func functionName(arn string) string {
	if p := splitARN(arn); len(p) >= 7 && p[5] == "function" {
		return p[6]
	}
	return arn
}

func functionRegion(arn string) string {
	if p := splitARN(arn); len(p) >= 7 {
		return p[3]
	}
	return ""
}

func accountOf(arn string) string {
	if p := splitARN(arn); len(p) >= 5 {
		return p[4]
	}
	return ""
}

func splitARN(arn string) []string {
	var parts []string
	start := 0
	for i := 0; i < len(arn) && len(parts) < 7; i++ {
		if arn[i] == ':' {
			parts = append(parts, arn[start:i])
			start = i + 1
		}
	}
	if len(parts) < 2 || parts[0] != "arn" {
		return nil
	}
	return append(parts, arn[start:])
}

// FunctionLogGroup is the log group Lambda writes a function's logs to.
func FunctionLogGroup(name string) string { return fmt.Sprintf("/aws/lambda/%s", name) }
