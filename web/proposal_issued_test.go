package web

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"congtac"
	"congtac/store/storetest"
	"congtac/vn"
)

// TestProposalsClosedOnceTheProgramIsIssued: once the committee issued its program of a
// period, a unit's page for that period says so, with the program's number, and offers no
// form, even before the deadline; a proposal posted anyway is refused with the reason; the
// office is told that units can no longer propose; the next period stays open.
func TestProposalsClosedOnceTheProgramIsIssued(t *testing.T) {
	for _, e := range storetest.Engines {
		t.Run(string(e), func(t *testing.T) {
			w := newProposalWorld(t, e)
			_, open := proposalMonths()
			p, err := w.st.CreateProgram(ctxb, congtac.System, congtac.Program{OrgID: w.committee.ID, DraftedBy: w.draftWorld.office.ID,
				Period: open, Title: "Công tác " + open.String(),
				Items: []congtac.Item{{ID: 1, Heading: "NHIỆM VỤ TRỌNG TÂM"}},
				Tasks: []congtac.Task{{ItemID: 1, Text: "Tổng kết công tác", Lead: w.economy.ID, Due: congtac.DueInMonth(open.Year, time.Month(open.Number))}}})
			if err != nil {
				t.Fatal(err)
			}
			if page := w.unit.get("/proposals?period=" + open.Key()); html(t, page.body).Find(`form[method="post"][action="/proposals"]`).Length() != 1 {
				t.Fatalf("the form is not offered for %s while its program is a draft", open)
			}
			p = mustIssue(t, w.st, p, demoToday)
			number := congtac.FormatNumber(p.Number, p.Symbol)

			page := w.unit.get("/proposals?period=" + open.Key())
			wantStatus(t, "the unit's page", page, http.StatusOK)
			doc := html(t, page.body)
			if doc.Find(`form[method="post"][action="/proposals"]`).Length() != 0 {
				t.Errorf("the form is offered for %s, whose program is issued", open)
			}
			why := strings.Join(strings.Fields(doc.Find(`main p.form-error[role="status"]`).Text()), " ")
			want := fmt.Sprintf("Chương trình %s đã ban hành (số %s ngày %s): không đăng ký thêm nội dung cho kỳ này được.",
				open, number, vn.PaddedDate(demoToday))
			if !strings.Contains(why, want) {
				t.Errorf("the unit's page says %q, want %q", why, want)
			}
			r := w.unit.post("/proposals", url.Values{"period": {open.Key()}, "kind": {"item"}, "text": {"Tổng kết năm"}})
			wantStatus(t, "a proposal for the issued period", r, http.StatusUnprocessableEntity)
			assertContains(t, r.body, "đã ban hành (số "+number+")")

			assertContains(t, w.office.get("/proposals?period="+open.Key()).body,
				"các đơn vị không đăng ký thêm nội dung cho kỳ này được")
			if next := w.unit.get("/proposals?period=" + open.Next().Key()); html(t, next.body).Find(`form[method="post"][action="/proposals"]`).Length() != 1 {
				t.Errorf("the form is not offered for %s", open.Next())
			}
		})
	}
}
