package prefs

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

func TestRegionsSurviveARestartPerProfile(t *testing.T) {
	f := File{Path: filepath.Join(t.TempDir(), "smtui", "prefs.json")}
	if p := f.Load(); len(p.Regions) != 0 {
		t.Fatalf("a missing file is empty preferences, got %+v", p)
	}
	a := Regions{All: []string{"us-east-1", "eu-west-1"}, Recent: []string{"eu-west-1", "us-east-1"}}
	b := Regions{Recent: []string{"ap-southeast-2"}}
	if err := f.SaveRegions("oncall", a); err != nil {
		t.Fatal(err)
	}
	if err := f.SaveRegions("dev", b); err != nil {
		t.Fatal(err)
	}
	p := f.Load()
	if !reflect.DeepEqual(p.Regions["oncall"], a) || !reflect.DeepEqual(p.Regions["dev"], b) {
		t.Fatalf("read back %+v", p.Regions)
	}
	info, err := os.Stat(f.Path)
	if err != nil {
		t.Fatal(err)
	}
	if info.Mode().Perm() != 0o600 {
		t.Errorf("file mode %v, want 0600", info.Mode().Perm())
	}
	if dir, _ := os.Stat(filepath.Dir(f.Path)); dir.Mode().Perm() != 0o700 {
		t.Errorf("directory mode %v, want 0700", dir.Mode().Perm())
	}
	left, _ := filepath.Glob(filepath.Join(filepath.Dir(f.Path), ".prefs-*"))
	if len(left) != 0 {
		t.Errorf("temporary files left: %v", left)
	}
}

func TestCorruptOrForeignFileIsEmptyAndRewritten(t *testing.T) {
	for _, content := range []string{"{not json", `{"version":99,"regions":{"x":{"all":["us-east-1"]}}}`} {
		f := File{Path: filepath.Join(t.TempDir(), "prefs.json")}
		if err := os.WriteFile(f.Path, []byte(content), 0o600); err != nil {
			t.Fatal(err)
		}
		if p := f.Load(); len(p.Regions) != 0 {
			t.Fatalf("%q: got %+v", content, p)
		}
		if err := f.SaveRegions("x", Regions{Recent: []string{"eu-west-1"}}); err != nil {
			t.Fatal(err)
		}
		if got := f.Load().Regions["x"].Recent; !reflect.DeepEqual(got, []string{"eu-west-1"}) {
			t.Fatalf("%q: rewritten file reads %v", content, got)
		}
	}
}

func TestProfilesAreBounded(t *testing.T) {
	f := File{Path: filepath.Join(t.TempDir(), "prefs.json")}
	for i := range maxProfiles + 10 {
		if err := f.SaveRegions(string(rune('a'+i%26))+string(rune('0'+i/26)), Regions{Recent: []string{"us-east-1"}}); err != nil {
			t.Fatal(err)
		}
	}
	if n := len(f.Load().Regions); n > maxProfiles {
		t.Fatalf("%d profiles kept, want at most %d", n, maxProfiles)
	}
}
