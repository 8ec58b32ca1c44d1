package loadtest

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"congtac"
	"congtac/store"
	"congtac/synth"
)

// CrashConfig says how to run the crash check.
type CrashConfig struct {
	// DB is the database the servers run on: an SQLite file or a postgres:// URL. It must
	// be empty (the check fills it with the small synthetic data set) or hold a data set
	// with a root committee.
	DB string
	// Rounds is how many times the server is started, written to and killed.
	Rounds int
	// Launch runs "congtac serve".
	Launch Launcher
	// Seed makes the moments of the kills and the writers' choices.
	Seed uint64
	// MinUp and MaxUp bound how long the writers write before the kill, uniformly at
	// random between the two (defaults 200 ms and 2 s).
	MinUp, MaxUp time.Duration
	// End is the last month of the generated data set (zero: synth's default).
	End congtac.Period
	// Progress gets one line a round; ServerLog the servers' own output. Nil discards.
	Progress, ServerLog io.Writer
}

// CrashResult is what the crash check found.
type CrashResult struct {
	Engine   store.Engine
	Rounds   int
	Acked    map[string]int // acknowledged writes by kind: report, report-page, task, draft, issue
	Cut      int            // writes the kill cut off before an answer (not acknowledged)
	Numbers  int            // numbers in the registers the check issued from
	Lost     []string       // acknowledged writes missing or changed after a restart
	Problems []string       // integrity and register problems, failures while the server was up
	Elapsed  time.Duration
}

// OK reports whether nothing was lost and nothing was wrong.
func (r CrashResult) OK() bool { return len(r.Lost) == 0 && len(r.Problems) == 0 }

// ack is an acknowledged write: the server answered that it was done.
type ack struct {
	kind string // report, report-page, task, draft, issue
	id   int64  // the record's ID
	want string // what it must read back: the text written, or the issue's code
}

// crash is one crash check under way.
type crash struct {
	cfg     CrashConfig
	rng     *rand.Rand
	writers []*user
	checker *Client // the office head's client, which reads everything written
	rec     *Recorder
	mu      sync.Mutex
	acks    []ack
	res     CrashResult
	serving *Process
}

// CrashCheck starts the server on cfg.DB, has writers of every kind write through the API
// and the pages (reports through both, tasks, drafts, issued programs that take numbers
// from the register), kills the server with SIGKILL at a random moment, checks the
// database (store.CheckIntegrity) while nothing runs, starts the server again, and checks
// that every write it acknowledged before the kill reads back as written; cfg.Rounds
// times. At the end it checks every acknowledged write once more, and that the register
// the programs were issued from is numbered without gaps. The error is for a check that
// could not run; what it found is in the result.
func CrashCheck(ctx context.Context, cfg CrashConfig) (CrashResult, error) {
	if cfg.MinUp <= 0 {
		cfg.MinUp = 200 * time.Millisecond
	}
	if cfg.MaxUp <= cfg.MinUp {
		cfg.MaxUp = max(2*time.Second, cfg.MinUp+time.Millisecond)
	}
	for _, w := range []*io.Writer{&cfg.Progress, &cfg.ServerLog} {
		if *w == nil {
			*w = io.Discard
		}
	}
	c := &crash{cfg: cfg, rng: rand.New(rand.NewPCG(cfg.Seed, 0xc7a5)), rec: NewRecorder(),
		res: CrashResult{Acked: map[string]int{}}}
	start := time.Now()
	err := c.run(ctx)
	c.res.Elapsed = time.Since(start)
	return c.res, err
}

// run prepares the database and the writers, then goes through the rounds and the final
// check.
func (c *crash) run(ctx context.Context) error {
	cast, err := c.prepare(ctx)
	if err != nil {
		return err
	}
	if err := c.start(ctx); err != nil {
		return err
	}
	defer func() {
		if c.serving != nil {
			c.serving.Kill()
		}
	}()
	if err := c.meet(ctx, cast); err != nil {
		return err
	}
	for round := 1; round <= c.cfg.Rounds; round++ {
		if err := c.round(ctx, round); err != nil {
			return err
		}
	}
	c.verify(ctx, c.acks)
	if err := c.checkRegister(ctx, cast.Committee); err != nil {
		return err
	}
	if err := c.serving.Stop(time.Minute); err != nil {
		c.problem("the server did not stop cleanly at the end: %v", err)
	}
	c.serving = nil
	return c.checkStore(ctx, "at the end")
}

