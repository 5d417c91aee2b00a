package dialog

import (
	"context"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/smtui/smtui/aws"
	"github.com/smtui/smtui/ui/audit"
	"github.com/smtui/smtui/ui/common"
	"github.com/smtui/smtui/ui/components/confirm"
	"github.com/smtui/smtui/ui/components/form"
)

// createRow is one key/value field of the value being built.
type createRow struct {
	key, value *form.Field
	number     bool
}

// CreateScreen creates a secret: name, description, optional KMS key, tags
// (key=value lines), and a value built from key/value fields (a JSON
// object, each value a string or a number) or typed as plaintext. Values
// are masked while typed unless revealed. Everything is checked against
// AWS's rules before anything is sent; one ClientRequestToken per dialog
// makes a retry idempotent.
type CreateScreen struct {
	formDialog
	store  aws.Store
	region string
	Token  string

	name      *form.Field
	desc      *form.Field
	kms       *form.Field
	tags      *form.Field
	plainMode *form.Field
	rows      []*createRow
	addRow    *form.Field
	plain     *form.Field
	submit    *form.Field

	input aws.CreateSecretInput // what the confirmation sends
}

// NewCreateScreen opens the create dialog for region (store's region).
func NewCreateScreen(env *common.Env, store aws.Store, region string) *CreateScreen {
	if region == "" && store != nil {
		region = store.Region()
	}
	c := &CreateScreen{store: store, region: region, Token: aws.NewRequestToken()}
	c.formDialog = newFormDialog(env, c, 4, discardAsk{env: env, what: "the new secret", never: "created"})
	f := c.Form
	c.name = f.Text("name", "Name", "", "e.g. prod/app/db-credentials")
	c.name.Hint = "1-512 ASCII letters, digits and / _ + = . @ -"
	c.desc = f.Text("desc", "Description (optional)", "", "")
	c.kms = f.Text("kms", "KMS key (optional; empty: aws/secretsmanager)", "", "key id, ARN or alias/...")
	c.tags = f.Area("tags", "Tags (optional): one key=value per line", "", 3)
	c.plainMode = f.Check("plain", "plaintext value (instead of key/value fields)", false)
	c.addRow = f.Button("add", "+ add a field", false)
	c.plain = f.Area("value", "Value (plaintext)", "", 4)
	c.plain.Masked = true
	c.submit = f.Button("create", "Review and create", false)
	c.newRow()
	c.newRow()
	c.rebuild()
	return c
}

// newRow appends an empty key/value field.
func (c *CreateScreen) newRow() *createRow {
	n := len(c.rows) + 1
	r := &createRow{
		key:   c.Form.Text("k"+strconv.Itoa(n), "Field "+strconv.Itoa(n)+" name", "", ""),
		value: c.Form.Text("v"+strconv.Itoa(n), "Field "+strconv.Itoa(n)+" value", "", ""),
	}
	r.value.Masked = true
	r.key.Hint = c.env.Keys.Input.ToggleType.Help().Key + " switches the value between string and number"
	r.value.Hint = c.env.Keys.Input.Reveal.Help().Key + " reveals what you type · " + r.key.Hint
	c.rows = append(c.rows, r)
	return r
}

// rebuild lays the fields out for the value mode, keeping the focus.
func (c *CreateScreen) rebuild() {
	focused := c.Form.Focused()
	fields := []*form.Field{c.name, c.desc, c.kms, c.tags, c.plainMode}
	if c.plainMode.Checked {
		fields = append(fields, c.plain)
	} else {
		for _, r := range c.rows {
			r.value.Badge = "string"
			if r.number {
				r.value.Badge = "number"
			}
			fields = append(fields, r.key, r.value)
		}
		fields = append(fields, c.addRow)
	}
	fields = append(fields, c.submit)
	c.Form.Fields = fields
	c.Form.Focus = 0
	for i, ff := range fields {
		if ff == focused {
			c.Form.Focus = i
		}
	}
	c.Form.SetSize(c.Form.Width, c.Form.Height)
}

// Init focuses the name.
func (c *CreateScreen) Init() tea.Cmd { return c.Form.SetFocus(0) }

// Update handles results and keys.
func (c *CreateScreen) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	if cmd, ok := c.handleWrite(msg, c.op); ok {
		return c, cmd
	}
	if k, ok := msg.(tea.KeyPressMsg); ok && key.Matches(k, c.env.Keys.Input.ToggleType) {
		if r := c.focusedRow(); r != nil {
			r.number = !r.number
			c.rebuild()
		}
		return c, nil
	}
	act, cmd := c.Form.Update(msg)
	switch act {
	case form.FormCancel:
		return c, c.leave()
	case form.FormToggled:
		c.rebuild()
	case form.FormPressed:
		switch c.Form.Focused() {
		case c.addRow:
			r := c.newRow()
			c.rebuild()
			return c, c.Form.FocusID(r.key.Id)
		case c.submit:
			return c, c.review()
		}
	}
	return c, cmd
}

// focusedRow is the key/value row with the keyboard, if any.
func (c *CreateScreen) focusedRow() *createRow {
	ff := c.Form.Focused()
	for _, r := range c.rows {
		if r.key == ff || r.value == ff {
			return r
		}
	}
	return nil
}

