package main

import (
	"context"
	"flag"
	"fmt"
	"time"

	"congtac/store"
	"congtac/synth"
)

// genCmd fills an empty database with a synthetic data set for benchmarks and load tests:
// "congtac gen -db PATH -seed N -scale province|small". The same seed gives the same data.
type genCmd struct {
	seed  uint64
	scale string
}

func (g *genCmd) flags(fs *flag.FlagSet, cfg *Config) {
	cfg.define(fs, "db")
	fs.Uint64Var(&g.seed, "seed", 1, "hạt giống ngẫu nhiên; cùng hạt giống cho cùng dữ liệu (random seed)")
	fs.StringVar(&g.scale, "scale", "small", "quy mô: small (thử nhanh) hoặc province (cả tỉnh: 200.000 nhiệm vụ, 1.000.000 báo cáo) (data set size)")
}

func (g *genCmd) run(ctx context.Context, c *cli, cfg Config) error {
	scale, err := synth.ScaleNamed(g.scale)
	if err != nil {
		return err
	}
	st, err := openMigrated(ctx, cfg)
	if err != nil {
		return err
	}
	defer st.Close()
	full, err := hasData(ctx, st)
	if err != nil {
		return err
	}
	if full {
		return fmt.Errorf("cơ sở dữ liệu %s đã có dữ liệu; gen cần một cơ sở dữ liệu trống (the database is not empty)", maskDSN(cfg.DB))
	}
	start := time.Now()
	stats, err := runGen(ctx, st, synth.Config{Seed: g.seed, Scale: scale})
	if err != nil {
		return err
	}
	fmt.Fprintf(c.stdout, "Đã sinh dữ liệu quy mô %s, hạt giống %d, trong %s:\n"+
		"  %d cơ quan, %d người, %d chương trình, %d nhiệm vụ, %d báo cáo\n"+
		"  (%d orgs, %d people, %d programs, %d tasks, %d reports)\n",
		scale.Name, g.seed, time.Since(start).Round(time.Millisecond),
		stats.Orgs, stats.People, stats.Programs, stats.Tasks, stats.Reports,
		stats.Orgs, stats.People, stats.Programs, stats.Tasks, stats.Reports)
	return nil
}

// runGen writes the data set; it is the one call into package synth.
func runGen(ctx context.Context, st *store.Store, cfg synth.Config) (synth.Stats, error) {
	return synth.Generate(ctx, st, cfg)
}
