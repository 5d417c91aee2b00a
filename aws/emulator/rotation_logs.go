package emulator

import (
	"fmt"
	"strings"
	"time"
)

// What a simulated rotation function writes to CloudWatch Logs: each step is
// one invocation (START, the step's lines, END, REPORT), in the shape of
// AWS's Python rotation templates (aws-samples/aws-secrets-manager-rotation-
// lambdas). Log lines name the secret's ARN and version ids, never a value.

// rotationInvocation describes one invocation of a rotation function.
type rotationInvocation struct {
	fnARN     string
	secretARN string
	token     string
	step      string
	failed    bool // the step fails with its template's error
	at        time.Time
}

// logRotationStep writes one step's invocation into /aws/lambda/NAME, in the
// function's region. Request ids and stream names come from the log
// store's own generator, so the demo's secrets stay as they are. Callers
// hold e.mu.
func (e *Emulator) logRotationStep(inv rotationInvocation) {
	rng := e.logs.rng
	parts := strings.Split(unqualifiedFunction(inv.fnARN), ":")
	if len(parts) != 7 || parts[5] != "function" {
		return
	}
	regionName, name := parts[3], parts[6]
	reqID := newUUID(rng)
	stream := inv.at.UTC().Format("2006/01/02") + "/[$LATEST]" + randString(rng, "0123456789abcdef", 32)
	stamp := func(d time.Duration) string {
		return inv.at.Add(d).UTC().Format("2006-01-02T15:04:05.000Z")
	}
	info := func(msg string) string {
		return "[INFO]\t" + stamp(40*time.Millisecond) + "\t" + reqID + "\t" + msg + "\n"
	}
	errLine := func(msg string) string {
		return "[ERROR]\t" + stamp(60*time.Millisecond) + "\t" + reqID + "\t" + msg + "\n"
	}
	lines := []string{"START RequestId: " + reqID + " Version: $LATEST\n"}
	lines = append(lines, rotationStepLines(inv, info, errLine, name)...)
	duration := 180 + rng.Float64()*900
	lines = append(lines, "END RequestId: "+reqID+"\n",
		fmt.Sprintf("REPORT RequestId: %s\tDuration: %.2f ms\tBilled Duration: %d ms\tMemory Size: 128 MB\tMax Memory Used: %d MB\t\n",
			reqID, duration, int(duration)+1, 70+rng.IntN(20)))
	e.logs.put(regionName, "/aws/lambda/"+name, stream, inv.at, lines...)
}

// rotationStepLines are the template's lines for one step; a failing step
// logs its error and the uncaught exception Lambda's Python runtime writes.
func rotationStepLines(inv rotationInvocation, info, errLine func(string) string, fnName string) []string {
	arn, token := inv.secretARN, inv.token
	engine := "DB"
	switch {
	case strings.Contains(fnName, "MySQL"):
		engine = "MySQL DB"
	case strings.Contains(fnName, "Postgre"):
		engine = "PostgreSQL DB"
	}
	trace := func(exc, msg, fn, call string) string {
		return "[ERROR] " + exc + ": " + msg + "\nTraceback (most recent call last):\n" +
			"  File \"/var/task/lambda_function.py\", line 83, in lambda_handler\n    " + call + "\n" +
			"  File \"/var/task/lambda_function.py\", line 201, in " + fn + "\n    raise " + exc + "(...)\n"
	}
	switch inv.step {
	case stepCreate:
		if inv.failed {
			return []string{trace("botocore.exceptions.ClientError", accessDenied(arn, fnName, "PutSecretValue"), "create_secret", "create_secret(service_client, arn, token)")}
		}
		return []string{info(fmt.Sprintf("createSecret: Successfully put secret for ARN %s and version %s.", arn, token))}
	case stepSet:
		if inv.failed {
			msg := "Unable to log into database with previous, current, or pending secret of secret arn " + arn
			return []string{errLine("setSecret: " + msg), trace("ValueError", msg, "set_secret", "set_secret(service_client, arn, token)")}
		}
		return []string{info(fmt.Sprintf("setSecret: Successfully set password for user in %s for secret arn %s.", engine, arn))}
	case stepTest:
		if inv.failed {
			msg := "Unable to log into database with pending secret of secret ARN " + arn
			return []string{errLine("testSecret: " + msg), trace("ValueError", msg, "test_secret", "test_secret(service_client, arn, token)")}
		}
		return []string{info(fmt.Sprintf("testSecret: Successfully signed into %s with AWSPENDING secret in %s.", engine, arn))}
	case stepFinish:
		if inv.failed {
			return []string{trace("botocore.exceptions.ClientError", accessDenied(arn, fnName, "UpdateSecretVersionStage"), "finish_secret", "finish_secret(service_client, arn, token)")}
		}
		return []string{info(fmt.Sprintf("finishSecret: Successfully set AWSCURRENT stage to version %s for secret %s.", token, arn))}
	}
	return nil
}

// accessDenied is botocore's message when the function's role may not call
// a Secrets Manager operation on the secret.
func accessDenied(secretARN, fnName, op string) string {
	account := strings.Split(secretARN, ":")[4]
	return "An error occurred (AccessDeniedException) when calling the " + op + " operation: User: arn:aws:sts::" +
		account + ":assumed-role/" + fnName + "-role/" + fnName + " is not authorized to perform: secretsmanager:" + op +
		" on resource: " + secretARN + " because no identity-based policy allows the secretsmanager:" + op + " action"
}
