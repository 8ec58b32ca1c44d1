package store_test

import (
	"archive/zip"
	"bytes"
	"slices"
	"sync"
	"testing"

	"congtac"
	"congtac/store"
	"congtac/store/storetest"
)

func pointer[T any](v T) *T { return &v }

// newActor creates a user and returns it as an actor.
func newActor(t *testing.T, s *store.Store, login string, role congtac.Role, org int64) congtac.Actor {
	t.Helper()
	u, err := s.CreateUser(ctx, congtac.System, congtac.User{Login: login, Role: role, OrgID: org, DisplayName: login})
	if err != nil {
		t.Fatalf("create user %s: %v", login, err)
	}
	return congtac.Actor{UserID: u.ID, Role: u.Role, OrgID: u.OrgID}
}

// auditActions returns the actions recorded on one record, oldest first.
func auditActions(t *testing.T, s *store.Store, entity string, id int64) []string {
	t.Helper()
	events, _, err := s.FindAuditEvents(ctx, congtac.System, congtac.AuditFilter{Entity: entity, EntityID: &id})
	if err != nil {
		t.Fatal(err)
	}
	actions := []string{}
	for _, e := range events {
		actions = append([]string{e.Action}, actions...)
	}
	return actions
}

func progress(task, org int64) congtac.Report {
	return congtac.Report{TaskID: task, OrgID: org, Text: "Đã hoàn thành hồ sơ thiết kế 3/5 công trình", Percent: 60}
}

func TestReportsAreWrittenOnlyByTheTasksOrgsOrTheOffice(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		fixedClock(s, congtac.MustDate(2023, 5, 10))
		f := newFixture(t, s)
		p := issued(t, s, f)
		build := findTaskByText(t, p.Tasks, "Khởi công")     // lead deptA, support deptB
		fees := findTaskByText(t, p.Tasks, "Thu tiền")       // lead commune
		monthly := findTaskByText(t, p.Tasks, "Báo cáo kết") // lead deptB, recurring
		reporterB := newActor(t, s, "vanhoa", congtac.RoleReporter, f.deptB.ID)
		headA := newActor(t, s, "truongkt", congtac.RoleUnitHead, f.deptA.ID)
		viewer := newActor(t, s, "xem", congtac.RoleViewer, f.committee.ID)
		april := congtac.MustDate(2023, 4, 30)
		monthlyB := progress(monthly.ID, f.deptB.ID)
		monthlyB.Occurrence = april

		tests := []struct {
			name  string
			actor congtac.Actor
			r     congtac.Report
			code  string
		}{
			{"reporter of A for B's task", f.reporterA, monthlyB, congtac.EFORBIDDEN},
			{"reporter of A writing as B on a shared task", f.reporterA, progress(build.ID, f.deptB.ID), congtac.EFORBIDDEN},
			{"reporter of A for a task A has no part in", f.reporterA, progress(fees.ID, f.deptA.ID), congtac.EFORBIDDEN},
			{"office for an org outside the task", f.drafter, progress(fees.ID, f.deptA.ID), congtac.EFORBIDDEN},
			{"viewer", viewer, progress(build.ID, f.deptA.ID), congtac.EFORBIDDEN},
			{"leader", f.chair, progress(build.ID, f.deptA.ID), congtac.EFORBIDDEN},
			{"missing task", f.reporterA, progress(999999, f.deptA.ID), congtac.ENOTFOUND},
			{"reporter of the lead", f.reporterA, progress(build.ID, f.deptA.ID), ""},
			{"unit head of the lead", headA, progress(build.ID, f.deptA.ID), ""},
			{"reporter of a support org", reporterB, progress(build.ID, f.deptB.ID), ""},
			{"office for the lead", f.drafter, progress(fees.ID, f.commune.ID), ""},
		}
		for _, tt := range tests {
			if _, err := s.CreateReport(ctx, tt.actor, tt.r); congtac.ErrorCode(err) != tt.code {
				t.Errorf("%s: err = %v, want code %q", tt.name, err, tt.code)
			}
		}
		if _, n, err := s.FindReports(ctx, congtac.ReportFilter{}); err != nil || n != 4 {
			t.Errorf("stored %d reports, %v; want the 4 allowed", n, err)
		}

		// Changing, sending and reviewing B's report are B's and the office's business.
		r, err := s.CreateReport(ctx, reporterB, monthlyB)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.UpdateReport(ctx, f.reporterA, r.ID, r.Version, congtac.ReportUpdate{Percent: pointer(90)}); congtac.ErrorCode(err) != congtac.EFORBIDDEN {
			t.Errorf("reporter of A updates B's report: %v, want EFORBIDDEN", err)
		}
		if _, err := s.SubmitReport(ctx, f.reporterA, r.ID, r.Version, congtac.ReportUpdate{}); congtac.ErrorCode(err) != congtac.EFORBIDDEN {
			t.Errorf("reporter of A submits B's report: %v, want EFORBIDDEN", err)
		}
		if r, err = s.SubmitReport(ctx, reporterB, r.ID, r.Version, congtac.ReportUpdate{}); err != nil {
			t.Fatal(err)
		}
		for _, a := range []congtac.Actor{reporterB, headA, viewer} {
			if _, err := s.ReviewReport(ctx, a, r.ID, r.Version, congtac.ReportAccepted, ""); congtac.ErrorCode(err) != congtac.EFORBIDDEN {
				t.Errorf("%s reviews: %v, want EFORBIDDEN", a.Role, err)
			}
		}
		if got, _ := s.FindReportByID(ctx, r.ID); got.Status != congtac.ReportSubmitted || got.Version != r.Version {
			t.Errorf("after refused changes the report is %s v%d, want submitted v%d", got.Status, got.Version, r.Version)
		}
	})
}

