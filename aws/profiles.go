package aws

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// Profile is one named profile from the shared AWS config and credentials
// files, with what the UI shows about it.
type Profile struct {
	Name              string
	Region            string
	SSO               bool   // credentials come from IAM Identity Center
	SSOSession        string // the sso_session it uses, if any
	RoleARN           string // assume-role profile
	MFASerial         string // the role needs an MFA code
	SourceProfile     string
	CredentialProcess bool // credentials come from an external command
}

// ListProfiles reads the shared config file (AWS_CONFIG_FILE, default
// ~/.aws/config) and credentials file (AWS_SHARED_CREDENTIALS_FILE, default
// ~/.aws/credentials) and returns their profiles, "default" first, the rest
// by name. Missing files are not an error.
func ListProfiles() ([]Profile, error) {
	cfgPath, credPath, err := sharedFiles()
	if err != nil {
		return nil, err
	}
	byName := map[string]*Profile{}
	if err := readProfiles(cfgPath, true, byName); err != nil {
		return nil, err
	}
	if err := readProfiles(credPath, false, byName); err != nil {
		return nil, err
	}
	out := make([]Profile, 0, len(byName))
	for _, p := range byName {
		out = append(out, *p)
	}
	slices.SortFunc(out, func(a, b Profile) int {
		switch {
		case a.Name == b.Name:
			return 0
		case a.Name == "default":
			return -1
		case b.Name == "default":
			return 1
		}
		return strings.Compare(a.Name, b.Name)
	})
	return out, nil
}

// sharedFiles returns the config and credentials file paths.
func sharedFiles() (cfg, creds string, err error) {
	cfg, creds = os.Getenv("AWS_CONFIG_FILE"), os.Getenv("AWS_SHARED_CREDENTIALS_FILE")
	if cfg != "" && creds != "" {
		return cfg, creds, nil
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return "", "", fmt.Errorf("find the AWS config files: %w", err)
	}
	if cfg == "" {
		cfg = filepath.Join(home, ".aws", "config")
	}
	if creds == "" {
		creds = filepath.Join(home, ".aws", "credentials")
	}
	return cfg, creds, nil
}

// readProfiles adds the profiles of one file to byName. In the config file
// profiles are "[default]" and "[profile NAME]"; in the credentials file
// every section is a profile.
func readProfiles(path string, configFile bool, byName map[string]*Profile) error {
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("read AWS profiles: %w", err)
	}
	defer f.Close()
	if err := parseProfiles(f, configFile, byName); err != nil {
		return fmt.Errorf("read AWS profiles from %s: %w", path, err)
	}
	return nil
}

// parseProfiles parses INI text in the shared config format.
func parseProfiles(r io.Reader, configFile bool, byName map[string]*Profile) error {
	var cur *Profile // nil inside a section that is not a profile
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 1024*1024)
	for sc.Scan() {
		raw := sc.Text()
		line := strings.TrimSpace(raw)
		if line == "" || line[0] == '#' || line[0] == ';' {
			continue
		}
		if line[0] == '[' {
			end := strings.IndexByte(line, ']')
			if end < 0 {
				cur = nil
				continue
			}
			cur = nil
			if name, ok := profileSection(line[1:end], configFile); ok {
				if byName[name] == nil {
					byName[name] = &Profile{Name: name}
				}
				cur = byName[name]
			}
			continue
		}
		// Indented lines are sub-properties (e.g. "s3 =" blocks); skip them.
		if cur == nil || raw[0] == ' ' || raw[0] == '\t' {
			continue
		}
		key, value, ok := strings.Cut(line, "=")
		if !ok {
			continue
		}
		setProfileKey(cur, strings.ToLower(strings.TrimSpace(key)), strings.TrimSpace(value))
	}
	return sc.Err()
}

// profileSection returns the profile name a section header names, if any.
func profileSection(header string, configFile bool) (string, bool) {
	header = strings.TrimSpace(header)
	if !configFile {
		return header, header != ""
	}
	if header == "default" {
		return header, true
	}
	kind, name, ok := strings.Cut(header, " ")
	if !ok || kind != "profile" {
		return "", false // sso-session, services, or malformed
	}
	name = strings.TrimSpace(name)
	return name, name != ""
}

func setProfileKey(p *Profile, key, value string) {
	switch key {
	case "region":
		p.Region = value
	case "sso_session":
		p.SSOSession = value
		p.SSO = true
	case "sso_start_url", "sso_account_id", "sso_role_name":
		p.SSO = true
	case "role_arn":
		p.RoleARN = value
	case "mfa_serial":
		p.MFASerial = value
	case "source_profile":
		p.SourceProfile = value
	case "credential_process":
		p.CredentialProcess = value != ""
	}
}
