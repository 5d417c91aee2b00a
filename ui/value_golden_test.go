package ui

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// updateGolden rewrites the golden files under testdata/ (go test -update).
var updateGolden = flag.Bool("update", false, "rewrite golden files under testdata/")

// checkGolden compares the focused screen's body (ANSI-stripped, trailing
// spaces trimmed) with testdata/name.golden. The header, status line and
// help belong to the App and are left out, so list loading cannot make the
// files flaky.
func checkGolden(t *testing.T, h *harness, needles []string, name string) {
	t.Helper()
	lines := strings.Split(ansi.Strip(h.app.top().View()), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " ")
	}
	got := strings.Join(lines, "\n") + "\n"
	// A golden file must never hold a secret value.
	assertNoLeak(t, needles, name, got)
	path := filepath.Join("testdata", name+".golden")
	if *updateGolden {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("read %s (run go test -update to create it): %v", path, err)
	}
	if string(want) != got {
		t.Errorf("%s differs from the golden file (go test -update rewrites it)\n--- got:\n%s\n--- want:\n%s", name, got, want)
	}
}

// TestSecretScreensGolden renders the detail, versions and masked value
// screens at 40, 80 and 120 columns.
func TestSecretScreensGolden(t *testing.T) {
	t.Parallel()
	for _, width := range []int{40, 80, 120} {
		t.Run(fmt.Sprint(width), func(t *testing.T) {
			h := newSecretHarness(t, width, 30, nil)
			needles := leakNeedles(h)
			k := h.app.env.Keys
			h.openDetail("prod/db/postgres")
			checkGolden(t, h, needles, fmt.Sprintf("detail_postgres_%d", width))
			h.press(k.Detail.Versions)
			waitVersions(h)
			checkGolden(t, h, needles, fmt.Sprintf("versions_postgres_%d", width))
			backToList(h)

			h.openDetail("prod/db/mysql-orders")
			checkGolden(t, h, needles, fmt.Sprintf("detail_mysql_stuck_%d", width))
			backToList(h)

			h.openValue("staging/app/config")
			checkGolden(t, h, needles, fmt.Sprintf("value_config_masked_%d", width))
			h.press(k.Value.Raw)
			checkGolden(t, h, needles, fmt.Sprintf("value_config_raw_masked_%d", width))
			backToList(h)

			h.openValue("prod/tls/keystore")
			checkGolden(t, h, needles, fmt.Sprintf("value_keystore_masked_%d", width))
			backToList(h)

			h.openValue("prod/ssh/deploy-key")
			checkGolden(t, h, needles, fmt.Sprintf("value_sshkey_masked_%d", width))
			backToList(h)
		})
	}
}
