package emulator

import (
	"slices"
	"strings"
	"testing"
	"time"

	awssdk "github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
)

func TestPutMovesCurrentAndPrevious(t *testing.T) {
	srv := startServer(t, Options{Seed: true})
	c := client(t, srv, "us-east-1")
	id := "prod/api/stripe"
	before := stages(t, c, id)
	oldCur, blue := holderOf(before, "AWSCURRENT"), holderOf(before, "BLUE")

	out := putText(t, c, id, "sk_live_new")
	if !slices.Equal(out.VersionStages, []string{"AWSCURRENT"}) {
		t.Fatalf("new version stages = %v", out.VersionStages)
	}
	after := stages(t, c, id)
	if holderOf(after, "AWSCURRENT") != *out.VersionId {
		t.Errorf("AWSCURRENT on %s, want the new version", holderOf(after, "AWSCURRENT"))
	}
	if holderOf(after, "AWSPREVIOUS") != oldCur {
		t.Errorf("AWSPREVIOUS on %s, want old current %s", holderOf(after, "AWSPREVIOUS"), oldCur)
	}
	if holderOf(after, "GREEN") != oldCur || holderOf(after, "BLUE") != blue {
		t.Errorf("custom labels moved: %v", after)
	}
	// The version that had AWSPREVIOUS keeps only BLUE.
	if !slices.Equal(after[blue], []string{"BLUE"}) {
		t.Errorf("old previous has %v, want [BLUE]", after[blue])
	}
	if got := getText(t, c, &secretsmanager.GetSecretValueInput{SecretId: awssdk.String(id)}); got != "sk_live_new" {
		t.Errorf("current value wrong")
	}
}

func TestPutWithExplicitStages(t *testing.T) {
	srv := startServer(t, Options{})
	c := client(t, srv, "us-east-1")
	cr := createText(t, c, "app/key", "one")
	out, err := c.PutSecretValue(ctx(t), &secretsmanager.PutSecretValueInput{
		SecretId: awssdk.String("app/key"), SecretString: awssdk.String("two"), VersionStages: []string{"STAGED"},
	})
	if err != nil {
		t.Fatal(err)
	}
	st := stages(t, c, "app/key")
	if holderOf(st, "AWSCURRENT") != *cr.VersionId || holderOf(st, "STAGED") != *out.VersionId || holderOf(st, "AWSPREVIOUS") != "" {
		t.Fatalf("stages = %v", st)
	}
	got := getText(t, c, &secretsmanager.GetSecretValueInput{SecretId: awssdk.String("app/key"), VersionStage: awssdk.String("STAGED")})
	if got != "two" {
		t.Fatal("STAGED value wrong")
	}
	// The first value of a secret created without one becomes AWSCURRENT anyway.
	if _, err := c.CreateSecret(ctx(t), &secretsmanager.CreateSecretInput{Name: awssdk.String("empty")}); err != nil {
		t.Fatal(err)
	}
	_, err = c.GetSecretValue(ctx(t), &secretsmanager.GetSecretValueInput{SecretId: awssdk.String("empty")})
	wantCode(t, err, "ResourceNotFoundException")
	out, err = c.PutSecretValue(ctx(t), &secretsmanager.PutSecretValueInput{
		SecretId: awssdk.String("empty"), SecretString: awssdk.String("x"), VersionStages: []string{"CUSTOM"},
	})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Contains(out.VersionStages, "AWSCURRENT") {
		t.Fatalf("first version stages = %v", out.VersionStages)
	}
}

