package remind

import (
	"slices"
	"strings"
	"testing"
	"time"

	"congtac"
)

// day returns a day of 2026.
func day(m, d int) congtac.Date { return congtac.MustDate(2026, time.Month(m), d) }

// Accounts of the tests: org 10 has a reporter, a unit head and a disabled reporter; org 20
// a reporter; committee 1 (under province 100) its leaders, office head and drafter.
var testUsers = []congtac.User{
	{ID: 1, OrgID: 10, Role: congtac.RoleReporter}, {ID: 2, OrgID: 10, Role: congtac.RoleUnitHead},
	{ID: 3, OrgID: 20, Role: congtac.RoleReporter}, {ID: 4, OrgID: 10, Role: congtac.RoleReporter, Disabled: true},
	{ID: 50, OrgID: 1, Role: congtac.RoleDrafter},
	{ID: 60, OrgID: 1, Role: congtac.RoleLeader, PersonID: 600}, {ID: 61, OrgID: 1, Role: congtac.RoleOfficeHead},
	{ID: 63, OrgID: 2, Role: congtac.RoleLeader}, {ID: 64, OrgID: 1, Role: congtac.RoleLeader, PersonID: 600, Disabled: true},
	{ID: 65, OrgID: 100, Role: congtac.RoleAdmin}, {ID: 66, OrgID: 100, Role: congtac.RoleLeader},
}

// userIDs returns the users told, in order, after checking that every notification has
// kind and link, and an NFC title that is not empty.
func userIDs(t *testing.T, ns []congtac.Notification, kind, link string) []int64 {
	t.Helper()
	var ids []int64
	for _, n := range ns {
		if n.Kind != kind || n.Link != link || n.Title == "" || congtac.NFC(n.Title) != n.Title {
			t.Errorf("notification %+v, want kind %s, link %s and an NFC title", n, kind, link)
		}
		ids = append(ids, n.UserID)
	}
	return ids
}

// keyOf returns the one key of ns, failing when they disagree.
func keyOf(t *testing.T, ns []congtac.Notification) string {
	t.Helper()
	for _, n := range ns[1:] {
		if n.Key != ns[0].Key {
			t.Errorf("keys %q and %q for one occasion", ns[0].Key, n.Key)
		}
	}
	return ns[0].Key
}

// TestMaterials: materials due on 10/12 for a meeting on 17/12 are reminded with three
// days' notice on 7/12, on 10/12 and once on 11/12, to both preparing orgs' recipients;
// never once a file is attached, the meeting is not planned or is past, and not before the
// day when lead is 0.
func TestMaterials(t *testing.T) {
	to := NewRecipients(testUsers)
	item := AgendaDue{
		Item:    congtac.AgendaItem{ID: 5, MeetingID: 9, Title: "Tờ trình về kế hoạch đầu tư công năm 2027", Lead: 10, Support: []int64{20}, MaterialsDue: day(12, 10)},
		Meeting: congtac.Meeting{ID: 9, Date: day(12, 17), Status: congtac.MeetingPlanned},
	}
	uploaded, postponed, past := item, item, item
	uploaded.HasMaterials = true
	postponed.Meeting.Status = congtac.MeetingPostponed
	past.Meeting.Date = day(12, 10)
	for _, tt := range []struct {
		name string
		in   AgendaDue
		on   congtac.Date
		lead int
		want []int64
		kind string
	}{
		{"before notice", item, day(12, 6), 3, nil, ""},
		{"notice", item, day(12, 7), 3, []int64{1, 2, 3}, "materials_due"},
		{"between", item, day(12, 8), 3, nil, ""},
		{"due day", item, day(12, 10), 3, []int64{1, 2, 3}, "materials_due"},
		{"day after", item, day(12, 11), 3, []int64{1, 2, 3}, "materials_overdue"},
		{"two days after", item, day(12, 12), 3, nil, ""},
		{"no notice: before", item, day(12, 7), 0, nil, ""},
		{"no notice: due day", item, day(12, 10), 0, []int64{1, 2, 3}, "materials_due"},
		{"uploaded: due day", uploaded, day(12, 10), 3, nil, ""},
		{"uploaded: day after", uploaded, day(12, 11), 3, nil, ""},
		{"postponed", postponed, day(12, 10), 3, nil, ""},
		{"meeting past", past, day(12, 11), 3, nil, ""},
	} {
		ns := Materials([]AgendaDue{tt.in}, to, tt.on, tt.lead)
		if got := userIDs(t, ns, tt.kind, "/meetings/9"); !slices.Equal(got, tt.want) {
			t.Errorf("%s: told %v, want %v", tt.name, got, tt.want)
		}
	}
	keys := map[string]bool{}
	for _, on := range []congtac.Date{day(12, 7), day(12, 10), day(12, 11)} {
		k := keyOf(t, Materials([]AgendaDue{item}, to, on, 3))
		if again := keyOf(t, Materials([]AgendaDue{item}, to, on, 3)); again != k || keys[k] {
			t.Errorf("on %s: key %q (again %q) not distinct and stable", on, k, again)
		}
		keys[k] = true
	}
}

