package aws

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/smtui/smtui/aws/emulator"
)

func TestSSOSessionOfPlainProfile(t *testing.T) {
	w := newSSOWorld(t, emulator.SSOOptions{})
	s, err := SSOSessionOf(context.Background(), w.opts("plain"), time.Now())
	if err != nil || s.Status != SSONotUsed || s.NeedsLogin() {
		t.Errorf("plain profile: %+v %v", s, err)
	}
	_, err = BeginSSOLogin(context.Background(), w.opts("plain"))
	if KindOf(err) != KindInvalidParameter || !strings.Contains(hintOf(err), "aws configure sso") {
		t.Errorf("login for a non-SSO profile: %v", err)
	}
}

func TestSSOSettingsOfRoleProfileAndScopes(t *testing.T) {
	w := newSSOWorld(t, emulator.SSOOptions{})
	f, err := os.OpenFile(filepath.Join(w.home, "config"), os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	_, _ = f.WriteString(`
[profile admin]
source_profile = oncall
role_arn = arn:aws:iam::111122223333:role/Admin
region = eu-west-1

[profile wide]
sso_session = wide
sso_account_id = 111122223333
sso_role_name = OnCall

[sso-session wide]
sso_start_url = https://wide.awsapps.com/start
sso_region = ap-southeast-2
sso_registration_scopes = sso:account:access, codewhisperer:completions
`)
	f.Close()
	c, _, err := loadSSOConfig(context.Background(), w.opts("admin"))
	if err != nil || c.session != "corp" || c.region != "eu-west-1" || c.cachePath != w.cachePath("corp") {
		t.Errorf("assume-role profile on an SSO source: %+v %v", c, err)
	}
	c, _, err = loadSSOConfig(context.Background(), w.opts("wide"))
	if err != nil || c.region != "ap-southeast-2" || strings.Join(c.scopes, " ") != "sso:account:access codewhisperer:completions" {
		t.Errorf("sso-session with scopes: region %q scopes %q %v", c.region, c.scopes, err)
	}
	if got := registrationScopes("corp"); strings.Join(got, " ") != "sso:account:access" {
		t.Errorf("corp scopes %q", got)
	}
	if got := registrationScopes("no-such-session"); strings.Join(got, " ") != defaultSSOScope {
		t.Errorf("default scopes %q", got)
	}
	s, err := SSOSessionOf(context.Background(), w.opts("admin"), time.Now())
	if err != nil || s.Status != SSOMissing {
		t.Errorf("role profile's session: %+v %v", s, err)
	}
}
