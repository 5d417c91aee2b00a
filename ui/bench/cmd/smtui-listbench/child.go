package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	// The floor is the bare SDK paginator by definition, so this
	// measurement program calls the SDK itself; the app reaches it only
	// through aws/.
	awssdk "github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager/types"

	"github.com/smtui/smtui/aws"
	"github.com/smtui/smtui/aws/cache"
	"github.com/smtui/smtui/ui"
)

// childResult is what a child prints (JSON) for its parent.
type childResult struct {
	FirstMs  float64 `json:"first_ms"` // first row (floor: first page) after the child started
	AllMs    float64 `json:"all_ms"`   // every secret loaded
	Rows     int     `json:"rows"`
	FromCach bool    `json:"from_cache"` // the first rows came from the cache
	HWMkB    int     `json:"vm_hwm_kb"`  // peak resident set (VmHWM), read at the end
	// Where the first row's time goes (smtui side): the App built and
	// sized (AppMs), the message that brought the first rows received
	// (DataMs: the cache's head, or the first live page), the View of the
	// frame that showed them (FrameMs, its own duration).
	AppMs   float64 `json:"app_ms"`
	DataMs  float64 `json:"data_ms"`
	FrameMs float64 `json:"frame_ms"`
}

// runChild runs one side of the comparison in this process and prints its
// result; started is when the process began (main's first line).
func runChild(side, url, cacheDir, mode string, want int, heapProfile string, started time.Time) error {
	var r childResult
	var err error
	switch side {
	case "floor":
		r, err = floor(url, started)
	case "smtui":
		r, err = smtuiList(url, cacheDir, mode, want, heapProfile, started)
	default:
		err = fmt.Errorf("unknown side %q", side)
	}
	if err != nil {
		return err
	}
	if r.HWMkB, err = peakRSS(); err != nil {
		return err
	}
	return json.NewEncoder(os.Stdout).Encode(r)
}

// peakRSS is this process's VmHWM in kB. The child's rusage maxrss would
// not do: Linux carries the parent's peak (the emulator's memory) over
// into it at exec.
func peakRSS() (int, error) {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0, fmt.Errorf("peak RSS: %w", err)
	}
	for _, line := range strings.Split(string(data), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			return strconv.Atoi(strings.TrimSuffix(strings.TrimSpace(rest), " kB"))
		}
	}
	return 0, errors.New("peak RSS: no VmHWM in /proc/self/status")
}

// floor lists with the SDK's own paginator, one page at a time, keeping
// every entry as a program that lists must.
func floor(url string, started time.Time) (childResult, error) {
	client := secretsmanager.New(secretsmanager.Options{
		Region:       "us-east-1",
		BaseEndpoint: awssdk.String(url),
		Credentials:  credentials.NewStaticCredentialsProvider("AKIDBENCH", "bench", ""),
	})
	p := secretsmanager.NewListSecretsPaginator(client, &secretsmanager.ListSecretsInput{MaxResults: awssdk.Int32(100)})
	var all []types.SecretListEntry
	var r childResult
	for p.HasMorePages() {
		out, err := p.NextPage(context.Background())
		if err != nil {
			return r, fmt.Errorf("floor: %w", err)
		}
		if r.FirstMs == 0 {
			r.FirstMs = ms(time.Since(started))
		}
		all = append(all, out.SecretList...)
	}
	r.AllMs = ms(time.Since(started))
	r.Rows = len(all)
	return r, nil
}

// countRe finds the list's running count ("loading… 1,200 secrets").
var countRe = regexp.MustCompile(`([\d,]+) secrets?\b`)

