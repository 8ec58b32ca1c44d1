// Package synth builds synthetic but realistic data sets for benchmarks and load tests: a
// province committee, its departments and agencies, communes, leaders, monthly programs with
// tasks of every kind, and progress reports. The same seed always gives the same data.
package synth

import (
	"context"
	"fmt"
	"math/rand/v2"
	"time"

	"congtac"
	"congtac/store"
)

// Scale is the size of a data set.
type Scale struct {
	Name     string
	Communes int // communes, each issuing its own programs
	Orgs     int // organisations in all, communes included
	Programs int
	Tasks    int
	Reports  int
}

// Province is the scale of a whole province after the 2025 reform: one province committee,
// 100 communes, 300 organisations, 5,000 programs, 200,000 tasks and 1,000,000 reports.
var Province = Scale{Name: "province", Communes: 100, Orgs: 300, Programs: 5000, Tasks: 200000, Reports: 1000000}

// Small is a data set for quick tests.
var Small = Scale{Name: "small", Communes: 5, Orgs: 30, Programs: 60, Tasks: 1500, Reports: 5000}

// ScaleNamed returns the scale called name ("province" or "small").
func ScaleNamed(name string) (Scale, error) {
	for _, s := range []Scale{Province, Small} {
		if s.Name == name {
			return s, nil
		}
	}
	return Scale{}, congtac.Errorf(congtac.EINVALID, "Quy mô %q không có; dùng province hoặc small.", name)
}

// Config says what to generate.
type Config struct {
	Seed  uint64
	Scale Scale
	// End is the last month with programs; the data set covers the months before it.
	// Zero means November 2026.
	End congtac.Period
}

// Stats counts what was generated.
type Stats struct {
	Orgs, People, Programs, Tasks, Reports int
	Committees                             []int64 // issuing orgs: the province committee first, then the communes
	Months                                 []congtac.Period
}

// Generate writes a data set into st through [store.Store.Load]. It is deterministic for a
// given Config and expects a database without orgs (it does not check).
func Generate(ctx context.Context, st *store.Store, cfg Config) (Stats, error) {
	if cfg.End.Kind == "" {
		cfg.End = congtac.Period{Kind: congtac.PeriodMonth, Year: 2026, Number: 11}
	}
	g := &generator{cfg: cfg, rng: rand.New(rand.NewPCG(cfg.Seed, cfg.Seed^0x9e3779b97f4a7c15))}
	err := st.Load(ctx, congtac.System, func(l *store.Loader) error {
		g.l = l
		if err := g.orgs(); err != nil {
			return err
		}
		if err := g.people(); err != nil {
			return err
		}
		return g.programs()
	})
	if err != nil {
		return g.stats, fmt.Errorf("synth: %w", err)
	}
	return g.stats, nil
}

// generator holds the state of one generation.
type generator struct {
	cfg   Config
	rng   *rand.Rand
	l     *store.Loader
	stats Stats

	province   congtac.Org
	office     congtac.Org
	depts      []congtac.Org // departments, agencies and mass organisations of the province
	communes   []congtac.Org
	units      map[int64][]congtac.Org // a commune's own units
	leaders    map[int64][]int64       // person IDs of each committee's chair and vice chairs
	reportLeft int
	taskLeft   int
}

func (g *generator) pick(n int) int { return g.rng.IntN(n) }

func (g *generator) chance(p float64) bool { return g.rng.Float64() < p }

// months returns the n months that end with cfg.End, oldest first.
func (g *generator) months(n int) []congtac.Period {
	out := make([]congtac.Period, n)
	p := g.cfg.End
	for i := n - 1; i >= 0; i-- {
		out[i] = p
		p = p.Prev()
	}
	return out
}

func at(d congtac.Date) time.Time { return d.In(congtac.Location(), 9, 0) }