func TestReportDraftSubmitReturnSubmitAccept(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		today := congtac.MustDate(2023, 5, 20)
		fixedClock(s, today)
		f := newFixture(t, s)
		build := findTaskByText(t, issued(t, s, f).Tasks, "Khởi công")

		r, err := s.CreateReport(ctx, f.reporterA, congtac.Report{TaskID: build.ID, OrgID: f.deptA.ID,
			Text: "  Đa\u0303 phê duyệt hồ sơ 3/5 công trình  ", Percent: 60})
		if err != nil {
			t.Fatal(err)
		}
		if r.Status != congtac.ReportDraft || r.AuthorID != f.reporterA.UserID || !r.SubmittedAt.IsZero() ||
			r.Text != "Đã phê duyệt hồ sơ 3/5 công trình" || r.Version != 1 {
			t.Errorf("draft = %+v", r)
		}
		if got, _ := s.FindReportByID(ctx, r.ID); got.Text != r.Text || got.Status != congtac.ReportDraft {
			t.Errorf("stored draft = %q %s, want the NFC, trimmed text as a draft", got.Text, got.Status)
		}
		if r, err = s.SubmitReport(ctx, f.reporterA, r.ID, r.Version, congtac.ReportUpdate{}); err != nil {
			t.Fatal(err)
		}
		if r.Status != congtac.ReportSubmitted || congtac.DateOf(r.SubmittedAt, congtac.Location()) != today {
			t.Errorf("submitted = %s at %v", r.Status, r.SubmittedAt)
		}
		if _, err := s.UpdateReport(ctx, f.reporterA, r.ID, r.Version, congtac.ReportUpdate{Percent: pointer(70)}); congtac.ErrorCode(err) != congtac.EINVALID {
			t.Errorf("update of a submitted report: %v, want EINVALID", err)
		}
		if _, err := s.ReviewReport(ctx, f.drafter, r.ID, r.Version, congtac.ReportReturned, "  "); congtac.FieldErrors(err)["review_note"] == "" {
			t.Errorf("return without a note: %v, want EINVALID on review_note", err)
		}
		if _, err := s.ReviewReport(ctx, f.drafter, r.ID, r.Version, congtac.ReportDraft, ""); congtac.ErrorCode(err) != congtac.EINVALID {
			t.Errorf("review to draft: %v, want EINVALID", err)
		}
		if r, err = s.ReviewReport(ctx, f.drafter, r.ID, r.Version, congtac.ReportReturned, "Bổ sung số liệu giải ngân"); err != nil {
			t.Fatal(err)
		}
		if r.Status != congtac.ReportReturned || r.ReviewNote != "Bổ sung số liệu giải ngân" || r.ReviewedAt.IsZero() {
			t.Errorf("returned = %s %q at %v", r.Status, r.ReviewNote, r.ReviewedAt)
		}
		done := congtac.MustDate(2023, 5, 18)
		if r, err = s.UpdateReport(ctx, f.reporterA, r.ID, r.Version, congtac.ReportUpdate{
			Text: pointer("Đã khởi công toàn bộ các công trình"), Percent: pointer(100), DoneOn: &done}); err != nil {
			t.Fatal(err)
		}
		if r.Status != congtac.ReportReturned || r.Percent != 100 {
			t.Errorf("returned report after update = %s %d%%, want returned 100%%", r.Status, r.Percent)
		}
		if r, err = s.SubmitReport(ctx, f.reporterA, r.ID, r.Version, congtac.ReportUpdate{}); err != nil {
			t.Fatal(err)
		}
		if r, err = s.ReviewReport(ctx, f.chair, r.ID, r.Version, congtac.ReportAccepted, ""); err != nil {
			t.Fatal(err)
		}
		if r.Status != congtac.ReportAccepted || r.Version != 6 {
			t.Errorf("accepted = %s v%d, want accepted v6", r.Status, r.Version)
		}
		if _, err := s.ReviewReport(ctx, f.drafter, r.ID, r.Version, congtac.ReportReturned, "Xem lại"); congtac.ErrorCode(err) != congtac.EINVALID {
			t.Errorf("second review: %v, want EINVALID", err)
		}
		got, err := s.FindTaskByID(ctx, build.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.DoneOn != done || got.Status(today) != congtac.StatusDoneOnTime || got.Version != build.Version+1 {
			t.Errorf("task after acceptance: done %s, %s, v%d; want done %s, done_on_time, v%d",
				got.DoneOn, got.Status(today), got.Version, done, build.Version+1)
		}
		want := []string{"create", "submit", "return", "update", "submit", "accept"}
		if got := auditActions(t, s, "report", r.ID); !slices.Equal(got, want) {
			t.Errorf("report audit = %v, want %v", got, want)
		}
		if got := auditActions(t, s, "task", build.ID); !slices.Contains(got, "complete") {
			t.Errorf("task audit = %v, want a complete event", got)
		}
	})
}

