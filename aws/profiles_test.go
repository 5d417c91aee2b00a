package aws

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

func writeFile(t *testing.T, dir, name, text string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestListProfiles(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("AWS_CONFIG_FILE", writeFile(t, dir, "config", `
# a comment
[profile zeta]
region = eu-west-1

[default]
region=us-east-1
output = json

[profile work-sso]
sso_session = corp
sso_account_id = 123456789012
sso_role_name = ReadOnly
region = eu-central-1

[sso-session corp]
sso_start_url = https://corp.awsapps.com/start
sso_region = eu-west-1

[profile legacy-sso]
sso_start_url = https://old.awsapps.com/start

[profile admin]
role_arn = arn:aws:iam::123456789012:role/Admin
mfa_serial = arn:aws:iam::123456789012:mfa/bob
source_profile = default
; another comment
[profile proc]
credential_process = /usr/local/bin/get-creds --json
s3 =
  max_concurrent_requests = 20
  region = should-not-apply

[services local]
secretsmanager =
  endpoint_url = http://localhost:4566

[notaprofile]
region = ap-south-1
`))
	t.Setenv("AWS_SHARED_CREDENTIALS_FILE", writeFile(t, dir, "credentials", `
[default]
aws_access_key_id = AKIDEXAMPLE
aws_secret_access_key = hunter2

[ci]
aws_access_key_id = AKIDCI
aws_secret_access_key = x
region = us-west-2

[zeta]
aws_access_key_id = AKIDZ
`))
	got, err := ListProfiles()
	if err != nil {
		t.Fatal(err)
	}
	want := []Profile{
		{Name: "default", Region: "us-east-1"},
		{Name: "admin", RoleARN: "arn:aws:iam::123456789012:role/Admin", MFASerial: "arn:aws:iam::123456789012:mfa/bob", SourceProfile: "default"},
		{Name: "ci", Region: "us-west-2"},
		{Name: "legacy-sso", SSO: true},
		{Name: "proc", CredentialProcess: true},
		{Name: "work-sso", Region: "eu-central-1", SSO: true, SSOSession: "corp"},
		{Name: "zeta", Region: "eu-west-1"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("ListProfiles()\n got %+v\nwant %+v", got, want)
	}
}

func TestListProfilesMissingFiles(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("AWS_CONFIG_FILE", filepath.Join(dir, "nope"))
	t.Setenv("AWS_SHARED_CREDENTIALS_FILE", filepath.Join(dir, "nope2"))
	got, err := ListProfiles()
	if err != nil || len(got) != 0 {
		t.Fatalf("ListProfiles() = %v, %v; want no profiles and no error", got, err)
	}
}

func TestListProfilesDefaultLocation(t *testing.T) {
	home := t.TempDir()
	t.Setenv("HOME", home)
	t.Setenv("AWS_CONFIG_FILE", "")
	t.Setenv("AWS_SHARED_CREDENTIALS_FILE", "")
	if err := os.Mkdir(filepath.Join(home, ".aws"), 0o700); err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(home, ".aws"), "config", "[profile home]\nregion = sa-east-1\n")
	got, err := ListProfiles()
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0].Name != "home" || got[0].Region != "sa-east-1" {
		t.Fatalf("ListProfiles() = %+v", got)
	}
}

func TestListProfilesUnreadable(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("AWS_CONFIG_FILE", dir) // a directory: reading fails
	t.Setenv("AWS_SHARED_CREDENTIALS_FILE", filepath.Join(dir, "nope"))
	if _, err := ListProfiles(); err == nil {
		t.Fatal("ListProfiles() read a directory as a config file without error")
	}
}
