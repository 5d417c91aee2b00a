package insight

import (
	"strings"
	"time"

	"github.com/smtui/smtui/aws"
	"github.com/smtui/smtui/ui/common"
)

// maxLogLines caps the log lines shown: the last attempt's, newest kept.
const maxLogLines = 200

// stepHints say what a failure in each step usually means, in AWS's
// troubleshooting guide's terms.
var stepHints = map[string]string{
	aws.StepCreateSecret: "createSecret makes the new version (AWSPENDING). A failure here is usually the function's role lacking secretsmanager:PutSecretValue or GetRandomPassword, or the secret's JSON lacking a field the template needs.",
	aws.StepSetSecret:    "setSecret changes the password in the database. A failure here usually means the function cannot reach or log in to the database: network (VPC, security group, no route to Secrets Manager), SSL, or credentials in AWSCURRENT that no longer work.",
	aws.StepTestSecret:   "testSecret logs in with the new (AWSPENDING) credentials. A failure here means the database does not accept them: setSecret did not take effect, or the user lacks a grant.",
	aws.StepFinishSecret: "finishSecret moves AWSCURRENT to the new version. A failure here is usually the function's role lacking secretsmanager:UpdateSecretVersionStage.",
}

// rotationLines is the screen's text, every string from AWS sanitized.
func rotationLines(env *common.Env, s diagnosisState, ev eventsState, ref aws.SecretRef, width int) []string {
	st := env.Styles
	w := max(width, 10)
	var out []string
	add := func(text string) { out = append(out, common.WrapLines(text, w)...) }
	switch {
	case !s.loaded:
		return []string{st.Muted.Render("asking Lambda and CloudWatch Logs about the rotation of " + common.Sanitize(ref.String()) + "…")}
	case s.err != nil:
		add(st.Error.Render(common.FailureText(env.Keys, "could not read the secret", s.err)))
		return out
	}
	d := s.d
	now := env.Now()
	add(st.Title.Render("Why did the rotation of " + common.Sanitize(d.Secret.Name) + " fail?"))
	out = append(out, "")
	for _, l := range stateLines(d, now) {
		add(l.style(st).Render(l.text))
	}
	if d.Function.ARN == "" {
		add(st.Muted.Render("No rotation function is configured (a managed rotation, or rotation never set up): there is no function or log to look at."))
		out = append(out, "", st.Section.Render("Rotation events (CloudTrail)"))
		return append(out, eventLines(env, ev, w)...)
	}
	out = append(out, "", st.Section.Render("Rotation function"))
	out = append(out, functionLines(env, d, w)...)
	out = append(out, "", st.Section.Render("Can Secrets Manager invoke it?"))
	out = append(out, invokeLines(env, d, w)...)
	out = append(out, "", st.Section.Render("Rotation events (CloudTrail)"))
	out = append(out, eventLines(env, ev, w)...)
	out = append(out, "", st.Section.Render("Log of the last attempt"))
	out = append(out, logLines(env, d, w)...)
	return out
}

// note is a line of text with its tone.
type note struct {
	text string
	tone int
}

const (
	toneText = iota
	toneMuted
	toneGood
	toneWarn
	toneBad
)

func (n note) style(st *common.Styles) interface{ Render(...string) string } {
	switch n.tone {
	case toneMuted:
		return st.Muted
	case toneGood:
		return st.Success
	case toneWarn:
		return st.Warning
	case toneBad:
		return st.Error
	}
	return st.Text
}

// stateLines say what is wrong with the rotation, as Secrets Manager shows it.
func stateLines(d aws.RotationDiagnosis, now time.Time) []note {
	var out []note
	switch {
	case d.Stuck:
		out = append(out, note{"Rotation is stuck: AWSPENDING is on version " + common.Sanitize(d.Pending) +
			", not on the current version. Secrets Manager refuses a new rotation until it is resolved.", toneWarn})
	case d.Overdue:
		out = append(out, note{"Rotation is overdue: it was due " + common.FormatWhen(d.Secret.NextRotationDate, now) +
			" and has not happened (last rotated " + common.RelTime(d.Secret.LastRotatedDate, now, "never") + ").", toneWarn})
	default:
		out = append(out, note{"No failed or stuck rotation shows on the secret right now; below is what its last rotation left.", toneMuted})
	}
	return out
}

