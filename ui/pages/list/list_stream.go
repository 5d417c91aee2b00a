package list

import (
	"context"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/smtui/smtui/aws"
)

// Listing modes, as --list-mode takes them.
const (
	ModeAuto        = "auto"
	ModePartitioned = "partitioned"
	ModeSequential  = "sequential"
)

// partitionAbove is the first page's latency above which the auto mode
// lists by partitions: with fast pages one NextToken chain is as quick and
// costs fewer requests (measured: at 20 ms a page the single chain wins; at
// 40 ms and more the partitions do).
const partitionAbove = 40 * time.Millisecond

// listBatchMsg is a batch of secrets the listing found, or its end.
type listBatchMsg struct {
	stream  *listStream
	secrets []aws.SecretSummary
	done    bool
	err     error
}

// listStream is one listing running in its own goroutine: it sends its
// batches on ch, which the screen reads one message at a time (waitBatch),
// so rows stream in as pages arrive.
type listStream struct {
	ch     chan listBatchMsg
	cancel context.CancelFunc
	// Mode is the mode the listing settled on (auto picks one after the
	// first page); set by the goroutine before its second batch, read by
	// the screen only after a message (the channel orders them).
	mode string
}

// newStream prepares a listing of st with opts in mode and returns the
// command that starts it and brings its first batch. No AWS call happens
// before the command runs. Each call is bounded by the Store's own per-call
// timeout; the stream as a whole runs until it ends or is cancelled.
func newStream(st aws.Store, opts aws.ListOptions, mode string) (*listStream, tea.Cmd) {
	ctx, cancel := context.WithCancel(context.Background())
	if mode == ModePartitioned && serverSideOnly(opts) {
		mode = ModeSequential
	}
	s := &listStream{ch: make(chan listBatchMsg, 4), cancel: cancel, mode: mode}
	start := func() tea.Msg {
		go s.run(ctx, st, opts, mode)
		return s.next()
	}
	return s, start
}

// wait is the command that brings the stream's next batch.
func (s *listStream) wait() tea.Cmd { return func() tea.Msg { return s.next() } }

func (s *listStream) next() tea.Msg {
	m, ok := <-s.ch
	if !ok {
		return listBatchMsg{stream: s, done: true, err: context.Canceled}
	}
	return m
}

// send hands a batch to the screen, or gives up when the stream is cancelled.
func (s *listStream) send(ctx context.Context, m listBatchMsg) bool {
	m.stream = s
	select {
	case s.ch <- m:
		return true
	case <-ctx.Done():
		return false
	}
}

// run lists: the first page on its own (what the operator sees first, and
// the latency the auto mode decides by), then the rest one page at a time
// or by partitions.
func (s *listStream) run(ctx context.Context, st aws.Store, opts aws.ListOptions, mode string) {
	defer close(s.ch)
	region := st.Region()
	fill := func(secrets []aws.SecretSummary) []aws.SecretSummary {
		for i := range secrets {
			if secrets[i].Region == "" {
				secrets[i].Region = region
			}
		}
		return secrets
	}
	if mode == ModePartitioned {
		s.partitioned(ctx, st, opts, nil, fill)
		return
	}
	began := time.Now()
	page, err := st.ListSecretsPage(ctx, opts, "")
	if err != nil {
		s.send(ctx, listBatchMsg{done: true, err: err})
		return
	}
	took := time.Since(began)
	if mode == ModeAuto {
		mode = autoMode(took, opts, page.NextToken != "")
	}
	s.mode = mode
	// The screen owns a batch once sent: what is needed of it is read first.
	var seen map[string]bool
	if mode == ModePartitioned {
		seen = make(map[string]bool, len(page.Secrets))
		for _, x := range page.Secrets {
			seen[x.ARN] = true
		}
	}
	if !s.send(ctx, listBatchMsg{secrets: fill(page.Secrets), done: page.NextToken == ""}) || page.NextToken == "" {
		return
	}
	if mode == ModePartitioned {
		s.partitioned(ctx, st, opts, seen, fill)
		return
	}
	for token := page.NextToken; token != ""; {
		page, err = st.ListSecretsPage(ctx, opts, token)
		if err != nil {
			s.send(ctx, listBatchMsg{done: true, err: err})
			return
		}
		token = page.NextToken
		if !s.send(ctx, listBatchMsg{secrets: fill(page.Secrets), done: token == ""}) {
			return
		}
	}
}

// partitioned lists through aws.ListAll by name-prefix partitions, skipping
// the secrets already sent (seen, by ARN).
func (s *listStream) partitioned(ctx context.Context, st aws.Store, opts aws.ListOptions, seen map[string]bool, fill func([]aws.SecretSummary) []aws.SecretSummary) {
	_, err := aws.ListAll(ctx, st, opts, aws.ListAllOptions{Mode: aws.ListPartitioned}, func(batch []aws.SecretSummary) {
		if len(seen) > 0 {
			kept := batch[:0]
			for _, x := range batch {
				if !seen[x.ARN] {
					kept = append(kept, x)
				}
			}
			batch = kept
		}
		if len(batch) > 0 {
			s.send(ctx, listBatchMsg{secrets: fill(batch)})
		}
	})
	if ctx.Err() != nil {
		return
	}
	s.send(ctx, listBatchMsg{done: true, err: err})
}

// autoMode is the mode the auto mode settles on after a first page that
// took took: partitions pay off only when pages are slow and more follow.
func autoMode(took time.Duration, opts aws.ListOptions, more bool) string {
	if took > partitionAbove && more && !serverSideOnly(opts) {
		return ModePartitioned
	}
	return ModeSequential
}

// serverSideOnly is true when the listing has a server filter or sort,
// which name-prefix partitions cannot combine with: the listing is one
// NextToken chain then.
func serverSideOnly(opts aws.ListOptions) bool {
	return len(opts.Filters) > 0 || opts.SortBy != "" || opts.SortOrder != ""
}

// stop cancels the listing; its goroutine ends at its next call or send.
func (s *listStream) stop() { s.cancel() }
