package emulator

import (
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	awssdk "github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager/types"
)

// listAll pages through ListSecrets and returns every entry.
func listAll(t *testing.T, c *secretsmanager.Client, in secretsmanager.ListSecretsInput) []types.SecretListEntry {
	t.Helper()
	var all []types.SecretListEntry
	p := secretsmanager.NewListSecretsPaginator(c, &in)
	for p.HasMorePages() {
		page, err := p.NextPage(ctx(t))
		if err != nil {
			t.Fatal(err)
		}
		if in.MaxResults != nil && len(page.SecretList) > int(*in.MaxResults) {
			t.Fatalf("page of %d entries exceeds MaxResults %d", len(page.SecretList), *in.MaxResults)
		}
		all = append(all, page.SecretList...)
	}
	return all
}

func names(list []types.SecretListEntry) []string {
	out := make([]string, len(list))
	for i, s := range list {
		out[i] = *s.Name
	}
	return out
}

func TestListPaginationEverySort(t *testing.T) {
	const n = 230
	srv := startServer(t, Options{SyntheticSecrets: n})
	c := client(t, srv, "us-east-1")
	// Touch a few secrets so last-accessed differs.
	for _, id := range []string{"synthetic/svc-00003/oauth", "synthetic/svc-00100/api-key"} {
		getText(t, c, &secretsmanager.GetSecretValueInput{SecretId: awssdk.String(id)})
	}
	keyOf := map[types.SortByType]func(types.SecretListEntry) string{
		types.SortByTypeCreatedDate:      func(s types.SecretListEntry) string { return fmtTime(s.CreatedDate) },
		types.SortByTypeName:             func(s types.SecretListEntry) string { return *s.Name },
		types.SortByTypeLastChangedDate:  func(s types.SecretListEntry) string { return fmtTime(s.LastChangedDate) },
		types.SortByTypeLastAccessedDate: func(s types.SecretListEntry) string { return fmtTime(s.LastAccessedDate) },
	}
	for by, key := range keyOf {
		for _, order := range []types.SortOrderType{types.SortOrderTypeAsc, types.SortOrderTypeDesc} {
			t.Run(string(by)+"/"+string(order), func(t *testing.T) {
				all := listAll(t, c, secretsmanager.ListSecretsInput{SortBy: by, SortOrder: order, MaxResults: awssdk.Int32(37)})
				if len(all) != n {
					t.Fatalf("listed %d secrets, want %d", len(all), n)
				}
				seen := map[string]bool{}
				for _, nm := range names(all) {
					if seen[nm] {
						t.Fatalf("%s listed twice", nm)
					}
					seen[nm] = true
				}
				ok := sort.SliceIsSorted(all, func(i, j int) bool { return key(all[i]) < key(all[j]) })
				if order == types.SortOrderTypeDesc {
					ok = sort.SliceIsSorted(all, func(i, j int) bool { return key(all[i]) > key(all[j]) })
				}
				if !ok {
					t.Fatalf("not sorted by %s %s", by, order)
				}
			})
		}
	}
}

func fmtTime(t *time.Time) string {
	if t == nil {
		return "0000"
	}
	return t.UTC().Format(time.RFC3339Nano)
}

func TestListDefaultPageAndTokens(t *testing.T) {
	srv := startServer(t, Options{SyntheticSecrets: 150})
	c := client(t, srv, "us-east-1")
	first, err := c.ListSecrets(ctx(t), &secretsmanager.ListSecretsInput{})
	if err != nil {
		t.Fatal(err)
	}
	if len(first.SecretList) != 100 || first.NextToken == nil {
		t.Fatalf("first page: %d entries, token %v; want 100 and a token", len(first.SecretList), first.NextToken)
	}
	// A token from one sort can't continue another.
	_, err = c.ListSecrets(ctx(t), &secretsmanager.ListSecretsInput{NextToken: first.NextToken, SortBy: types.SortByTypeName})
	wantCode(t, err, "InvalidNextTokenException")
	_, err = c.ListSecrets(ctx(t), &secretsmanager.ListSecretsInput{NextToken: awssdk.String("garbage!")})
	wantCode(t, err, "InvalidNextTokenException")
	for _, bad := range []int32{0, 101} {
		_, err = c.ListSecrets(ctx(t), &secretsmanager.ListSecretsInput{MaxResults: awssdk.Int32(bad)})
		wantCode(t, err, "ValidationException")
	}
	_, err = c.ListSecrets(ctx(t), &secretsmanager.ListSecretsInput{SortBy: "size"})
	wantCode(t, err, "ValidationException")
}