func TestPutIdempotency(t *testing.T) {
	srv := startServer(t, Options{})
	c := client(t, srv, "us-east-1")
	createText(t, c, "app/key", "one")
	in := &secretsmanager.PutSecretValueInput{SecretId: awssdk.String("app/key"), SecretString: awssdk.String("hunter2-value"), ClientRequestToken: awssdk.String(token(7))}
	a, err := c.PutSecretValue(ctx(t), in)
	if err != nil {
		t.Fatal(err)
	}
	b, err := c.PutSecretValue(ctx(t), in)
	if err != nil {
		t.Fatal(err)
	}
	if *a.VersionId != token(7) || *b.VersionId != token(7) {
		t.Fatalf("version ids %s %s, want the token", *a.VersionId, *b.VersionId)
	}
	if n := len(stages(t, c, "app/key")); n != 2 {
		t.Fatalf("%d labelled versions after a retried put, want 2", n)
	}
	in.SecretString = awssdk.String("different-value")
	_, err = c.PutSecretValue(ctx(t), in)
	wantCode(t, err, "ResourceExistsException")
	if strings.Contains(err.Error(), "different-value") || strings.Contains(err.Error(), "hunter2") {
		t.Fatalf("error leaks the value: %v", err)
	}
	in.ClientRequestToken = awssdk.String("short")
	_, err = c.PutSecretValue(ctx(t), in)
	wantCode(t, err, "ValidationException")
}

func TestPutValueRules(t *testing.T) {
	srv := startServer(t, Options{})
	c := client(t, srv, "us-east-1")
	createText(t, c, "app/key", "one")
	big := strings.Repeat("x", 65537)
	_, err := c.PutSecretValue(ctx(t), &secretsmanager.PutSecretValueInput{SecretId: awssdk.String("app/key"), SecretString: &big})
	wantCode(t, err, "InvalidParameterException")
	if strings.Contains(err.Error(), "xxxx") {
		t.Fatal("error leaks the value")
	}
	limit := big[:65536]
	if _, err := c.PutSecretValue(ctx(t), &secretsmanager.PutSecretValueInput{SecretId: awssdk.String("app/key"), SecretString: &limit}); err != nil {
		t.Fatalf("65536 bytes refused: %v", err)
	}
	_, err = c.PutSecretValue(ctx(t), &secretsmanager.PutSecretValueInput{SecretId: awssdk.String("app/key")})
	wantCode(t, err, "InvalidParameterException")
	_, err = c.PutSecretValue(ctx(t), &secretsmanager.PutSecretValueInput{SecretId: awssdk.String("app/key"), SecretString: awssdk.String("a"), SecretBinary: []byte{1}})
	wantCode(t, err, "InvalidParameterException")
	_, err = c.PutSecretValue(ctx(t), &secretsmanager.PutSecretValueInput{SecretId: awssdk.String("nope"), SecretString: awssdk.String("a")})
	wantCode(t, err, "ResourceNotFoundException")

	// Binary round trip.
	out, err := c.PutSecretValue(ctx(t), &secretsmanager.PutSecretValueInput{SecretId: awssdk.String("app/key"), SecretBinary: []byte{0, 1, 2, 255}})
	if err != nil {
		t.Fatal(err)
	}
	g, err := c.GetSecretValue(ctx(t), &secretsmanager.GetSecretValueInput{SecretId: awssdk.String("app/key"), VersionId: out.VersionId})
	if err != nil {
		t.Fatal(err)
	}
	if g.SecretString != nil || string(g.SecretBinary) != "\x00\x01\x02\xff" {
		t.Fatalf("binary round trip: %v %v", g.SecretString, g.SecretBinary)
	}
}

