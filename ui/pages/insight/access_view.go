package insight

import (
	"strconv"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/smtui/smtui/aws"
	"github.com/smtui/smtui/ui/common"
)

// view builds the diagnosis text, wrapped to a width. Every string from
// AWS or a policy goes through common.Sanitize.
type view struct {
	env   *common.Env
	width int
	lines []string
}

func (v *view) section(title string) {
	if len(v.lines) > 0 {
		v.lines = append(v.lines, "")
	}
	v.lines = append(v.lines, v.env.Styles.Section.Render(title))
}

// field writes "label  value", the value wrapped under itself.
func (v *view) field(label, value string) {
	const labelW = 11
	head := "  " + v.env.Styles.Label.Render(common.Pad(label, labelW))
	indent := strings.Repeat(" ", 2+labelW)
	for i, l := range common.WrapLines(value, max(v.width-2-labelW, 10)) {
		if i == 0 {
			v.lines = append(v.lines, head+l)
			continue
		}
		v.lines = append(v.lines, indent+l)
	}
}

// text writes a wrapped paragraph indented by two cells.
func (v *view) text(s string) {
	for _, l := range common.WrapLines(s, max(v.width-2, 10)) {
		v.lines = append(v.lines, "  "+l)
	}
}

// accessLines is the whole diagnosis, layer by layer.
func accessLines(env *common.Env, q aws.AccessQuery, d aws.AccessDiagnosis, width int) []string {
	st := env.Styles
	v := &view{env: env, width: width}
	s := common.Sanitize
	var unknown []string

	den := d.Denial
	action := s(den.Action)
	if action == "" {
		action = "a call"
	}
	target := s(secretName(q.SecretID))
	if target == "" {
		target = s(den.Resource)
	}
	headline := action + " refused"
	if target != "" {
		headline += " on " + target
	}
	for _, l := range common.WrapLines(headline, width) {
		v.lines = append(v.lines, st.Title.Render(l))
	}
	layer := den.Layer.String()
	switch {
	case den.Layer == aws.LayerKMSKey:
		layer += " · " + s(den.KeyProblem)
	case den.Layer == aws.LayerUnknown:
	case den.Explicit:
		layer += " · explicit Deny"
	default:
		layer += " · no Allow"
	}
	v.field("layer", st.Error.Render(layer))

	v.section("Who is asking (STS GetCallerIdentity)")
	if d.CallerErr != nil {
		v.field("caller", st.Warning.Render("not known: "+whyNot(env, d.CallerErr)))
		if den.Principal != "" {
			v.field("AWS says", s(den.Principal))
		}
		unknown = append(unknown, "who is asking: STS did not answer")
	} else {
		v.field("account", s(d.Caller.Account))
		v.field("ARN", s(d.Caller.ARN))
	}

	v.section("What AWS said")
	v.field("in words", s(d.Advice.Plain))
	if den.PolicyARN != "" {
		v.field("policy", s(den.PolicyARN))
	}
	if den.Message != "" {
		v.field("message", st.Muted.Render(s(den.Message)))
	}

	if q.SecretID == "" {
		// A refused listing or a call about no one secret: no key or
		// resource policy is involved.
		v.section("Secret")
		v.text(st.Muted.Render("the call was about no single secret: no KMS key or resource policy applies"))
	} else {
		v.section("The secret's KMS key (KMS DescribeKey)")
		unknown = append(unknown, keyLines(v, d)...)

		v.section("Resource policy: statements for " + s(d.PolicyAction) + " and you")
		unknown = append(unknown, policyLines(v, d)...)
	}

	v.section("Next step")
	v.field("change", s(d.Advice.Next))
	v.field("owner", s(d.Advice.Owner))

	if d.Advice.Unknown != "" {
		unknown = append([]string{d.Advice.Unknown}, unknown...)
	}
	v.section("Not known")
	if len(unknown) == 0 {
		v.text(st.Muted.Render("nothing more: AWS named the layer, and smtui read the parts above"))
	}
	for _, u := range unknown {
		v.text(st.Warning.Render("• " + s(u)))
	}
	return v.lines
}

// keyLines writes the key part and returns what is not known about it.
func keyLines(v *view, d aws.AccessDiagnosis) []string {
	st, s := v.env.Styles, common.Sanitize
	if d.KeyRef == "" {
		v.field("key", st.Warning.Render("not known: "+whyNot(v.env, d.KeyErr)))
		return []string{"the secret's KMS key: neither DescribeSecret nor ListSecrets named it"}
	}
	v.field("key", s(d.KeyRef)+st.Muted.Render(" (from "+d.KeySource+")"))
	if d.Key == nil {
		v.field("state", st.Warning.Render("not known: "+whyNot(v.env, d.KeyErr)))
		return []string{"the key's state: KMS DescribeKey was refused or failed"}
	}
	manager := "customer managed"
	if d.Key.AWSManaged() {
		manager = "AWS managed"
	}
	v.field("managed by", manager)
	state := s(d.Key.State)
	switch d.Key.State {
	case "Enabled":
		state = st.Success.Render(state)
	case "PendingDeletion":
		state = st.Error.Render(state + " (deleted on " + d.Key.DeletionDate.Format("2006-01-02") + ")")
	default:
		state = st.Error.Render(state)
	}
	v.field("state", state)
	if d.Key.Description != "" {
		v.field("about", st.Muted.Render(s(d.Key.Description)))
	}
	return nil
}

// policyLines writes the matching statements, a Deny highlighted, and
// returns what is not known about the policy.
func policyLines(v *view, d aws.AccessDiagnosis) []string {
	st, s := v.env.Styles, common.Sanitize
	switch {
	case d.PolicyErr != nil:
		v.text(st.Warning.Render("not known: " + whyNot(v.env, d.PolicyErr)))
		return []string{"the secret's resource policy: it could not be read"}
	case !d.HasPolicy:
		v.text(st.Muted.Render("the secret has no resource policy: only identity policies (and the layers above them) apply"))
		return nil
	case len(d.Statements) == 0:
		v.text(st.Muted.Render("the policy has no statement for this action that names you, your account or everyone"))
		return nil
	}
	var out []string
	for _, p := range d.Statements {
		mark, style := "✓ Allow", st.Success
		if p.Deny() {
			mark, style = "✗ DENY ", st.Error
		}
		name := "statement " + strconv.Itoa(p.Index)
		if p.Sid != "" {
			name += " " + s(p.Sid)
		}
		head := style.Render(mark) + " " + name
		if ansi.StringWidth(head) > v.width-2 {
			head = common.Cut(head, v.width-2)
		}
		v.lines = append(v.lines, "  "+head)
		v.field("  actions", s(strings.Join(p.Actions, ", ")))
		v.field("  who", s(strings.Join(p.Principal, ", ")))
		if p.Conditional {
			v.field("  only if", st.Warning.Render("its Condition holds (smtui does not evaluate conditions)"))
			out = append(out, "whether statement "+strconv.Itoa(p.Index)+"'s Condition holds")
		}
	}
	return out
}

// whyNot says, sanitized, why a part is not known.
func whyNot(env *common.Env, err error) string {
	if err == nil {
		return "AWS did not say"
	}
	return common.Sanitize(common.DescribeError(env.Keys, err))
}

// secretName is the name part of a secret ARN (AWS adds "-" and six
// characters), or id itself when it is a name.
func secretName(id string) string {
	_, after, ok := strings.Cut(id, ":secret:")
	if !ok || len(after) <= 7 || after[len(after)-7] != '-' {
		return id
	}
	return after[:len(after)-7]
}