func TestAcceptedReportsCompleteTheirShareOnly(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		asOf := congtac.MustDate(2023, 7, 10)
		fixedClock(s, asOf)
		f := newFixture(t, s)
		p := issued(t, s, f)
		build := findTaskByText(t, p.Tasks, "Khởi công")
		fees := findTaskByText(t, p.Tasks, "Thu tiền")
		monthly := findTaskByText(t, p.Tasks, "Báo cáo kết")
		reporterB := newActor(t, s, "vanhoa", congtac.RoleReporter, f.deptB.ID)
		accept := func(a congtac.Actor, r congtac.Report) {
			t.Helper()
			r.Status = congtac.ReportSubmitted
			r, err := s.CreateReport(ctx, a, r)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := s.ReviewReport(ctx, f.drafter, r.ID, r.Version, congtac.ReportAccepted, ""); err != nil {
				t.Fatal(err)
			}
		}
		done := func(task, org int64, on congtac.Date) congtac.Report {
			return congtac.Report{TaskID: task, OrgID: org, Text: "Đã hoàn thành", Percent: 100, DoneOn: on}
		}

		// The lead's 100% finishes the task: the commune's fees, due 30/6, done 5/7 is late.
		accept(f.drafter, done(fees.ID, f.commune.ID, congtac.MustDate(2023, 7, 5)))
		if got, _ := s.FindTaskByID(ctx, fees.ID); got.Status(asOf) != congtac.StatusDoneLate {
			t.Errorf("fees done 5/7 for 30/6: %s, want done_late", got.Status(asOf))
		}
		// A support org's 100% finishes its share only; a partial report finishes nothing.
		accept(reporterB, done(build.ID, f.deptB.ID, congtac.MustDate(2023, 5, 15)))
		accept(f.reporterA, progress(build.ID, f.deptA.ID))
		got, _ := s.FindTaskByID(ctx, build.ID)
		if st, _ := got.SupportStatus(f.deptB.ID, asOf); st != congtac.StatusDoneOnTime {
			t.Errorf("support share: %s, want done_on_time", st)
		}
		if got.Status(asOf) != congtac.StatusOverdue || got.Version != build.Version+1 {
			t.Errorf("task with support done, lead at 60%%: %s v%d; want overdue v%d", got.Status(asOf), got.Version, build.Version+1)
		}
		// A recurring task's report completes the one occurrence it names.
		accept(reporterB, congtac.Report{TaskID: monthly.ID, OrgID: f.deptB.ID, Occurrence: congtac.MustDate(2023, 4, 30),
			Text: "Báo cáo tháng 4", Percent: 100, DoneOn: congtac.MustDate(2023, 4, 28)})
		got, _ = s.FindTaskByID(ctx, monthly.ID)
		var statuses []congtac.Status
		for _, o := range got.OccurrenceStatuses(asOf) {
			statuses = append(statuses, o.Status)
		}
		want := []congtac.Status{congtac.StatusDoneOnTime, congtac.StatusOverdue, congtac.StatusOverdue}
		if !slices.Equal(statuses, want) || got.Status(asOf) != congtac.StatusOverdue {
			t.Errorf("monthly occurrences = %v (task %s), want %v (task overdue)", statuses, got.Status(asOf), want)
		}

		occurrence := func(task int64, d congtac.Date) congtac.Report {
			r := progress(task, f.deptB.ID)
			r.Occurrence = d
			return r
		}
		for name, r := range map[string]congtac.Report{
			"a day that is not an occurrence":   occurrence(monthly.ID, congtac.MustDate(2023, 4, 15)),
			"an occurrence after the deadline":  occurrence(monthly.ID, congtac.MustDate(2023, 7, 31)),
			"no occurrence on a recurring task": occurrence(monthly.ID, congtac.Date{}),
			"an occurrence on a one-off task":   occurrence(build.ID, congtac.MustDate(2023, 4, 30)),
		} {
			if _, err := s.CreateReport(ctx, reporterB, r); congtac.FieldErrors(err)["occurrence"] == "" {
				t.Errorf("%s: %v, want EINVALID on occurrence", name, err)
			}
		}
	})
}