func TestGetSecretValueSelection(t *testing.T) {
	now := fixedNow
	srv := startServer(t, Options{Clock: func() time.Time { return now }})
	c := client(t, srv, "us-east-1")
	v1 := createText(t, c, "app/key", "one").VersionId
	v2 := putText(t, c, "app/key", "two").VersionId

	get := func(in secretsmanager.GetSecretValueInput) (*secretsmanager.GetSecretValueOutput, error) {
		in.SecretId = awssdk.String("app/key")
		return c.GetSecretValue(ctx(t), &in)
	}
	g, err := get(secretsmanager.GetSecretValueInput{})
	if err != nil || *g.SecretString != "two" || *g.VersionId != *v2 || g.CreatedDate == nil {
		t.Fatalf("default get: %v %v", g, err)
	}
	g, err = get(secretsmanager.GetSecretValueInput{VersionStage: awssdk.String("AWSPREVIOUS")})
	if err != nil || *g.SecretString != "one" {
		t.Fatalf("previous: %v", err)
	}
	g, err = get(secretsmanager.GetSecretValueInput{VersionId: v1, VersionStage: awssdk.String("AWSPREVIOUS")})
	if err != nil || *g.SecretString != "one" {
		t.Fatalf("id+stage: %v", err)
	}
	_, err = get(secretsmanager.GetSecretValueInput{VersionId: v1, VersionStage: awssdk.String("AWSCURRENT")})
	wantCode(t, err, "InvalidRequestException")
	if !strings.Contains(err.Error(), "You provided a VersionStage that is not associated to the provided VersionId.") {
		t.Errorf("message: %v", err)
	}
	_, err = get(secretsmanager.GetSecretValueInput{VersionId: awssdk.String(token(99))})
	wantCode(t, err, "ResourceNotFoundException")
	_, err = get(secretsmanager.GetSecretValueInput{VersionStage: awssdk.String("NOPE")})
	wantCode(t, err, "ResourceNotFoundException")

	// LastAccessedDate is the day of the read, on the secret and the version.
	d, _ := c.DescribeSecret(ctx(t), &secretsmanager.DescribeSecretInput{SecretId: awssdk.String("app/key")})
	wantDay := time.Date(2026, 3, 14, 0, 0, 0, 0, time.UTC)
	if d.LastAccessedDate == nil || !d.LastAccessedDate.Equal(wantDay) {
		t.Fatalf("LastAccessedDate = %v, want %v", d.LastAccessedDate, wantDay)
	}
	vs, err := c.ListSecretVersionIds(ctx(t), &secretsmanager.ListSecretVersionIdsInput{SecretId: awssdk.String("app/key")})
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range vs.Versions {
		if v.LastAccessedDate == nil || !v.LastAccessedDate.Equal(wantDay) {
			t.Errorf("version %s LastAccessedDate = %v", *v.VersionId, v.LastAccessedDate)
		}
	}
}

func TestListSecretVersionIds(t *testing.T) {
	srv := startServer(t, Options{})
	c := client(t, srv, "us-east-1")
	createText(t, c, "app/key", "v0")
	for i := 1; i <= 4; i++ {
		putText(t, c, "app/key", "v"+string(rune('0'+i)))
	}
	list := func(dep bool, max int32) (ids []string) {
		in := &secretsmanager.ListSecretVersionIdsInput{SecretId: awssdk.String("app/key"), IncludeDeprecated: awssdk.Bool(dep), MaxResults: awssdk.Int32(max)}
		p := secretsmanager.NewListSecretVersionIdsPaginator(c, in)
		for p.HasMorePages() {
			page, err := p.NextPage(ctx(t))
			if err != nil {
				t.Fatal(err)
			}
			for _, v := range page.Versions {
				ids = append(ids, *v.VersionId)
				if v.CreatedDate == nil {
					t.Errorf("no CreatedDate on %s", *v.VersionId)
				}
			}
		}
		return ids
	}
	if n := len(list(false, 100)); n != 2 {
		t.Errorf("without deprecated: %d versions, want 2", n)
	}
	all := list(true, 2)
	if len(all) != 5 {
		t.Fatalf("with deprecated: %d versions, want 5", len(all))
	}
	st := stages(t, c, "app/key")
	if all[0] != holderOf(st, "AWSCURRENT") || all[1] != holderOf(st, "AWSPREVIOUS") {
		t.Errorf("not newest first: %v vs %v", all, st)
	}
}

func TestDeprecatedVersionsPruned(t *testing.T) {
	now := fixedNow.Add(-72 * time.Hour)
	var clock = func() time.Time { return now }
	srv := startServer(t, Options{Clock: func() time.Time { return clock() }})
	c := client(t, srv, "us-east-1")
	createText(t, c, "app/key", "v")
	for i := range 104 {
		if i == 100 {
			now = fixedNow // the last versions are recent
		}
		putText(t, c, "app/key", "value-"+strings.Repeat("x", i%3)+string(rune('A'+i%26)))
	}
	count := func() int {
		n := 0
		p := secretsmanager.NewListSecretVersionIdsPaginator(c, &secretsmanager.ListSecretVersionIdsInput{SecretId: awssdk.String("app/key"), IncludeDeprecated: awssdk.Bool(true)})
		for p.HasMorePages() {
			page, err := p.NextPage(ctx(t))
			if err != nil {
				t.Fatal(err)
			}
			n += len(page.Versions)
		}
		return n
	}
	if n := count(); n != 100 {
		t.Fatalf("%d versions, want 100 after pruning", n)
	}
	// Versions created in the last 24 hours are never pruned.
	for range 5 {
		putText(t, c, "app/key", "recent")
	}
	if n := count(); n != 100 {
		t.Fatalf("%d versions, want 100 (old deprecated ones pruned first)", n)
	}
}

