package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"net"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"congtac/store"
	"congtac/web"
)

// Config is the configuration of one run: where the data is, where to listen, how to log.
// It is built from flags, then CONGTAC_* environment variables for the flags not given on
// the command line, then defaults; a flag given on the command line wins over the
// environment. Settings that staff change at run time live in the database, not here.
type Config struct {
	DB              string        // -db: an SQLite file path or a postgres:// URL
	Addr            string        // -addr: host:port the web server listens on
	Demo            bool          // -demo: seed demo data when the database has none
	LogLevel        slog.Level    // -log-level: debug, info, warn or error
	LogFormat       string        // -log-format: text or json
	ShutdownTimeout time.Duration // -shutdown-timeout: how long serve waits for requests in flight
	SessionIdle     time.Duration // -session-idle: a session unused this long ends
	SessionMax      time.Duration // -session-max: any session ends this long after sign-in
	SecureCookies   bool          // -secure-cookies: send the session cookie over HTTPS only
	TrustedProxy    string        // -trusted-proxy: proxies whose X-Forwarded-For names the client (addresses or CIDRs)
	BaseURL         string        // -base-url: the address users open, for the links of reminder mail
	Remind          bool          // -remind: serve runs the reminders on a schedule
	RemindEvery     time.Duration // -remind-every: how often the reminders run

	defined []string          // the configuration flags of this command, in definition order
	origins map[string]string // flag name → "flag", "env" or "default"
}

// Where a value came from.
const (
	fromFlag    = "flag"
	fromEnv     = "env"
	fromDefault = "default"
)

// settingNames lists every configuration flag in the order config prints them.
func settingNames() []string {
	return []string{"db", "addr", "demo", "log-level", "log-format", "shutdown-timeout", "session-idle",
		"session-max", "secure-cookies", "trusted-proxy", "base-url", "remind", "remind-every"}
}

// defaultConfig returns the configuration before flags and environment: a local SQLite
// file and a loopback address, so that nothing is exposed by default.
func defaultConfig() *Config {
	return &Config{DB: "./congtac.db", Addr: "127.0.0.1:8080", LogLevel: slog.LevelInfo,
		LogFormat: "text", ShutdownTimeout: 15 * time.Second, SessionIdle: web.DefaultSessionIdle,
		SessionMax: web.DefaultSessionMax, Remind: true, RemindEvery: 10 * time.Minute, origins: map[string]string{}}
}

// envName returns the environment variable of a configuration flag: -log-level is
// CONGTAC_LOG_LEVEL.
func envName(flagName string) string {
	return "CONGTAC_" + strings.ToUpper(strings.ReplaceAll(flagName, "-", "_"))
}

// define adds the named configuration flags to fs, bound to c's fields. An unknown name is
// a programming error and panics.
func (c *Config) define(fs *flag.FlagSet, names ...string) {
	for _, name := range names {
		switch name {
		case "db":
			fs.StringVar(&c.DB, name, c.DB, "tệp SQLite hoặc URL postgres://… (SQLite file or PostgreSQL URL)")
		case "addr":
			fs.StringVar(&c.Addr, name, c.Addr, "địa chỉ máy:cổng để phục vụ web (listen address host:port)")
		case "demo":
			fs.BoolVar(&c.Demo, name, c.Demo, "nạp dữ liệu mẫu nếu cơ sở dữ liệu chưa có dữ liệu (seed demo data into an empty database)")
		case "log-level":
			fs.TextVar(&c.LogLevel, name, c.LogLevel, "mức ghi nhật ký: debug, info, warn, error (log level)")
		case "log-format":
			fs.StringVar(&c.LogFormat, name, c.LogFormat, "dạng nhật ký: text hoặc json (log format)")
		case "shutdown-timeout":
			fs.DurationVar(&c.ShutdownTimeout, name, c.ShutdownTimeout, "thời gian chờ các yêu cầu đang xử lý khi dừng (graceful shutdown timeout)")
		case "session-idle":
			fs.DurationVar(&c.SessionIdle, name, c.SessionIdle, "phiên đăng nhập không dùng quá thời gian này thì kết thúc (idle session timeout)")
		case "session-max":
			fs.DurationVar(&c.SessionMax, name, c.SessionMax, "phiên đăng nhập kết thúc sau thời gian này kể từ khi đăng nhập (absolute session timeout)")
		case "secure-cookies":
			fs.BoolVar(&c.SecureCookies, name, c.SecureCookies, "chỉ gửi cookie phiên qua HTTPS; bật khi người dùng truy cập bằng HTTPS (Secure session cookie)")
		case "trusted-proxy":
			fs.StringVar(&c.TrustedProxy, name, c.TrustedProxy, "địa chỉ IP hoặc dải CIDR của máy chủ proxy tin cậy, cách nhau bằng dấu phẩy; chỉ tin X-Forwarded-For từ các máy này (trusted reverse proxies)")
		case "base-url":
			fs.StringVar(&c.BaseURL, name, c.BaseURL, "địa chỉ người dùng mở ứng dụng, dùng cho liên kết trong thư nhắc việc, ví dụ https://congtac.ubnd.gov.vn (public base URL)")
		case "remind":
			fs.BoolVar(&c.Remind, name, c.Remind, "chạy nhắc việc theo lịch trong serve; -remind=false khi đã chạy congtac remind bằng cron (run reminders on a schedule)")
		case "remind-every":
			fs.DurationVar(&c.RemindEvery, name, c.RemindEvery, "khoảng cách giữa hai lần chạy nhắc việc (reminder interval)")
		default:
			panic("congtac: unknown configuration flag " + name)
		}
		c.defined = append(c.defined, name)
	}
}

