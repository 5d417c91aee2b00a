package review

import (
	"context"
	"fmt"

	"github.com/smtui/smtui/aws"
)

// Account lists every secret of each Store's region (those scheduled for
// deletion included: one rule is about them), collects their policies and
// replication (Collect) and reviews them (Run). It is `smtui review`
// without the printing; it reads no value.
func Account(ctx context.Context, stores []aws.Store, opts Options) (Report, error) {
	var secrets []aws.SecretSummary
	byRegion := map[string]aws.Store{}
	for _, st := range stores {
		byRegion[st.Region()] = st
		// Collect describes the replicated primaries itself.
		lo := aws.ListOptions{IncludePlannedDeletion: true, NoReplicationStatus: true}
		_, err := aws.ListAll(ctx, st, lo, aws.ListAllOptions{}, func(b []aws.SecretSummary) {
			secrets = append(secrets, b...)
		})
		if err != nil {
			return Report{}, fmt.Errorf("list secrets in %s: %w", st.Region(), err)
		}
	}
	storeOf := func(region string) (aws.Store, error) {
		if st, ok := byRegion[region]; ok {
			return st, nil
		}
		return nil, fmt.Errorf("region %s not reviewed", region)
	}
	return Run(Collect(ctx, secrets, storeOf, 0), opts), nil
}