// prepare fills an empty database with the small data set and makes the writers'
// accounts: two reporters (one writes through the API, one through the report form), a
// drafter and an office head.
func (c *crash) prepare(ctx context.Context) (Cast, error) {
	st, err := store.Open(ctx, c.cfg.DB)
	if err != nil {
		return Cast{}, err
	}
	defer st.Close()
	if err := st.Migrate(ctx); err != nil {
		return Cast{}, err
	}
	c.res.Engine = st.Engine()
	if orgs, err := st.FindOrgs(ctx, congtac.OrgFilter{Limit: 1}); err != nil {
		return Cast{}, err
	} else if len(orgs) == 0 {
		if _, err := synth.Generate(ctx, st, synth.Config{Seed: c.cfg.Seed, Scale: synth.Small, End: c.cfg.End}); err != nil {
			return Cast{}, err
		}
	}
	return PrepareCast(ctx, st, []congtac.Role{congtac.RoleReporter, congtac.RoleReporter,
		congtac.RoleDrafter, congtac.RoleOfficeHead})
}

// start starts a server and waits until it answers.
func (c *crash) start(ctx context.Context) error {
	addr, err := FreeAddr()
	if err != nil {
		return err
	}
	c.serving, err = StartServer(ctx, c.cfg.Launch, addr, c.cfg.ServerLog, "-db", c.cfg.DB, "-log-level", "warn")
	if err != nil {
		return err
	}
	for _, w := range c.writers { // the checker is one of them
		w.c.http.CloseIdleConnections() // connections to the killed server are dead
		w.c.base.Host = addr
	}
	return nil
}

// meet makes the writers of the cast, signs in the one that uses pages and lets each
// find its work. Sessions live in the database, so the sign-in outlasts the kills.
func (c *crash) meet(ctx context.Context, cast Cast) error {
	firstYear := 2100 + c.rng.IntN(7000)
	for i, a := range cast.Accounts {
		cl, err := NewClient(c.serving.URL, a.Token, NewTransport(1), c.rec)
		if err != nil {
			return err
		}
		cl.http.Timeout = 30 * time.Second
		c.writers = append(c.writers, &user{acct: a, c: cl, committee: cast.Committee,
			year: firstYear + i, rng: rand.New(rand.NewPCG(c.cfg.Seed, uint64(i)+1))})
	}
	c.checker = c.writers[3].c
	if err := c.writers[1].c.SignIn(ctx, c.writers[1].acct.Login, c.writers[1].acct.Password); err != nil {
		return err
	}
	for _, w := range c.writers[:2] {
		if err := w.learnTasks(ctx); err != nil {
			return err
		}
		if len(w.tasks) == 0 {
			return fmt.Errorf("loadtest: %s finds no task to report on", w.acct.Login)
		}
	}
	return nil
}

// round writes until a random moment, kills the server, checks the database, starts the
// server again and reads back what this round acknowledged.
func (c *crash) round(ctx context.Context, round int) error {
	before := len(c.acks)
	up := c.cfg.MinUp + time.Duration(c.rng.Int64N(int64(c.cfg.MaxUp-c.cfg.MinUp)))
	writes := []func(context.Context, *user) (ack, error){c.writeReport, c.writeReportPage, c.writeTask, c.issue}
	killed := make(chan struct{})
	var dying atomic.Bool // set just before the kill: a request without an answer from then on is the kill's
	var wg sync.WaitGroup
	for i, w := range c.writers {
		wg.Go(func() { c.writeUntil(ctx, w, writes[i], killed, &dying) })
	}
	time.Sleep(up)
	dying.Store(true)
	c.serving.Kill()
	c.serving = nil
	close(killed)
	wg.Wait()
	if err := c.checkStore(ctx, fmt.Sprintf("after kill %d", round)); err != nil {
		return err
	}
	if err := c.start(ctx); err != nil {
		return err
	}
	lost := len(c.res.Lost)
	c.verify(ctx, c.acks[before:])
	c.res.Rounds = round
	fmt.Fprintf(c.cfg.Progress, "vòng (round) %d: máy chủ chạy %s rồi bị kill -9; %d lần ghi được xác nhận, mất %d\n",
		round, up.Round(time.Millisecond), len(c.acks)-before, len(c.res.Lost)-lost)
	return nil
}

// writeUntil has w write with write until killed is closed or a write fails after the
// kill, recording what was acknowledged. A failure while the server was up is a problem;
// one after the kill (connection refused or reset, or an answer cut off) is a write the
// kill cut, and the writer's last.
func (c *crash) writeUntil(ctx context.Context, w *user, write func(context.Context, *user) (ack, error),
	killed <-chan struct{}, dying *atomic.Bool) {
	for {
		select {
		case <-killed:
			return
		default:
		}
		a, err := write(ctx, w)
		after := dying.Load()
		c.mu.Lock()
		switch {
		case err == nil:
			c.acks = append(c.acks, a)
			c.res.Acked[a.kind]++
		case after && isCut(err):
			c.res.Cut++
		default:
			c.res.Problems = append(c.res.Problems, fmt.Sprintf("%s failed while the server was up: %v", w.acct.Login, err))
		}
		c.mu.Unlock()
		if err != nil {
			return
		}
	}
}