// smtuiList runs the real App headlessly (its Cmds in goroutines, their
// messages fed back to Update, frames rendered at most 60 times a second,
// as Bubble Tea does) and watches what each frame shows: the first row,
// then every secret loaded.
func smtuiList(url, cacheDir, mode string, want int, heapProfile string, started time.Time) (childResult, error) {
	var r childResult
	connect := func(ctx context.Context, profile, region string) (aws.Store, error) {
		return aws.Connect(ctx, aws.ConnectOptions{Region: region, EndpointURL: url,
			AccessKeyID: "AKIDBENCH", SecretAccessKey: "bench", CallTimeout: time.Minute})
	}
	opts := ui.Options{Profile: "bench", Regions: []string{"us-east-1"}, ListMode: mode, Connect: connect,
		Clipboard: noClipboard{}}
	var c *cache.Cache
	if cacheDir != "" {
		c = cache.New(cacheDir)
		opts.ListCache = c
	}
	app := ui.New(opts)
	msgs := make(chan tea.Msg, 4096)
	run := func(cmd tea.Cmd) {
		if cmd != nil {
			go func() { msgs <- cmd() }()
		}
	}
	deliver := func(msg tea.Msg) {
		switch m := msg.(type) {
		case nil:
			return
		case tea.BatchMsg:
			for _, c := range m {
				run(c)
			}
			return
		}
		if cmds, ok := sequence(msg); ok {
			go func() {
				for _, c := range cmds {
					if c != nil {
						msgs <- c()
					}
				}
			}()
			return
		}
		_, cmd := app.Update(msg)
		run(cmd)
	}
	deliver(tea.WindowSizeMsg{Width: 120, Height: 40})
	r.AppMs = ms(time.Since(started))
	run(app.Init())
	var lastMsg time.Time // when the last message was received
	deadline := time.After(10 * time.Minute)
	// Bubble Tea renders at most 60 times a second, not after every
	// message; so does this loop.
	frame := time.NewTicker(time.Second / 60)
	defer frame.Stop()
	// Bubble Tea renders the initial View at start, before any message.
	dirty := true
	for {
		select {
		case m := <-msgs:
			lastMsg = time.Now()
			deliver(m)
			dirty = true
			continue
		case <-frame.C:
			if !dirty {
				continue
			}
		case <-deadline:
			return r, fmt.Errorf("smtui: not loaded after 10 minutes")
		}
		dirty = false
		viewStart := time.Now()
		screen := ansi.Strip(app.View().Content)
		viewTook := time.Since(viewStart)
		info := infoLine(screen)
		if strings.Contains(info, "failed") {
			return r, fmt.Errorf("smtui: %s\n%s", strings.TrimSpace(info), screen)
		}
		n := count(info)
		if n > 0 && r.FirstMs == 0 {
			r.FirstMs = ms(time.Since(started))
			r.DataMs, r.FrameMs = ms(lastMsg.Sub(started)), ms(viewTook)
			r.FromCach = strings.Contains(info, "cached")
		}
		if n == want && !strings.ContainsAny(info, "…") && !strings.Contains(info, "cached") {
			r.AllMs = ms(time.Since(started))
			r.Rows = n
			break
		}
	}
	if heapProfile != "" {
		if err := writeHeapProfile(heapProfile); err != nil {
			return r, err
		}
		runtime.KeepAlive(app)
	}
	// Let the cache write (a Cmd after the last page) finish, so the next
	// run starts from it. Only the file's head is read to check: reading
	// the whole file every 10 ms here would add the benchmark's own
	// allocations to the app's peak RSS.
	if c != nil {
		for range 500 {
			if h, err := c.LoadHead(cache.Key{Profile: "bench", Region: "us-east-1"}); err == nil && h.Total == want &&
				time.Since(h.Written) < time.Minute {
				break
			}
			time.Sleep(10 * time.Millisecond)
		}
	}
	return r, nil
}

// infoLine is the list's information line: the first line with a count.
func infoLine(screen string) string {
	for _, line := range strings.Split(screen, "\n") {
		if countRe.MatchString(line) {
			return line
		}
	}
	return ""
}

func count(line string) int {
	m := countRe.FindStringSubmatch(line)
	if m == nil {
		return 0
	}
	n, _ := strconv.Atoi(strings.ReplaceAll(m[1], ",", ""))
	return n
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

// noClipboard is a clipboard the benchmark never uses.
type noClipboard struct{}

func (noClipboard) Available() bool          { return false }
func (noClipboard) WriteAll(string) error    { return nil }
func (noClipboard) ReadAll() (string, error) { return "", nil }
