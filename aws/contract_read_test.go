package aws

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/smtui/smtui/aws/emulator"
)

// listAll pages through a listing and returns every summary and page sizes.
func (h *harness) listAll(opts ListOptions) ([]SecretSummary, []int) {
	h.t.Helper()
	var all []SecretSummary
	var sizes []int
	token := ""
	for i := 0; ; i++ {
		if i > 1000 {
			h.t.Fatal("listing never ends")
		}
		page, err := h.st.ListSecretsPage(h.ctx, opts, token)
		if err != nil {
			h.t.Fatalf("list page %d: %v", i, err)
		}
		all = append(all, page.Secrets...)
		sizes = append(sizes, len(page.Secrets))
		if page.NextToken == "" {
			return all, sizes
		}
		token = page.NextToken
	}
}

func names(ss []SecretSummary) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = s.Name
	}
	return out
}

func TestContractPaginationOver100(t *testing.T) {
	h := newHarness(t, func(o *emulator.Options, _ *ConnectOptions) { o.SyntheticSecrets = 250 })
	for _, size := range []int32{0, 100, 7} {
		t.Run(fmt.Sprintf("page size %d", size), func(t *testing.T) {
			all, sizes := h.listAll(ListOptions{PageSize: size})
			if len(all) != 250 {
				t.Fatalf("listed %d secrets, want 250 (pages %v)", len(all), sizes)
			}
			limit := int(size)
			if limit == 0 {
				limit = 100
			}
			for i, n := range sizes {
				if n > limit || (n < limit && i != len(sizes)-1) {
					t.Fatalf("page sizes %v with limit %d", sizes, limit)
				}
			}
			seen := map[string]bool{}
			for _, s := range all {
				if seen[s.ARN] {
					t.Fatalf("duplicate %s", s.Name)
				}
				seen[s.ARN] = true
				if s.Region != "us-east-1" {
					t.Fatalf("summary region %q", s.Region)
				}
			}
		})
	}
}

func TestContractSortOrders(t *testing.T) {
	h := newHarness(t, withSeed)
	for _, sortBy := range []string{SortByName, SortByCreated, SortByLastChanged, SortByLastAccessed} {
		for _, order := range []string{SortAsc, SortDesc} {
			t.Run(sortBy+" "+order, func(t *testing.T) {
				all, _ := h.listAll(ListOptions{SortBy: sortBy, SortOrder: order, PageSize: 5})
				if len(all) < 15 {
					t.Fatalf("only %d seeded secrets in us-east-1", len(all))
				}
				cmp := func(a, b SecretSummary) int {
					switch sortBy {
					case SortByCreated:
						return a.CreatedDate.Compare(b.CreatedDate)
					case SortByLastChanged:
						return a.LastChangedDate.Compare(b.LastChangedDate)
					case SortByLastAccessed:
						return a.LastAccessedDate.Compare(b.LastAccessedDate)
					}
					return strings.Compare(a.Name, b.Name)
				}
				if order == SortDesc {
					c := cmp
					cmp = func(a, b SecretSummary) int { return c(b, a) }
				}
				if !slices.IsSortedFunc(all, cmp) {
					t.Errorf("not sorted by %s %s: %v", sortBy, order, names(all))
				}
			})
		}
	}
}

func TestContractFilters(t *testing.T) {
	h := newHarness(t, withSeed)
	cases := []struct {
		name    string
		filters []Filter
		check   func(SecretSummary) bool
		must    string // a secret that must be listed
	}{
		{"name prefix", []Filter{{Key: "name", Values: []string{"prod/db/"}}},
			func(s SecretSummary) bool { return strings.HasPrefix(s.Name, "prod/db/") }, "prod/db/postgres"},
		{"name OR", []Filter{{Key: "name", Values: []string{"prod/api/", "staging/"}}},
			func(s SecretSummary) bool {
				return strings.HasPrefix(s.Name, "prod/api/") || strings.HasPrefix(s.Name, "staging/")
			},
			"staging/app/config"},
		{"negation", []Filter{{Key: "name", Values: []string{"!prod/"}}},
			func(s SecretSummary) bool { return !strings.HasPrefix(s.Name, "prod/") }, "staging/app/config"},
		{"name AND tag", []Filter{{Key: "name", Values: []string{"prod/"}}, {Key: "tag-key", Values: []string{"team"}}},
			func(s SecretSummary) bool {
				return strings.HasPrefix(s.Name, "prod/") && slices.ContainsFunc(s.Tags, func(t Tag) bool { return strings.HasPrefix(t.Key, "team") })
			}, "prod/db/postgres"},
		{"owning service", []Filter{{Key: "owning-service", Values: []string{"rds"}}},
			func(s SecretSummary) bool { return s.OwningService == "rds" }, "rds!db-7f3c1a2b-4d5e-4f60-8a91-0b2c3d4e5f60"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			all, _ := h.listAll(ListOptions{Filters: tc.filters})
			if !slices.Contains(names(all), tc.must) {
				t.Errorf("%s missing from %v", tc.must, names(all))
			}
			for _, s := range all {
				if !tc.check(s) {
					t.Errorf("%s does not match the filter", s.Name)
				}
			}
		})
	}
}

