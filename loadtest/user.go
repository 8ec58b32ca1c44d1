package loadtest

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"net/http"
	"net/url"
	"slices"

	"congtac"
)

// user is one simulated person: an account, its client, its own random source, and what it
// has learnt of the data it works on. One goroutine drives it.
type user struct {
	acct      Account
	c         *Client
	rng       *rand.Rand
	committee int64

	year     int // the year of the periods this user drafts in, its own when the run starts
	week     int // the last week of year it tried to issue a program for
	month    int // the last month of year it drafted a program for
	programs []int64
	tasks    []reportable
	draft    *apiProgram // the office's draft it adds tasks to
	created  []apiTask   // tasks it added to its draft and has not deleted, oldest first
	issued   int         // programs it issued
	written  int         // reports it wrote
	drafted  int         // tasks it added
}

// reportable is a task an org of the user reports on.
type reportable struct{ task, org int64 }

// maxOwnTasks is how many tasks a drafter keeps in its draft before deleting the oldest,
// so that a long run does not grow one draft without end.
const maxOwnTasks = 30

// pick returns a random element of s; s must not be empty.
func pick[T any](rng *rand.Rand, s []T) T { return s[rng.IntN(len(s))] }

// signsIn reports whether the user uses the pages: everyone but the administrator, whose
// role must use a second factor on pages by default and who works through the API here.
func (u *user) signsIn() bool { return u.acct.Role != congtac.RoleAdmin }

// learn reads what the user's actions need, as a person's first pages would show it: the
// issued programs it may read, the tasks its org reports on, the draft it edits.
func (u *user) learn(ctx context.Context) error {
	if u.acct.Role == congtac.RoleAdmin {
		return nil
	}
	var programs apiList[apiProgram]
	if _, err := u.c.API(ctx, "GET /api/v1/programs", http.MethodGet, "/api/v1/programs?status=issued&limit=100",
		nil, &programs, http.StatusOK); err != nil {
		return err
	}
	for _, p := range programs.Items {
		u.programs = append(u.programs, p.ID)
	}
	switch u.acct.Role {
	case congtac.RoleReporter, congtac.RoleUnitHead:
		return u.learnTasks(ctx)
	case congtac.RoleDrafter:
		return u.ensureDraft(ctx)
	}
	return nil
}

// learnTasks finds the one-off tasks in force that the user's org leads or supports.
func (u *user) learnTasks(ctx context.Context) error {
	var tasks apiList[apiTask]
	if _, err := u.c.API(ctx, "GET /api/v1/tasks", http.MethodGet,
		fmt.Sprintf("/api/v1/tasks?org=%d&limit=200", u.acct.OrgID), nil, &tasks, http.StatusOK); err != nil {
		return err
	}
	for _, t := range tasks.Items {
		if t.Recurrence == nil && reportsOn(t, u.acct.OrgID) {
			u.tasks = append(u.tasks, reportable{t.ID, u.acct.OrgID})
		}
	}
	return nil
}

// reportsOn reports whether org leads task t, supports it or holds a share of it.
func reportsOn(t apiTask, org int64) bool {
	if t.LeadID == org {
		return true
	}
	for _, s := range t.Supports {
		if s.OrgID == org {
			return true
		}
	}
	for _, s := range t.Shares {
		if s.OrgID == org {
			return true
		}
	}
	return false
}

// ensureDraft gives a drafter a new draft of its own to edit: the program of the next
// month of its own years, drafted from the last program. A month that has a program
// already (an earlier run) is skipped.
func (u *user) ensureDraft(ctx context.Context) error {
	for range 48 {
		if u.month++; u.month > 12 {
			u.year, u.month = u.year+1, 1
		}
		var p apiProgram
		_, err := u.c.API(ctx, "POST /api/v1/programs", http.MethodPost, "/api/v1/programs",
			map[string]any{"org_id": u.committee, "period": fmt.Sprintf("%04d-%02d", u.year, u.month)},
			&p, http.StatusCreated, http.StatusConflict)
		if err != nil {
			return err
		}
		if p.ID == 0 { // 409: the month has a program
			continue
		}
		if err := u.readDraft(ctx, p.ID); err != nil {
			return err
		}
		if len(u.draft.Items) == 0 {
			return fmt.Errorf("loadtest: draft %d has no items to add tasks to", p.ID)
		}
		return nil
	}
	return fmt.Errorf("loadtest: four years of months from %d have programs already", u.year-4)
}

// readDraft reads program id with its items into u.draft.
func (u *user) readDraft(ctx context.Context, id int64) error {
	var p apiProgram
	if _, err := u.c.API(ctx, "GET /api/v1/programs/{id}", http.MethodGet, fmt.Sprintf("/api/v1/programs/%d", id),
		nil, &p, http.StatusOK); err != nil {
		return err
	}
	u.draft = &p
	return nil
}