// isCut reports whether err is a request the server did not answer (transport error), as
// opposed to an answer with a wrong status.
func isCut(err error) bool {
	var se *StatusError
	return !errors.As(err, &se)
}

// writeReport sends a report through the API.
func (c *crash) writeReport(ctx context.Context, w *user) (ack, error) {
	t := pick(w.rng, w.tasks)
	text := w.reportText()
	id, err := createReport(ctx, w.c, ReportInput{TaskID: t.task, OrgID: t.org, Text: text, Percent: 50, Submit: true})
	return ack{"report", id, text}, err
}

// writeReportPage sends a report through the task's form; the answer sends the browser to
// the new report.
func (c *crash) writeReportPage(ctx context.Context, w *user) (ack, error) {
	t := pick(w.rng, w.tasks)
	text := w.reportText()
	form := map[string][]string{"text": {text}, "percent": {"40"}, "org": {fmt.Sprint(t.org)}, "action": {"submit"}}
	resp, err := w.c.PostForm(ctx, "POST /tasks/{id}/reports", fmt.Sprintf("/tasks/%d/reports", t.task), form, http.StatusSeeOther)
	if err != nil {
		return ack{}, err
	}
	var id int64
	if _, err := fmt.Sscanf(resp.Location, "/reports/%d", &id); err != nil {
		return ack{}, fmt.Errorf("loadtest: the report form sent to %q", resp.Location)
	}
	return ack{"report-page", id, text}, nil
}

// tasksPerDraft is how many tasks the drafter adds to a draft before it starts another.
const tasksPerDraft = 100

// writeTask adds a task to the drafter's draft, first making a new draft when it has none
// or the draft is full; the draft's creation is an acknowledged write too.
func (c *crash) writeTask(ctx context.Context, w *user) (ack, error) {
	if w.draft == nil || len(w.created) >= tasksPerDraft {
		w.draft, w.created = nil, nil
		if err := w.ensureDraft(ctx); err != nil {
			return ack{}, err
		}
		return ack{"draft", w.draft.ID, ""}, nil
	}
	w.drafted++
	text := fmt.Sprintf("Nhiệm vụ kiểm tra sự cố số %d của %s.", w.drafted, w.acct.Login)
	t, err := createTask(ctx, w.c, pick(w.rng, w.draft.Items).ID, text, w.lead())
	if err != nil {
		return ack{}, err
	}
	w.created = append(w.created, t)
	return ack{"task", t.ID, text}, nil
}

// issue takes a week program through its life to issued, in the next week that has no
// program (a draft the kill left behind holds its week).
func (c *crash) issue(ctx context.Context, w *user) (ack, error) {
	for {
		if w.week++; w.week > congtac.ISOWeeks(w.year) {
			w.year, w.week = w.year+1, 1
		}
		p, err := issueWeek(ctx, w.c, w.committee, fmt.Sprintf("%04d-W%02d", w.year, w.week))
		if errors.Is(err, errPeriodTaken) {
			continue
		}
		if err != nil {
			return ack{}, err
		}
		if p.Code == nil {
			return ack{}, fmt.Errorf("loadtest: program %d issued without a number", p.ID)
		}
		return ack{"issue", p.ID, *p.Code}, nil
	}
}

// verify reads back each acknowledged write through the API and records what is missing
// or changed.
func (c *crash) verify(ctx context.Context, acks []ack) {
	for _, a := range acks {
		if err := c.readBack(ctx, a); err != nil {
			c.res.Lost = append(c.res.Lost, fmt.Sprintf("%s %d: %v", a.kind, a.id, err))
		}
	}
}

// readBack reads one acknowledged write and compares it with what was written.
func (c *crash) readBack(ctx context.Context, a ack) error {
	var got string
	switch a.kind {
	case "report", "report-page":
		var r apiReport
		if _, err := c.checker.API(ctx, "verify", http.MethodGet, fmt.Sprintf("/api/v1/reports/%d", a.id), nil, &r, http.StatusOK); err != nil {
			return err
		}
		got = r.Text
	case "task":
		var t apiTask
		if _, err := c.checker.API(ctx, "verify", http.MethodGet, fmt.Sprintf("/api/v1/tasks/%d", a.id), nil, &t, http.StatusOK); err != nil {
			return err
		}
		got = t.Text
	case "draft", "issue":
		var p apiProgram
		if _, err := c.checker.API(ctx, "verify", http.MethodGet, fmt.Sprintf("/api/v1/programs/%d", a.id), nil, &p, http.StatusOK); err != nil {
			return err
		}
		if a.kind == "issue" {
			if p.Status != string(congtac.ProgramIssued) || p.Code == nil {
				return fmt.Errorf("status %s, want issued", p.Status)
			}
			got = *p.Code
		}
	}
	if got != a.want {
		return fmt.Errorf("reads %q, want %q", got, a.want)
	}
	return nil
}

