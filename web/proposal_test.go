package web

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"congtac"
	"congtac/store"
	"congtac/store/storetest"
	"congtac/vn"
)

func init() { pageSamples = append(pageSamples, proposalSamples) }

// proposalSamples covers the proposals page: a unit's list and form with messages, the
// office's decision forms, and a period closed to units.
func proposalSamples(s *Server, r *http.Request) []pageSample {
	l := s.layout(r, "Đăng ký nội dung chương trình công tác")
	form := &proposalForm{Period: "2027-01", Ref: "2027-01-01", Text: "Rà soát <thủ tục>", DueText: "31/4",
		Orgs:       []option{{Value: "3", Label: "Phòng Kinh tế"}, {Value: "4", Label: "Phòng Văn hóa - Xã hội"}},
		Committees: []option{{Value: "1", Label: "UBND tỉnh"}, {Value: "9", Label: "UBND huyện"}},
		Kinds:      optionsOf(proposalKindOrder, congtac.ProposalKind.Label, "task"),
		Leads:      []option{{Value: "3", Label: "Phòng Kinh tế", Selected: true}}, Supports: []option{{Value: "4", Label: "Phòng Văn hóa - Xã hội"}},
		Errors:  map[string]string{"due_text": "Ngày 31/4 không có trên lịch."},
		General: []string{"Đã hết hạn đăng ký."}}
	row := proposalRow{ID: 5, Period: "Tháng 1 năm 2027", Unit: "Phòng Kinh tế", Kind: "Nhiệm vụ", Text: "Rà soát thủ tục",
		Lead: "Phòng Kinh tế", Support: []string{"Văn phòng", "Phòng Văn hóa - Xã hội"}, DueText: "trong tháng 1",
		Status: statusView{"proposed", "Đã đăng ký"}, Version: 1, Withdraw: true}
	decided := row
	decided.Status, decided.Reason, decided.Withdraw = statusView{"rejected", "Không đưa vào"}, "Trùng nội dung", false
	accepted := row
	accepted.Status, accepted.Program, accepted.ProgramHref = statusView{"accepted", "Đã đưa vào dự thảo"}, "Công tác tháng 1", "/programs/4"
	open := row
	open.Decide = &decisionForm{ID: 5, Version: 1, Reason: "x", Errors: map[string]string{"target": "Chọn dự thảo.", "reason": "Cần lý do."},
		Targets: []optionGroup{{Label: "Công tác tháng 1", Options: []option{{Value: "program:4:0", Label: "Cuối chương trình"},
			{Value: "program:4:7", Label: "1. Về kinh tế", Selected: true}}}}}
	agenda := row
	agenda.ID, agenda.Decide = 6, &decisionForm{ID: 6, Version: 1, Agenda: true, Errors: map[string]string{}}
	return []pageSample{
		{proposalsPage{layout: l, Period: "2027-01", Label: "tháng 1 năm 2027", Deadline: "25/12/2026", Proposes: true,
			Form: form, Mine: []proposalRow{row, decided, accepted}}, `data-deadline data-ref="2027-01-01"`},
		{proposalsPage{layout: l, Label: "tháng 1 năm 2027", Proposes: true, Mine: []proposalRow{decided}}, "Lý do: Trùng nội dung"},
		{proposalsPage{layout: l, Label: "tháng 12 năm 2026", Deadline: "24/11/2026", Proposes: true, Closed: true},
			"Đã hết hạn đăng ký nội dung cho chương trình tháng 12 năm 2026"},
		{proposalsPage{layout: l, Label: "tháng 1 năm 2027", Office: true, Open: []proposalRow{open, agenda},
			Decided: []proposalRow{decided, accepted}, Problems: []string{"Đã có người xử lý."}}, "Nhận vào dự thảo"},
		{proposalsPage{layout: l, Label: "tháng 1 năm 2027", Office: true}, "Không có nội dung nào chờ xử lý"},
		{proposalsPage{layout: l, Label: "tháng 1 năm 2027", Proposes: true, Closed: true,
			Issued: &issuedNote{Number: "01/CTr-UBND", On: "20/12/2026", Href: "/programs/4"}},
			`đã ban hành (<a href="/programs/4">số 01/CTr-UBND</a> ngày 20/12/2026): không đăng ký thêm`},
		{proposalsPage{layout: l, Label: "tháng 1 năm 2027", Office: true, Issued: &issuedNote{Number: "01/CTr-UBND", On: "20/12/2026"}},
			"(số 01/CTr-UBND ngày 20/12/2026): các đơn vị không đăng ký thêm"},
		{proposalsPage{layout: l, Label: "tháng 1 năm 2027"}, "Tài khoản của bạn không đăng ký"},
	}
}

