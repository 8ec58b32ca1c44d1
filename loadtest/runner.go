package loadtest

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"sync"
	"time"

	"congtac"
)

// Config says how to run the simulated users.
type Config struct {
	// URL is the server's address, "http://127.0.0.1:8080".
	URL string
	// Duration is how long the users work, after they have signed in.
	Duration time.Duration
	// Actions, when not zero, is how many actions each user takes; the run ends when every
	// user has taken them, or at Duration when that is set and comes first. A test that must
	// see every action of a mix sets it, so that a slow machine does the same work, only
	// slower.
	Actions int
	// Think is the mean pause of a user between two actions (uniform between none and
	// twice the mean); zero makes every user send its next request as soon as the last one
	// is answered.
	Think time.Duration
	// Only limits every user to one action ([ActionNames]); "" is each role's mix.
	Only string
	// Seed makes the users' choices; the same seed gives the same choices.
	Seed uint64
	// ServerPID, when not zero, is the server process whose resident size is sampled.
	ServerPID int
	// SignIns is how many users sign in at once while the run starts (default 2): a
	// sign-in hashes a password with 64 MiB of memory on purpose.
	SignIns int
}

// Result is what a run measured.
type Result struct {
	Users     int
	Setup     []RouteStats  // signing in and reading what to work on, before the measurement
	SetupTime time.Duration //
	Stats     []RouteStats  // the measured work, by route
	Elapsed   time.Duration // the measured time
	// RSS of the server in bytes (zero without ServerPID): the largest while users signed
	// in, the largest while they worked, and at the end.
	RSSSetupMax, RSSMax, RSSEnd int64
	Issued, Reports, Tasks      int // programs issued, reports and tasks written
}

// Run signs the cast's users in (those who use pages), lets each read what it works on,
// then has them all work for cfg.Duration, each as its role does ([mixOf]), and returns
// the figures. A user that cannot sign in or find its work stops the run with an error
// before the measurement; during it, every failure is counted, not fatal.
func Run(ctx context.Context, cfg Config, cast Cast) (Result, error) {
	if cfg.SignIns <= 0 {
		cfg.SignIns = 2
	}
	if cfg.Only != "" {
		if _, err := ActionRole(cfg.Only); err != nil {
			return Result{}, err
		}
	}
	transport := NewTransport(len(cast.Accounts))
	defer transport.CloseIdleConnections()
	setupRec, runRec := NewRecorder(), NewRecorder()
	users, err := newUsers(cfg, cast, transport, setupRec)
	if err != nil {
		return Result{}, err
	}
	res := Result{Users: len(users)}
	watch := startWatch(cfg.ServerPID)
	start := time.Now()
	err = setUp(ctx, users, cfg.SignIns)
	res.SetupTime, res.Setup = time.Since(start), setupRec.Stats()
	res.RSSSetupMax, _ = watch.stop()
	if err != nil {
		return res, err
	}
	for _, u := range users {
		u.c.rec = runRec
	}
	watch = startWatch(cfg.ServerPID)
	start = time.Now()
	work(ctx, users, cfg)
	res.Elapsed, res.Stats = time.Since(start), runRec.Stats()
	res.RSSMax, res.RSSEnd = watch.stop()
	for _, u := range users {
		res.Issued += u.issued
		res.Reports += u.written
		res.Tasks += u.drafted
	}
	return res, ctx.Err()
}

// newUsers makes a user of each account, with its own random source from seed and, for
// the office's drafters, a year of its own to draft in.
func newUsers(cfg Config, cast Cast, transport http.RoundTripper, rec *Recorder) ([]*user, error) {
	base := rand.New(rand.NewPCG(cfg.Seed, 0x10ad))
	firstYear := 2100 + base.IntN(7000) // far from real programs, and from other runs
	var users []*user
	for i, a := range cast.Accounts {
		c, err := NewClient(cfg.URL, a.Token, transport, rec)
		if err != nil {
			return nil, err
		}
		users = append(users, &user{acct: a, c: c, committee: cast.Committee, year: firstYear + i,
			rng: rand.New(rand.NewPCG(cfg.Seed, uint64(i)+1))})
	}
	return users, nil
}

// setUp signs users in, at most n at a time, and lets each learn what it works on. It
// returns the first error.
func setUp(ctx context.Context, users []*user, n int) error {
	sem := make(chan struct{}, n)
	errs := make([]error, len(users))
	var wg sync.WaitGroup
	for i, u := range users {
		wg.Go(func() {
			if u.signsIn() {
				sem <- struct{}{}
				err := u.c.SignIn(ctx, u.acct.Login, u.acct.Password)
				<-sem
				if err != nil {
					errs[i] = err
					return
				}
			}
			if err := u.learn(ctx); err != nil {
				errs[i] = fmt.Errorf("loadtest: %s cannot find its work: %w", u.acct.Login, err)
			}
		})
	}
	wg.Wait()
	return errors.Join(errs...)
}

