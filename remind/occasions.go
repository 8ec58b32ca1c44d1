package remind

import (
	"fmt"
	"strconv"

	"congtac"
	"congtac/vn"
)

// The occasions of issue 14 besides the deadlines of tasks: an agenda item's materials
// (occasions_materials.go), a report returned, a request for an explanation (this file), a
// program waiting for approval and a leader's calendar entry changed (occasions_program.go).
// Each is a pure function of what the caller read; keys name the occasion, so running them
// again the same day, or the next, tells no one twice.

// ByID indexes users by their ID, disabled ones included (the functions that take it skip
// them).
func ByID(users []congtac.User) map[int64]congtac.User {
	out := make(map[int64]congtac.User, len(users))
	for _, u := range users {
		out[u.ID] = u
	}
	return out
}

// ByPerson groups the accounts that are a person by that person's ID (User.PersonID),
// leaving out service accounts and disabled accounts.
func ByPerson(users []congtac.User) map[int64][]congtac.User {
	out := map[int64][]congtac.User{}
	for _, u := range users {
		if u.PersonID != 0 && !u.Disabled {
			out[u.PersonID] = append(out[u.PersonID], u)
		}
	}
	return out
}

// notify returns the notification of one occasion to each of users, leaving out disabled
// users and any listed twice. The title is put in NFC, as user texts may not be.
func notify(users []congtac.User, kind, key, title, link string) []congtac.Notification {
	var out []congtac.Notification
	seen := map[int64]bool{}
	title = congtac.NFC(title)
	for _, u := range users {
		if u.Disabled || seen[u.ID] {
			continue
		}
		seen[u.ID] = true
		out = append(out, congtac.Notification{UserID: u.ID, Kind: kind, Key: key, Title: title, Link: link})
	}
	return out
}

// ReturnedReport is a report the office returned, with the text of its task for the title.
type ReturnedReport struct {
	Report congtac.Report
	Task   string // the task's text
}

// Reports returns the notifications of the reports the office returned ("report_returned"):
// to the report's author when users knows that account and it is not disabled, else to the
// recipients of the report's org. Reports in any other status get none. The key holds the
// report's ID and the time it was returned (its version when that is unknown), so a report
// returned again after it was sent back is a new occasion while its edits in between are
// not.
func Reports(reports []ReturnedReport, users map[int64]congtac.User, to Recipients) []congtac.Notification {
	var out []congtac.Notification
	for _, rr := range reports {
		r := rr.Report
		if r.Status != congtac.ReportReturned {
			continue
		}
		when := "v" + strconv.Itoa(r.Version)
		if !r.ReviewedAt.IsZero() {
			when = strconv.FormatInt(r.ReviewedAt.Unix(), 10)
		}
		key := fmt.Sprintf("report-returned:%d:%s", r.ID, when)
		title := "Báo cáo bị trả lại: " + congtac.Excerpt(rr.Task, 80)
		if note := congtac.Excerpt(r.ReviewNote, 100); note != "" {
			title += " — Ý kiến: " + note
		}
		who := to[r.OrgID]
		if u, ok := users[r.AuthorID]; ok && !u.Disabled {
			who = []congtac.User{u}
		}
		out = append(out, notify(who, "report_returned", key, title, "/reports/"+strconv.FormatInt(r.ID, 10))...)
	}
	return out
}

// Explanations returns the notifications of requests for explanations on day on: once
// while a request is open ("explanation_asked", to the recipients of the org asked), and
// from the day after its Due once a week while it stays unanswered ("explanation_overdue",
// to the org's recipients and to the user who asked, unless disabled). An answered request
// gets none. The link is the explanations section of the task's page.
func Explanations(list []congtac.Explanation, users map[int64]congtac.User, to Recipients, on congtac.Date) []congtac.Notification {
	var out []congtac.Notification
	for _, e := range list {
		link := fmt.Sprintf("/tasks/%d#giai-trinh", e.TaskID)
		question := congtac.Excerpt(e.Question, 120)
		switch e.State(on) {
		case congtac.ExplanationOpen:
			title := fmt.Sprintf("Yêu cầu giải trình (hạn %s): %s", vn.ShortDate(e.Due), question)
			out = append(out, notify(to[e.OrgID], "explanation_asked", fmt.Sprintf("explanation-asked:%d", e.ID), title, link)...)
		case congtac.ExplanationOverdue:
			late := e.Due.DaysUntil(on)
			if e.Due.IsZero() || (late-1)%7 != 0 {
				continue
			}
			key := fmt.Sprintf("explanation-overdue:%d:%s:%d", e.ID, e.Due, (late-1)/7+1)
			title := fmt.Sprintf("Quá hạn giải trình %d ngày (hạn %s): %s", late, vn.ShortDate(e.Due), question)
			who := to[e.OrgID]
			if u, ok := users[e.AskedBy]; ok {
				who = append(append([]congtac.User{}, who...), u)
			}
			out = append(out, notify(who, "explanation_overdue", key, title, link)...)
		}
	}
	return out
}
