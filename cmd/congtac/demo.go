package main

import (
	"context"
	"flag"
	"fmt"
	"strings"
	"time"

	"congtac"
	"congtac/demo"
	"congtac/store"
)

// seedDemo writes the demo data set as of today (see package demo): a committee with its
// office, departments and communes, leaders, twelve monthly programs, meetings, reports and
// one account per role with the password "demo". Callers make sure the database is empty
// first: demo accounts must never reach a database with real data.
func seedDemo(ctx context.Context, st *store.Store) error {
	_, err := demo.Seed(ctx, st, congtac.DateOf(time.Now(), congtac.Location()))
	return err
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
	fmt.Fprintf(c.stdout, "Tài khoản mẫu, mật khẩu %q: %s\n", demo.Password, strings.Join(demo.Logins, ", "))
	return nil
}