// checkRegister reads the register of the committee through the API: in each register
// the numbers must run from 1 without gaps or duplicates, and every acknowledged issue
// must be there with its number.
func (c *crash) checkRegister(ctx context.Context, committee int64) error {
	docs, err := Documents(ctx, c.checker, committee)
	if err != nil {
		return err
	}
	c.res.Numbers = len(docs)
	c.res.Problems = append(c.res.Problems, RegisterGaps(docs)...)
	byProgram := map[int64]Document{}
	for _, d := range docs {
		if d.ProgramID != nil {
			byProgram[*d.ProgramID] = d
		}
	}
	for _, a := range c.acks {
		if a.kind != "issue" {
			continue
		}
		if d, ok := byProgram[a.id]; !ok || d.Code != a.want {
			c.res.Lost = append(c.res.Lost, fmt.Sprintf("issue %d (%s): not in the register as issued", a.id, a.want))
		}
	}
	return nil
}

// Documents reads every entry of org's outgoing register through the API, page by page.
func Documents(ctx context.Context, cl *Client, org int64) ([]Document, error) {
	var all []Document
	for {
		var page apiList[Document]
		if _, err := cl.API(ctx, "GET /api/v1/documents", http.MethodGet,
			fmt.Sprintf("/api/v1/documents?org=%d&limit=200&offset=%d", org, len(all)), nil, &page, http.StatusOK); err != nil {
			return nil, err
		}
		all = append(all, page.Items...)
		if len(page.Items) == 0 || len(all) >= page.Total {
			return all, nil
		}
	}
}

// RegisterGaps returns a problem for each register among docs whose numbers do not run
// from 1 to their count, each once.
func RegisterGaps(docs []Document) []string {
	numbers := map[int64]map[int]int{}
	for _, d := range docs {
		if numbers[d.RegisterID] == nil {
			numbers[d.RegisterID] = map[int]int{}
		}
		numbers[d.RegisterID][d.Number]++
	}
	var problems []string
	for reg, seen := range numbers {
		var bad []string
		for n := 1; n <= max(len(seen), maxKey(seen)); n++ {
			if seen[n] != 1 {
				bad = append(bad, fmt.Sprintf("%d×%d", n, seen[n]))
			}
		}
		if len(bad) > 0 {
			problems = append(problems, fmt.Sprintf("register %d: numbers not each taken once: %s", reg, strings.Join(bad, ", ")))
		}
	}
	return problems
}

func maxKey(m map[int]int) int {
	n := 0
	for k := range m {
		n = max(n, k)
	}
	return n
}

// checkStore opens the database while no server runs and records what
// [store.Store.CheckIntegrity] finds.
func (c *crash) checkStore(ctx context.Context, when string) error {
	st, err := store.Open(ctx, c.cfg.DB)
	if err != nil {
		return fmt.Errorf("loadtest: open the database %s: %w", when, err)
	}
	defer st.Close()
	problems, err := st.CheckIntegrity(ctx)
	if err != nil {
		return err
	}
	for _, p := range problems {
		c.problem("%s: %s", when, p)
	}
	return nil
}

func (c *crash) problem(format string, args ...any) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.res.Problems = append(c.res.Problems, fmt.Sprintf(format, args...))
}

// WriteCrashReport prints the result of a crash check.
func WriteCrashReport(w io.Writer, r CrashResult) {
	fmt.Fprintf(w, "Kiểm tra sự cố (crash check), %s: %d vòng kill -9 trong %s\n", r.Engine, r.Rounds, r.Elapsed.Round(time.Second))
	total := 0
	for _, n := range r.Acked {
		total += n
	}
	fmt.Fprintf(w, "  lần ghi được xác nhận (acknowledged writes): %d — báo cáo qua API %d, qua biểu mẫu %d, nhiệm vụ %d, dự thảo %d, ban hành %d\n",
		total, r.Acked["report"], r.Acked["report-page"], r.Acked["task"], r.Acked["draft"], r.Acked["issue"])
	fmt.Fprintf(w, "  lần ghi bị cắt ngang khi kill (cut by the kill, not acknowledged): %d\n", r.Cut)
	fmt.Fprintf(w, "  số trong sổ văn bản (register numbers): %d\n", r.Numbers)
	fmt.Fprintf(w, "  mất hoặc sai (lost or changed): %d\n", len(r.Lost))
	for _, l := range r.Lost {
		fmt.Fprintf(w, "    %s\n", l)
	}
	fmt.Fprintf(w, "  lỗi toàn vẹn, sổ, hoặc khi máy chủ đang chạy (integrity, register, failures while up): %d\n", len(r.Problems))
	for _, p := range r.Problems {
		fmt.Fprintf(w, "    %s\n", p)
	}
}
