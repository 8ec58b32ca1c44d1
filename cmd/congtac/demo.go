package main

import (
	"context"
	"flag"
	"fmt"

	"congtac/store"
)

// seedDemo writes the demo data set: a committee with its office, departments and
// communes, leaders, twelve monthly programs, meetings, reports and one account per role
// with the password "demo". Callers make sure the database is empty first: demo accounts
// must never reach a database with real data.
func seedDemo(ctx context.Context, st *store.Store) error {
	// TODO: the demo data set is being written in its own package; wire it here.
	return nil
}

// demoCmd seeds demo data into an empty database and exits: "congtac demo".
type demoCmd struct{}

func (*demoCmd) flags(fs *flag.FlagSet, cfg *Config) { cfg.define(fs, "db") }

// run refuses a database that already has data, since demo accounts have a known password.
func (*demoCmd) run(ctx context.Context, c *cli, cfg Config) error {
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
		return fmt.Errorf("cơ sở dữ liệu %s đã có dữ liệu; dữ liệu mẫu chỉ nạp vào cơ sở dữ liệu trống "+
			"(the database is not empty)", maskDSN(cfg.DB))
	}
	if err := seedDemo(ctx, st); err != nil {
		return fmt.Errorf("nạp dữ liệu mẫu (seed demo data): %w", err)
	}
	fmt.Fprintf(c.stdout, "Đã nạp dữ liệu mẫu vào %s (demo data seeded).\n", maskDSN(cfg.DB))
	return nil
}
