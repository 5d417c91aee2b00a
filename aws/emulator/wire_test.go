package emulator

import (
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"
)

// rawCall posts body to the emulator as operation op, signed for region
// ("" = no Authorization header).
func rawCall(t *testing.T, srv *Server, region, target, body string) (int, http.Header, map[string]any) {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, srv.URL+"/", strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", contentType)
	if target != "" {
		req.Header.Set("X-Amz-Target", target)
	}
	if region != "" {
		req.Header.Set("Authorization", "AWS4-HMAC-SHA256 Credential=AKID/20260314/"+region+
			"/secretsmanager/aws4_request, SignedHeaders=host;x-amz-date, Signature=deadbeef")
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatalf("response is not JSON: %q", b)
	}
	return resp.StatusCode, resp.Header, m
}

func TestWireErrorShape(t *testing.T) {
	srv := startServer(t, Options{})
	cases := []struct {
		name, region, target, body string
		status                     int
		code                       string
	}{
		{"unknown operation", "us-east-1", "secretsmanager.FrobnicateSecret", `{}`, 400, "UnknownOperationException"},
		{"missing target", "us-east-1", "", `{}`, 400, "UnknownOperationException"},
		{"other service", "us-east-1", "kms.Decrypt", `{}`, 400, "UnknownOperationException"},
		{"not found", "us-east-1", "secretsmanager.DescribeSecret", `{"SecretId":"nope"}`, 400, "ResourceNotFoundException"},
		{"bad json", "us-east-1", "secretsmanager.DescribeSecret", `{"SecretId":`, 400, "SerializationException"},
		{"wrong type", "us-east-1", "secretsmanager.ListSecrets", `{"MaxResults":"ten"}`, 400, "SerializationException"},
		{"max results", "us-east-1", "secretsmanager.ListSecrets", `{"MaxResults":101}`, 400, "ValidationException"},
		{"unsigned is us-east-1", "", "secretsmanager.ListSecrets", `{}`, 200, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			status, h, m := rawCall(t, srv, tc.region, tc.target, tc.body)
			if status != tc.status {
				t.Fatalf("status = %d, want %d (%v)", status, tc.status, m)
			}
			if ct := h.Get("Content-Type"); ct != contentType {
				t.Errorf("Content-Type = %q", ct)
			}
			if tc.code == "" {
				return
			}
			if m["__type"] != tc.code || h.Get("X-Amzn-Errortype") != tc.code {
				t.Errorf("__type = %v, header = %q, want %s", m["__type"], h.Get("X-Amzn-Errortype"), tc.code)
			}
			// Secrets Manager's own exceptions carry "Message" (as AWS sends
			// them); framework errors such as ValidationException "message".
			key, other := "Message", "message"
			if lowerMessageKey[tc.code] {
				key, other = other, key
			}
			if msg, _ := m[key].(string); msg == "" {
				t.Errorf("no %s in %v", key, m)
			}
			if _, both := m[other]; both {
				t.Errorf("both %s and %s in %v", key, other, m)
			}
		})
	}
}

func TestWireMalformedAuthorization(t *testing.T) {
	srv := startServer(t, Options{})
	req, _ := http.NewRequest(http.MethodPost, srv.URL+"/", strings.NewReader(`{}`))
	req.Header.Set("X-Amz-Target", "secretsmanager.ListSecrets")
	req.Header.Set("Authorization", "AWS4-HMAC-SHA256 Credential=AKID/20260314/secretsmanager")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 400 || resp.Header.Get("X-Amzn-Errortype") != "IncompleteSignatureException" {
		t.Fatalf("status %d, type %q", resp.StatusCode, resp.Header.Get("X-Amzn-Errortype"))
	}
}

func TestWireGetIsRefused(t *testing.T) {
	srv := startServer(t, Options{})
	resp, err := http.Get(srv.URL + "/")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 400 {
		t.Fatalf("GET / status = %d, want 400", resp.StatusCode)
	}
}

func TestWireInternalErrorIs500(t *testing.T) {
	srv := startServer(t, Options{})
	srv.InjectFault(Fault{Op: "ListSecrets", Error: "InternalServiceError"})
	status, h, m := rawCall(t, srv, "us-east-1", "secretsmanager.ListSecrets", `{}`)
	if status != 500 || m["__type"] != "InternalServiceError" || h.Get("X-Amzn-Errortype") != "InternalServiceError" {
		t.Fatalf("status %d body %v", status, m)
	}
}

func TestWireRegionRouting(t *testing.T) {
	srv := startServer(t, Options{})
	status, _, m := rawCall(t, srv, "eu-west-1", "secretsmanager.CreateSecret",
		`{"Name":"app/key","SecretString":"v1","ClientRequestToken":"00000000-0000-4000-8000-000000000001"}`)
	if status != 200 {
		t.Fatalf("create: %d %v", status, m)
	}
	if arn, _ := m["ARN"].(string); !strings.HasPrefix(arn, "arn:aws:secretsmanager:eu-west-1:123456789012:secret:app/key-") || len(arn) != len("arn:aws:secretsmanager:eu-west-1:123456789012:secret:app/key-")+6 {
		t.Fatalf("ARN = %q", m["ARN"])
	}
	count := func(region string) int {
		_, _, m := rawCall(t, srv, region, "secretsmanager.ListSecrets", `{}`)
		list, _ := m["SecretList"].([]any)
		return len(list)
	}
	if n := count("eu-west-1"); n != 1 {
		t.Errorf("eu-west-1 has %d secrets, want 1", n)
	}
	if n := count("us-east-1"); n != 0 {
		t.Errorf("us-east-1 has %d secrets, want 0", n)
	}
	status, _, _ = rawCall(t, srv, "us-east-1", "secretsmanager.DescribeSecret", `{"SecretId":"app/key"}`)
	if status != 400 {
		t.Errorf("describe in another region: status %d, want 400", status)
	}
	// Timestamps are epoch seconds (numbers).
	_, _, d := rawCall(t, srv, "eu-west-1", "secretsmanager.DescribeSecret", `{"SecretId":"app/key"}`)
	if cd, ok := d["CreatedDate"].(float64); !ok || int64(cd) != fixedNow.Unix() {
		t.Errorf("CreatedDate = %#v, want %d", d["CreatedDate"], fixedNow.Unix())
	}
}
