package main

import (
	"context"
	crand "crypto/rand"
	"encoding/binary"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"congtac"
	"congtac/loadtest"
	"congtac/store"
)

// loadtestCmd runs simulated users of every role against a server on a generated data set
// and prints, per route, the requests, the errors, the 50th, 95th and 99th percentiles and
// the server's resident size: "congtac loadtest -db DB -url http://127.0.0.1:8080 -users
// 200 -duration 60s", or with -serve instead of -url to start the server itself.
type loadtestCmd struct {
	url      string
	serve    bool
	users    int
	duration time.Duration
	think    time.Duration
	only     string
	seed     uint64
	pid      int
}

func (l *loadtestCmd) flags(fs *flag.FlagSet, cfg *Config) {
	cfg.define(fs, "db")
	fs.StringVar(&l.url, "url", "", "địa chỉ máy chủ đang chạy trên cùng cơ sở dữ liệu, ví dụ http://127.0.0.1:8080 (running server)")
	fs.BoolVar(&l.serve, "serve", false, "tự chạy congtac serve trên -db ở một cổng trống thay cho -url (start the server itself)")
	fs.IntVar(&l.users, "users", 16, "số người dùng mô phỏng (simulated users)")
	fs.DurationVar(&l.duration, "duration", 30*time.Second, "thời gian đo, sau khi người dùng đã đăng nhập (measured duration)")
	fs.DurationVar(&l.think, "think", 0, "thời gian nghỉ trung bình giữa hai thao tác của một người dùng; 0: không nghỉ (mean think time)")
	fs.StringVar(&l.only, "only", "", "chỉ làm một thao tác, ví dụ tasks, search, task-create (one action only): "+
		fmt.Sprint(loadtest.ActionNames()))
	fs.Uint64Var(&l.seed, "seed", 0, "hạt giống ngẫu nhiên; 0: chọn ngẫu nhiên và in ra (random seed)")
	fs.IntVar(&l.pid, "pid", 0, "mã tiến trình của máy chủ ở -url để đo bộ nhớ RSS (server PID, for its RSS)")
}

// run checks the flags, makes the accounts of the simulated users in the database (which
// must hold a data set from congtac gen), starts the server when asked, runs the users and
// prints the figures. Errors in the run make it fail, after the figures.
func (l *loadtestCmd) run(ctx context.Context, c *cli, cfg Config) error {
	if err := l.check(); err != nil {
		return err
	}
	roles, err := loadtest.Roles(l.users, l.only)
	if err != nil {
		return err
	}
	cast, about, err := prepareLoad(ctx, cfg, roles)
	if err != nil {
		return err
	}
	lc := loadtest.Config{URL: l.url, Duration: l.duration, Think: l.think, Only: l.only,
		Seed: seedOr(l.seed), ServerPID: l.pid}
	if l.serve {
		srv, err := startOwnServer(ctx, cfg.DB, c.stderr)
		if err != nil {
			return err
		}
		defer srv.Stop(time.Minute)
		lc.URL, lc.ServerPID = srv.URL, srv.PID()
	}
	fmt.Fprintf(c.stdout, "congtac loadtest: %s; %s\n", about, machine())
	fmt.Fprintf(c.stdout, "máy chủ (server) %s, hạt giống (seed) %d, %d người dùng, %s\n\n", lc.URL, lc.Seed, l.users, l.duration)
	res, err := loadtest.Run(ctx, lc, cast)
	if werr := loadtest.WriteReport(c.stdout, lc, res); werr != nil {
		return werr
	}
	if l := loadAverage(); l != "" {
		fmt.Fprintf(c.stdout, "Tải trung bình lúc kết thúc (load average at the end): %s\n", l)
	}
	if err != nil {
		return err
	}
	if _, failed := loadtest.Totals(res.Stats); failed > 0 {
		return fmt.Errorf("%d yêu cầu lỗi trong khi đo (%d requests failed)", failed, failed)
	}
	return nil
}

