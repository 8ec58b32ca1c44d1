package web

import (
	"context"
	"fmt"
	"net/http"

	"congtac"
	"congtac/vn"
)

// mailPage is the data of admin_mail.html: the reminder mail, those given up first, so that
// an administrator sees at once when the mail server refuses.
type mailPage struct {
	layout
	Status  string   // the filter: a [congtac.MailStatus] or "" for all
	Choices []option // of the filter
	Counts  []mailCount
	MailOff bool // no SMTP host is set
	Rows    []mailRow
}

func (mailPage) template() string { return "admin_mail" }

// mailCount is how many mails have one status.
type mailCount struct {
	Label string
	N     int
}

// mailRow is one mail as the list shows it.
type mailRow struct {
	ID                            int64
	Day, Address, Subject, Status string
	StatusClass, LastError, When  string
	Attempts                      int
	Failed                        bool
}

// handleMailList shows the reminder mail (query status: pending, sending, sent, failed).
func (s *Server) handleMailList(w http.ResponseWriter, r *http.Request) {
	ctx, a := r.Context(), actorOf(r)
	status := congtac.MailStatus(r.URL.Query().Get("status"))
	page := mailPage{layout: s.layout(r, "Thư nhắc việc"), Status: string(status)}
	page.Choices = append(page.Choices, option{Value: "", Label: "Tất cả", Selected: status == ""})
	counts, err := s.st.CountMails(ctx)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	for _, st := range mailStatuses {
		page.Choices = append(page.Choices, option{Value: string(st), Label: st.Label(), Selected: st == status})
		page.Counts = append(page.Counts, mailCount{Label: st.Label(), N: counts[st]})
	}
	g, err := s.st.GlobalSettings(ctx)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	page.MailOff = g.SMTP.Host == ""
	mails, err := s.st.FindMails(ctx, a, status, 200)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	for _, m := range mails {
		page.Rows = append(page.Rows, s.mailRow(m))
	}
	s.render(w, r, http.StatusOK, page)
}

// mailStatuses are the statuses in the order the page counts them: the troubles first.
var mailStatuses = []congtac.MailStatus{congtac.MailFailed, congtac.MailPending, congtac.MailSending, congtac.MailSent}

// mailRow returns m as the list shows it.
func (s *Server) mailRow(m congtac.Mail) mailRow {
	row := mailRow{ID: m.ID, Day: vn.ShortDate(m.Day), Address: m.Address, Subject: m.Subject, Status: m.Status.Label(),
		LastError: m.LastError, Attempts: m.Attempts, Failed: m.Status == congtac.MailFailed, When: instantText(m.CreatedAt, s.loc)}
	switch m.Status {
	case congtac.MailSent:
		row.StatusClass, row.When = "status-issued", instantText(m.SentAt, s.loc)
	case congtac.MailFailed:
		row.StatusClass = "status-overdue"
	case congtac.MailPending:
		if m.Attempts > 0 {
			row.Status = fmt.Sprintf("Chờ gửi lại (đã thử %d lần, lần tới %s)", m.Attempts, instantText(m.NextAt, s.loc))
		}
	}
	return row
}

// handleMailRetry puts a mail given up back in the queue; the reminders send it on their
// next run.
func (s *Server) handleMailRetry(w http.ResponseWriter, r *http.Request) {
	id, ok := pathID(r, "id")
	if !ok {
		s.fail(w, r, notFoundFor("thư nhắc việc"))
		return
	}
	if err := s.st.RetryMail(r.Context(), actorOf(r), id); err != nil {
		s.fail(w, r, err)
		return
	}
	s.flash(r, "Thư sẽ được gửi lại trong lần chạy nhắc việc tới.")
	http.Redirect(w, r, "/admin/mail", http.StatusSeeOther)
}

// mailPanel is the administrator's panel of the reminder mail: the mails given up, or that
// no mail server is set.
func (s *Server) mailPanel(ctx context.Context) (homePanel, error) {
	panel := homePanel{Title: "Thư nhắc việc gửi không được", Href: "/admin/mail?status=failed",
		Empty: "Không có thư nhắc việc nào gửi không được."}
	failed, err := s.st.FindMails(ctx, congtac.System, congtac.MailFailed, homePanelRows)
	if err != nil {
		return panel, err
	}
	counts, err := s.st.CountMails(ctx)
	if err != nil {
		return panel, err
	}
	panel.Count = counts[congtac.MailFailed]
	for _, m := range failed {
		panel.Rows = append(panel.Rows, homeRow{Text: m.Address, Href: "/admin/mail?status=failed",
			Sub: vn.ShortDate(m.Day) + ": " + congtac.Excerpt(m.LastError, 120)})
	}
	return panel, nil
}
