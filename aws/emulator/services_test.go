package emulator

import (
	"net/http/httptest"
	"testing"
)

func TestPrincipalOfSignedRequest(t *testing.T) {
	e := New(Options{Account: "111122223333", Principals: map[string]string{"AKIDALICE": "arn:aws:iam::111122223333:user/alice"}})
	r := httptest.NewRequest("POST", "/", nil)
	r.Header.Set("Authorization", "AWS4-HMAC-SHA256 Credential=AKIDALICE/20261129/us-east-1/secretsmanager/aws4_request, SignedHeaders=host, Signature=00")
	if got := e.principalOf(r); got != "arn:aws:iam::111122223333:user/alice" {
		t.Fatalf("alice: %q", got)
	}
	r.Header.Set("Authorization", "AWS4-HMAC-SHA256 Credential=OTHER/20261129/us-east-1/secretsmanager/aws4_request")
	if got := e.principalOf(r); got != "arn:aws:iam::111122223333:user/oncall" {
		t.Fatalf("default: %q", got)
	}
	r.Header.Del("Authorization")
	if accessKeyOf(r) != "" {
		t.Fatal("an unsigned request has no access key")
	}
}