// check refuses flags that cannot make a run.
func (l *loadtestCmd) check() error {
	switch {
	case l.serve == (l.url != ""):
		return usagef("cần đúng một trong -url (máy chủ đang chạy) và -serve (tự chạy máy chủ) (give -url or -serve)")
	case l.users < 1 || l.users > 5000:
		return usagef("-users phải từ 1 đến 5000 (invalid -users)")
	case l.duration <= 0:
		return usagef("-duration phải lớn hơn 0 (invalid -duration)")
	case l.think < 0:
		return usagef("-think không được âm (invalid -think)")
	}
	if l.only != "" {
		if _, err := loadtest.ActionRole(l.only); err != nil {
			return err
		}
	}
	return nil
}

// prepareLoad opens the database, refuses one that congtac gen did not fill (the run
// adds accounts and writes), makes the accounts of roles and describes the data set.
func prepareLoad(ctx context.Context, cfg Config, roles []congtac.Role) (loadtest.Cast, string, error) {
	st, err := openMigrated(ctx, cfg)
	if err != nil {
		return loadtest.Cast{}, "", err
	}
	defer st.Close()
	if err := requireGenerated(ctx, st, cfg.DB); err != nil {
		return loadtest.Cast{}, "", err
	}
	about, err := describeData(ctx, st)
	if err != nil {
		return loadtest.Cast{}, "", err
	}
	cast, err := loadtest.PrepareCast(ctx, st, roles)
	return cast, about, err
}

// requireGenerated refuses a database without the bulk load of congtac gen: the harness
// creates accounts and writes reports, programs and numbers, which must never happen to
// an office's real data.
func requireGenerated(ctx context.Context, st *store.Store, dsn string) error {
	events, _, err := st.FindAuditEvents(ctx, congtac.System, congtac.AuditFilter{Entity: "database", Limit: 10})
	if err != nil {
		return err
	}
	for _, e := range events {
		if e.Action == "bulk_load" {
			return nil
		}
	}
	return usagef("%s không phải dữ liệu tổng hợp của congtac gen; chỉ thử tải trên dữ liệu sinh ra để đo (not a generated data set)", maskDSN(dsn))
}

// describeData names the engine and the size of the data set.
func describeData(ctx context.Context, st *store.Store) (string, error) {
	orgs, err := st.FindOrgs(ctx, congtac.OrgFilter{})
	if err != nil {
		return "", err
	}
	_, programs, err := st.FindPrograms(ctx, congtac.ProgramFilter{Limit: 1})
	if err != nil {
		return "", err
	}
	_, tasks, err := st.FindTasks(ctx, congtac.TaskFilter{Limit: 1})
	if err != nil {
		return "", err
	}
	return fmt.Sprintf("%s, %d cơ quan, %d chương trình, %d nhiệm vụ đang hiệu lực (orgs, programs, tasks in force)",
		st.Engine(), len(orgs), programs, tasks), nil
}

// machine describes where the harness runs, for the figures' record: cores, platform,
// host, date, version, and on Linux the load average of the last minute, since a machine
// that others use gives slower figures.
func machine() string {
	host, _ := os.Hostname()
	s := fmt.Sprintf("%d lõi (cores) %s/%s, %s, %s, congtac %s", runtime.NumCPU(), runtime.GOOS, runtime.GOARCH,
		host, time.Now().Format("2006-01-02 15:04 MST"), buildVersion())
	if l := loadAverage(); l != "" {
		s += ", tải trung bình (load average) " + l
	}
	return s
}

// loadAverage returns the load average of the last minute on Linux, else "".
func loadAverage() string {
	b, err := os.ReadFile("/proc/loadavg")
	if f := strings.Fields(string(b)); err == nil && len(f) > 0 {
		return f[0]
	}
	return ""
}

// seedOr returns seed, or a random one when it is 0.
func seedOr(seed uint64) uint64 {
	for seed == 0 {
		var b [8]byte
		crand.Read(b[:]) // never fails (crypto/rand)
		seed = binary.LittleEndian.Uint64(b[:])
	}
	return seed
}

// selfLauncher runs "congtac serve" from this very binary.
func selfLauncher() (loadtest.Launcher, error) {
	exe, err := os.Executable()
	if err != nil {
		return nil, fmt.Errorf("không tìm thấy tệp chương trình (cannot find the executable): %w", err)
	}
	return func(args ...string) *exec.Cmd { return exec.Command(exe, append([]string{"serve"}, args...)...) }, nil
}

