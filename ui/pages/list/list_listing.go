package list

import (
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/smtui/smtui/aws"
	"github.com/smtui/smtui/ui/common"
)

// restart drops what is loaded and lists again with the current options.
func (l *Screen) restart() tea.Cmd {
	if l.Store == nil {
		return l.refresh()
	}
	l.Table.Reset()
	l.replChecked = nil
	l.dropCache()
	return l.refresh()
}

// refresh lists again with the current options. Rows shown from the cache
// stay while the listing runs: the listing updates them in place, adds the
// new ones and, once complete, drops the ones that are gone.
func (l *Screen) refresh() tea.Cmd {
	if l.Store == nil {
		if l.Connecting {
			return nil
		}
		return common.Ask(common.ReconnectMsg{})
	}
	l.stopLoading()
	l.Seq++
	if !l.fromCache {
		l.Table.Reset()
		l.replChecked = nil
	}
	l.arrival = nil // what this listing returns, counted afresh
	l.LoadErr = nil
	l.Pages = 0
	l.Complete, l.Stopped = false, false
	l.Loading = true
	mode := l.env.ListMode
	if mode == "" {
		mode = ModeSequential
	}
	opts := l.ListOpts
	opts.NoReplicationStatus = true // checked for the rows on screen only
	s, cmd := newStream(l.Store, opts, mode)
	l.stream = s
	l.Mode = s.mode
	return tea.Batch(cmd, l.spin.Tick)
}

// dropCache forgets that the rows came from the cache.
func (l *Screen) dropCache() {
	l.fromCache, l.arrival = false, nil
	l.cachedAt = time.Time{}
}

// stopLoading cancels the listing in flight, if any.
func (l *Screen) stopLoading() {
	if l.stream != nil {
		l.stream.stop()
		l.stream = nil
	}
	l.Loading = false
}

// batchArrived adds a batch of the listing and waits for the next one; at
// the end of a complete listing it writes the cache.
func (l *Screen) batchArrived(msg listBatchMsg) tea.Cmd {
	l.Mode = msg.stream.mode
	var seen tea.Cmd
	if len(msg.secrets) > 0 {
		l.Pages++
		l.liveBatch(msg.secrets)
		l.keepReplication(msg.secrets)
		rows := l.rowsOf(l.unchanged(msg.secrets))
		if l.Mode == ModePartitioned || l.fromCache {
			// Partitions arrive out of order, and a refresh over cached
			// rows must not append new ones after the old: merge in the
			// list's order.
			l.Table.Merge(rows, listOrder(l.ListOpts))
		} else {
			l.Table.Add(rows)
		}
		seen = accountSeen(l.env, aws.SecretPage{Secrets: msg.secrets})
	}
	if msg.err != nil {
		l.stream = nil
		l.Loading = false
		l.LoadErr = msg.err
		return tea.Batch(seen, l.failedLoad(msg.err))
	}
	if !msg.done {
		return tea.Batch(seen, l.stream.wait(), l.checkReplication())
	}
	l.stream = nil
	l.Loading = false
	l.Complete = true
	l.reconcile(l.Mode)
	return tea.Batch(seen, l.saveCache(), l.checkReplication())
}

// pageArrived takes in a page delivered as a SecretsPageMsg (the
// benchmarks and tests feed the list this way): its rows, or its error.
func (l *Screen) pageArrived(msg SecretsPageMsg) tea.Cmd {
	if msg.Err != nil {
		l.stopLoading()
		l.LoadErr = msg.Err
		return l.failedLoad(msg.Err)
	}
	l.Pages++
	l.Table.Add(l.rowsOf(msg.Page.Secrets))
	seen := accountSeen(l.env, msg.Page)
	if msg.Page.NextToken == "" {
		l.stopLoading()
		l.Complete = true
	}
	return seen
}