// proposalMonths returns, as of demoToday, a month closed to proposals (its deadline, 7
// days before it starts, has passed) and the month after it, open: next month and the one
// after it, or this month and next in a month's last week.
func proposalMonths() (closed, open congtac.Period) {
	closed = congtac.PeriodOf(congtac.PeriodMonth, demoToday).Next()
	if !closed.Start().AddDays(-7).Before(demoToday) {
		closed = closed.Prev()
	}
	return closed, closed.Next()
}

// proposalWorld is the draft world with cookie clients for the pages.
type proposalWorld struct {
	draftWorld
	unit, office, chair *client
}

func newProposalWorld(t *testing.T, e store.Engine) proposalWorld {
	w := proposalWorld{draftWorld: newDraftWorld(t, e)}
	w.unit, w.office, w.chair = as(t, w.s, w.srv, "kinhte"), as(t, w.s, w.srv, "vanphong"), as(t, w.s, w.srv, "chutich")
	return w
}

// proposalsOf returns the proposals of the world in the store, newest first.
func (w proposalWorld) proposalsOf(t *testing.T) []congtac.Proposal {
	t.Helper()
	ps, err := w.st.FindProposals(ctxb, congtac.ProposalFilter{})
	if err != nil {
		t.Fatal(err)
	}
	return ps
}

