package emulator

import (
	"slices"
	"strings"
	"testing"
	"time"

	awssdk "github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager/types"
)

func TestCreateSecretValidation(t *testing.T) {
	srv := startServer(t, Options{})
	c := client(t, srv, "us-east-1")
	create := func(in secretsmanager.CreateSecretInput) error {
		_, err := c.CreateSecret(ctx(t), &in)
		return err
	}
	okName := strings.Repeat("a", 512)
	if err := create(secretsmanager.CreateSecretInput{Name: &okName}); err != nil {
		t.Fatalf("512-char name refused: %v", err)
	}
	for _, bad := range []string{strings.Repeat("a", 513), "has space", "café", "semi;colon", "", "rds!db-1"} {
		wantCode(t, create(secretsmanager.CreateSecretInput{Name: awssdk.String(bad)}), "ValidationException")
	}
	if err := create(secretsmanager.CreateSecretInput{Name: awssdk.String("a/b_c+d=e.f@g-h")}); err != nil {
		t.Fatalf("allowed punctuation refused: %v", err)
	}
	wantCode(t, create(secretsmanager.CreateSecretInput{Name: awssdk.String("d"), Description: awssdk.String(strings.Repeat("d", 2049))}), "ValidationException")
	tags := func(n int) []types.Tag {
		var out []types.Tag
		for i := range n {
			out = append(out, types.Tag{Key: awssdk.String("k" + strings.Repeat("x", i)), Value: awssdk.String("v")})
		}
		return out
	}
	wantCode(t, create(secretsmanager.CreateSecretInput{Name: awssdk.String("t1"), Tags: tags(51)}), "ValidationException")
	if err := create(secretsmanager.CreateSecretInput{Name: awssdk.String("t2"), Tags: tags(50)}); err != nil {
		t.Fatalf("50 tags refused: %v", err)
	}
	wantCode(t, create(secretsmanager.CreateSecretInput{Name: awssdk.String("t3"), Tags: []types.Tag{{Key: awssdk.String("aws:owner"), Value: awssdk.String("x")}}}), "InvalidParameterException")
	wantCode(t, create(secretsmanager.CreateSecretInput{Name: awssdk.String("t4"), Tags: []types.Tag{{Key: awssdk.String(strings.Repeat("k", 129)), Value: awssdk.String("x")}}}), "ValidationException")
	wantCode(t, create(secretsmanager.CreateSecretInput{Name: awssdk.String("t5"), Tags: []types.Tag{{Key: awssdk.String("k"), Value: awssdk.String(strings.Repeat("v", 257))}}}), "ValidationException")

	createText(t, c, "dup", "one")
	wantCode(t, create(secretsmanager.CreateSecretInput{Name: awssdk.String("dup"), SecretString: awssdk.String("two")}), "ResourceExistsException")
}

func TestCreateSecretIdempotentAndARN(t *testing.T) {
	srv := startServer(t, Options{Account: "999988887777"})
	c := client(t, srv, "eu-central-1")
	in := &secretsmanager.CreateSecretInput{Name: awssdk.String("svc/key"), SecretString: awssdk.String("v"), ClientRequestToken: awssdk.String(token(1)),
		Description: awssdk.String("desc"), Tags: []types.Tag{{Key: awssdk.String("team"), Value: awssdk.String("a")}}}
	a, err := c.CreateSecret(ctx(t), in)
	if err != nil {
		t.Fatal(err)
	}
	b, err := c.CreateSecret(ctx(t), in)
	if err != nil {
		t.Fatalf("retry with the same token: %v", err)
	}
	if *a.ARN != *b.ARN || *a.VersionId != token(1) || *b.VersionId != token(1) {
		t.Fatalf("%v %v", a, b)
	}
	prefix := "arn:aws:secretsmanager:eu-central-1:999988887777:secret:svc/key-"
	if !strings.HasPrefix(*a.ARN, prefix) || len(*a.ARN) != len(prefix)+6 {
		t.Fatalf("ARN = %s", *a.ARN)
	}
	// Describe by ARN and by partial ARN.
	for _, id := range []string{*a.ARN, strings.TrimSuffix(prefix, "-")} {
		d, err := c.DescribeSecret(ctx(t), &secretsmanager.DescribeSecretInput{SecretId: awssdk.String(id)})
		if err != nil {
			t.Fatalf("describe %s: %v", id, err)
		}
		if *d.Name != "svc/key" || *d.Description != "desc" || len(d.Tags) != 1 || !d.CreatedDate.Equal(fixedNow) {
			t.Fatalf("describe: %+v", d)
		}
	}
}

