package emulator

import "strings"

// The rotation functions that exist, as far as RotateSecret can tell: the
// ones named in Options.LambdaFunctions, the demo account's and any added
// with AddLambdaFunction. AWS refuses to rotate with a function it cannot
// invoke, and so does the emulator.

// AddLambdaFunction makes the rotation function with this ARN exist (an
// alias or version qualifier is ignored).
func (e *Emulator) AddLambdaFunction(arn string) {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.lambdas[unqualifiedFunction(arn)] = true
}

// lambdaExists reports whether the function arn names exists. Callers hold
// e.mu.
func (e *Emulator) lambdaExists(arn string) bool {
	return e.lambdas[unqualifiedFunction(arn)]
}

// unqualifiedFunction drops a ":alias" or ":version" qualifier from a
// function ARN (arn:aws:lambda:REGION:ACCOUNT:function:NAME[:QUALIFIER]).
func unqualifiedFunction(arn string) string {
	parts := strings.SplitN(arn, ":", 8)
	if len(parts) == 8 {
		return strings.Join(parts[:7], ":")
	}
	return arn
}

func errCannotInvokeLambda() *apiError {
	return errorf(codeAccessDenied, "Secrets Manager cannot invoke the specified Lambda function. Ensure that the function policy grants access to the principal secretsmanager.amazonaws.com.")
}