func TestCreateReportRejectsBadInputAndWritesNothing(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		fixedClock(s, congtac.MustDate(2023, 5, 10))
		f := newFixture(t, s)
		build := findTaskByText(t, issued(t, s, f).Tasks, "Khởi công")
		tests := []struct {
			name   string
			edit   func(*congtac.Report)
			fields []string
		}{
			{"percent 120", func(r *congtac.Report) { r.Percent = 120 }, []string{"percent"}},
			{"empty text", func(r *congtac.Report) { r.Text = " \n " }, []string{"text"}},
			{"both", func(r *congtac.Report) { r.Text, r.Percent = "", -1 }, []string{"text", "percent"}},
			{"done without a day", func(r *congtac.Report) { r.Percent = 100 }, []string{"done_on"}},
			{"done tomorrow", func(r *congtac.Report) { r.Percent, r.DoneOn = 100, congtac.MustDate(2023, 5, 11) }, []string{"done_on"}},
			{"created accepted", func(r *congtac.Report) { r.Status = congtac.ReportAccepted }, []string{"status"}},
		}
		for _, tt := range tests {
			r := progress(build.ID, f.deptA.ID)
			tt.edit(&r)
			_, err := s.CreateReport(ctx, f.reporterA, r)
			if congtac.ErrorCode(err) != congtac.EINVALID {
				t.Errorf("%s: err = %v, want EINVALID", tt.name, err)
				continue
			}
			for _, field := range tt.fields {
				if _, ok := congtac.FieldErrors(err)[field]; !ok {
					t.Errorf("%s: field errors %v, want one on %q", tt.name, congtac.FieldErrors(err), field)
				}
			}
		}
		if rs, n, _ := s.FindReports(ctx, congtac.ReportFilter{}); n != 0 || len(rs) != 0 {
			t.Errorf("after failures %d reports stored, want 0", n)
		}
		if events, _, _ := s.FindAuditEvents(ctx, congtac.System, congtac.AuditFilter{Entity: "report"}); len(events) != 0 {
			t.Errorf("after failures %d audit events, want 0", len(events))
		}
	})
}