// errNothingToDo is returned by an action that has no data to work on; the runner falls
// back to the home page.
var errNothingToDo = errors.New("loadtest: nothing to work on")

func (u *user) home(ctx context.Context) error { return u.c.Page(ctx, "GET /", "/") }

func (u *user) taskList(ctx context.Context) error { return u.c.Page(ctx, "GET /tasks", "/tasks") }

func (u *user) programList(ctx context.Context) error {
	return u.c.Page(ctx, "GET /programs", "/programs")
}

func (u *user) reportList(ctx context.Context) error {
	return u.c.Page(ctx, "GET /reports", "/reports")
}

func (u *user) documentList(ctx context.Context) error {
	return u.c.Page(ctx, "GET /documents", "/documents")
}

func (u *user) calendar(ctx context.Context) error {
	return u.c.Page(ctx, "GET /calendar", "/calendar")
}

// program opens an issued program as the Decree 30 document.
func (u *user) program(ctx context.Context) error {
	if len(u.programs) == 0 {
		return errNothingToDo
	}
	return u.c.Page(ctx, "GET /programs/{id}", fmt.Sprintf("/programs/%d", pick(u.rng, u.programs)))
}

// task opens one of the tasks the user reports on.
func (u *user) task(ctx context.Context) error {
	if len(u.tasks) == 0 {
		return errNothingToDo
	}
	return u.c.Page(ctx, "GET /tasks/{id}", fmt.Sprintf("/tasks/%d", pick(u.rng, u.tasks).task))
}

// searchWords are what people type in the search box, with and without diacritics.
var searchWords = []string{"giải phóng mặt bằng", "ngan sach", "bảo hiểm y tế", "chuyen doi so", "khiếu nại",
	"thủy lợi", "di tich", "an toàn giao thông", "nông thôn mới", "tinh giản biên chế", "đường", "tiep cong dan"}

// search searches a phrase on the search page.
func (u *user) search(ctx context.Context) error {
	return u.c.Page(ctx, "GET /search", "/search?q="+url.QueryEscape(pick(u.rng, searchWords)))
}

// apiSearch searches through the API.
func (u *user) apiSearch(ctx context.Context) error {
	_, err := u.c.API(ctx, "GET /api/v1/search", http.MethodGet,
		"/api/v1/search?q="+url.QueryEscape(pick(u.rng, searchWords)), nil, nil, http.StatusOK)
	return err
}

// download downloads an issued program as PDF, DOCX or its task list as XLSX.
func (u *user) download(ctx context.Context) error {
	if len(u.programs) == 0 {
		return errNothingToDo
	}
	file := pick(u.rng, []string{"chuong-trinh.pdf", "chuong-trinh.docx", "nhiem-vu.xlsx"})
	return u.c.Page(ctx, "GET /programs/{id}/files/"+file, fmt.Sprintf("/programs/%d/files/%s", pick(u.rng, u.programs), file))
}

// reportText returns the text of the user's next report, unique in the run.
func (u *user) reportText() string {
	u.written++
	return fmt.Sprintf("Báo cáo thử tải số %d của %s: đã triển khai đến các đơn vị, đang tổng hợp kết quả.",
		u.written, u.acct.Login)
}

// writeReport sends a progress report on one of the org's tasks through the API.
func (u *user) writeReport(ctx context.Context) error {
	if len(u.tasks) == 0 {
		return errNothingToDo
	}
	t := pick(u.rng, u.tasks)
	_, err := createReport(ctx, u.c, ReportInput{TaskID: t.task, OrgID: t.org, Text: u.reportText(),
		Percent: 10 + u.rng.IntN(80), Submit: true})
	return err
}

// writeReportPage sends a progress report through the task's form, as a browser posts it.
func (u *user) writeReportPage(ctx context.Context) error {
	if len(u.tasks) == 0 {
		return errNothingToDo
	}
	t := pick(u.rng, u.tasks)
	form := url.Values{"text": {u.reportText()}, "percent": {fmt.Sprint(10 + u.rng.IntN(80))},
		"org": {fmt.Sprint(t.org)}, "action": {"submit"}}
	_, err := u.c.PostForm(ctx, "POST /tasks/{id}/reports", fmt.Sprintf("/tasks/%d/reports", t.task), form, http.StatusSeeOther)
	return err
}