func TestListSecretsCarriesStages(t *testing.T) {
	srv := startServer(t, Options{Seed: true})
	c := client(t, srv, "us-east-1")
	all := listAll(t, c, secretsmanager.ListSecretsInput{Filters: []types.Filter{{Key: types.FilterNameStringTypeName, Values: []string{"prod/api/stripe"}}}})
	if len(all) != 1 {
		t.Fatalf("got %v", names(all))
	}
	st := all[0].SecretVersionsToStages
	if len(st) != 2 || holderOf(st, "BLUE") == "" || holderOf(st, "GREEN") != holderOf(st, "AWSCURRENT") {
		t.Fatalf("SecretVersionsToStages = %v", st)
	}
}

func TestListFilters(t *testing.T) {
	srv := startServer(t, Options{Seed: true})
	c := client(t, srv, "us-east-1")
	f := func(kv ...string) []types.Filter {
		var out []types.Filter
		for i := 0; i < len(kv); i += 2 {
			out = append(out, types.Filter{Key: types.FilterNameStringType(kv[i]), Values: strings.Split(kv[i+1], "|")})
		}
		return out
	}
	list := func(filters []types.Filter, planned bool) []string {
		got := names(listAll(t, c, secretsmanager.ListSecretsInput{Filters: filters, IncludePlannedDeletion: awssdk.Bool(planned), SortBy: types.SortByTypeName}))
		return got
	}
	eq := func(got []string, want ...string) {
		t.Helper()
		if !slices.Equal(got, want) {
			t.Errorf("got %v\nwant %v", got, want)
		}
	}
	eq(list(f("name", "prod/db/"), false), "prod/db/mysql-orders", "prod/db/postgres")
	eq(list(f("name", "Prod/db/"), false)) // case-sensitive
	eq(list(f("name", "prod/db/|legacy/"), true), "legacy/reporting-db", "prod/db/mysql-orders", "prod/db/postgres")
	eq(list(f("name", "prod/db/|legacy/"), false), "prod/db/mysql-orders", "prod/db/postgres")
	// Keys are AND'ed; negation excludes.
	eq(list(f("name", "prod/", "tag-value", "payments", "name", "!prod/db/"), false), "prod/api/stripe")
	eq(list(f("tag-key", "vendor", "tag-value", "strip"), false), "prod/api/stripe", "staging/api/stripe")
	eq(list(f("description", "POSTGRESQL sandbox"), false), "dev/db/postgres")
	eq(list(f("description", "sandb"), false), "dev/db/postgres")
	eq(list(f("all", "datadog"), false), "shared/datadog/api-key")
	eq(list(f("all", "OBSERVABILITY"), false), "shared/datadog/api-key") // a tag value
	eq(list(f("owning-service", "rds"), false), "rds!db-7f3c1a2b-4d5e-4f60-8a91-0b2c3d4e5f60")
	eq(list(f("primary-region", "us-east"), false), "shared/datadog/api-key")
	all := list(nil, false)
	notProd := list(f("name", "!prod/"), false)
	for _, n := range notProd {
		if strings.HasPrefix(n, "prod/") {
			t.Errorf("!prod/ returned %s", n)
		}
	}
	if len(notProd) == 0 || len(notProd) == len(all) {
		t.Errorf("negation kept %d of %d", len(notProd), len(all))
	}

	_, err := c.ListSecrets(ctx(t), &secretsmanager.ListSecretsInput{Filters: f("colour", "red")})
	wantCode(t, err, "ValidationException")
}

func TestListPlannedDeletion(t *testing.T) {
	srv := startServer(t, Options{Seed: true})
	c := client(t, srv, "us-east-1")
	hidden := names(listAll(t, c, secretsmanager.ListSecretsInput{}))
	shown := names(listAll(t, c, secretsmanager.ListSecretsInput{IncludePlannedDeletion: awssdk.Bool(true)}))
	if slices.Contains(hidden, "legacy/reporting-db") || !slices.Contains(shown, "legacy/reporting-db") || len(shown) != len(hidden)+1 {
		t.Fatalf("hidden %d shown %d", len(hidden), len(shown))
	}
}

// The "all" filter's words: separators, case changes, letter/digit changes.
func TestSplitWords(t *testing.T) {
	for in, want := range map[string][]string{
		"AppBeta":          {"app", "beta"},
		"COMPANYthings":    {"compan", "ythings"},
		"db2prod":          {"db", "2", "prod"},
		"prod/db_postgres": {"prod", "db", "postgres"},
		"XMLParser v2":     {"xml", "parser", "v", "2"},
		"Équipe café":      {"équipe", "café"},
		"":                 nil,
	} {
		if got := splitWords(in); !slices.Equal(got, want) {
			t.Errorf("splitWords(%q) = %q, want %q", in, got, want)
		}
	}
}