// startOwnServer starts "congtac serve" on db at a free loopback port, logging warnings
// and errors to log.
func startOwnServer(ctx context.Context, db string, log io.Writer) (*loadtest.Process, error) {
	launch, err := selfLauncher()
	if err != nil {
		return nil, err
	}
	addr, err := loadtest.FreeAddr()
	if err != nil {
		return nil, err
	}
	return loadtest.StartServer(ctx, launch, addr, log, "-db", db, "-log-level", "warn")
}

// crashtestCmd kills a server again and again while it writes, and checks that nothing
// it acknowledged was lost: "congtac crashtest -db DB -rounds 100".
type crashtestCmd struct {
	rounds       int
	seed         uint64
	minUp, maxUp time.Duration
	keep         bool
}

func (k *crashtestCmd) flags(fs *flag.FlagSet, cfg *Config) {
	cfg.define(fs, "db")
	fs.IntVar(&k.rounds, "rounds", 100, "số lần kill -9 máy chủ (kill rounds)")
	fs.Uint64Var(&k.seed, "seed", 0, "hạt giống ngẫu nhiên; 0: chọn ngẫu nhiên và in ra (random seed)")
	fs.DurationVar(&k.minUp, "min-up", 200*time.Millisecond, "thời gian ghi ít nhất trước mỗi lần kill (least time before a kill)")
	fs.DurationVar(&k.maxUp, "max-up", 2*time.Second, "thời gian ghi nhiều nhất trước mỗi lần kill (most time before a kill)")
	fs.BoolVar(&k.keep, "keep", false, "giữ lại tệp SQLite tạm khi không có -db (keep the temporary SQLite file)")
}

// run uses the database of -db, which must be empty, or without -db a new SQLite file in
// a temporary directory; it prints one line a round, then the summary, and fails when a
// write was lost or a check found a problem.
func (k *crashtestCmd) run(ctx context.Context, c *cli, cfg Config) error {
	if k.rounds < 1 || k.minUp <= 0 || k.maxUp <= k.minUp {
		return usagef("-rounds phải từ 1, và 0 < -min-up < -max-up (invalid rounds or times)")
	}
	db, cleanup, err := k.database(ctx, c, cfg)
	if err != nil {
		return err
	}
	defer cleanup()
	launch, err := selfLauncher()
	if err != nil {
		return err
	}
	seed := seedOr(k.seed)
	fmt.Fprintf(c.stdout, "congtac crashtest: %s, %d vòng, hạt giống (seed) %d; %s\n", maskDSN(db), k.rounds, seed, machine())
	today := congtac.DateOf(time.Now(), congtac.Location())
	res, err := loadtest.CrashCheck(ctx, loadtest.CrashConfig{DB: db, Rounds: k.rounds, Launch: launch, Seed: seed,
		MinUp: k.minUp, MaxUp: k.maxUp, End: congtac.Period{Kind: congtac.PeriodMonth, Year: today.Year, Number: int(today.Month)},
		Progress: c.stdout, ServerLog: c.stderr})
	loadtest.WriteCrashReport(c.stdout, res)
	if err != nil {
		return err
	}
	if !res.OK() {
		return errors.New("có lần ghi đã xác nhận bị mất hoặc lỗi toàn vẹn (acknowledged writes lost or integrity problems)")
	}
	return nil
}

// database returns the database to crash: -db when given, which must be empty, or a new
// SQLite file, removed by cleanup unless -keep.
func (k *crashtestCmd) database(ctx context.Context, c *cli, cfg Config) (string, func(), error) {
	if cfg.origins["db"] != fromDefault {
		st, err := openMigrated(ctx, cfg)
		if err != nil {
			return "", nil, err
		}
		defer st.Close()
		if full, err := hasData(ctx, st); err != nil || full {
			return "", nil, errors.Join(err, usagef("%s đã có dữ liệu; kiểm tra sự cố cần cơ sở dữ liệu trống (the database is not empty)", maskDSN(cfg.DB)))
		}
		return cfg.DB, func() {}, nil
	}
	dir, err := os.MkdirTemp("", "congtac-crashtest-")
	if err != nil {
		return "", nil, err
	}
	if k.keep {
		fmt.Fprintf(c.stderr, "giữ lại (kept): %s\n", dir)
		return filepath.Join(dir, "congtac.db"), func() {}, nil
	}
	return filepath.Join(dir, "congtac.db"), func() { os.RemoveAll(dir) }, nil
}