// reviewReport accepts one of the reports waiting for review. Another reviewer may have
// taken it a moment before: 409 is part of the work, not a failure.
func (u *user) reviewReport(ctx context.Context) error {
	var waiting apiList[apiReport]
	if _, err := u.c.API(ctx, "GET /api/v1/reports?status=submitted", http.MethodGet,
		"/api/v1/reports?status=submitted&limit=20", nil, &waiting, http.StatusOK); err != nil {
		return err
	}
	if len(waiting.Items) == 0 {
		return errNothingToDo
	}
	r := pick(u.rng, waiting.Items)
	_, err := u.c.API(ctx, "POST /api/v1/reports/{id}/review", http.MethodPost, fmt.Sprintf("/api/v1/reports/%d/review", r.ID),
		map[string]any{"version": r.Version, "action": "accept", "note": "Tiếp nhận."}, nil, http.StatusOK, http.StatusConflict)
	return err
}

// editor opens the user's draft in the editor.
func (u *user) editor(ctx context.Context) error {
	if u.draft == nil {
		return errNothingToDo
	}
	return u.c.Page(ctx, "GET /programs/{id}/edit", fmt.Sprintf("/programs/%d/edit", u.draft.ID))
}

// addTask adds a task to an item of the user's draft, then, past [maxOwnTasks] of its own,
// deletes the oldest of them.
func (u *user) addTask(ctx context.Context) error {
	if u.draft == nil || len(u.draft.Items) == 0 {
		return errNothingToDo
	}
	item := pick(u.rng, u.draft.Items)
	u.drafted++
	text := fmt.Sprintf("Nhiệm vụ thử tải số %d của %s: rà soát, hoàn thiện hồ sơ trình phê duyệt.", u.drafted, u.acct.Login)
	t, err := createTask(ctx, u.c, item.ID, text, u.lead())
	if err != nil {
		return err
	}
	u.created = append(u.created, t)
	if len(u.created) <= maxOwnTasks {
		return nil
	}
	old := u.created[0]
	u.created = slices.Delete(u.created, 0, 1)
	_, err = u.c.API(ctx, "DELETE /api/v1/tasks/{id}", http.MethodDelete,
		fmt.Sprintf("/api/v1/tasks/%d?version=%d", old.ID, old.Version), nil, nil, http.StatusNoContent)
	return err
}

// lead returns an org to lead a new task: the lead of a task the draft carried over, or the
// committee itself when it carried none.
func (u *user) lead() int64 {
	if len(u.draft.Tasks) == 0 {
		return u.committee
	}
	return pick(u.rng, u.draft.Tasks).LeadID
}

// editTask changes the text of one of the tasks the user added.
func (u *user) editTask(ctx context.Context) error {
	if len(u.created) == 0 {
		return errNothingToDo
	}
	i := u.rng.IntN(len(u.created))
	t := &u.created[i]
	var out apiTask
	_, err := u.c.API(ctx, "PATCH /api/v1/tasks/{id}", http.MethodPatch, fmt.Sprintf("/api/v1/tasks/%d", t.ID),
		map[string]any{"version": t.Version, "text": t.Text + " Bổ sung."}, &out, http.StatusOK)
	if err == nil {
		*t = out
	}
	return err
}

// issue takes a week program of the user's committee through draft, submit, approve and
// issue, in the next week of its year that has no program.
func (u *user) issue(ctx context.Context) error {
	for u.week < congtac.ISOWeeks(u.year) {
		u.week++
		_, err := issueWeek(ctx, u.c, u.committee, fmt.Sprintf("%04d-W%02d", u.year, u.week))
		if errors.Is(err, errPeriodTaken) {
			continue
		}
		if err == nil {
			u.issued++
		}
		return err
	}
	return errNothingToDo
}

// audit reads the first page of the audit log through the API.
func (u *user) audit(ctx context.Context) error {
	_, err := u.c.API(ctx, "GET /api/v1/audit", http.MethodGet, "/api/v1/audit?limit=50", nil, nil, http.StatusOK)
	return err
}

// accounts reads the first page of accounts through the API.
func (u *user) accounts(ctx context.Context) error {
	_, err := u.c.API(ctx, "GET /api/v1/users", http.MethodGet, "/api/v1/users?limit=50", nil, nil, http.StatusOK)
	return err
}

// orgs reads the org tree through the API.
func (u *user) orgs(ctx context.Context) error {
	_, err := u.c.API(ctx, "GET /api/v1/orgs", http.MethodGet, "/api/v1/orgs?limit=200", nil, nil, http.StatusOK)
	return err
}

// apiTasks reads the first page of the tasks the user sees through the API.
func (u *user) apiTasks(ctx context.Context) error {
	_, err := u.c.API(ctx, "GET /api/v1/tasks", http.MethodGet, "/api/v1/tasks?limit=50", nil, nil, http.StatusOK)
	return err
}