// TestProposalPages: a unit proposes for a month before the deadline (the month before
// is closed to it; see [proposalMonths]), keeps its input on a refusal, withdraws one; the office takes one into January's
// draft under the sector's clause, one onto the regular meeting, and rejects one with a
// reason the unit then reads.
func TestProposalPages(t *testing.T) {
	w := newProposalWorld(t, store.SQLite)
	closedMonth, open := proposalMonths()
	next := congtac.PeriodOf(congtac.PeriodMonth, demoToday).Next()
	if r := w.unit.get("/proposals"); !strings.Contains(r.body, "chương trình "+next.String()) {
		t.Errorf("the unit's page is not about next month, %s:\n%s", next, shorten(r.body))
	}
	closed := w.unit.get("/proposals?period=" + closedMonth.Key())
	wantStatus(t, "the unit's page", closed, http.StatusOK)
	assertContains(t, closed.body, "Đã hết hạn đăng ký nội dung cho chương trình "+closedMonth.String(),
		vn.PaddedDate(closedMonth.Start().AddDays(-7)))
	if html(t, closed.body).Find(`form[method="post"][action="/proposals"]`).Length() != 0 {
		t.Errorf("the form is offered for %s after its deadline", closedMonth)
	}
	page := w.unit.get("/proposals?period=" + open.Key())
	doc := html(t, page.body)
	for _, sel := range []string{`select[name="lead"][data-org-picker]`, `fieldset#n-support .check-list[data-org-picker]:has(input[type="checkbox"][name="support"])`,
		`input[name="due_text"][data-deadline][data-ref="` + open.Start().String() + `"]`, `input[name="period"][value="` + open.Key() + `"]`} {
		if doc.Find(sel).Length() != 1 {
			t.Errorf("the form lacks %s", sel)
		}
	}
	task := url.Values{"period": {open.Key()}, "kind": {"task"}, "text": {"Rà soát, đơn giản hóa thủ tục đất đai"},
		"sector": {"economy"}, "support": {fmt.Sprint(w.culture.ID)}, "due_text": {fmt.Sprintf("chậm nhất trong tháng %d/%d", open.Next().Number, open.Next().Year)}}
	bad := url.Values{"period": {open.Key()}, "kind": {"task"}, "text": {"  "}, "due_text": {"trong Quý I"},
		"support": {fmt.Sprint(w.culture.ID)}}
	r := w.unit.post("/proposals", bad)
	wantStatus(t, "an empty proposal", r, http.StatusUnprocessableEntity)
	doc = html(t, r.body)
	if msg := doc.Find("#loi-n-text").Text(); msg == "" {
		t.Error("no message by the text field")
	}
	if v, _ := doc.Find(`input[name="due_text"]`).Attr("value"); v != "trong Quý I" {
		t.Errorf("the deadline typed came back as %q", v)
	}
	if doc.Find(fmt.Sprintf(`input[type="checkbox"][name="support"][value="%d"][checked]`, w.culture.ID)).Length() != 1 {
		t.Error("the support chosen is lost")
	}
	late := url.Values{"period": {closedMonth.Key()}, "kind": {"item"}, "text": {"Tổng kết năm"}}
	r = w.unit.post("/proposals", late)
	wantStatus(t, "a proposal for a closed month", r, http.StatusUnprocessableEntity)
	assertContains(t, r.body, "Đã hết hạn đăng ký nội dung")
	forOther := url.Values{"period": {open.Key()}, "kind": {"item"}, "text": {"X"}, "org": {fmt.Sprint(w.culture.ID)}}
	wantStatus(t, "a proposal for another unit", w.unit.post("/proposals", forOther), http.StatusForbidden)

	page = follow(t, w.unit, w.unit.post("/proposals", task))
	assertContains(t, page.body, "Đã đăng ký nội dung cho chương trình "+open.String()+".", "Rà soát, đơn giản hóa thủ tục đất đai")
	agenda := url.Values{"period": {open.Key()}, "kind": {"agenda"}, "text": {"Báo cáo tiến độ giải ngân vốn đầu tư công"}}
	follow(t, w.unit, w.unit.post("/proposals", agenda))
	item := url.Values{"period": {open.Key()}, "kind": {"item"}, "text": {"Tăng cường kiểm tra an toàn thực phẩm"}}
	follow(t, w.unit, w.unit.post("/proposals", item))
	extra := url.Values{"period": {open.Key()}, "kind": {"item"}, "text": {"Nội dung đăng ký nhầm"}}
	page = follow(t, w.unit, w.unit.post("/proposals", extra))
	ps := w.proposalsOf(t)
	if len(ps) != 4 || ps[0].Text != "Nội dung đăng ký nhầm" || ps[3].Lead != w.economy.ID || len(ps[3].Support) != 1 {
		t.Fatalf("proposals = %+v", ps)
	}
	mistaken, agendaP, itemP, taskP := ps[0], ps[2], ps[1], ps[3]
	withdraw := fmt.Sprintf("/proposals/%d/withdraw", mistaken.ID)
	if v := versionOf(t, page.body, withdraw); v != "1" {
		t.Errorf("withdraw form version %s", v)
	}
	page = follow(t, w.unit, w.unit.post(withdraw, url.Values{"version": {"1"}}))
	assertContains(t, page.body, "Đã rút lại nội dung đăng ký.", "Đơn vị rút lại")
	wantStatus(t, "withdrawing twice", w.unit.post(withdraw, url.Values{"version": {"2"}}), http.StatusUnprocessableEntity)
	mustUser(t, w.st, "vanhoa", congtac.RoleReporter, w.culture.ID)
	other := as(t, w.s, w.srv, "vanhoa")
	wantStatus(t, "another unit withdraws it", other.post(fmt.Sprintf("/proposals/%d/withdraw", taskP.ID),
		url.Values{"version": {"1"}}), http.StatusNotFound)
	assertLacks(t, other.get("/proposals").body, "Rà soát, đơn giản hóa")

	testProposalDecisions(t, w, open, taskP, agendaP, itemP)
}