func TestContractPlannedDeletionHidden(t *testing.T) {
	h := newHarness(t, withSeed)
	all, _ := h.listAll(ListOptions{})
	if slices.Contains(names(all), "legacy/reporting-db") {
		t.Error("a secret scheduled for deletion is listed by default")
	}
	all, _ = h.listAll(ListOptions{IncludePlannedDeletion: true})
	i := slices.Index(names(all), "legacy/reporting-db")
	if i < 0 {
		t.Fatal("IncludePlannedDeletion does not list legacy/reporting-db")
	}
	if all[i].DeletedDate.IsZero() {
		t.Error("DeletedDate is not set")
	}
}

func TestContractDescribeSeeded(t *testing.T) {
	h := newHarness(t, withSeed)
	pg, err := h.st.DescribeSecret(h.ctx, "prod/db/postgres")
	if err != nil {
		t.Fatal(err)
	}
	if !pg.RotationEnabled || pg.RotationLambdaARN != "arn:aws:lambda:us-east-1:123456789012:function:SecretsManagerPostgresRotation" ||
		pg.RotationRules.ScheduleExpression != "rate(30 days)" || pg.Description == "" || pg.Region != "us-east-1" {
		t.Errorf("prod/db/postgres: %+v", pg.SecretSummary)
	}
	if !slices.Contains(pg.Tags, Tag{Key: "team", Value: "payments"}) || !slices.Contains(pg.Tags, Tag{Key: "env", Value: "prod"}) {
		t.Errorf("tags %v", pg.Tags)
	}
	if holder(pg.VersionStages, LabelCurrent) == "" || holder(pg.VersionStages, LabelPrevious) == "" {
		t.Errorf("stages %v", pg.VersionStages)
	}
	if pg.CreatedDate.IsZero() || pg.LastChangedDate.IsZero() {
		t.Errorf("dates missing: %+v", pg.SecretSummary)
	}
	dd, err := h.st.DescribeSecret(h.ctx, "shared/datadog/api-key")
	if err != nil {
		t.Fatal(err)
	}
	status := map[string]string{}
	for _, r := range dd.Replicas {
		status[r.Region] = r.Status
		if r.Status == "Failed" && r.StatusMessage == "" {
			t.Errorf("failed replica without a message")
		}
	}
	if status["eu-west-1"] != "InSync" || status["ap-southeast-2"] != "Failed" {
		t.Errorf("replicas %+v", dd.Replicas)
	}
	rds, err := h.st.DescribeSecret(h.ctx, "rds!db-7f3c1a2b-4d5e-4f60-8a91-0b2c3d4e5f60")
	if err != nil || rds.OwningService != "rds" {
		t.Errorf("rds secret: %+v %v", rds.SecretSummary, err)
	}
	// By ARN as well as by name.
	byARN, err := h.st.DescribeSecret(h.ctx, pg.ARN)
	if err != nil || byARN.Name != "prod/db/postgres" {
		t.Errorf("describe by ARN: %v %v", byARN.Name, err)
	}
	_, err = h.st.DescribeSecret(h.ctx, "no/such/secret")
	e := wantKind(t, err, KindNotFound)
	if e.SecretID != "no/such/secret" || e.Region != "us-east-1" || e.Op != "describe secret" {
		t.Errorf("error context %+v", e)
	}
}

// A replica in another region is seen through a Store for that region.
func TestContractOtherRegion(t *testing.T) {
	h := newHarness(t, withSeed)
	eu, err := Connect(h.ctx, ConnectOptions{Region: "eu-west-1", EndpointURL: h.srv.URL,
		AccessKeyID: "AKIDEMULATOR", SecretAccessKey: "emulator"})
	if err != nil {
		t.Fatal(err)
	}
	rep, err := eu.DescribeSecret(h.ctx, "shared/datadog/api-key")
	if err != nil {
		t.Fatal(err)
	}
	if rep.PrimaryRegion != "us-east-1" || rep.Region != "eu-west-1" {
		t.Errorf("replica: %+v", rep.SecretSummary)
	}
	if _, err := eu.DescribeSecret(h.ctx, "prod/db/postgres-eu"); err != nil {
		t.Errorf("eu-west-1 secret: %v", err)
	}
}

