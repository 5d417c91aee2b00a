package cli

import (
	"cmp"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/charmbracelet/x/term"

	"github.com/smtui/smtui/ui/audit"
)

// CheckTerminal returns a one-line explanation when stdin or stdout is not
// a terminal, which the full-screen UI needs.
func CheckTerminal(stdin, stdout *os.File) error {
	switch {
	case !term.IsTerminal(stdin.Fd()):
		return errors.New("standard input is not a terminal: smtui is a full-screen program; run it in a terminal (see --help)")
	case !term.IsTerminal(stdout.Fd()):
		return errors.New("standard output is not a terminal: smtui is a full-screen program; run it in a terminal (see --help)")
	}
	return nil
}

// OpenAudit opens the audit log the configuration asks for: none with
// --no-audit, --audit-log when given, with --demo a temporary file (the
// demo account's events never reach the real log), else the default path.
// closeLog closes the log and removes a temporary one; log and close are nil
// when there is no audit log.
func OpenAudit(c Config, profile string) (log *audit.Log, closeLog func() error, err error) {
	if c.NoAudit {
		return nil, nil, nil
	}
	path, tmpDir := cmp.Or(c.AuditPath, audit.DefaultPath()), ""
	if c.Demo && c.AuditPath == "" {
		if tmpDir, err = os.MkdirTemp("", "smtui-demo-audit-"); err != nil {
			return nil, nil, fmt.Errorf("temporary demo audit log: %w", err)
		}
		path = filepath.Join(tmpDir, "audit.log")
	}
	log, err = audit.Open(path, profile)
	if err != nil {
		if tmpDir != "" {
			_ = os.RemoveAll(tmpDir)
		}
		return nil, nil, err
	}
	return log, func() error {
		err := log.Close()
		if tmpDir != "" {
			err = errors.Join(err, os.RemoveAll(tmpDir))
		}
		return err
	}, nil
}