func TestUpdateSecret(t *testing.T) {
	srv := startServer(t, Options{})
	c := client(t, srv, "us-east-1")
	v1 := *createText(t, c, "app/key", "one").VersionId
	out, err := c.UpdateSecret(ctx(t), &secretsmanager.UpdateSecretInput{SecretId: awssdk.String("app/key"), Description: awssdk.String("new desc"), KmsKeyId: awssdk.String("alias/app")})
	if err != nil {
		t.Fatal(err)
	}
	if out.VersionId != nil {
		t.Fatalf("metadata update created version %s", *out.VersionId)
	}
	out, err = c.UpdateSecret(ctx(t), &secretsmanager.UpdateSecretInput{SecretId: awssdk.String("app/key"), SecretString: awssdk.String("two")})
	if err != nil || out.VersionId == nil {
		t.Fatalf("value update: %v", err)
	}
	d, _ := c.DescribeSecret(ctx(t), &secretsmanager.DescribeSecretInput{SecretId: awssdk.String("app/key")})
	if *d.Description != "new desc" || *d.KmsKeyId != "alias/app" || holderOf(d.VersionIdsToStages, "AWSPREVIOUS") != v1 || holderOf(d.VersionIdsToStages, "AWSCURRENT") != *out.VersionId {
		t.Fatalf("after update: %+v", d)
	}
}

func TestDeleteAndRestore(t *testing.T) {
	now := fixedNow
	srv := startServer(t, Options{Clock: func() time.Time { return now }})
	c := client(t, srv, "us-east-1")
	v1 := *createText(t, c, "app/key", "one").VersionId
	del := func(in secretsmanager.DeleteSecretInput) (*secretsmanager.DeleteSecretOutput, error) {
		in.SecretId = awssdk.String("app/key")
		return c.DeleteSecret(ctx(t), &in)
	}
	_, err := del(secretsmanager.DeleteSecretInput{RecoveryWindowInDays: awssdk.Int64(7), ForceDeleteWithoutRecovery: awssdk.Bool(true)})
	wantCode(t, err, "InvalidParameterException")
	for _, d := range []int64{6, 31} {
		_, err = del(secretsmanager.DeleteSecretInput{RecoveryWindowInDays: awssdk.Int64(d)})
		wantCode(t, err, "InvalidParameterException")
	}
	out, err := del(secretsmanager.DeleteSecretInput{})
	if err != nil {
		t.Fatal(err)
	}
	if !out.DeletionDate.Equal(fixedNow.Add(30 * 24 * time.Hour)) {
		t.Fatalf("DeletionDate = %v, want 30 days on", out.DeletionDate)
	}
	d, err := c.DescribeSecret(ctx(t), &secretsmanager.DescribeSecretInput{SecretId: awssdk.String("app/key")})
	if err != nil || d.DeletedDate == nil || !d.DeletedDate.Equal(fixedNow) {
		t.Fatalf("describe scheduled: %v %v", d, err)
	}
	id := awssdk.String("app/key")
	errs := []error{
		func() error {
			_, err := c.GetSecretValue(ctx(t), &secretsmanager.GetSecretValueInput{SecretId: id})
			return err
		}(),
		func() error {
			_, err := c.PutSecretValue(ctx(t), &secretsmanager.PutSecretValueInput{SecretId: id, SecretString: awssdk.String("x")})
			return err
		}(),
		func() error {
			_, err := c.UpdateSecret(ctx(t), &secretsmanager.UpdateSecretInput{SecretId: id, Description: awssdk.String("x")})
			return err
		}(),
		func() error {
			_, err := c.UpdateSecretVersionStage(ctx(t), &secretsmanager.UpdateSecretVersionStageInput{SecretId: id, VersionStage: awssdk.String("X"), MoveToVersionId: &v1})
			return err
		}(),
	}
	for i, err := range errs {
		wantCode(t, err, "InvalidRequestException")
		if !strings.Contains(err.Error(), "because it was marked for deletion.") {
			t.Errorf("call %d: %v", i, err)
		}
	}
	_, err = c.CreateSecret(ctx(t), &secretsmanager.CreateSecretInput{Name: id})
	wantCode(t, err, "InvalidRequestException")

	if _, err := c.RestoreSecret(ctx(t), &secretsmanager.RestoreSecretInput{SecretId: id}); err != nil {
		t.Fatal(err)
	}
	if got := getText(t, c, &secretsmanager.GetSecretValueInput{SecretId: id}); got != "one" {
		t.Fatal("value lost by restore")
	}
	// A scheduled deletion happens once the window has passed.
	if _, err := del(secretsmanager.DeleteSecretInput{RecoveryWindowInDays: awssdk.Int64(7)}); err != nil {
		t.Fatal(err)
	}
	now = now.Add(7*24*time.Hour + time.Second)
	_, err = c.DescribeSecret(ctx(t), &secretsmanager.DescribeSecretInput{SecretId: id})
	wantCode(t, err, "ResourceNotFoundException")

	createText(t, c, "app/key", "again")
	if _, err := del(secretsmanager.DeleteSecretInput{ForceDeleteWithoutRecovery: awssdk.Bool(true)}); err != nil {
		t.Fatal(err)
	}
	_, err = c.DescribeSecret(ctx(t), &secretsmanager.DescribeSecretInput{SecretId: id})
	wantCode(t, err, "ResourceNotFoundException")
}