func TestReportChangesOnAStaleVersionConflict(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		fixedClock(s, congtac.MustDate(2023, 5, 10))
		f := newFixture(t, s)
		build := findTaskByText(t, issued(t, s, f).Tasks, "Khởi công")
		r, err := s.CreateReport(ctx, f.reporterA, progress(build.ID, f.deptA.ID))
		if err != nil {
			t.Fatal(err)
		}
		first := "Đã khởi công 2/5 công trình"
		if _, err := s.UpdateReport(ctx, f.reporterA, r.ID, r.Version, congtac.ReportUpdate{Text: &first}); err != nil {
			t.Fatal(err)
		}
		if _, err := s.UpdateReport(ctx, f.reporterA, r.ID, r.Version, congtac.ReportUpdate{Text: pointer("Khác")}); congtac.ErrorCode(err) != congtac.ECONFLICT {
			t.Errorf("update on a stale version: %v, want ECONFLICT", err)
		}
		if _, err := s.SubmitReport(ctx, f.reporterA, r.ID, r.Version, congtac.ReportUpdate{}); congtac.ErrorCode(err) != congtac.ECONFLICT {
			t.Errorf("submit on a stale version: %v, want ECONFLICT", err)
		}
		cur, _ := s.FindReportByID(ctx, r.ID)
		cur, err = s.SubmitReport(ctx, f.reporterA, cur.ID, cur.Version, congtac.ReportUpdate{})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.ReviewReport(ctx, f.drafter, r.ID, cur.Version-1, congtac.ReportAccepted, ""); congtac.ErrorCode(err) != congtac.ECONFLICT {
			t.Errorf("review on a stale version: %v, want ECONFLICT", err)
		}
		if got, _ := s.FindReportByID(ctx, r.ID); got.Text != first || got.Status != congtac.ReportSubmitted || got.Version != 3 {
			t.Errorf("stored %q %s v%d, want the first update, submitted, v3", got.Text, got.Status, got.Version)
		}
	})
}

func TestFindReportsNewestFirstWithTotal(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		fixedClock(s, congtac.MustDate(2023, 5, 10))
		f := newFixture(t, s)
		p := issued(t, s, f)
		build := findTaskByText(t, p.Tasks, "Khởi công")
		fees := findTaskByText(t, p.Tasks, "Thu tiền")
		var ids []int64
		for _, r := range []congtac.Report{progress(build.ID, f.deptA.ID), progress(fees.ID, f.commune.ID),
			progress(build.ID, f.deptA.ID), {TaskID: build.ID, OrgID: f.deptB.ID, Text: "Phối hợp", Status: congtac.ReportSubmitted}} {
			r, err := s.CreateReport(ctx, f.drafter, r)
			if err != nil {
				t.Fatal(err)
			}
			ids = append(ids, r.ID)
		}
		rs, n, err := s.FindReports(ctx, congtac.ReportFilter{TaskID: &build.ID, Limit: 2})
		if err != nil || n != 3 || len(rs) != 2 || rs[0].ID != ids[3] || rs[1].ID != ids[2] {
			t.Errorf("FindReports(task, limit 2) = %d of %d, %v; want the 2 newest of 3", len(rs), n, err)
		}
		rs, n, _ = s.FindReports(ctx, congtac.ReportFilter{TaskID: &build.ID, Offset: 2})
		if n != 3 || len(rs) != 1 || rs[0].ID != ids[0] {
			t.Errorf("FindReports(task, offset 2) = %d of %d, want the oldest", len(rs), n)
		}
		submitted := congtac.ReportSubmitted
		if rs, n, _ := s.FindReports(ctx, congtac.ReportFilter{OrgID: &f.deptB.ID, Status: &submitted}); n != 1 || rs[0].ID != ids[3] {
			t.Errorf("FindReports(org B, submitted) = %d, want 1", n)
		}
		// Every report is counted as a set, those of one status report by report: the same.
		_, all, _ := s.FindReports(ctx, congtac.ReportFilter{})
		sum := 0
		for _, st := range congtac.ReportStatuses {
			_, n, err := s.FindReports(ctx, congtac.ReportFilter{Status: &st})
			if err != nil {
				t.Fatal(err)
			}
			sum += n
		}
		if all != 4 || sum != all {
			t.Errorf("FindReports() = %d, by status %d in all; want 4 both ways", all, sum)
		}
		if _, err := s.FindReportByID(ctx, 999999); congtac.ErrorCode(err) != congtac.ENOTFOUND {
			t.Errorf("FindReportByID(missing) = %v, want ENOTFOUND", err)
		}
	})
}

