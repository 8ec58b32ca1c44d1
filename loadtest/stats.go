package loadtest

import (
	"cmp"
	"fmt"
	"io"
	"math"
	"slices"
	"sync"
	"text/tabwriter"
	"time"
)

// Recorder collects the outcome of every request by route ("GET /tasks",
// "POST /api/v1/reports"). It is safe for concurrent use. The zero value is not usable;
// call [NewRecorder].
type Recorder struct {
	mu     sync.Mutex
	routes map[string]*routeSamples
}

// routeSamples is what one route has seen: every latency (kept whole, so that percentiles
// are exact) and the failures with a few examples.
type routeSamples struct {
	latencies []time.Duration
	errors    int
	examples  []string
}

// maxExamples is how many failure descriptions a route keeps for the report.
const maxExamples = 3

// NewRecorder returns an empty recorder.
func NewRecorder() *Recorder { return &Recorder{routes: map[string]*routeSamples{}} }

// Record adds one request of route that took d; failure is "" for a success, else what went
// wrong ("status 500", "connection refused"). A failed request counts in the latencies too.
func (r *Recorder) Record(route string, d time.Duration, failure string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	s := r.routes[route]
	if s == nil {
		s = &routeSamples{}
		r.routes[route] = s
	}
	s.latencies = append(s.latencies, d)
	if failure != "" {
		s.errors++
		if len(s.examples) < maxExamples {
			s.examples = append(s.examples, failure)
		}
	}
}

// RouteStats is the summary of one route.
type RouteStats struct {
	Route         string
	Count, Errors int
	P50, P95, P99 time.Duration
	Max           time.Duration
	Examples      []string // up to three failures, as recorded
}

// Stats returns the summary of every route, sorted by route.
func (r *Recorder) Stats() []RouteStats {
	r.mu.Lock()
	defer r.mu.Unlock()
	out := make([]RouteStats, 0, len(r.routes))
	for route, s := range r.routes {
		lat := slices.Clone(s.latencies)
		slices.Sort(lat)
		out = append(out, RouteStats{Route: route, Count: len(lat), Errors: s.errors,
			P50: Percentile(lat, 50), P95: Percentile(lat, 95), P99: Percentile(lat, 99),
			Max: Percentile(lat, 100), Examples: slices.Clone(s.examples)})
	}
	slices.SortFunc(out, func(a, b RouteStats) int { return cmp.Compare(a.Route, b.Route) })
	return out
}

// Percentile returns the p-th percentile (0 < p ≤ 100) of sorted by the nearest-rank
// method: the smallest sample that at least p percent of the samples do not exceed. It
// returns 0 for no samples.
func Percentile(sorted []time.Duration, p float64) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	rank := int(math.Ceil(float64(len(sorted)) * p / 100))
	return sorted[min(max(rank, 1), len(sorted))-1]
}

// Totals adds up the counts and errors of stats.
func Totals(stats []RouteStats) (count, errors int) {
	for _, s := range stats {
		count += s.Count
		errors += s.Errors
	}
	return count, errors
}

// WriteTable prints stats as a table, one route a line, with the rate over elapsed, then
// the failures' examples. The headings are Vietnamese with the English beneath.
func WriteTable(w io.Writer, stats []RouteStats, elapsed time.Duration) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "đường dẫn\tsố yêu cầu\tlỗi\tyêu cầu/giây\tp50 ms\tp95 ms\tp99 ms\tmax ms\t")
	fmt.Fprintln(tw, "(route)\t(count)\t(errors)\t(req/s)\t\t\t\t\t")
	for _, s := range stats {
		fmt.Fprintf(tw, "%s\t%d\t%d\t%.1f\t%s\t%s\t%s\t%s\t\n", s.Route, s.Count, s.Errors,
			rate(s.Count, elapsed), ms(s.P50), ms(s.P95), ms(s.P99), ms(s.Max))
	}
	count, errors := Totals(stats)
	fmt.Fprintf(tw, "tổng (total)\t%d\t%d\t%.1f\t\t\t\t\t\n", count, errors, rate(count, elapsed))
	if err := tw.Flush(); err != nil {
		return err
	}
	for _, s := range stats {
		for _, e := range s.Examples {
			fmt.Fprintf(w, "  lỗi (error) %s: %s\n", s.Route, e)
		}
	}
	return nil
}

func rate(n int, d time.Duration) float64 {
	if d <= 0 {
		return 0
	}
	return float64(n) / d.Seconds()
}

// ms formats d in milliseconds with one decimal.
func ms(d time.Duration) string { return fmt.Sprintf("%.1f", float64(d)/float64(time.Millisecond)) }
