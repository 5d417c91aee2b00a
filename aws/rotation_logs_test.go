package aws

import "testing"

func TestParseLogLine(t *testing.T) {
	const id = "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0"
	cases := []struct {
		msg, step, reqID string
		isErr            bool
	}{
		{"START RequestId: " + id + " Version: $LATEST\n", "", id, false},
		{"[INFO]\t2026-11-29T10:00:00.000Z\t" + id + "\tcreateSecret: Successfully put secret for ARN arn:x and version v.\n", StepCreateSecret, id, false},
		{"[ERROR]\t2026-11-29T10:00:00.000Z\t" + id + "\tsetSecret: Unable to log into database with previous, current, or pending secret of secret arn arn:x\n", StepSetSecret, id, true},
		{"[ERROR] ValueError: boom\nTraceback (most recent call last):\n  File \"/var/task/lambda_function.py\", line 1, in lambda_handler\n    finish_secret(c, a, t)\n  File \"x\", line 2, in finish_secret\n", StepFinishSecret, "", true},
		{"2026-11-29T10:00:00.000Z " + id + " Task timed out after 30.03 seconds\n", "", "", true},
		{"REPORT RequestId: " + id + "\tDuration: 1.00 ms\n", "", id, false},
	}
	for _, c := range cases {
		got := parseLogLine(LogLine{Message: c.msg})
		if got.Step != c.step || got.RequestID != c.reqID || got.Error != c.isErr {
			t.Errorf("parseLogLine(%q) = step %q id %q error %v", c.msg, got.Step, got.RequestID, got.Error)
		}
	}
}

// The failure is the template's own line (it names the step) rather than
// the traceback after it, and a later successful invocation of another
// stream does not hide it.
func TestFailurePicksTheTemplateLine(t *testing.T) {
	lines := []LogLine{
		{Stream: "a", Message: "START RequestId: 1"},
		{Stream: "a", RequestID: "1", Step: StepCreateSecret},
		{Stream: "b", Message: "START RequestId: 2"},
		{Stream: "b", RequestID: "2", Step: StepSetSecret, Error: true, Message: "setSecret: Unable to log into database"},
		{Stream: "a", RequestID: "1", Message: "END RequestId: 1"},
		{Stream: "b", Step: StepSetSecret, Error: true, Message: "[ERROR] ValueError: ... in set_secret"},
	}
	step, at := failure(lines)
	if step != StepSetSecret || at != 3 {
		t.Errorf("failure = %q at %d, want setSecret at 3", step, at)
	}
	if step, at := failure(lines[:3]); step != "" || at != -1 {
		t.Errorf("no error line: %q at %d", step, at)
	}
}

// The whole invocations of the attempt are kept (START to REPORT, the
// traceback without a request id), another invocation in the same stream
// is left out.
func TestFromInvocationsKeepsTheAttemptsInvocations(t *testing.T) {
	whole := []LogLine{
		{Stream: "s", RequestID: "other", Message: "START RequestId: other"},
		{Stream: "s", RequestID: "other", Message: "[INFO] unrelated"},
		{Stream: "s", RequestID: "other", Message: "REPORT RequestId: other"},
		{Stream: "s", RequestID: "mine", Message: "START RequestId: mine"},
		{Stream: "s", RequestID: "mine", Message: "[ERROR] setSecret: failed", Step: StepSetSecret, Error: true},
		{Stream: "s", Message: "[ERROR] ValueError: failed\nTraceback", Step: StepSetSecret, Error: true},
		{Stream: "s", RequestID: "mine", Message: "REPORT RequestId: mine"},
		{Stream: "s", Message: "a line after the invocation"},
	}
	got := fromInvocations(whole, []LogLine{whole[4]})
	if len(got) != 4 || got[0].Message != "START RequestId: mine" || got[3].Message != "REPORT RequestId: mine" {
		var msgs []string
		for _, l := range got {
			msgs = append(msgs, l.Message)
		}
		t.Errorf("kept %q", msgs)
	}
}

func FuzzParseLogLine(f *testing.F) {
	f.Add("[ERROR]\tT\tid\tsetSecret: x")
	f.Add("START RequestId: 0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0 Version: $LATEST")
	f.Add("Traceback (most recent call last):\n  in finish_secret")
	f.Fuzz(func(t *testing.T, msg string) {
		l := parseLogLine(LogLine{Message: msg})
		switch l.Step {
		case "", StepCreateSecret, StepSetSecret, StepTestSecret, StepFinishSecret:
		default:
			t.Fatalf("step %q", l.Step)
		}
		if l.Message != msg {
			t.Fatal("the message changed")
		}
	})
}