// TestConcurrentReportUpdatesOnOneVersion has several editors save the same version at once:
// exactly one wins, the others get ECONFLICT, whatever the engine's isolation.
func TestConcurrentReportUpdatesOnOneVersion(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		fixedClock(s, congtac.MustDate(2023, 5, 10))
		f := newFixture(t, s)
		build := findTaskByText(t, issued(t, s, f).Tasks, "Khởi công")
		r, err := s.CreateReport(ctx, f.reporterA, progress(build.ID, f.deptA.ID))
		if err != nil {
			t.Fatal(err)
		}
		const n = 8
		errs := make([]error, n)
		var wg sync.WaitGroup
		start := make(chan struct{})
		for i := range n {
			wg.Add(1)
			go func() {
				defer wg.Done()
				<-start
				_, errs[i] = s.UpdateReport(ctx, f.reporterA, r.ID, r.Version, congtac.ReportUpdate{Percent: pointer(61 + i)})
			}()
		}
		close(start)
		wg.Wait()
		won := 0
		for _, err := range errs {
			switch congtac.ErrorCode(err) {
			case "":
				won++
			case congtac.ECONFLICT:
			default:
				t.Errorf("concurrent update: %v", err)
			}
		}
		if got, _ := s.FindReportByID(ctx, r.ID); won != 1 || got.Version != 2 {
			t.Errorf("%d of %d updates won, report at v%d; want exactly 1 and v2", won, n, got.Version)
		}
	})
}

// TestSubmitReportSavesAndSendsAtOnce: a report saved and sent from its form is one use case
// (issue 10: an update then a submission composed in web could save without sending).
func TestSubmitReportSavesAndSendsAtOnce(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		fixedClock(s, congtac.MustDate(2023, 5, 20))
		f := newFixture(t, s)
		build := findTaskByText(t, issued(t, s, f).Tasks, "Khởi công")
		r, err := s.CreateReport(ctx, f.reporterA, congtac.Report{TaskID: build.ID, OrgID: f.deptA.ID,
			Text: "Đã phê duyệt hồ sơ 3/5 công trình", Percent: 60})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.SubmitReport(ctx, f.reporterA, r.ID, r.Version, congtac.ReportUpdate{Percent: pointer(160)}); congtac.ErrorCode(err) != congtac.EINVALID {
			t.Errorf("sending with a percent of 160: %v, want EINVALID", err)
		}
		if got, _ := s.FindReportByID(ctx, r.ID); got.Status != congtac.ReportDraft || got.Percent != 60 || got.Version != r.Version {
			t.Errorf("after a refused send the report is %s %d%% v%d, want the draft as it was", got.Status, got.Percent, got.Version)
		}
		sent, err := s.SubmitReport(ctx, f.reporterA, r.ID, r.Version, congtac.ReportUpdate{
			Text: pointer("Đã phê duyệt hồ sơ 4/5 công trình"), Percent: pointer(80)})
		if err != nil {
			t.Fatal(err)
		}
		got, _ := s.FindReportByID(ctx, r.ID)
		if got.Status != congtac.ReportSubmitted || got.Percent != 80 || got.Text != "Đã phê duyệt hồ sơ 4/5 công trình" ||
			got.Version != r.Version+1 || sent.Version != got.Version {
			t.Errorf("sent = %s %d%% %q v%d, want submitted 80%% with the new text, v%d", got.Status, got.Percent, got.Text,
				got.Version, r.Version+1)
		}
	})
}

// TestReportTextMustBeText: a NUL byte or invalid UTF-8 in a report is EINVALID on both
// engines, never an internal error (PostgreSQL refuses both) nor silently replaced.
func TestReportTextMustBeText(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		fixedClock(s, congtac.MustDate(2023, 5, 20))
		f := newFixture(t, s)
		task := findTaskByText(t, issued(t, s, f).Tasks, "Khởi công")
		for _, text := range []string{"Đã xong\x00", "gi\xe1o dục", "chuông\x07"} {
			_, err := s.CreateReport(ctx, f.reporterA, congtac.Report{TaskID: task.ID, OrgID: f.deptA.ID, Text: text, Percent: 10})
			if congtac.ErrorCode(err) != congtac.EINVALID || congtac.FieldErrors(err)["text"] == "" {
				t.Errorf("report %q: %v, want EINVALID on text", text, err)
			}
		}
	})
}

