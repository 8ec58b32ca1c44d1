package web

import (
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"congtac"
	"congtac/store"
)

// TestReminderMailIsEachUsersChoice: the account page offers the daily mail at the
// person's email, says when no mail server is set, and records the choice both ways.
func TestReminderMailIsEachUsersChoice(t *testing.T) {
	eachEngine(t, func(t *testing.T, st *store.Store, s *Server, srv *httptest.Server) {
		c := as(t, s, srv, "phongbaocao")
		r := c.get("/account")
		assertContains(t, r.body, "Nhận thư nhắc việc hằng ngày", "phongbaocao@congtac.example",
			"Máy chủ thư chưa được thiết lập", `action="/account/reminders"`)
		for _, on := range []bool{true, false} {
			form := url.Values{}
			if on {
				form.Set("email_reminders", "1")
			}
			mustRedirect(t, "choosing the mail", c.post("/account/reminders", form), "/account#tk-nhac-viec")
			if u := userByLogin(t, st, "phongbaocao"); u.EmailReminders != on {
				t.Errorf("after choosing %v the account says %v", on, u.EmailReminders)
			}
		}
		events, _, err := st.FindAuditEvents(ctxb, congtac.System, congtac.AuditFilter{Entity: "user",
			EntityID: ptr(userByLogin(t, st, "phongbaocao").ID), Limit: 10})
		if err != nil || len(events) < 2 || events[0].Action != "update" {
			t.Errorf("the choice is not in the audit log: %+v, %v", events, err)
		}
	})
}

// TestAdministratorsSeeTheMailThatFailed: a reminder mail given up shows on the
// administrator's home and on /admin/mail with its cause; "Gửi lại" puts it back in the
// queue; no one else sees the queue.
func TestAdministratorsSeeTheMailThatFailed(t *testing.T) {
	eachFreshDemo(t, func(t *testing.T, st *store.Store, s *Server, srv *httptest.Server) {
		admin := as(t, s, srv, "admin")
		assertContains(t, admin.get("/").body, "Máy chủ thư", "Chưa thiết lập: thư nhắc việc chưa gửi được")
		if err := st.SaveGlobalSettings(ctxb, congtac.System, congtac.GlobalSettings{
			SMTP: congtac.SMTP{Host: "mail.congtac.example", Port: 587, From: "nhacviec@congtac.example"}}); err != nil {
			t.Fatal(err)
		}
		unit := as(t, s, srv, "xabaocao")
		mustRedirect(t, "choosing the mail", unit.post("/account/reminders", url.Values{"email_reminders": {"1"}}),
			"/account#tk-nhac-viec")
		u := userByLogin(t, st, "xabaocao")
		if _, err := st.Notify(ctxb, []congtac.Notification{{UserID: u.ID, Kind: "task_due", Key: "t:1",
			Title: "Đến hạn hôm nay: Rà soát hộ nghèo", Link: "/tasks/1"}}, false); err != nil {
			t.Fatal(err)
		}
		composed, err := st.ComposeMails(ctxb, func(string, []congtac.Notification) (string, string, string) {
			return "Nhắc việc", "Đến hạn hôm nay", "<p>Đến hạn hôm nay</p>"
		})
		if err != nil || len(composed) != 1 {
			t.Fatalf("composed %d mails (%v), want one", len(composed), err)
		}
		claimed, err := st.ClaimMails(ctxb, 10)
		if err != nil || len(claimed) != 1 {
			t.Fatalf("claim: %v %v", claimed, err)
		}
		m := claimed[0]
		if err := st.MailsDone(ctxb, []store.MailOutcome{{Mail: m, Err: errors.New("mail: 535 5.7.8 sai thông tin đăng nhập")}}); err != nil {
			t.Fatal(err)
		}

		home := html(t, admin.get("/").body)
		panel := home.Find("section.panel").FilterFunction(func(_ int, sec *goquery.Selection) bool {
			return strings.HasPrefix(strings.TrimSpace(sec.Find("h2").Text()), "Thư nhắc việc gửi không được")
		})
		if got := panel.Find("h2 .count").Text(); got != "1" {
			t.Errorf("the administrator's panel counts %q failed mails, want 1", got)
		}
		r := admin.get("/admin/mail?status=failed")
		mustStatus(t, "the mail queue", r, http.StatusOK)
		assertContains(t, r.body, "xabaocao@congtac.example", "535 5.7.8 sai thông tin đăng nhập", "Gửi không được: 1",
			fmt.Sprintf(`action="/admin/mail/%d/retry"`, m.ID))
		mustStatus(t, "the queue for a unit", unit.get("/admin/mail"), http.StatusForbidden)
		mustStatus(t, "a retry by a unit", unit.post(fmt.Sprintf("/admin/mail/%d/retry", m.ID), nil), http.StatusForbidden)
		mustRedirect(t, "retrying", admin.post(fmt.Sprintf("/admin/mail/%d/retry", m.ID), nil), "/admin/mail")
		pending, err := st.FindMails(ctxb, congtac.System, congtac.MailPending, 10)
		if err != nil || len(pending) != 1 || pending[0].Attempts != 0 {
			t.Errorf("after a retry: %+v, %v; want the mail pending again", pending, err)
		}
	})
}