// isSetting reports whether name is a configuration flag of this command.
func (c *Config) isSetting(name string) bool { return slices.Contains(c.defined, name) }

// load gives each configuration flag not set on the command line the value of its
// environment variable, if that is set and not empty, and records where every value came
// from. Call it after fs.Parse. A value the flag cannot parse is a usage error naming the
// variable.
func (c *Config) load(fs *flag.FlagSet, lookupEnv func(string) (string, bool)) error {
	given := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { given[f.Name] = true })
	for _, name := range c.defined {
		if given[name] {
			c.origins[name] = fromFlag
			continue
		}
		c.origins[name] = fromDefault
		v, ok := lookupEnv(envName(name))
		if !ok || v == "" {
			continue
		}
		if err := fs.Set(name, v); err != nil {
			return usagef("biến môi trường %s=%q không hợp lệ (invalid environment variable): %v",
				envName(name), maskDSN(v), err)
		}
		c.origins[name] = fromEnv
	}
	return nil
}

// source names where a configuration value came from, for messages: "-addr" or
// "CONGTAC_ADDR".
func (c *Config) source(name string) string {
	if c.origins[name] == fromEnv {
		return envName(name)
	}
	return "-" + name
}

// Validate checks every field and returns all problems at once, each naming the flag or
// environment variable it came from. Problems are usage errors (exit status 2).
func (c *Config) Validate() error {
	var errs []error
	if strings.TrimSpace(c.DB) == "" {
		errs = append(errs, usagef("%s trống: cần đường dẫn tệp SQLite hoặc URL postgres:// (empty database)", c.source("db")))
	} else if store.IsPostgres(c.DB) {
		if _, err := url.Parse(c.DB); err != nil {
			// The parse error would repeat the URL, password included: say nothing of it.
			errs = append(errs, usagef("%s: URL PostgreSQL không hợp lệ, ví dụ postgres://nguoidung@may:5432/congtac (invalid PostgreSQL URL)", c.source("db")))
		}
	}
	if err := checkAddr(c.Addr); err != nil {
		errs = append(errs, usagef("%s=%q không hợp lệ: %v; ví dụ 127.0.0.1:8080 (invalid listen address)", c.source("addr"), c.Addr, err))
	}
	if c.isSetting("session-idle") && (c.SessionIdle < time.Minute || c.SessionMax < c.SessionIdle) {
		errs = append(errs, usagef("%s và %s: thời gian phiên tối thiểu 1 phút và thời hạn tối đa không nhỏ hơn thời gian chờ (invalid session timeouts)",
			c.source("session-idle"), c.source("session-max")))
	}
	if _, err := web.ParseTrustedProxies(c.TrustedProxy); err != nil {
		errs = append(errs, usagef("%s không hợp lệ: %v; ví dụ 10.0.0.5 hoặc 10.0.0.0/24 (invalid trusted proxy)", c.source("trusted-proxy"), err))
	}
	if c.LogFormat != "text" && c.LogFormat != "json" {
		errs = append(errs, usagef("%s=%q không hợp lệ: chọn text hoặc json (invalid log format)", c.source("log-format"), c.LogFormat))
	}
	if u, err := url.Parse(c.BaseURL); c.BaseURL != "" && (err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "") {
		errs = append(errs, usagef("%s=%q không hợp lệ: cần địa chỉ đầy đủ, ví dụ https://congtac.ubnd.gov.vn (invalid base URL)", c.source("base-url"), c.BaseURL))
	}
	if c.isSetting("remind-every") && (c.RemindEvery < time.Minute || c.RemindEvery > 24*time.Hour) {
		errs = append(errs, usagef("%s=%s không hợp lệ: cần từ 1m đến 24h (invalid reminder interval)", c.source("remind-every"), c.RemindEvery))
	}
	if c.ShutdownTimeout <= 0 || c.ShutdownTimeout > 10*time.Minute {
		errs = append(errs, usagef("%s=%s không hợp lệ: cần từ 1s đến 10m (invalid shutdown timeout)", c.source("shutdown-timeout"), c.ShutdownTimeout))
	}
	return errors.Join(errs...)
}