func TestTagsAndPolicy(t *testing.T) {
	srv := startServer(t, Options{})
	c := client(t, srv, "us-east-1")
	arn := *createText(t, c, "app/key", "one").ARN
	_, err := c.TagResource(ctx(t), &secretsmanager.TagResourceInput{SecretId: &arn, Tags: []types.Tag{
		{Key: awssdk.String("team"), Value: awssdk.String("a")}, {Key: awssdk.String("env"), Value: awssdk.String("dev")}}})
	if err != nil {
		t.Fatal(err)
	}
	_, err = c.TagResource(ctx(t), &secretsmanager.TagResourceInput{SecretId: awssdk.String("app/key"), Tags: []types.Tag{{Key: awssdk.String("team"), Value: awssdk.String("b")}}})
	if err != nil {
		t.Fatal(err)
	}
	_, err = c.UntagResource(ctx(t), &secretsmanager.UntagResourceInput{SecretId: awssdk.String("app/key"), TagKeys: []string{"env"}})
	if err != nil {
		t.Fatal(err)
	}
	d, _ := c.DescribeSecret(ctx(t), &secretsmanager.DescribeSecretInput{SecretId: &arn})
	if len(d.Tags) != 1 || *d.Tags[0].Key != "team" || *d.Tags[0].Value != "b" {
		t.Fatalf("tags = %v", d.Tags)
	}
	_, err = c.TagResource(ctx(t), &secretsmanager.TagResourceInput{SecretId: &arn, Tags: []types.Tag{{Key: awssdk.String("aws:x"), Value: awssdk.String("v")}}})
	wantCode(t, err, "InvalidParameterException")

	p, err := c.GetResourcePolicy(ctx(t), &secretsmanager.GetResourcePolicyInput{SecretId: &arn})
	if err != nil || p.ResourcePolicy != nil {
		t.Fatalf("no policy yet: %v %v", p.ResourcePolicy, err)
	}
	_, err = c.PutResourcePolicy(ctx(t), &secretsmanager.PutResourcePolicyInput{SecretId: &arn, ResourcePolicy: awssdk.String("{not json")})
	wantCode(t, err, "MalformedPolicyDocumentException")
	doc := `{"Version":"2012-10-17","Statement":[]}`
	if _, err := c.PutResourcePolicy(ctx(t), &secretsmanager.PutResourcePolicyInput{SecretId: &arn, ResourcePolicy: &doc}); err != nil {
		t.Fatal(err)
	}
	p, _ = c.GetResourcePolicy(ctx(t), &secretsmanager.GetResourcePolicyInput{SecretId: &arn})
	if awssdk.ToString(p.ResourcePolicy) != doc {
		t.Fatalf("policy = %v", p.ResourcePolicy)
	}
}