// testProposalDecisions is the office's side of [TestProposalPages].
func testProposalDecisions(t *testing.T, w proposalWorld, open congtac.Period, taskP, agendaP, itemP congtac.Proposal) {
	page := w.office.get("/proposals?period=" + open.Key())
	wantStatus(t, "the office's page", page, http.StatusOK)
	assertContains(t, page.body, "Nội dung chờ xử lý (3)", "Chưa có dự thảo chương trình của kỳ này", "Ủy ban chưa có hội nghị nào")
	draft, err := w.st.CreateProgram(ctxb, congtac.System, congtac.Program{OrgID: w.committee.ID, Period: open,
		Title: "Công tác " + open.String(), Items: []congtac.Item{{ID: 1, Heading: "NHIỆM VỤ TRỌNG TÂM"},
			{ID: 2, ParentID: 1, Heading: "Về phát triển kinh tế", Sector: congtac.SectorEconomy},
			{ID: 3, ParentID: 1, Heading: "Về văn hóa - xã hội", Sector: congtac.SectorCultureSociety}}})
	if err != nil {
		t.Fatal(err)
	}
	meeting, err := w.st.CreateMeeting(ctxb, congtac.System, congtac.Meeting{OrgID: w.committee.ID, Kind: congtac.MeetingRegular,
		Title: fmt.Sprintf("Phiên họp thường kỳ tháng %d", open.Number), Date: open.Start().AddDays(19), Start: congtac.NoTime})
	if err != nil {
		t.Fatal(err)
	}
	draft, _ = w.st.FindProgramByID(ctxb, draft.ID)
	clause := targetValue(congtac.ProposalTarget{ProgramID: draft.ID, ParentItemID: draft.Items[1].ID})
	doc := html(t, w.office.get("/proposals?period="+open.Key()).body)
	accept := fmt.Sprintf("/proposals/%d/accept", taskP.ID)
	if v, _ := doc.Find(`form[action="` + accept + `"] option[selected]`).Attr("value"); v != clause {
		t.Errorf("the task's target chosen is %q, want the economy clause %q", v, clause)
	}
	wantStatus(t, "an acceptance at a stale version", w.office.post(accept, url.Values{"version": {"9"}, "target": {clause}}),
		http.StatusConflict)
	r := w.office.post(accept, url.Values{"version": {"1"}})
	wantStatus(t, "an acceptance without a target", r, http.StatusUnprocessableEntity)
	assertContains(t, r.body, "Chọn dự thảo chương trình sẽ đưa nội dung này vào.")
	reject := fmt.Sprintf("/proposals/%d/reject", itemP.ID)
	r = w.office.post(reject, url.Values{"version": {"1"}, "reason": {" "}})
	wantStatus(t, "a rejection without a reason", r, http.StatusUnprocessableEntity)
	if html(t, r.body).Find(fmt.Sprintf("#loi-r-%d", itemP.ID)).Text() == "" {
		t.Error("no message by the reason")
	}
	wantStatus(t, "a unit rejects", w.unit.post(reject, url.Values{"version": {"1"}, "reason": {"Không"}}), http.StatusForbidden)
	wantStatus(t, "the chairman opens the page", w.chair.get("/proposals"), http.StatusOK)

	follow(t, w.office, w.office.post(accept, url.Values{"version": {"1"}, "target": {clause}}))
	follow(t, w.office, w.office.post(reject, url.Values{"version": {"1"}, "reason": {"Đã có trong kế hoạch của Sở"}}))
	toMeeting := url.Values{"version": {"1"}, "target": {targetValue(congtac.ProposalTarget{MeetingID: meeting.ID})}}
	page = follow(t, w.office, w.office.post(fmt.Sprintf("/proposals/%d/accept", agendaP.ID), toMeeting))
	assertContains(t, page.body, "Nội dung chờ xử lý (0)", "Nội dung đã xử lý")

	got, _ := w.st.FindProgramByID(ctxb, draft.ID)
	var taken congtac.Task
	for _, tk := range got.Tasks {
		if strings.HasPrefix(tk.Text, "Rà soát") {
			taken = tk
		}
	}
	if taken.Due.Date != open.Next().End() || taken.Lead != w.economy.ID || len(taken.Support) != 1 {
		t.Errorf("the task taken into the draft = %+v", taken)
	}
	if m, _ := w.st.FindMeetingByID(ctxb, meeting.ID); len(m.Agenda) != 1 || m.Agenda[0].Lead != w.economy.ID {
		t.Errorf("the meeting's agenda = %+v", m.Agenda)
	}
	mine := w.unit.get("/proposals?period=" + open.Key()).body
	assertContains(t, mine, "Đã đưa vào dự thảo", "Lý do: Đã có trong kế hoạch của Sở")
}

