package store

import (
	"context"
	"crypto/sha256"
	"fmt"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
)

// Counts that lists show over many rows (the tasks in force by status, the reports of a
// province), and the whole lists of orgs, people and posts that nearly every page reads,
// are kept in memory with the change counters of the tables they read (migrations 0016
// and 0017: every change to those tables moves a counter in its own transaction), and used
// again only while the counters have not moved. The counters are read before the result
// is made, in its snapshot when there is one, so a result kept under a counter value never
// predates a change that value includes: with several instances on one database, or a
// program writing beside the server, no instance shows a result that another's write has
// made wrong.

// Change counters: the column of change_counts that the changes to a set of tables move.
const (
	tasksChanged   = "tasks"   // tasks, task_supports, task_occurrences, task_status_spans, programs
	reportsChanged = "reports" // reports
	orgsChanged    = "orgs"    // orgs
	peopleChanged  = "people"  // people, posts
)

// maxKept is how many results a store keeps; when full, it forgets them all.
const maxKept = 4096

// keptResults holds the results a store keeps, by the hash of their query and counters.
type keptResults struct {
	mu      sync.Mutex
	entries map[[sha256.Size]byte]keptResult
	used    atomic.Int64 // how many times a kept result was used, for tests and benchmarks
}

// keptResult is a result with the sum of its counters when it was made.
type keptResult struct {
	changes int64
	value   any
}

// get returns the value kept for key when it was made at changes.
func (k *keptResults) get(key [sha256.Size]byte, changes int64) (any, bool) {
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
func (k *keptResults) put(key [sha256.Size]byte, changes int64, value any) {
	k.mu.Lock()
	defer k.mu.Unlock()
	if k.entries == nil || len(k.entries) >= maxKept {
		k.entries = make(map[[sha256.Size]byte]keptResult)
	}
	k.entries[key] = keptResult{changes, value}
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

// keptOf returns what count computes for query c, which reads only the tables of
// counters: the value kept from an earlier call when the counters, read through q, have
// not moved since, and otherwise count's answer, kept for the next call. The value is
// shared by every caller: they must not change it (copy a map or slice before handing
// it out).
func keptOf[V any](ctx context.Context, s *Store, q queryer, counters []string, c query, count func() (V, error)) (V, error) {
	changes, err := changesOf(ctx, q, counters)
	if err != nil {
		var zero V
		return zero, err
	}
	key := keptKey(counters, c)
	if v, ok := s.kept.get(key, changes); ok {
		return v.(V), nil
	}
	v, err := count()
	if err == nil {
		s.kept.put(key, changes, v)
	}
	return v, err
}

// keptKey identifies a result by its counters, statement and arguments.
func keptKey(counters []string, c query) [sha256.Size]byte {
	var b strings.Builder
	b.WriteString(strings.Join(counters, ","))
	b.WriteByte(0)
	b.WriteString(c.sql)
	for _, a := range c.args {
		fmt.Fprintf(&b, "\x00%T:%v", a, a)
	}
	return sha256.Sum256([]byte(b.String()))
}

// keptRows returns the rows of c as scan reads them through s.read, in the order that
// sorted (when not nil) gives them, kept under counters as [keptOf] keeps a result: the
// whole lists that nearly every page reads. Each caller gets its own copy of the slice;
// what its elements share (a post's sectors) callers only read.
func keptRows[T any](ctx context.Context, s *Store, counters []string, c query, scan func(scanner) (T, error), sorted func([]T)) ([]T, error) {
	rows, err := keptOf(ctx, s, s.read, counters, c, func() ([]T, error) {
		rows, err := readRows(ctx, s.read, c, scan)
		if err == nil && sorted != nil {
			sorted(rows)
		}
		return rows, err
	})
	return slices.Clone(rows), err
}

// readRows returns the rows of c as scan reads them through q.
func readRows[T any](ctx context.Context, q queryer, c query, scan func(scanner) (T, error)) ([]T, error) {
	rows, err := q.QueryContext(ctx, c.sql, c.args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []T
	for rows.Next() {
		v, err := scan(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}
