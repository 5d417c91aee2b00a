package emulator

import (
	"encoding/json"
	"slices"
	"testing"
	"time"

	awssdk "github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager/types"
)

const testLambda = "arn:aws:lambda:us-east-1:123456789012:function:Rotate"

// waitFor polls cond until it holds or fails the test after a few seconds.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(2 * time.Millisecond)
	}
}

// rotating reports whether a simulated rotation of the secret is running.
func rotating(srv *Server, region, name string) bool {
	srv.mu.Lock()
	defer srv.mu.Unlock()
	s := srv.regions[region].secrets[name]
	return s != nil && s.rotation != nil
}

func rotate(t *testing.T, c *secretsmanager.Client, in secretsmanager.RotateSecretInput) (*secretsmanager.RotateSecretOutput, error) {
	t.Helper()
	return c.RotateSecret(ctx(t), &in)
}

func TestRotationSuccess(t *testing.T) {
	srv := startServer(t, Options{})
	c := client(t, srv, "us-east-1")
	old := `{"username":"app","password":"old-password","host":"db.example.com","port":5432}`
	v1 := *createText(t, c, "db/creds", old).VersionId
	out, err := rotate(t, c, secretsmanager.RotateSecretInput{SecretId: awssdk.String("db/creds"), RotationLambdaARN: awssdk.String(testLambda),
		RotationRules: &types.RotationRulesType{AutomaticallyAfterDays: awssdk.Int64(30)}, ClientRequestToken: awssdk.String(token(42))})
	if err != nil {
		t.Fatal(err)
	}
	if *out.VersionId != token(42) {
		t.Fatalf("VersionId = %s", *out.VersionId)
	}
	waitFor(t, "rotation to finish", func() bool { return holderOf(stages(t, c, "db/creds"), "AWSCURRENT") == token(42) })
	st := stages(t, c, "db/creds")
	if holderOf(st, "AWSPREVIOUS") != v1 || holderOf(st, "AWSPENDING") != "" {
		t.Fatalf("stages after rotation: %v", st)
	}
	d, _ := c.DescribeSecret(ctx(t), &secretsmanager.DescribeSecretInput{SecretId: awssdk.String("db/creds")})
	if !awssdk.ToBool(d.RotationEnabled) || awssdk.ToString(d.RotationLambdaARN) != testLambda || d.LastRotatedDate == nil ||
		d.NextRotationDate == nil || !d.NextRotationDate.Equal(fixedNow.AddDate(0, 0, 30)) || awssdk.ToInt64(d.RotationRules.AutomaticallyAfterDays) != 30 {
		t.Fatalf("describe after rotation: %+v", d)
	}
	var before, after map[string]any
	_ = json.Unmarshal([]byte(old), &before)
	if err := json.Unmarshal([]byte(getText(t, c, &secretsmanager.GetSecretValueInput{SecretId: awssdk.String("db/creds")})), &after); err != nil {
		t.Fatal(err)
	}
	if after["password"] == before["password"] || after["username"] != "app" || after["port"] != float64(5432) {
		t.Fatalf("rotated value keeps other fields and changes the password: %v", after)
	}
	// A second rotation works (nothing stuck); the Lambda is remembered.
	out2, err := rotate(t, c, secretsmanager.RotateSecretInput{SecretId: awssdk.String("db/creds")})
	if err != nil {
		t.Fatal(err)
	}
	waitFor(t, "second rotation", func() bool { return holderOf(stages(t, c, "db/creds"), "AWSCURRENT") == *out2.VersionId })
}