// TestAPIProposals: the same cycle through the API on both engines.
func TestAPIProposals(t *testing.T) {
	for _, e := range storetest.Engines {
		t.Run(string(e), func(t *testing.T) {
			w := newDraftWorld(t, e)
			closed, open := proposalMonths()
			body := fmt.Sprintf(`{"period": %q, "kind": "task", "text": "Kiểm tra an toàn thực phẩm dịp Tết", "sector": "culture_society",
				"due_text": "trước ngày %s"}`, open.Key(), vn.ShortDate(open.Start().AddDays(19)))
			p := valid[apiProposal](t, w.s, w.rep.call("POST", "/api/v1/proposals", body), http.StatusCreated, "Proposal")
			if p.OrgID != w.economy.ID || p.CommitteeID != w.committee.ID || deref(p.LeadID) != w.economy.ID ||
				p.Deadline != open.Start().AddDays(-7).String() || p.Status != "proposed" {
				t.Errorf("proposal = %+v, want the unit's own, for its committee, led by it", p)
			}
			late := strings.Replace(body, open.Key(), closed.Key(), 1)
			apiErrorOf(t, w.rep.call("POST", "/api/v1/proposals", late), http.StatusUnprocessableEntity, congtac.EINVALID)
			e := apiErrorOf(t, w.rep.call("POST", "/api/v1/proposals", `{"period": "`+open.Key()+`", "kind": "task", "text": ""}`),
				http.StatusUnprocessableEntity, congtac.EINVALID)
			if e.Fields["text"] == "" {
				t.Errorf("an empty text: fields %v", e.Fields)
			}
			list := valid[apiList[apiProposal]](t, w.s, w.drafter.call("GET", "/api/v1/proposals?period="+open.Key()+"&status=proposed", ""),
				http.StatusOK, "ProposalList")
			if list.Total != 1 || list.Items[0].ID != p.ID {
				t.Fatalf("the office's list = %+v", list)
			}
			if n := getAs[apiList[apiProposal]](w.chair, "/api/v1/proposals", http.StatusOK).Total; n != 0 {
				t.Errorf("the chairman lists %d proposals", n)
			}
			draft := decodeAs[apiProgramDetail](t, w.drafter.call("POST", "/api/v1/programs",
				fmt.Sprintf(`{"org_id": %d, "period": %q}`, w.committee.ID, open.Key())), http.StatusCreated)
			decide := fmt.Sprintf("/api/v1/proposals/%d/decision", p.ID)
			accept := fmt.Sprintf(`{"version": %d, "action": "accept", "program_id": %d}`, p.Version, draft.ID)
			apiErrorOf(t, w.rep.call("POST", decide, accept), http.StatusForbidden, congtac.EFORBIDDEN)
			apiErrorOf(t, w.drafter.call("POST", decide, `{"version": 9, "action": "reject", "reason": "x"}`),
				http.StatusConflict, congtac.ECONFLICT)
			got := valid[apiProposal](t, w.s, w.drafter.call("POST", decide, accept), http.StatusOK, "Proposal")
			if got.Status != "accepted" || deref(got.ProgramID) != draft.ID {
				t.Errorf("accepted = %+v", got)
			}
			apiErrorOf(t, w.rep.call("POST", decide, fmt.Sprintf(`{"version": %d, "action": "withdraw"}`, got.Version)),
				http.StatusUnprocessableEntity, congtac.EINVALID)
			apiErrorOf(t, w.rep.call("POST", "/api/v1/proposals/987654/decision", `{"version": 1, "action": "withdraw"}`),
				http.StatusNotFound, congtac.ENOTFOUND)
		})
	}
}