// TestReportFiles: a report is sent with an attachment typed by its bytes; a file that is
// no document is refused and the report with it; its author adds a spreadsheet while it is
// returned, not once it is accepted; a leader may not.
func TestReportFiles(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		fixedClock(s, congtac.MustDate(2023, 4, 20))
		f := newFixture(t, s)
		build := findTaskByText(t, issued(t, s, f).Tasks, "Khởi công")
		pdf := []byte("%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n%%EOF\n")
		r := congtac.Report{TaskID: build.ID, OrgID: build.Lead, Text: "Đã khởi công 2 công trình.", Percent: 40,
			Status: congtac.ReportSubmitted}
		if _, err := s.CreateReport(ctx, f.reporterA, r, congtac.Attachment{Name: "x.pdf", Data: []byte("MZ\x90\x00")}); congtac.ErrorCode(err) != congtac.EINVALID {
			t.Errorf("an executable named .pdf: %v, want EINVALID", err)
		}
		if _, n, _ := s.FindReports(ctx, congtac.ReportFilter{TaskID: &build.ID}); n != 0 {
			t.Errorf("the refused report was kept: %d", n)
		}
		sent, err := s.CreateReport(ctx, f.reporterA, r, congtac.Attachment{Name: "C:\\Báo cáo\\Biên bản khởi công.pdf", Data: pdf})
		if err != nil {
			t.Fatal(err)
		}
		files, err := s.FindReportFiles(ctx, sent.ID)
		if err != nil || len(files) != 1 || files[0].Name != "Biên bản khởi công.pdf" || files[0].ContentType != congtac.TypePDF || files[0].Data != nil {
			t.Fatalf("files = %+v, %v", files, err)
		}
		got, err := s.FindReportFile(ctx, files[0].ID)
		if err != nil || string(got.Data) != string(pdf) {
			t.Errorf("file read back: %d bytes, %v", len(got.Data), err)
		}
		if info, err := s.FindReportFileInfo(ctx, files[0].ID); err != nil || info.Data != nil || info.Name != got.Name {
			t.Errorf("file's record read back: %+v, %v; want it without its bytes", info, err)
		}
		if _, err := s.FindReportFileInfo(ctx, files[0].ID+1000); congtac.ErrorCode(err) != congtac.ENOTFOUND {
			t.Errorf("no such file: %v, want ENOTFOUND", err)
		}
		returned, err := s.ReviewReport(ctx, f.drafter, sent.ID, sent.Version, congtac.ReportReturned, "Thiếu bảng tiến độ.")
		if err != nil {
			t.Fatal(err)
		}
		xlsx := zipOf(t, "[Content_Types].xml", "xl/workbook.xml")
		if _, err := s.AddReportFile(ctx, f.chair, returned.ID, "tien-do.xlsx", xlsx); congtac.ErrorCode(err) != congtac.EFORBIDDEN {
			t.Errorf("a leader adds to a unit's report: %v, want EFORBIDDEN", err)
		}
		added, err := s.AddReportFile(ctx, f.reporterA, returned.ID, "tien-do.xlsx", xlsx)
		if err != nil || added.ContentType != congtac.TypeXLSX {
			t.Fatalf("the spreadsheet: %+v, %v", added, err)
		}
		again, _ := s.SubmitReport(ctx, f.reporterA, returned.ID, returned.Version, congtac.ReportUpdate{})
		if _, err := s.ReviewReport(ctx, f.drafter, again.ID, again.Version, congtac.ReportAccepted, ""); err != nil {
			t.Fatal(err)
		}
		if _, err := s.AddReportFile(ctx, f.reporterA, returned.ID, "anh.png", []byte("\x89PNG\r\n\x1a\nxxxx")); congtac.ErrorCode(err) != congtac.EINVALID {
			t.Errorf("a file on an accepted report: %v, want EINVALID", err)
		}
	})
}

// zipOf returns a zip holding empty files of the given names.
func zipOf(t *testing.T, names ...string) []byte {
	t.Helper()
	var buf bytes.Buffer
	z := zip.NewWriter(&buf)
	for _, n := range names {
		if _, err := z.Create(n); err != nil {
			t.Fatal(err)
		}
	}
	if err := z.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}
