package aws

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/smtui/smtui/aws/emulator"
)

// benchStore starts an emulator with AWS's ListSecrets quota (on by default
// with latency) and the given page latency, and connects a Store to it.
func benchStore(b *testing.B, eo emulator.Options) (*emulator.Server, Store) {
	b.Helper()
	srv, err := emulator.Start(eo)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { _ = srv.Close() })
	st, err := Connect(context.Background(), ConnectOptions{Region: "us-east-1", AccessKeyID: "AKIDEMULATOR",
		SecretAccessKey: "emulator", EndpointURL: srv.URL, CallTimeout: time.Minute})
	if err != nil {
		b.Fatal(err)
	}
	return srv, st
}

// BenchmarkListAll compares one NextToken chain (the floor) with the
// partitioned listing over 10,000 secrets, per page latency and name
// distribution. Compare the modes' ns/op for the speed-up; requests/op and
// throttled/op show the cost and that the quota held.
//
//	go test ./aws/ -run '^$' -bench BenchmarkListAll -benchtime 1x
func BenchmarkListAll(b *testing.B) {
	dists := []struct {
		name string
		eo   emulator.Options
	}{
		{"synthetic", emulator.Options{SyntheticSecrets: 10000}}, // synthetic/svc-NNNNN/kind, as --demo-secrets
		{"uniform", emulator.Options{SecretNames: uniformNames(10000, 11)}},
	}
	for _, latency := range []time.Duration{20 * time.Millisecond, 150 * time.Millisecond} {
		for _, d := range dists {
			eo := d.eo
			eo.ListLatency = latency
			srv, st := benchStore(b, eo)
			for _, mode := range []ListMode{ListSequential, ListPartitioned} {
				b.Run(fmt.Sprintf("%s/%v/%v", d.name, latency, mode), func(b *testing.B) {
					before := srv.Throttled("ListSecrets")
					var stats ListStats
					for b.Loop() {
						n := 0
						var err error
						stats, err = ListAll(context.Background(), st, ListOptions{}, ListAllOptions{Mode: mode},
							func(batch []SecretSummary) { n += len(batch) })
						if err != nil {
							b.Fatal(err)
						}
						if n != 10000 {
							b.Fatalf("listed %d of 10000", n)
						}
					}
					b.ReportMetric(float64(stats.Requests), "requests/op")
					b.ReportMetric(float64(srv.Throttled("ListSecrets")-before)/float64(b.N), "throttled/op")
				})
			}
		}
	}
}
