package store

import (
	"context"
	"crypto/sha256"
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
)

// Counts that lists show over many rows (the tasks in force by status, the reports of a
// province) are kept in memory with the change counters of the tables they read
// (migration 0016: every change to those tables moves a counter in its own transaction),
// and used again only while the counters have not moved. The counters are read in the
// snapshot the count would be made in, before it, so a count kept under a counter value
// never predates a change that value includes: with several instances on one database,
// or a program writing beside the server, no instance shows a count that another's write
// has made wrong.

// Change counters: the column of change_counts that the changes to a set of tables move.
const (
	tasksChanged   = "tasks"   // tasks, task_supports, task_occurrences, task_status_spans, programs
	reportsChanged = "reports" // reports
	orgsChanged    = "orgs"    // orgs
)

// maxKeptCounts is how many counts a store keeps; when full, it forgets them all.
const maxKeptCounts = 4096

// keptCounts holds the counts of a store, by the hash of their query and counters.
type keptCounts struct {
	mu      sync.Mutex
	entries map[[sha256.Size]byte]keptCount
	used    atomic.Int64 // how many times a kept count was used, for tests and benchmarks
}

// keptCount is a count with the sum of its counters when it was made.
type keptCount struct {
	changes int64
	value   any
}

// get returns the value kept for key when it was made at changes.
func (k *keptCounts) get(key [sha256.Size]byte, changes int64) (any, bool) {
	k.mu.Lock()
	defer k.mu.Unlock()
	e, ok := k.entries[key]
	if !ok || e.changes != changes {
		return nil, false
	}
	k.used.Add(1)
	return e.value, true
}

// put keeps value for key, made at changes.
func (k *keptCounts) put(key [sha256.Size]byte, changes int64, value any) {
	k.mu.Lock()
	defer k.mu.Unlock()
	if k.entries == nil || len(k.entries) >= maxKeptCounts {
		k.entries = make(map[[sha256.Size]byte]keptCount)
	}
	k.entries[key] = keptCount{changes, value}
}

// changesOf returns the sum of the named counters (columns of change_counts) as q sees them.
func changesOf(ctx context.Context, q queryer, counters []string) (int64, error) {
	sums := make([]string, len(counters))
	for i, c := range counters {
		sums[i] = "coalesce(sum(" + c + "), 0)" // names are the constants above, never input
	}
	var n int64
	err := q.QueryRowContext(ctx, "SELECT "+strings.Join(sums, " + ")+" FROM change_counts").Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("store: change counters: %w", err)
	}
	return n, nil
}

// keptCountOf returns what count computes for query c, which reads only the tables of
// counters: the value kept from an earlier call when the counters, read through q, have
// not moved since, and otherwise count's answer, kept for the next call. count must return
// a value its callers do not change (copy a map before handing it out).
func keptCountOf[V any](ctx context.Context, s *Store, q queryer, counters []string, c query, count func() (V, error)) (V, error) {
	changes, err := changesOf(ctx, q, counters)
	if err != nil {
		var zero V
		return zero, err
	}
	key := countKey(counters, c)
	if v, ok := s.counts.get(key, changes); ok {
		return v.(V), nil
	}
	v, err := count()
	if err == nil {
		s.counts.put(key, changes, v)
	}
	return v, err
}

// countKey identifies a count by its counters, statement and arguments.
func countKey(counters []string, c query) [sha256.Size]byte {
	var b strings.Builder
	b.WriteString(strings.Join(counters, ","))
	b.WriteByte(0)
	b.WriteString(c.sql)
	for _, a := range c.args {
		fmt.Fprintf(&b, "\x00%T:%v", a, a)
	}
	return sha256.Sum256([]byte(b.String()))
}