// TestReports: a returned report goes to its author, else to its org's recipients; other
// statuses give nothing; a second return is a new occasion, an edit in between is not.
func TestReports(t *testing.T) {
	users, to := ByID(testUsers), NewRecipients(testUsers)
	returned := congtac.Report{ID: 7, TaskID: 3, OrgID: 10, Status: congtac.ReportReturned, AuthorID: 1, Version: 3,
		ReviewNote: "Bổ sung số liệu giải ngân", ReviewedAt: time.Date(2026, 12, 10, 3, 0, 0, 0, time.UTC)}
	with := func(f func(*congtac.Report)) ReturnedReport {
		r := returned
		f(&r)
		return ReturnedReport{Report: r, Task: "Khởi công đường giao thông liên xã"}
	}
	for _, tt := range []struct {
		name string
		in   ReturnedReport
		want []int64
	}{
		{"to the author", with(func(*congtac.Report) {}), []int64{1}},
		{"author disabled", with(func(r *congtac.Report) { r.AuthorID = 4 }), []int64{1, 2}},
		{"author unknown", with(func(r *congtac.Report) { r.AuthorID = 0 }), []int64{1, 2}},
		{"draft", with(func(r *congtac.Report) { r.Status = congtac.ReportDraft }), nil},
		{"submitted again", with(func(r *congtac.Report) { r.Status = congtac.ReportSubmitted }), nil},
		{"accepted", with(func(r *congtac.Report) { r.Status = congtac.ReportAccepted }), nil},
	} {
		ns := Reports([]ReturnedReport{tt.in}, users, to)
		if got := userIDs(t, ns, "report_returned", "/reports/7"); !slices.Equal(got, tt.want) {
			t.Errorf("%s: told %v, want %v", tt.name, got, tt.want)
		}
	}
	first := Reports([]ReturnedReport{with(func(*congtac.Report) {})}, users, to)
	edited := Reports([]ReturnedReport{with(func(r *congtac.Report) { r.Version = 4 })}, users, to)
	again := Reports([]ReturnedReport{with(func(r *congtac.Report) { r.Version, r.ReviewedAt = 6, r.ReviewedAt.Add(48*time.Hour) })}, users, to)
	if first[0].Key != edited[0].Key || first[0].Key == again[0].Key {
		t.Errorf("keys first %q, after an edit %q, returned again %q", first[0].Key, edited[0].Key, again[0].Key)
	}
	if title := first[0].Title; !strings.Contains(title, "Khởi công đường giao thông") || !strings.Contains(title, "Bổ sung số liệu") {
		t.Errorf("title %q names neither the task nor the office's remark", title)
	}
}

