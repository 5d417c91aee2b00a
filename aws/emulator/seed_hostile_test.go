package emulator

import (
	"errors"
	"regexp"
	"testing"
	"unicode/utf8"

	awssdk "github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
	"github.com/aws/smithy-go"
)

// awsName is what AWS accepts as a secret name.
var awsName = regexp.MustCompile(`^[A-Za-z0-9/_+=.@!-]{1,512}$`)

func TestHostileAccountIsOnlyLoadedWhenAsked(t *testing.T) {
	demo := New(Options{Seed: true})
	if s := demo.region(usEast1).secrets[HostileJSONName]; s != nil {
		t.Fatal("the demo account holds the hostile fixture")
	}
	e := New(Options{Hostile: true})
	for _, name := range []string{HostileJSONName, HostileGuardName, HostilePlaintextName, HostileBinaryName,
		HostileReplicatedName, HostileDeletedName, HostileLongName()} {
		s := e.region(usEast1).secrets[name]
		if s == nil {
			t.Fatalf("hostile secret %q missing", name)
		}
		if !awsName.MatchString(name) {
			t.Errorf("hostile name %q is not a valid AWS name", name)
		}
	}
	if n := len(HostileLongName()); n != 512 {
		t.Errorf("the long name has %d characters, want 512 (the most AWS allows)", n)
	}
	if rs := e.region(euWest1).secrets[HostileReplicatedName]; rs == nil {
		t.Error("the replicated hostile secret has no replica in eu-west-1")
	}
	if b := e.region(usEast1).secrets[HostileBinaryName].versions[0].bin; utf8.Valid(b) {
		t.Error("the hostile binary value is valid UTF-8; it must not be")
	}
}

func TestFaultCarriesCustomMessageOverTheWire(t *testing.T) {
	srv := startServer(t, Options{Hostile: true})
	c := client(t, srv, "us-east-1")
	srv.InjectFault(Fault{Op: "GetSecretValue", Error: "AccessDeniedException", Message: HostileErrorMessage})
	_, err := c.GetSecretValue(ctx(t), &secretsmanager.GetSecretValueInput{SecretId: awssdk.String(HostileJSONName)})
	var apiErr smithy.APIError
	if !errors.As(err, &apiErr) {
		t.Fatalf("err = %v, want an API error", err)
	}
	if apiErr.ErrorCode() != "AccessDeniedException" || apiErr.ErrorMessage() != HostileErrorMessage {
		t.Fatalf("got %s %q, want AccessDeniedException %q", apiErr.ErrorCode(), apiErr.ErrorMessage(), HostileErrorMessage)
	}
}