// validate checks every field, marks the bad ones and builds the input.
func (c *CreateScreen) validate() (aws.CreateSecretInput, *form.Field) {
	var first *form.Field
	mark := func(ff *form.Field, msg string) {
		ff.Err = msg
		if msg != "" && first == nil {
			first = ff
		}
	}
	for _, ff := range c.Form.Fields {
		ff.Err = ""
	}
	in := aws.CreateSecretInput{
		Name:        strings.TrimSpace(c.name.Value()),
		Description: c.desc.Value(),
		KmsKeyID:    strings.TrimSpace(c.kms.Value()),
	}
	mark(c.name, checkSecretName(in.Name))
	mark(c.desc, checkDescription(in.Description))
	if strings.ContainsAny(in.KmsKeyID, " \t") {
		mark(c.kms, "a KMS key id, ARN or alias has no spaces")
	}
	tags, msg := parseTagLines(c.tags.Value())
	mark(c.tags, msg)
	in.Tags = tags
	if c.plainMode.Checked {
		v := c.plain.Value()
		mark(c.plain, checkValueSize(len(v)))
		if v != "" {
			in.Value = aws.TextValue(v)
		}
	} else {
		rows := make([]kvRow, len(c.rows))
		for i, r := range c.rows {
			rows[i] = kvRow{key: strings.TrimSpace(r.key.Value()), value: r.value.Value(), number: r.number}
		}
		obj, bad, msg := buildJSONObject(rows)
		if msg != "" {
			mark(c.rows[bad].value, msg)
		} else if obj != nil {
			mark(c.rows[len(c.rows)-1].value, checkValueSize(len(obj)))
			in.Value = aws.TextValue(string(obj))
		}
	}
	in.ClientRequestToken = c.Token
	return in, first
}

// review validates locally and opens the confirmation.
func (c *CreateScreen) review() tea.Cmd {
	in, bad := c.validate()
	if bad != nil {
		return tea.Batch(c.Form.FocusID(bad.Id), common.Warn("not created: "+bad.Err))
	}
	c.input = in
	st := c.env.Styles
	kv := func(k, v string) string { return st.Label.Render(padRight(k, 12)) + st.Text.Render(common.Sanitize(v)) }
	kms := in.KmsKeyID
	if kms == "" {
		kms = "aws/secretsmanager (the AWS managed key)"
	}
	body := []string{kv("Name", in.Name), kv("Region", c.region)}
	if in.Description != "" {
		body = append(body, kv("Description", in.Description))
	}
	body = append(body, kv("KMS key", kms))
	if len(in.Tags) > 0 {
		parts := make([]string, len(in.Tags))
		for i, t := range in.Tags {
			parts[i] = t.Key + "=" + t.Value
		}
		body = append(body, kv("Tags", strings.Join(parts, ", ")))
	}
	body = append(body, kv("Value", c.valueSummary(in)))
	if in.Value.IsZero() {
		body = append(body, "", st.Warning.Render("No value: the secret will have no version until you put one."))
	}
	return c.Write.open("Create "+in.Name+" in "+c.region, body, confirm.Options{ConfirmLabel: "Create",
		Guard: &confirm.NameGuard{Name: in.Name, Reason: "Production account: type the new secret's name again to create it"}})
}

// valueSummary describes the value without showing it.
func (c *CreateScreen) valueSummary(in aws.CreateSecretInput) string {
	switch {
	case in.Value.IsZero():
		return "none"
	case c.plainMode.Checked:
		return "plaintext (hidden)"
	}
	var parts []string
	for _, r := range c.rows {
		k := strings.TrimSpace(r.key.Value())
		if k == "" {
			continue
		}
		kind := "string"
		if r.number {
			kind = "number"
		}
		parts = append(parts, k+" ("+kind+")")
	}
	return "JSON object with " + common.Plural(len(parts), "field") + ": " + strings.Join(parts, ", ") + "; values hidden"
}

// padRight pads s with spaces to n cells.
func padRight(s string, n int) string {
	if len(s) >= n {
		return s + " "
	}
	return s + strings.Repeat(" ", n-len(s))
}

// op creates the secret the operator confirmed, with the dialog's token.
func (c *CreateScreen) op() WriteOp {
	store, in, region := c.store, c.input, c.region
	return WriteOp{
		Busy:  "creating " + in.Name + "…",
		Call:  func(ctx context.Context) (any, error) { return store.CreateSecret(ctx, in) },
		Audit: audit.Event{Action: "create", Region: region, Detail: in.Name},
		AuditResult: func(ev *audit.Event, val any) {
			sum, _ := val.(aws.SecretSummary)
			ev.SecretARN = sum.ARN
			ev.VersionIDs = make([]string, 0, len(sum.VersionStages))
			for id := range sum.VersionStages {
				ev.VersionIDs = append(ev.VersionIDs, id)
			}
		},
		Done: func(val any) tea.Cmd {
			sum, _ := val.(aws.SecretSummary)
			ref := aws.SecretRef{ARN: sum.ARN, Name: in.Name, Region: region}
			return announce(ref, "Created "+in.Name+" in "+region)
		},
	}
}

// View renders the form or the confirmation.
func (c *CreateScreen) View() string {
	k := c.env.Keys
	return c.view("New secret in "+c.region, nil, nil, k.Dialog.Switch, k.Input.Submit, k.Input.ToggleType, k.Input.Reveal, k.Input.Cancel)
}

// Title names the screen in the breadcrumb.
func (c *CreateScreen) Title() string { return "new secret" }

// ShortHelp lists the main bindings.
func (c *CreateScreen) ShortHelp() []key.Binding {
	k := c.env.Keys
	return c.shortHelp(k.Dialog.Switch, k.Input.ToggleType, k.Input.Reveal, k.Input.Cancel)
}

// FullHelp lists every binding of the screen.
func (c *CreateScreen) FullHelp() [][]key.Binding {
	k := c.env.Keys
	return [][]key.Binding{{k.Dialog.Switch, k.Input.Submit, k.Picker.Toggle}, {k.Input.ToggleType, k.Input.Reveal, k.Input.Cancel}, {k.Dialog.Yes, k.Dialog.No}}
}