// TestExplanations: a request due on 10/12 is announced to the org while open, then on
// 11/12 and 18/12 (not between) to the org and the asker; answered, it gives nothing.
func TestExplanations(t *testing.T) {
	users, to := ByID(testUsers), NewRecipients(testUsers)
	open := congtac.Explanation{ID: 9, TaskID: 3, OrgID: 10, Question: "Vì sao chậm giải phóng mặt bằng?",
		Due: day(12, 10), AskedBy: 50, AskedOn: day(12, 1)}
	answered, askerGone := open, open
	answered.AnsweredOn, answered.AnsweredBy, answered.Answer = day(12, 9), 1, "Do vướng hồ sơ đất."
	askerGone.AskedBy = 4
	for _, tt := range []struct {
		name string
		in   congtac.Explanation
		on   congtac.Date
		want []int64
		kind string
	}{
		{"asked", open, day(12, 1), []int64{1, 2}, "explanation_asked"},
		{"due day", open, day(12, 10), []int64{1, 2}, "explanation_asked"},
		{"day after", open, day(12, 11), []int64{1, 2, 50}, "explanation_overdue"},
		{"between", open, day(12, 12), nil, ""},
		{"a week on", open, day(12, 18), []int64{1, 2, 50}, "explanation_overdue"},
		{"asker disabled", askerGone, day(12, 11), []int64{1, 2}, "explanation_overdue"},
		{"answered: open", answered, day(12, 5), nil, ""},
		{"answered: late", answered, day(12, 11), nil, ""},
	} {
		ns := Explanations([]congtac.Explanation{tt.in}, users, to, tt.on)
		if got := userIDs(t, ns, tt.kind, "/tasks/3#giai-trinh"); !slices.Equal(got, tt.want) {
			t.Errorf("%s: told %v, want %v", tt.name, got, tt.want)
		}
	}
	keys := map[string]bool{}
	for _, on := range []congtac.Date{day(12, 1), day(12, 11), day(12, 18)} {
		keys[keyOf(t, Explanations([]congtac.Explanation{open}, users, to, on))] = true
	}
	asked := keyOf(t, Explanations([]congtac.Explanation{open}, users, to, day(12, 9)))
	if len(keys) != 3 || !keys[asked] || asked != "explanation-asked:9" {
		t.Errorf("keys %v, asked again %q", keys, asked)
	}
}

// TestPrograms: a submitted program of committee 1 goes to those whose role approves and
// whose reach covers the committee: its leader and office head, and the province's leader;
// not the drafter, the admin, another committee's leader or a disabled account.
func TestPrograms(t *testing.T) {
	path := OrgPaths([]congtac.Org{{ID: 100}, {ID: 1, ParentID: 100}, {ID: 2, ParentID: 100}, {ID: 10, ParentID: 1}})
	submitted := congtac.Program{ID: 4, OrgID: 1, Title: "Chương trình công tác tháng 12 năm 2026", Status: congtac.ProgramSubmitted, Version: 3}
	with := func(f func(*congtac.Program)) congtac.Program {
		p := submitted
		f(&p)
		return p
	}
	for _, tt := range []struct {
		name string
		in   congtac.Program
		want []int64
	}{
		{"submitted", submitted, []int64{60, 61, 66}},
		{"draft", with(func(p *congtac.Program) { p.Status = congtac.ProgramDraft }), nil},
		{"approved", with(func(p *congtac.Program) { p.Status = congtac.ProgramApproved }), nil},
		{"conclusion list", with(func(p *congtac.Program) { p.MeetingID = 9 }), nil},
		{"unknown org", with(func(p *congtac.Program) { p.OrgID = 77 }), nil},
	} {
		ns := Programs([]congtac.Program{tt.in}, testUsers, path)
		if got := userIDs(t, ns, "program_submitted", "/programs/4"); !slices.Equal(got, tt.want) {
			t.Errorf("%s: told %v, want %v", tt.name, got, tt.want)
		}
	}
	first := keyOf(t, Programs([]congtac.Program{submitted}, testUsers, path))
	resubmitted := keyOf(t, Programs([]congtac.Program{with(func(p *congtac.Program) { p.Version = 6 })}, testUsers, path))
	if first != "program-submitted:4:3" || first == resubmitted {
		t.Errorf("keys %q, %q", first, resubmitted)
	}
}

