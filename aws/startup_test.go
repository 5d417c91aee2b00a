package aws

import (
	"context"
	"errors"
	"fmt"
	"testing"
)

func TestStartupAdvice(t *testing.T) {
	const (
		configure = "  Configure credentials (aws configure, or aws configure sso) and pass --profile NAME --region REGION."
		demo      = "  To try smtui without AWS, run it on its embedded demo account: smtui --demo"
	)
	for _, tc := range []struct {
		what string
		err  error
		want string
	}{
		{"a plain error", errors.New("boom"), configure + "\n" + demo},
		{"an *Error without a hint", &Error{Kind: KindNetwork, Op: "connect", Message: "no route"}, configure + "\n" + demo},
		{"a hint", &Error{Kind: KindInvalidParameter, Hint: "pass --region or set AWS_REGION"}, "  pass --region or set AWS_REGION\n" + demo},
		{"a hint naming --demo", &Error{Kind: KindCredentials, Hint: "check your AWS config, or try --demo"}, "  check your AWS config, or try --demo"},
		{"a wrapped *Error", fmt.Errorf("start: %w", &Error{Kind: KindCredentials, Hint: "run aws sso login"}), "  run aws sso login\n" + demo},
	} {
		if got := StartupAdvice(tc.err); got != tc.want {
			t.Errorf("%s:\n got %q\nwant %q", tc.what, got, tc.want)
		}
	}
}

// The advice for what Connect really returns when nothing is configured.
func TestStartupAdviceForConnectWithoutARegion(t *testing.T) {
	isolateEnv(t)
	_, err := Connect(context.Background(), ConnectOptions{})
	if err == nil {
		t.Fatal("Connect without any configuration succeeded")
	}
	want := "  pass --region or set AWS_REGION (or set region in your profile)\n" +
		"  To try smtui without AWS, run it on its embedded demo account: smtui --demo"
	if got := StartupAdvice(err); got != want {
		t.Fatalf("got %q\nwant %q", got, want)
	}
}