// checkAddr accepts host:port with a numeric port; an empty host means every interface.
func checkAddr(addr string) error {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return errors.New("cần dạng máy:cổng")
	}
	if n, err := strconv.Atoi(port); err != nil || n < 0 || n > 65535 {
		return errors.New("cổng phải là số từ 0 đến 65535")
	}
	if strings.ContainsAny(host, " /\t") {
		return errors.New("tên máy không hợp lệ")
	}
	return nil
}

// value returns a configuration value as config prints it, secrets masked.
func (c *Config) value(name string) string {
	switch name {
	case "db":
		return maskDSN(c.DB)
	case "addr":
		return c.Addr
	case "demo":
		return strconv.FormatBool(c.Demo)
	case "log-level":
		return strings.ToLower(c.LogLevel.String())
	case "log-format":
		return c.LogFormat
	case "shutdown-timeout":
		return c.ShutdownTimeout.String()
	case "trusted-proxy":
		return c.TrustedProxy
	case "base-url":
		return c.BaseURL
	case "remind":
		return strconv.FormatBool(c.Remind)
	case "remind-every":
		return c.RemindEvery.String()
	}
	return ""
}

// maskDSN hides the password of a PostgreSQL URL, in its user part or in a password query
// parameter. Anything else is returned as it is.
func maskDSN(dsn string) string {
	if !store.IsPostgres(dsn) {
		return dsn
	}
	u, err := url.Parse(dsn)
	if err != nil {
		return "postgres://… (URL không đọc được, unreadable URL)"
	}
	if q := u.Query(); q.Has("password") {
		q.Set("password", "xxxxx")
		u.RawQuery = q.Encode()
	}
	return u.Redacted()
}

// withoutPassword returns a PostgreSQL URL with no password at all, for commands printed
// for the operator to run: pg_dump then reads the password from PGPASSWORD or ~/.pgpass.
func withoutPassword(dsn string) (string, error) {
	u, err := url.Parse(dsn)
	if err != nil {
		return "", errors.New("URL PostgreSQL không hợp lệ (invalid PostgreSQL URL)")
	}
	if u.User != nil {
		u.User = url.User(u.User.Username())
	}
	if q := u.Query(); q.Has("password") {
		q.Del("password")
		u.RawQuery = q.Encode()
	}
	return u.String(), nil
}

// originLabel returns where a value came from, in Vietnamese and English.
func originLabel(origin, name string) string {
	switch origin {
	case fromFlag:
		return "cờ -" + name + " (flag)"
	case fromEnv:
		return "biến môi trường " + envName(name) + " (environment)"
	}
	return "mặc định (default)"
}

// configCmd prints the effective configuration: "congtac config".
type configCmd struct{}

func (*configCmd) flags(fs *flag.FlagSet, cfg *Config) { cfg.define(fs, settingNames()...) }

// run prints each setting with its value, secrets masked, and where the value came from.
func (*configCmd) run(_ context.Context, c *cli, cfg Config) error {
	fmt.Fprintln(c.stdout, "Cấu hình đang dùng (effective configuration):")
	tw := tabwriter.NewWriter(c.stdout, 0, 0, 2, ' ', 0)
	for _, name := range cfg.defined {
		fmt.Fprintf(tw, "  -%s\t%s\t%s\n", name, cfg.value(name), originLabel(cfg.origins[name], name))
	}
	return tw.Flush()
}