// TestOrgPaths: an org's path runs up to the root; an unknown org has none, a cycle ends.
func TestOrgPaths(t *testing.T) {
	path := OrgPaths([]congtac.Org{{ID: 100}, {ID: 1, ParentID: 100}, {ID: 10, ParentID: 1}, {ID: 7, ParentID: 8}, {ID: 8, ParentID: 7}})
	for _, tt := range []struct {
		id   int64
		want []int64
	}{{10, []int64{10, 1, 100}}, {100, []int64{100}}, {42, nil}, {7, []int64{7, 8}}} {
		if got := path(tt.id); !slices.Equal(got, tt.want) {
			t.Errorf("path(%d) = %v, want %v", tt.id, got, tt.want)
		}
	}
}

// TestEngagements: on 10/12, an entry of leader 600 changed or cancelled on that day or
// later goes to the leader's account (not the disabled one); an unchanged or past entry,
// or one of a person without an account, gives nothing; each version is its own occasion.
func TestEngagements(t *testing.T) {
	byPerson := ByPerson(testUsers)
	changed := congtac.Engagement{ID: 8, OrgID: 1, PersonID: 600, Date: day(12, 11), Start: congtac.At(14, 0),
		Title: "Làm việc với Sở Xây dựng", Version: 2}
	with := func(f func(*congtac.Engagement)) congtac.Engagement {
		e := changed
		f(&e)
		return e
	}
	cancelled := with(func(e *congtac.Engagement) {
		e.Cancelled, e.Start, e.Part, e.Version = true, congtac.NoTime, congtac.Morning, 3
	})
	for _, tt := range []struct {
		name  string
		in    congtac.Engagement
		want  []int64
		title string
	}{
		{"changed", changed, []int64{60}, "Lịch công tác thay đổi: Thứ Sáu, 11/12/2026, 14 giờ 00 – Làm việc với Sở Xây dựng"},
		{"cancelled", cancelled, []int64{60}, "Lịch công tác đã hủy: Thứ Sáu, 11/12/2026, sáng – Làm việc với Sở Xây dựng"},
		{"today", with(func(e *congtac.Engagement) { e.Date = day(12, 10) }), []int64{60}, ""},
		{"unchanged", with(func(e *congtac.Engagement) { e.Version = 1 }), nil, ""},
		{"past", with(func(e *congtac.Engagement) { e.Date = day(12, 9) }), nil, ""},
		{"no account", with(func(e *congtac.Engagement) { e.PersonID = 601 }), nil, ""},
	} {
		ns := Engagements([]congtac.Engagement{tt.in}, byPerson, day(12, 10))
		link := "/calendar?org=1&week=" + congtac.PeriodOf(congtac.PeriodWeek, tt.in.Date).Key()
		if got := userIDs(t, ns, "engagement_changed", link); !slices.Equal(got, tt.want) {
			t.Errorf("%s: told %v, want %v", tt.name, got, tt.want)
		}
		if tt.title != "" && len(ns) > 0 && ns[0].Title != tt.title {
			t.Errorf("%s: title %q, want %q", tt.name, ns[0].Title, tt.title)
		}
	}
	a := Engagements([]congtac.Engagement{changed}, byPerson, day(12, 10))
	b := Engagements([]congtac.Engagement{cancelled}, byPerson, day(12, 10))
	if a[0].Key != "engagement:8:2" || a[0].Key == b[0].Key || a[0].Link != "/calendar?org=1&week=2026-W50" {
		t.Errorf("keys %q, %q; link %q", a[0].Key, b[0].Key, a[0].Link)
	}
}