func TestUpdateSecretVersionStage(t *testing.T) {
	srv := startServer(t, Options{})
	c := client(t, srv, "us-east-1")
	v1 := *createText(t, c, "app/key", "one").VersionId
	v2 := *putText(t, c, "app/key", "two").VersionId
	v3 := *putText(t, c, "app/key", "three").VersionId
	move := func(label, to, from string) error {
		in := &secretsmanager.UpdateSecretVersionStageInput{SecretId: awssdk.String("app/key"), VersionStage: awssdk.String(label)}
		if to != "" {
			in.MoveToVersionId = awssdk.String(to)
		}
		if from != "" {
			in.RemoveFromVersionId = awssdk.String(from)
		}
		_, err := c.UpdateSecretVersionStage(ctx(t), in)
		return err
	}
	// Moving AWSCURRENT without naming its holder is refused with AWS's message.
	err := move("AWSCURRENT", v1, "")
	wantCode(t, err, "InvalidParameterException")
	want := "The parameter RemoveFromVersionId can't be empty. Staging label AWSCURRENT is currently attached to version " + v3 +
		", so you must explicitly reference that version in RemoveFromVersionId."
	if !strings.Contains(err.Error(), want) {
		t.Fatalf("message:\n%v\nwant %s", err, want)
	}
	wantCode(t, move("AWSCURRENT", v1, v2), "InvalidParameterException") // v2 doesn't hold it
	// Roll back: AWSCURRENT to v1, AWSPREVIOUS follows to v3.
	if err := move("AWSCURRENT", v1, v3); err != nil {
		t.Fatal(err)
	}
	st := stages(t, c, "app/key")
	if holderOf(st, "AWSCURRENT") != v1 || holderOf(st, "AWSPREVIOUS") != v3 || len(st[v2]) != 0 {
		t.Fatalf("after rollback: %v", st)
	}
	// A custom label: attach, then it can't be attached elsewhere without RemoveFromVersionId.
	if err := move("CANARY", v2, ""); err != nil {
		t.Fatal(err)
	}
	wantCode(t, move("CANARY", v3, ""), "InvalidParameterException")
	if err := move("CANARY", v3, v2); err != nil {
		t.Fatal(err)
	}
	if err := move("CANARY", "", v3); err != nil {
		t.Fatal(err)
	}
	st = stages(t, c, "app/key")
	if holderOf(st, "CANARY") != "" {
		t.Fatalf("CANARY still on %s", holderOf(st, "CANARY"))
	}
	wantCode(t, move("AWSCURRENT", "", v1), "InvalidParameterException")
	wantCode(t, move("X", token(5), ""), "ResourceNotFoundException")
	// At most 20 labels on a version.
	for i := range 19 { // v1 has AWSCURRENT: 20 labels
		if err := move("L"+string(rune('A'+i)), v1, ""); err != nil {
			t.Fatal(err)
		}
	}
	wantCode(t, move("ONE-TOO-MANY", v1, ""), "LimitExceededException")
	// Moving AWSCURRENT onto an AWSPENDING version leaves both until AWSPENDING is removed.
	if err := move("AWSPENDING", v2, ""); err != nil {
		t.Fatal(err)
	}
	if err := move("AWSCURRENT", v2, v1); err != nil {
		t.Fatal(err)
	}
	st = stages(t, c, "app/key")
	if !slices.Contains(st[v2], "AWSPENDING") || !slices.Contains(st[v2], "AWSCURRENT") || holderOf(st, "AWSPREVIOUS") != v1 {
		t.Fatalf("after moving onto pending: %v", st)
	}
}