func TestRotationStuck(t *testing.T) {
	for _, step := range []string{"createSecret", "setSecret", "testSecret", "finishSecret"} {
		t.Run(step, func(t *testing.T) {
			srv := startServer(t, Options{})
			c := client(t, srv, "us-east-1")
			v1 := *createText(t, c, "api/key", "plain-token-value").VersionId
			srv.FailRotation("api/key", step)
			out, err := rotate(t, c, secretsmanager.RotateSecretInput{SecretId: awssdk.String("api/key"), RotationLambdaARN: awssdk.String(testLambda)})
			if err != nil {
				t.Fatal(err)
			}
			pending := *out.VersionId
			waitFor(t, "AWSPENDING", func() bool { return holderOf(stages(t, c, "api/key"), "AWSPENDING") == pending })
			waitFor(t, "the rotation to stop", func() bool { return !rotating(srv, "us-east-1", "api/key") })
			st := stages(t, c, "api/key")
			if holderOf(st, "AWSCURRENT") != v1 || holderOf(st, "AWSPENDING") != pending {
				t.Fatalf("stuck state: %v", st)
			}
			_, err = rotate(t, c, secretsmanager.RotateSecretInput{SecretId: awssdk.String("api/key")})
			wantCode(t, err, "InvalidRequestException")
			// The operator removes the stray label; rotation then works.
			_, err = c.UpdateSecretVersionStage(ctx(t), &secretsmanager.UpdateSecretVersionStageInput{SecretId: awssdk.String("api/key"),
				VersionStage: awssdk.String("AWSPENDING"), RemoveFromVersionId: &pending})
			if err != nil {
				t.Fatal(err)
			}
			out, err = rotate(t, c, secretsmanager.RotateSecretInput{SecretId: awssdk.String("api/key")})
			if err != nil {
				t.Fatal(err)
			}
			waitFor(t, "rotation", func() bool { return holderOf(stages(t, c, "api/key"), "AWSCURRENT") == *out.VersionId })
		})
	}
}

func TestRotationValidation(t *testing.T) {
	srv := startServer(t, Options{})
	c := client(t, srv, "us-east-1")
	createText(t, c, "k", "v")
	id := awssdk.String("k")
	_, err := rotate(t, c, secretsmanager.RotateSecretInput{SecretId: id})
	wantCode(t, err, "InvalidRequestException") // no Lambda configured
	bad := []*types.RotationRulesType{
		{AutomaticallyAfterDays: awssdk.Int64(0)},
		{AutomaticallyAfterDays: awssdk.Int64(1001)},
		{ScheduleExpression: awssdk.String("every day")},
		{ScheduleExpression: awssdk.String("rate(0 days)")},
		{ScheduleExpression: awssdk.String("cron(0 4 * * *)")},
		{ScheduleExpression: awssdk.String("rate(10 days)"), AutomaticallyAfterDays: awssdk.Int64(10)},
		{ScheduleExpression: awssdk.String("rate(10 days)"), Duration: awssdk.String("25h")},
	}
	for _, r := range bad {
		_, err := rotate(t, c, secretsmanager.RotateSecretInput{SecretId: id, RotationLambdaARN: awssdk.String(testLambda), RotationRules: r})
		wantCode(t, err, "InvalidParameterException")
	}
	// RotateImmediately=false only sets the schedule.
	_, err = rotate(t, c, secretsmanager.RotateSecretInput{SecretId: id, RotationLambdaARN: awssdk.String(testLambda), RotateImmediately: awssdk.Bool(false),
		RotationRules: &types.RotationRulesType{ScheduleExpression: awssdk.String("cron(0 4 ? * SUN *)"), Duration: awssdk.String("3h")}})
	if err != nil {
		t.Fatal(err)
	}
	d, _ := c.DescribeSecret(ctx(t), &secretsmanager.DescribeSecretInput{SecretId: id})
	// fixedNow is Saturday 2026-03-14; the next Sunday 04:00 UTC is 2026-03-15.
	if !awssdk.ToBool(d.RotationEnabled) || d.NextRotationDate == nil || !d.NextRotationDate.Equal(time.Date(2026, 3, 15, 4, 0, 0, 0, time.UTC)) || len(d.VersionIdsToStages) != 1 {
		t.Fatalf("after schedule-only rotate: %+v", d)
	}
	time.Sleep(10 * time.Millisecond)
	if len(stages(t, c, "k")) != 1 {
		t.Fatal("RotateImmediately=false created a version")
	}
}

