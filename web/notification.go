package web

import (
	"fmt"
	"net/http"
	"strconv"

	"congtac"
)

// notificationsPage is the data of notifications.html: what the user has been told,
// newest first, the unread marked.
type notificationsPage struct {
	layout
	Rows   []notificationRow
	Unread int
}

func (notificationsPage) template() string { return "notifications" }

// notificationRow is one notification as the list shows it.
type notificationRow struct {
	ID          int64
	Title, Link string
	At          string
	Unread      bool
}

// handleNotifications lists the signed-in user's notifications, newest first.
func (s *Server) handleNotifications(w http.ResponseWriter, r *http.Request) {
	a := actorOf(r)
	list, unread, err := s.st.FindNotifications(r.Context(), a.UserID, false, 200)
	if err != nil {
		s.fail(w, r, fmt.Errorf("web: notifications: %w", err))
		return
	}
	page := notificationsPage{layout: s.layout(r, "Thông báo"), Unread: unread}
	for _, n := range list {
		page.Rows = append(page.Rows, notificationRow{ID: n.ID, Title: n.Title, Link: n.Link,
			At: instantText(n.CreatedAt, s.loc), Unread: n.Unread()})
	}
	s.render(w, r, http.StatusOK, page)
}

// handleNotificationsRead marks the user's notifications read: the one of the form's id, or
// all of them, then goes back to the list (or to the record, for one).
func (s *Server) handleNotificationsRead(w http.ResponseWriter, r *http.Request) {
	r.ParseForm()
	var ids []int64
	if v := r.PostFormValue("id"); v != "" {
		id, err := strconv.ParseInt(v, 10, 64)
		if err != nil || id <= 0 {
			s.fail(w, r, congtac.FieldError("id", "Thông báo không hợp lệ."))
			return
		}
		ids = []int64{id}
	}
	n, err := s.st.MarkNotificationsRead(r.Context(), actorOf(r), ids)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if next := r.PostFormValue("next"); len(ids) == 1 && next != "" {
		http.Redirect(w, r, localPath(next), http.StatusSeeOther)
		return
	}
	s.flash(r, fmt.Sprintf("Đã đánh dấu %d thông báo là đã đọc.", n))
	http.Redirect(w, r, "/notifications", http.StatusSeeOther)
}
