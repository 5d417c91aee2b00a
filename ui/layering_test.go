package ui

import (
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

const modulePath = "github.com/smtui/smtui/"

// layerOf ranks a package directory under ui/: a package may import only
// packages of a lower rank, so imports go downward (root → pages →
// components → common → libraries). Pages rank list above secret above
// dialog, so a page may open only the pages below it. Components rank
// alike: one may use another (the table uses fuzzy), Go forbids the cycle;
// so do the libraries (the clipboard runs its programs through childenv).
// ok is false for a directory no layer was chosen for.
func layerOf(dir string) (rank int, ok bool) {
	switch {
	case dir == "ui":
		return 6, true
	case dir == "ui/pages/list":
		return 5, true
	case dir == "ui/pages/secret":
		return 4, true
	case dir == "ui/pages/dialog", dir == "ui/pages/insight":
		return 3, true
	case strings.HasPrefix(dir, "ui/components/"):
		return 2, true
	case dir == "ui/common":
		return 1, true
	case dir == "ui/audit", dir == "ui/cli", dir == "ui/clipboard", dir == "ui/jsonedit", dir == "ui/childenv", dir == "ui/editdir", dir == "ui/valuefacts":
		return 0, true
	}
	return 0, false
}

// checkLayering returns one line per import (of any .go file, tests too)
// that goes up or sideways between the layers of the packages under root,
// and per package directory that has no layer.
func checkLayering(t *testing.T, root string) (bad []string, checked int) {
	t.Helper()
	fset := token.NewFileSet()
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && d.Name() == "testdata" {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") {
			return nil
		}
		rel, err := filepath.Rel(filepath.Dir(root), path)
		if err != nil {
			return err
		}
		dir := filepath.ToSlash(filepath.Dir(rel))
		from, ok := layerOf(dir)
		if !ok {
			bad = append(bad, dir+": no layer chosen for this package (add it to layerOf)")
			return nil
		}
		f, err := parser.ParseFile(fset, path, nil, parser.ImportsOnly)
		if err != nil {
			return err
		}
		for _, imp := range f.Imports {
			p, _ := strconv.Unquote(imp.Path.Value)
			if !strings.HasPrefix(p, modulePath+"ui") {
				continue
			}
			checked++
			target := strings.TrimPrefix(p, modulePath)
			to, ok := layerOf(target)
			// components may use components, libraries libraries
			sideways := from == to && (from == 2 || from == 0)
			externalTest := target == dir && strings.HasSuffix(path, "_test.go")
			if ok && (to < from || sideways || externalTest) {
				continue
			}
			bad = append(bad, filepath.ToSlash(rel)+" imports "+p+": not a lower layer")
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return bad, checked
}

// TestImportsGoDownward fails on any import from a package under ui/ to one
// of its own or a higher layer.
func TestImportsGoDownward(t *testing.T) {
	root, err := filepath.Abs(".")
	if err != nil {
		t.Fatal(err)
	}
	bad, checked := checkLayering(t, root)
	for _, b := range bad {
		t.Error(b)
	}
	if checked < 100 {
		t.Errorf("only %d imports of ui packages checked: the walk missed the tree", checked)
	}
}