func TestReplicationFromCreate(t *testing.T) {
	srv := startServer(t, Options{})
	c := client(t, srv, "us-east-1")
	out, err := c.CreateSecret(ctx(t), &secretsmanager.CreateSecretInput{Name: awssdk.String("shared/x"), SecretString: awssdk.String("v1"),
		AddReplicaRegions: []types.ReplicaRegionType{{Region: awssdk.String("eu-west-1")}}})
	if err != nil {
		t.Fatal(err)
	}
	if len(out.ReplicationStatus) != 1 || out.ReplicationStatus[0].Status != types.StatusTypeInSync {
		t.Fatalf("ReplicationStatus = %+v", out.ReplicationStatus)
	}
	putText(t, c, "shared/x", "v2")
	eu := client(t, srv, "eu-west-1")
	if got := getText(t, eu, &secretsmanager.GetSecretValueInput{SecretId: awssdk.String("shared/x")}); got != "v2" {
		t.Fatalf("replica value not replicated")
	}
	d, _ := eu.DescribeSecret(ctx(t), &secretsmanager.DescribeSecretInput{SecretId: awssdk.String("shared/x")})
	if awssdk.ToString(d.PrimaryRegion) != "us-east-1" || !strings.Contains(*d.ARN, ":eu-west-1:") {
		t.Fatalf("replica: %+v", d)
	}
	_, err = eu.PutSecretValue(ctx(t), &secretsmanager.PutSecretValueInput{SecretId: awssdk.String("shared/x"), SecretString: awssdk.String("no")})
	wantCode(t, err, "InvalidRequestException")
	// The primary's status shows the replica's access date.
	p, _ := c.DescribeSecret(ctx(t), &secretsmanager.DescribeSecretInput{SecretId: awssdk.String("shared/x")})
	if len(p.ReplicationStatus) != 1 || p.ReplicationStatus[0].LastAccessedDate == nil {
		t.Fatalf("primary status: %+v", p.ReplicationStatus)
	}
	if !slices.Equal(names(listAll(t, eu, secretsmanager.ListSecretsInput{})), []string{"shared/x"}) {
		t.Fatal("replica not listed in eu-west-1")
	}
}

func TestGetRandomPassword(t *testing.T) {
	srv := startServer(t, Options{})
	c := client(t, srv, "us-east-1")
	out, err := c.GetRandomPassword(ctx(t), &secretsmanager.GetRandomPasswordInput{PasswordLength: awssdk.Int64(40), ExcludePunctuation: awssdk.Bool(true), ExcludeCharacters: awssdk.String("0Oo")})
	if err != nil {
		t.Fatal(err)
	}
	p := *out.RandomPassword
	if len(p) != 40 || strings.ContainsAny(p, "0Oo!#$%") {
		t.Fatalf("password %q breaks the rules", p)
	}
	if !strings.ContainsAny(p, "abcdefghijklmnpqrstuvwxyz") || !strings.ContainsAny(p, "ABCDEFGHIJKLMNPQRSTUVWXYZ") || !strings.ContainsAny(p, "123456789") {
		t.Fatalf("password %q lacks a required type", p)
	}
	_, err = c.GetRandomPassword(ctx(t), &secretsmanager.GetRandomPasswordInput{PasswordLength: awssdk.Int64(0)})
	wantCode(t, err, "InvalidParameterException")
}
