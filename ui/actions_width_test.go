package ui

import (
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/smtui/smtui/ui/common"
	"github.com/smtui/smtui/ui/pages/dialog"
)

// TestWriteDialogsWidthSweep opens every write dialog at 40, 80 and 120
// columns and checks that no line is wider than the window and that the
// window keeps its height.
func TestWriteDialogsWidthSweep(t *testing.T) {
	t.Parallel()
	h := writeHarness(t, func(o *Options) { o.ProdPatterns = []string{"test"} })
	env := h.app.env
	store := connectStore(h, "us-east-1")
	pg := describeNow(h, store, "prod/db/postgres")
	mysql := describeNow(h, store, "prod/db/mysql-orders")
	stripe := describeNow(h, store, "prod/api/stripe")
	vs := versionsNow(h, store, "prod/api/stripe")
	screens := map[string]func() common.Screen{
		"rollback":     func() common.Screen { return dialog.NewRollbackScreen(env, store, pg) },
		"rotate":       func() common.Screen { return dialog.NewRotateScreen(env, store, pg) },
		"stuck":        func() common.Screen { return dialog.NewStuckRotationScreen(env, store, mysql) },
		"settings":     func() common.Screen { return dialog.NewRotationSettingsScreen(env, store, pg) },
		"move label":   func() common.Screen { return dialog.NewMoveLabelScreen(env, store, stripe, vs) },
		"remove label": func() common.Screen { return dialog.NewRemoveLabelScreen(env, store, stripe, vs, vs[0].ID) },
		"create":       func() common.Screen { return dialog.NewCreateScreen(env, store, "us-east-1") },
		"delete":       func() common.Screen { return dialog.NewDeleteScreen(env, store, pg.SecretSummary) },
		"restore": func() common.Screen {
			return dialog.NewRestoreScreen(env, store, describeNow(h, store, "legacy/reporting-db").SecretSummary)
		},
		"tags":          func() common.Screen { return dialog.NewTagsScreen(env, store, pg) },
		"cancel rotate": func() common.Screen { return dialog.NewCancelRotationScreen(env, store, pg) },
	}
	for name, mk := range screens {
		for _, size := range [][2]int{{40, 10}, {80, 24}, {120, 40}} {
			h.send(tea.WindowSizeMsg{Width: size[0], Height: size[1]})
			openScreen(h, mk())
			h.drain(60 * time.Millisecond)
			screen := h.screen()
			lines := strings.Split(screen, "\n")
			if len(lines) > size[1] {
				t.Errorf("%s at %dx%d: %d lines", name, size[0], size[1], len(lines))
			}
			for _, l := range lines {
				if w := ansi.StringWidth(l); w > size[0] {
					t.Errorf("%s at %dx%d: a line is %d wide: %q", name, size[0], size[1], w, l)
					break
				}
			}
			assertNoValues(h, screen)
			h.send(common.PopScreenMsg{})
		}
	}
}
