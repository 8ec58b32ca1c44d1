package main

import (
	"context"
	"flag"
	"fmt"
	"net"
	"strings"

	"congtac/remind"
	"congtac/store"
)

// remindCmd runs the reminders: "congtac remind -once [-dry-run] -db … -base-url …" once,
// from cron beside "serve -remind=false"; without -once on a schedule until interrupted.
// It prints what it recorded and sent, or with -dry-run what it would.
type remindCmd struct {
	once, dryRun bool
}

func (r *remindCmd) flags(fs *flag.FlagSet, cfg *Config) {
	fs.BoolVar(&r.once, "once", false, "chạy một lần rồi dừng, như khi chạy bằng cron (run once)")
	fs.BoolVar(&r.dryRun, "dry-run", false, "chỉ in những gì sẽ ghi và gửi, không ghi, không gửi (print what would be done)")
	cfg.define(fs, "db", "addr", "base-url", "remind-every", "log-level", "log-format")
}

func (r *remindCmd) run(ctx context.Context, c *cli, cfg Config) error {
	if r.dryRun && !r.once {
		return usagef("-dry-run chỉ dùng cùng -once (-dry-run needs -once)")
	}
	st, err := openMigrated(ctx, cfg)
	if err != nil {
		return err
	}
	defer st.Close()
	runner := newRunner(c, cfg, st)
	runner.Out = c.stdout
	if !r.once {
		runner.Schedule(ctx, cfg.RemindEvery, c.logger(cfg))
		return nil
	}
	_, err = runner.Run(ctx, r.dryRun)
	if err != nil {
		return fmt.Errorf("nhắc việc (reminders): %w", err)
	}
	return nil
}

// newRunner returns the reminder runner of st with the CLI's clock and the links of mails
// to cfg.BaseURL, or to the listening address when none is set.
func newRunner(c *cli, cfg Config, st *store.Store) *remind.Runner {
	st.SetClock(c.now())
	return &remind.Runner{Store: st, Clock: c.now(), Base: baseURL(cfg)}
}

// baseURL returns the address the links of mails start with: -base-url, or the address
// serve listens on.
func baseURL(cfg Config) string {
	if cfg.BaseURL != "" {
		return strings.TrimRight(cfg.BaseURL, "/")
	}
	host, port, err := net.SplitHostPort(cfg.Addr)
	if err != nil || host == "" || host == "0.0.0.0" || host == "::" {
		host = "localhost"
	}
	return "http://" + net.JoinHostPort(host, port)
}
