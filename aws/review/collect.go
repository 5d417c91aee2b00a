package review

import (
	"context"
	"slices"
	"sync"

	"github.com/smtui/smtui/aws"
)

// DefaultConcurrency bounds the calls Collect has in flight.
const DefaultConcurrency = 8

// Collect gathers what Run needs beyond the listing, metadata only: the
// resource policy of each secret not scheduled for deletion
// (GetResourcePolicy) and, for each replicated primary, its replicas
// (DescribeSecret: ListSecrets does not say which failed). storeOf gives
// the Store of a secret's region. At most concurrency calls run at once (0
// means DefaultConcurrency); a failed call marks its secret unchecked, and
// Collect returns when all are done or ctx ends. The secrets are copied,
// never changed in place.
func Collect(ctx context.Context, secrets []aws.SecretSummary, storeOf func(region string) (aws.Store, error), concurrency int) Input {
	if concurrency <= 0 {
		concurrency = DefaultConcurrency
	}
	in := Input{Secrets: slices.Clone(secrets), Policies: map[string]string{},
		Unchecked: map[string]string{}, Replicas: map[string][]string{}}
	var mu sync.Mutex
	var wg sync.WaitGroup
	sem := make(chan struct{}, concurrency)
	fail := func(arn, what string, err error) {
		mu.Lock()
		defer mu.Unlock()
		if prev := in.Unchecked[arn]; prev != "" {
			what = prev + "; " + what
		}
		in.Unchecked[arn] = what + ": " + err.Error()
	}
	for i := range in.Secrets {
		s := &in.Secrets[i]
		if !s.DeletedDate.IsZero() {
			continue
		}
		st, err := storeOf(s.Region)
		if err != nil {
			fail(s.ARN, "no connection to "+s.Region, err)
			continue
		}
		replicated := s.PrimaryRegion != "" && s.PrimaryRegion == s.Region
		select {
		case sem <- struct{}{}:
		case <-ctx.Done():
			fail(s.ARN, "not checked", ctx.Err())
			continue
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			doc, err := st.GetResourcePolicy(ctx, s.ARN)
			if err != nil {
				fail(s.ARN, "resource policy not read", err)
			} else {
				mu.Lock()
				in.Policies[s.ARN] = doc
				mu.Unlock()
			}
			if !replicated {
				return
			}
			sec, err := st.DescribeSecret(ctx, s.ARN)
			if err != nil {
				fail(s.ARN, "replication not read", err)
				return
			}
			var regions, failed []string
			for _, r := range sec.Replicas {
				regions = append(regions, r.Region)
				if r.Status == "Failed" {
					failed = append(failed, r.Region)
				}
			}
			mu.Lock()
			in.Replicas[s.ARN] = regions
			s.FailedReplicas = failed
			mu.Unlock()
		}()
	}
	wg.Wait()
	return in
}
