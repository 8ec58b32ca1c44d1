package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"runtime/debug"
	"time"

	"congtac/store"
	"congtac/web"
)

// serveCmd runs the web application until ctx is cancelled (SIGINT or SIGTERM in main):
// "congtac serve -addr 127.0.0.1:8080 -db ./congtac.db [-demo]".
type serveCmd struct{}

func (*serveCmd) flags(fs *flag.FlagSet, cfg *Config) {
	cfg.define(fs, "db", "addr", "demo", "log-level", "log-format", "shutdown-timeout", "session-idle",
		"session-max", "secure-cookies", "trusted-proxy", "base-url", "remind", "remind-every")
}

// run opens and migrates the database, seeds demo data when asked and the database is
// empty, then serves until ctx ends and shuts down gracefully, letting requests in flight
// finish within the shutdown timeout.
func (*serveCmd) run(ctx context.Context, c *cli, cfg Config) error {
	log := c.logger(cfg)
	limitMemory(log)
	st, err := openMigrated(ctx, cfg)
	if err != nil {
		return err
	}
	defer st.Close()
	if cfg.Demo {
		if err := seedDemoIfEmpty(ctx, st, log); err != nil {
			return err
		}
	}
	proxies, err := web.ParseTrustedProxies(cfg.TrustedProxy) // checked by Validate
	if err != nil {
		return err
	}
	h, err := web.New(web.Config{SessionIdle: cfg.SessionIdle, SessionMax: cfg.SessionMax,
		SecureCookies: cfg.SecureCookies, TrustedProxies: proxies}, st, log)
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", cfg.Addr)
	if err != nil {
		return fmt.Errorf("không mở được địa chỉ %s (cannot listen): %w", cfg.Addr, err)
	}
	srv := newHTTPServer(h, log)
	log.Info("congtac đang phục vụ (serving)", "url", "http://"+ln.Addr().String(), "db", maskDSN(cfg.DB),
		"engine", st.Engine(), "version", buildVersion())
	warnIfExposed(log, ln.Addr())
	if err := hintFirstAdmin(ctx, st, log, cfg); err != nil {
		return err
	}
	if c.listening != nil {
		c.listening(ln.Addr())
	}
	go sweepSessions(ctx, st, log, time.Hour)
	if cfg.Remind {
		go newRunner(c, cfg, st).Schedule(ctx, cfg.RemindEvery, log)
	}
	return serveUntilDone(ctx, srv, ln, cfg.ShutdownTimeout, log)
}

// serveMemoryLimit is the Go runtime's soft memory limit for serve unless GOMEMLIMIT sets
// another. The heap of a busy server is a few tens of MiB, but a sign-in's 64 MiB of
// argon2id memory or a large export would otherwise let it grow to twice its peak before
// the garbage collector runs and the memory goes back to the system; near the limit the
// collector runs sooner instead. It is soft: a server that needs more gets it.
const serveMemoryLimit = 96 << 20

// limitMemory sets serveMemoryLimit unless the GOMEMLIMIT environment variable is set.
func limitMemory(log *slog.Logger) {
	if os.Getenv("GOMEMLIMIT") != "" {
		return
	}
	debug.SetMemoryLimit(serveMemoryLimit)
	log.Debug("giới hạn bộ nhớ mềm (soft memory limit)", "bytes", serveMemoryLimit)
}

// newHTTPServer returns a server with timeouts that keep slow or idle clients from holding
// connections: headers within 10 s, a whole request within 60 s.
func newHTTPServer(h http.Handler, log *slog.Logger) *http.Server {
	return &http.Server{
		Handler:           h,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       60 * time.Second,
		WriteTimeout:      120 * time.Second,
		IdleTimeout:       120 * time.Second,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(log.Handler(), slog.LevelWarn),
	}
}

// serveUntilDone serves on ln until ctx ends, then shuts down, waiting at most timeout for
// requests in flight before closing their connections.
func serveUntilDone(ctx context.Context, srv *http.Server, ln net.Listener, timeout time.Duration, log *slog.Logger) error {
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return fmt.Errorf("phục vụ web (serve): %w", err)
	case <-ctx.Done():
	}
	log.Info("đang dừng (shutting down)", "timeout", timeout)
	sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), timeout)
	defer cancel()
	err := srv.Shutdown(sctx)
	if err != nil {
		srv.Close()
		err = fmt.Errorf("dừng web (shutdown): %w", err)
	}
	if serr := <-errc; !errors.Is(serr, http.ErrServerClosed) {
		err = errors.Join(err, serr)
	}
	log.Info("đã dừng (stopped)")
	return err
}

// seedDemoIfEmpty seeds demo data unless the database already has data, which it leaves
// alone: "serve -demo" is run again and again on the same file.
func seedDemoIfEmpty(ctx context.Context, st *store.Store, log *slog.Logger) error {
	full, err := hasData(ctx, st)
	if err != nil {
		return err
	}
	if full {
		log.Info("cơ sở dữ liệu đã có dữ liệu, không nạp dữ liệu mẫu (database not empty, demo data skipped)")
		return nil
	}
	if err := seedDemo(ctx, st); err != nil {
		return fmt.Errorf("nạp dữ liệu mẫu (seed demo data): %w", err)
	}
	log.Info("đã nạp dữ liệu mẫu (demo data seeded)")
	return nil
}

// warnIfExposed warns when the server listens beyond the loopback interface: passwords and
// session cookies then travel the network, which only HTTPS in front of congtac protects.
func warnIfExposed(log *slog.Logger, addr net.Addr) {
	tcp, ok := addr.(*net.TCPAddr)
	if ok && tcp.IP.IsLoopback() {
		return
	}
	log.Warn("đang nghe ngoài máy này: hãy đặt congtac sau HTTPS và dùng -secure-cookies để mật khẩu, phiên đăng nhập không bị lộ " +
		"(listening beyond loopback: put congtac behind HTTPS and pass -secure-cookies)")
}

// hintFirstAdmin logs how to create the first account when the database has none: there is
// never a default password, so someone has to make the administrator.
func hintFirstAdmin(ctx context.Context, st *store.Store, log *slog.Logger, cfg Config) error {
	users, err := st.FindUsers(ctx)
	if err != nil || len(users) > 0 {
		return err
	}
	log.Warn("chưa có tài khoản nào; tạo quản trị viên đầu tiên bằng lệnh (no account yet; create the first administrator)",
		"command", fmt.Sprintf("congtac user add -db %s -login admin -role admin -org-name \"Ủy ban nhân dân …\" -name \"…\"", maskDSN(cfg.DB)))
	return nil
}

// sweepSessions deletes expired sessions every interval until ctx ends. With several
// instances on PostgreSQL each sweeps; the deletes are idempotent.
func sweepSessions(ctx context.Context, st *store.Store, log *slog.Logger, interval time.Duration) {
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			if n, err := st.DeleteExpiredSessions(ctx); err != nil {
				log.Error("xóa phiên hết hạn (sweep sessions)", "err", err)
			} else if n > 0 {
				log.Debug("đã xóa phiên hết hạn (sessions swept)", "count", n)
			}
		}
	}
}