func TestContractListVersions(t *testing.T) {
	h := newHarness(t, withSeed)
	vs := h.versions("prod/db/postgres")
	if len(vs) < 3 {
		t.Fatalf("%d versions, want 3 or more", len(vs))
	}
	if !slices.IsSortedFunc(vs, func(a, b Version) int { return b.CreatedDate.Compare(a.CreatedDate) }) {
		t.Errorf("versions not newest first")
	}
	deprecated := 0
	for _, v := range vs {
		if v.Deprecated() {
			deprecated++
		}
		if v.ID == "" || v.CreatedDate.IsZero() {
			t.Errorf("version %+v", v)
		}
	}
	if deprecated == 0 {
		t.Errorf("no deprecated versions listed: %+v", vs)
	}
	// A fresh secret: newest first across puts, more than one page.
	id := "many/versions"
	h.create(id, "v0")
	for i := 1; i <= 104; i++ {
		time.Sleep(2 * time.Millisecond) // the service dates versions to the millisecond
		h.put(id, fmt.Sprintf("v%d", i))
	}
	vs = h.versions(id)
	if len(vs) != 105 {
		t.Fatalf("%d versions after 105 writes (none may be pruned within 24h)", len(vs))
	}
	if !slices.Contains(vs[0].Stages, LabelCurrent) || !slices.Contains(vs[1].Stages, LabelPrevious) {
		t.Errorf("newest versions: %+v %+v", vs[0], vs[1])
	}
	if h.value(id, VersionRef{ID: vs[0].ID}) != "v104" || h.value(id, VersionRef{ID: vs[len(vs)-1].ID}) != "v0" {
		t.Errorf("order does not follow creation")
	}
}

func TestContractGetValue(t *testing.T) {
	h := newHarness(t)
	id := "get/value"
	v1 := h.create(id, "one")
	v2 := h.put(id, "two")
	if got := h.value(id, VersionRef{}); got != "two" {
		t.Errorf("zero ref read %q, want AWSCURRENT", got)
	}
	if got := h.value(id, VersionRef{Stage: LabelPrevious}); got != "one" {
		t.Errorf("AWSPREVIOUS read %q", got)
	}
	if got := h.value(id, VersionRef{ID: v1}); got != "one" {
		t.Errorf("by id read %q", got)
	}
	v, err := h.st.GetValue(h.ctx, id, VersionRef{ID: v2, Stage: LabelCurrent})
	if err != nil || v.VersionID != v2 || !slices.Contains(v.Stages, LabelCurrent) || v.Name != id || v.ARN == "" || v.CreatedDate.IsZero() {
		t.Errorf("id+stage: %+v %v", v, err)
	}
	_, err = h.st.GetValue(h.ctx, id, VersionRef{ID: v1, Stage: LabelCurrent})
	wantKind(t, err, KindInvalidRequest)
	_, err = h.st.GetValue(h.ctx, id, VersionRef{ID: "00000000-0000-4000-8000-000000000000"})
	wantKind(t, err, KindNotFound)
	_, err = h.st.GetValue(h.ctx, "no/such", VersionRef{})
	e := wantKind(t, err, KindNotFound)
	if e.Op != "get value" || e.SecretID != "no/such" {
		t.Errorf("context %+v", e)
	}
	// Binary values round-trip as bytes.
	bin := []byte{0, 1, 2, 0xff, 0xfe, '\n'}
	if _, err := h.st.CreateSecret(h.ctx, CreateSecretInput{Name: "bin", Value: BinaryValue(bin)}); err != nil {
		t.Fatal(err)
	}
	bv, err := h.st.GetValue(h.ctx, "bin", VersionRef{})
	if err != nil || !bv.Secret.IsBinary() || string(bv.Secret.Bytes()) != string(bin) {
		t.Errorf("binary: %v %v", bv.Secret.IsBinary(), err)
	}
}

func TestContractSeededBinaryAndPolicy(t *testing.T) {
	h := newHarness(t, withSeed)
	v, err := h.st.GetValue(h.ctx, "prod/tls/keystore", VersionRef{})
	if err != nil || !v.Secret.IsBinary() || v.Secret.Len() == 0 {
		t.Errorf("binary keystore: %v %v", v.Secret.IsBinary(), err)
	}
	pol, err := h.st.GetResourcePolicy(h.ctx, "prod/db/postgres")
	if err != nil {
		t.Fatal(err)
	}
	if !json.Valid([]byte(pol)) || !strings.Contains(pol, "Statement") {
		t.Errorf("policy %q", pol)
	}
	pol, err = h.st.GetResourcePolicy(h.ctx, "prod/api/stripe")
	if err != nil || pol != "" {
		t.Errorf("secret without a policy: %q %v", pol, err)
	}
	_, err = h.st.GetResourcePolicy(h.ctx, "no/such")
	wantKind(t, err, KindNotFound)
}