// work has every user take actions until cfg.Duration has passed or ctx ends. Actions
// under way when the time is up are finished, so that no request is cut off and counted
// as a failure that a real user would not have seen.
func work(ctx context.Context, users []*user, cfg Config) {
	stop, cancel := context.WithCancel(ctx)
	if cfg.Duration > 0 {
		stop, cancel = context.WithTimeout(ctx, cfg.Duration)
	}
	defer cancel()
	var wg sync.WaitGroup
	for _, u := range users {
		wg.Go(func() { u.work(ctx, stop, mixOf(u.acct.Role, cfg.Only), cfg.Think, cfg.Actions) })
	}
	wg.Wait()
}

// work takes actions of mix at random, with requests under ctx, until stop ends or, when
// actions is not zero, it has taken that many, pausing about think between them (and
// before the first, so that users do not all start at once). An action with nothing to work
// on is replaced by the home page, or by nothing for a user without pages.
func (u *user) work(ctx, stop context.Context, mix []action, think time.Duration, actions int) {
	for n := 0; (actions == 0 || n < actions) && u.pause(stop, think); n++ {
		a := choose(u.rng, mix)
		err := a.do(u, ctx)
		if errors.Is(err, errNothingToDo) && u.signsIn() {
			u.home(ctx)
		}
	}
}

// pause waits a random time between none and twice think; it reports false when stop
// ended first.
func (u *user) pause(stop context.Context, think time.Duration) bool {
	if think <= 0 {
		return stop.Err() == nil
	}
	t := time.NewTimer(time.Duration(u.rng.Int64N(int64(2 * think))))
	defer t.Stop()
	select {
	case <-stop.Done():
		return false
	case <-t.C:
		return true
	}
}

// watch samples a server's resident size, or nothing without a PID.
type watch struct{ w *RSSWatch }

func startWatch(pid int) watch {
	if pid <= 0 {
		return watch{}
	}
	return watch{WatchRSS(pid, 200*time.Millisecond)}
}

// stop returns the largest and the last size seen; zeros without a PID or a sample.
func (w watch) stop() (maxRSS, last int64) {
	if w.w == nil {
		return 0, 0
	}
	maxRSS, last, _ = w.w.Stop()
	return maxRSS, last
}

// WriteReport prints a run's result: the setup, the measured routes, the totals and the
// server's resident size.
func WriteReport(w io.Writer, cfg Config, res Result) error {
	fmt.Fprintf(w, "Chuẩn bị (setup): %d người dùng đăng nhập và đọc dữ liệu trong %s\n", res.Users, res.SetupTime.Round(time.Millisecond))
	if err := WriteTable(w, res.Setup, res.SetupTime); err != nil {
		return err
	}
	mode := "mỗi vai trò một tập thao tác (each role's mix)"
	if cfg.Only != "" {
		mode = "chỉ thao tác " + cfg.Only + " (one action only)"
	}
	fmt.Fprintf(w, "\nĐo (measured): %d người dùng trong %s, nghỉ trung bình %s giữa hai thao tác, %s\n",
		res.Users, res.Elapsed.Round(time.Millisecond), cfg.Think, mode)
	if err := WriteTable(w, res.Stats, res.Elapsed); err != nil {
		return err
	}
	fmt.Fprintf(w, "\nĐã ban hành %d chương trình, gửi %d báo cáo, thêm %d nhiệm vụ (issued, reports, tasks)\n",
		res.Issued, res.Reports, res.Tasks)
	if cfg.ServerPID > 0 {
		fmt.Fprintf(w, "Bộ nhớ máy chủ (server RSS, pid %d): lớn nhất khi đăng nhập %s; lớn nhất khi đo %s; lúc kết thúc %s\n",
			cfg.ServerPID, MiB(res.RSSSetupMax), MiB(res.RSSMax), MiB(res.RSSEnd))
	}
	return nil
}

// Roles returns the role of each of n users: the mix of [RoleOf], or, when only names an
// action, the role that takes it.
func Roles(n int, only string) ([]congtac.Role, error) {
	roles := make([]congtac.Role, n)
	for i := range roles {
		roles[i] = RoleOf(i)
	}
	if only == "" {
		return roles, nil
	}
	r, err := ActionRole(only)
	for i := range roles {
		roles[i] = r
	}
	return roles, err
}