func functionLines(env *common.Env, d aws.RotationDiagnosis, w int) []string {
	st := env.Styles
	f := d.Function
	var out []string
	add := func(text string) { out = append(out, common.WrapLines(text, w)...) }
	add(st.Text.Render(common.Sanitize(f.Name)) + st.Muted.Render("  "+common.Sanitize(f.ARN)))
	switch {
	case f.Err != nil:
		add(st.Error.Render(common.FailureText(env.Keys, "could not read the function", f.Err)))
	case !f.Exists:
		where := "rotation settings, " + common.KeyHelp(env.Keys.Detail.RotationSettings) + ", on the secret's screen"
		if !env.Keys.Detail.RotationSettings.Enabled() {
			where = "read-only here: someone who may change the secret's rotation settings"
		}
		add(st.Error.Render("The function does not exist (Lambda: function not found). Secrets Manager cannot rotate this secret: " +
			"deploy the function again, or point rotation at another function (" + where + ")."))
	default:
		mod := "unknown"
		if !f.LastModified.IsZero() {
			mod = f.LastModified.UTC().Format("2006-01-02 15:04 UTC") + " (" + common.AgeText(f.LastModified, env.Now()) + ")"
		}
		add(st.Success.Render("exists") + st.Text.Render(" · runtime "+common.Sanitize(orUnknown(f.Runtime))+" · last modified "+mod))
	}
	return out
}

func orUnknown(s string) string {
	if s == "" {
		return "unknown"
	}
	return s
}

func invokeLines(env *common.Env, d aws.RotationDiagnosis, w int) []string {
	st := env.Styles
	inv, f := d.Invoke, d.Function
	var out []string
	add := func(text string) { out = append(out, common.WrapLines(text, w)...) }
	fix := "add a resource-based policy statement to " + common.Sanitize(f.Name) + " that allows secretsmanager.amazonaws.com to call lambda:InvokeFunction" +
		" (aws lambda add-permission --function-name " + common.Sanitize(f.Name) +
		" --statement-id SecretsManagerAccess --action lambda:InvokeFunction --principal secretsmanager.amazonaws.com --source-account " +
		common.Sanitize(accountOf(d.Secret.ARN)) + ")."
	switch {
	case !f.Exists && f.Err == nil:
		add(st.Muted.Render("— (the function does not exist)"))
	case inv.Err != nil:
		add(st.Error.Render(common.FailureText(env.Keys, "could not read the function's policy", inv.Err)))
	case !inv.Checked:
		add(st.Muted.Render("unknown (the function could not be read)"))
	case inv.Allowed:
		text := "yes: secretsmanager.amazonaws.com may invoke it"
		if inv.Statement != "" {
			text += " (statement " + common.Sanitize(inv.Statement) + ")"
		}
		add(st.Success.Render(text))
		var conds []string
		if inv.SourceAccount != "" {
			conds = append(conds, "AWS:SourceAccount = "+common.Sanitize(inv.SourceAccount))
		}
		if inv.SourceArn != "" {
			conds = append(conds, "AWS:SourceArn = "+common.Sanitize(inv.SourceArn))
		}
		if len(conds) > 0 {
			add(st.Muted.Render("conditions: " + strings.Join(conds, "; ")))
		} else {
			add(st.Muted.Render("no AWS:SourceAccount or AWS:SourceArn condition: AWS recommends one, so that only your secrets can make Secrets Manager invoke it"))
		}
	case inv.NoPolicy:
		add(st.Error.Render("no: the function has no resource-based policy, so Secrets Manager cannot invoke it."))
		add(st.Text.Render("To fix: " + fix))
	default:
		why := "no statement allows secretsmanager.amazonaws.com to call lambda:InvokeFunction"
		switch {
		case inv.Denied != "":
			why = "statement " + common.Sanitize(inv.Denied) + " denies it"
		case inv.Mismatch != "":
			why = "the statement that allows it does not fit this secret: " + common.Sanitize(inv.Mismatch)
		}
		add(st.Error.Render("no: Secrets Manager cannot invoke it (" + why + ")."))
		add(st.Text.Render("To fix: " + fix))
	}
	return out
}

// accountOf is the account id in an ARN ("" if none).
func accountOf(arn string) string {
	parts := strings.SplitN(arn, ":", 6)
	if len(parts) < 6 {
		return ""
	}
	return parts[4]
}
