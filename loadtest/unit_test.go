package loadtest

import (
	"math/rand/v2"
	"os"
	"strings"
	"testing"
	"time"

	"congtac"
)

func TestPercentileIsTheNearestRank(t *testing.T) {
	var s []time.Duration
	for i := 1; i <= 100; i++ {
		s = append(s, time.Duration(i)*time.Millisecond)
	}
	for _, c := range []struct {
		p    float64
		want time.Duration
	}{{50, 50 * time.Millisecond}, {95, 95 * time.Millisecond}, {99, 99 * time.Millisecond}, {100, 100 * time.Millisecond}, {0.5, time.Millisecond}} {
		if got := Percentile(s, c.p); got != c.want {
			t.Errorf("p%v = %v, want %v", c.p, got, c.want)
		}
	}
	if got := Percentile([]time.Duration{7}, 99); got != 7 {
		t.Errorf("p99 of one sample = %v", got)
	}
	if got := Percentile(nil, 50); got != 0 {
		t.Errorf("p50 of none = %v", got)
	}
}

func TestRecorderCountsErrorsAndKeepsExamples(t *testing.T) {
	r := NewRecorder()
	for i := range 10 {
		failure := ""
		if i%2 == 0 {
			failure = "status 500"
		}
		r.Record("GET /tasks", time.Duration(i+1)*time.Millisecond, failure)
	}
	r.Record("GET /", time.Millisecond, "")
	stats := r.Stats()
	if len(stats) != 2 || stats[0].Route != "GET /" || stats[1].Count != 10 || stats[1].Errors != 5 ||
		len(stats[1].Examples) != maxExamples || stats[1].P50 != 5*time.Millisecond {
		t.Errorf("stats = %+v", stats)
	}
	var b strings.Builder
	if err := WriteTable(&b, stats, time.Second); err != nil || !strings.Contains(b.String(), "lỗi (error) GET /tasks: status 500") {
		t.Errorf("table:\n%s", b.String())
	}
}

func TestReadRSSOfThisProcess(t *testing.T) {
	if _, err := os.Stat("/proc/self/status"); err != nil {
		t.Skip("no /proc on this system")
	}
	rss, err := ReadRSS(os.Getpid())
	if err != nil || rss < 1<<20 {
		t.Errorf("ReadRSS = %d, %v; want at least a mebibyte", rss, err)
	}
	if _, err := parseVmRSS(strings.NewReader("Name:\tx\nVmRSS:\t  12 MB\n")); err == nil {
		t.Error("a VmRSS line in MB was read")
	}
	if got, err := parseVmRSS(strings.NewReader("VmRSS:\t  12 kB\n")); got != 12*1024 || err != nil {
		t.Errorf("parseVmRSS = %d, %v", got, err)
	}
}

func TestRegisterGapsNamesMissingAndDoubledNumbers(t *testing.T) {
	docs := []Document{{RegisterID: 1, Number: 1}, {RegisterID: 1, Number: 2}, {RegisterID: 2, Number: 1},
		{RegisterID: 2, Number: 3}, {RegisterID: 3, Number: 1}, {RegisterID: 3, Number: 1}}
	gaps := RegisterGaps(docs)
	if len(gaps) != 2 || !strings.Contains(strings.Join(gaps, ";"), "2×0") || !strings.Contains(strings.Join(gaps, ";"), "1×2") {
		t.Errorf("gaps = %q; want register 2 missing 2 and register 3 doubling 1", gaps)
	}
}

func TestEveryRoleHasAMixOfKnownActions(t *testing.T) {
	for _, r := range congtac.Roles {
		mix := mixOf(r, "")
		if len(mix) == 0 {
			t.Errorf("role %s has no actions", r)
		}
		for _, a := range mix {
			if a.do == nil || a.weight <= 0 {
				t.Errorf("role %s: action %q unknown or without weight", r, a.name)
			}
		}
	}
	rng := rand.New(rand.NewPCG(1, 2))
	counts := map[string]int{}
	mix := mixOf(congtac.RoleReporter, "")
	for range 12000 {
		counts[choose(rng, mix).name]++
	}
	if counts["report"] < 2*counts["report-page"] || counts["home"] == 0 {
		t.Errorf("choices %v do not follow the weights", counts)
	}
	roles, err := Roles(30, "")
	if err != nil || roles[0] != congtac.RoleReporter || roles[8] != congtac.RoleAdmin || roles[24] != roles[0] {
		t.Errorf("Roles(30) = %v, %v", roles, err)
	}
	if _, err := Roles(3, "nothing"); congtac.ErrorCode(err) != congtac.EINVALID {
		t.Errorf("an unknown action: %v; want EINVALID", err)
	}
}