func TestCancelRotation(t *testing.T) {
	srv := startServer(t, Options{RotationStepDelay: 150 * time.Millisecond})
	c := client(t, srv, "us-east-1")
	v1 := *createText(t, c, "k", "value-one").VersionId
	out, err := rotate(t, c, secretsmanager.RotateSecretInput{SecretId: awssdk.String("k"), RotationLambdaARN: awssdk.String(testLambda)})
	if err != nil {
		t.Fatal(err)
	}
	// A second rotation while one runs is refused.
	_, err = rotate(t, c, secretsmanager.RotateSecretInput{SecretId: awssdk.String("k")})
	wantCode(t, err, "InvalidRequestException")
	waitFor(t, "pending version", func() bool { return holderOf(stages(t, c, "k"), "AWSPENDING") == *out.VersionId })
	cr, err := c.CancelRotateSecret(ctx(t), &secretsmanager.CancelRotateSecretInput{SecretId: awssdk.String("k")})
	if err != nil {
		t.Fatal(err)
	}
	if awssdk.ToString(cr.VersionId) != *out.VersionId {
		t.Errorf("cancel VersionId = %v, want the partial version", cr.VersionId)
	}
	time.Sleep(600 * time.Millisecond) // longer than the remaining steps
	d, _ := c.DescribeSecret(ctx(t), &secretsmanager.DescribeSecretInput{SecretId: awssdk.String("k")})
	if awssdk.ToBool(d.RotationEnabled) || awssdk.ToString(d.RotationLambdaARN) != testLambda {
		t.Fatalf("after cancel: enabled=%v lambda=%v", d.RotationEnabled, d.RotationLambdaARN)
	}
	if holderOf(d.VersionIdsToStages, "AWSCURRENT") != v1 || holderOf(d.VersionIdsToStages, "AWSPENDING") != *out.VersionId {
		t.Fatalf("cancel should stop the rotation leaving AWSPENDING: %v", d.VersionIdsToStages)
	}
}

func TestRotateRetryWithSameToken(t *testing.T) {
	srv := startServer(t, Options{RotationStepDelay: 20 * time.Millisecond})
	c := client(t, srv, "us-east-1")
	createText(t, c, "k", "value-one")
	in := secretsmanager.RotateSecretInput{SecretId: awssdk.String("k"), RotationLambdaARN: awssdk.String(testLambda), ClientRequestToken: awssdk.String(token(3))}
	if _, err := rotate(t, c, in); err != nil {
		t.Fatal(err)
	}
	waitFor(t, "pending", func() bool { return holderOf(stages(t, c, "k"), "AWSPENDING") == token(3) })
	out, err := rotate(t, c, in)
	if err != nil || *out.VersionId != token(3) {
		t.Fatalf("retry: %v %v", out, err)
	}
	waitFor(t, "rotation", func() bool { return holderOf(stages(t, c, "k"), "AWSCURRENT") == token(3) })
	if n := len(stages(t, c, "k")); n != 2 {
		t.Fatalf("%d labelled versions, want 2", n)
	}
}

func TestCloseStopsRotations(t *testing.T) {
	srv, err := Start(Options{RotationStepDelay: time.Hour, LambdaFunctions: []string{testLambda}})
	if err != nil {
		t.Fatal(err)
	}
	c := client(t, srv, "us-east-1")
	createText(t, c, "k", "v")
	if _, err := rotate(t, c, secretsmanager.RotateSecretInput{SecretId: awssdk.String("k"), RotationLambdaARN: awssdk.String(testLambda)}); err != nil {
		t.Fatal(err)
	}
	done := make(chan struct{})
	go func() { _ = srv.Close(); close(done) }()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("Close did not stop the rotation goroutine")
	}
	if !slices.Contains(srv.SeedValues(), "v") {
		t.Fatal("state lost")
	}
}
