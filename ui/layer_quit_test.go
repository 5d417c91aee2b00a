package ui

import (
	"errors"
	"fmt"
	"testing"

	"github.com/smtui/smtui/aws"
	"github.com/smtui/smtui/ui/common"
	"github.com/smtui/smtui/ui/jsonedit"
	"github.com/smtui/smtui/ui/pages/dialog"
	"github.com/smtui/smtui/ui/pages/list"
)

// pressQuitIn opens a layer over the list, presses the quit key, and
// reports what went wrong: the layer must be gone, the list on top again,
// and the App still running. On an error the layer is left open.
func pressQuitIn(h *harness, open func() common.Screen) error {
	base := len(h.app.stack)
	layer := open()
	h.settle()
	if len(h.app.stack) != base+1 || h.app.top() != layer {
		return fmt.Errorf("%T did not open (top %T, %d screens)", layer, h.app.top(), len(h.app.stack))
	}
	if !common.IsLayer(layer) {
		return fmt.Errorf("%T is not a layer", layer)
	}
	if layer.Capturing() {
		// A form opens in a text field, an input layer where q is a letter
		// like any other: it is typed, and neither closes the form nor
		// quits (esc closes it, ctrl+c quits).
		h.press(h.app.env.Keys.Common.Quit)
		if h.quit || h.app.top() != layer {
			return fmt.Errorf("q in %T's text field quit (%v) or closed it (top %T)", layer, h.quit, h.app.top())
		}
		h.app.popScreen()
		return nil
	}
	h.press(h.app.env.Keys.Common.Quit)
	if h.quit {
		return fmt.Errorf("q in %T quit the app", layer)
	}
	if len(h.app.stack) != base {
		return fmt.Errorf("q in %T did not close it: top is %T", layer, h.app.top())
	}
	return nil
}

// Inside every dialog or picker, q closes the layer like esc and never
// quits the app.
func TestQuitKeyClosesEveryLayer(t *testing.T) {
	t.Parallel()
	h := writeHarness(t, nil)
	env := h.app.env
	store := connectStore(h, "us-east-1")
	waitLoaded(h)
	pg := describeNow(h, store, "prod/db/postgres")
	stuck := describeNow(h, store, "prod/db/mysql-orders")
	replicated := describeNow(h, store, "shared/datadog/api-key")
	vs := versionsNow(h, store, "prod/db/postgres")
	push := func(s common.Screen) func() common.Screen {
		return func() common.Screen { openScreen(h, s); return s }
	}
	cases := []struct {
		name string
		open func() common.Screen
	}{
		{"create", push(dialog.NewCreateScreen(env, store, "us-east-1"))},
		{"first value", push(dialog.NewFirstValueScreen(env, store, pg.SecretSummary))},
		{"rotation settings", push(dialog.NewRotationSettingsScreen(env, store, pg))},
		{"delete", push(dialog.NewDeleteScreen(env, store, pg.SecretSummary))},
		{"restore", push(dialog.NewRestoreScreen(env, store, pg.SecretSummary))},
		{"rollback", push(dialog.NewRollbackScreen(env, store, pg))},
		{"rotate", push(dialog.NewRotateScreen(env, store, pg))},
		{"stuck rotation", push(dialog.NewStuckRotationScreen(env, store, stuck))},
		{"move label", push(dialog.NewMoveLabelScreen(env, store, pg, vs))},
		{"remove label", push(dialog.NewRemoveLabelScreen(env, store, pg, vs, vs[0].ID))},
		{"tags", push(dialog.NewTagsScreen(env, store, pg))},
		{"replication", push(dialog.NewReplicasScreen(env, store, replicated.SecretSummary))},
		{"region picker", push(list.NewRegionPicker(env, list.RegionPickOne, "us-east-1", []string{"us-east-1", "eu-west-1"}, nil, nil, nil))},
		{"all regions picker", push(list.NewRegionPicker(env, list.RegionPickMany, "us-east-1", []string{"us-east-1", "eu-west-1"}, nil, nil, nil))},
		{"profile picker", push(list.NewProfilePicker(env, "test"))},
		{"SSO sign-in", push(list.NewSSOScreen(env, list.SSOConfig{}, aws.Profile{Name: "sso"}, "", errors.New("the SSO session expired")))},
		{"review", func() common.Screen {
			val, s := h.loadForEdit("prod/db/postgres")
			setPort(t, s, jsonedit.Number, "6543")
			return h.openReview(val, s, &reviewOwner{})
		}},
		{"sort menu", nil}, // a layer inside the list: below
	}
	for _, c := range cases {
		if c.name == "sort menu" {
			// The sort menu is a layer inside the list: q closes the menu,
			// the list stays.
			l := listOf(h)
			h.press(env.Keys.List.SortMenu)
			if !common.IsLayer(l) {
				t.Errorf("sort menu: the list is not a layer while its menu is open")
				continue
			}
			h.press(env.Keys.Common.Quit)
			if h.quit || common.IsLayer(l) || h.app.top() != common.Screen(l) {
				t.Errorf("sort menu: q quit the app (%v) or left the menu open (%v)", h.quit, common.IsLayer(l))
			}
			continue
		}
		if err := pressQuitIn(h, c.open); err != nil {
			t.Errorf("%s: %v", c.name, err)
			for len(h.app.stack) > 1 {
				h.app.popScreen() // the next case starts from the list
			}
		}
	}
	// And on a screen that is no layer, q still quits.
	h.press(env.Keys.Common.Quit)
	if !h.quit {
		t.Error("q on the list no longer quits")
	}
}

// The help over a dialog says what q does there: it closes the dialog.
func TestHelpOverALayerSaysQuitCloses(t *testing.T) {
	t.Parallel()
	h := writeHarness(t, nil)
	env := h.app.env
	store := connectStore(h, "us-east-1")
	waitLoaded(h)
	qDesc := func() string {
		_, global := h.app.helpBindings()
		for _, b := range global {
			if b.Help().Key == env.Keys.Common.Quit.Help().Key {
				return b.Help().Desc
			}
		}
		return "(not listed)"
	}
	if d := qDesc(); d != "quit" {
		t.Errorf("on the list the help says q is %q, want quit", d)
	}
	pg := describeNow(h, store, "prod/db/postgres")
	openScreen(h, dialog.NewDeleteScreen(env, store, pg.SecretSummary))
	if d := qDesc(); d != "close" {
		t.Errorf("over the delete dialog the help says q is %q, want close", d)
	}
}
