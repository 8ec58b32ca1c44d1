package web

import (
	"context"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"congtac"
)

// engagementForm is the form of a calendar entry made by hand, as typed, with the messages
// of a refused post.
type engagementForm struct {
	Action  string
	Org     int64
	Version int
	Person  string
	// Many makes the leader a choice of several, on a new entry: one entry each
	// ([store.Store.CreateEngagements]); People are the chosen.
	Many         bool
	People       []string
	Date         string // YYYY-MM-DD, as the date input sends it
	Time         string // "8 giờ", "14h30", "chiều"
	Title        string
	Place        string
	Participants string
	Preparer     string
	Accompany    string
	Note         string
	Leaders      []option
	Preparers    []option
	Errors       map[string]string
	General      []string
}

// engagementFields are the form's fields, by the names the store's errors use.
var engagementFields = []string{"person_id", "date", "start", "part", "title", "place", "participants",
	"preparer_id", "accompany", "note"}

// Fields returns the form's fields with their messages.
func (f engagementForm) Fields() []field {
	e := f.Errors
	leader := field{Kind: fieldSelect, ID: "e-person", Name: "person", Key: "person_id", Label: "Lãnh đạo",
		Blank: "Không ghi", Options: f.Leaders}
	if f.Many {
		leader = field{Kind: fieldSelect, ID: "e-person", Name: "person", Key: "person_id", Multiple: true, Size: 4,
			Label: "Lãnh đạo (chọn một hoặc nhiều người; mỗi người một dòng trên lịch)", Options: marked(f.Leaders, f.People)}
	}
	return []field{
		newField(e, leader),
		newField(e, field{ID: "e-date", Name: "date", Label: "Ngày", Type: "date", Value: f.Date, Required: true}),
		newField(e, field{ID: "e-time", Name: "time", Key: "start", Label: "Giờ hoặc buổi (“8 giờ”, “14h30”, “chiều”; trống: cả ngày)",
			Value: f.Time}),
		newField(e, field{Kind: fieldTextarea, ID: "e-title", Name: "title", Label: "Nội dung công tác", Rows: 2,
			Required: true, Value: f.Title}),
		newField(e, field{ID: "e-place", Name: "place", Label: "Địa điểm", Value: f.Place}),
		newField(e, field{ID: "e-participants", Name: "participants", Label: "Thành phần", Value: f.Participants}),
		newField(e, field{Kind: fieldSelect, ID: "e-preparer", Name: "preparer", Key: "preparer_id", Label: "Cơ quan chuẩn bị",
			Blank: "Không ghi", OrgPicker: true, Options: f.Preparers}),
		newField(e, field{ID: "e-accompany", Name: "accompany", Label: "Cán bộ Văn phòng đi cùng", Value: f.Accompany}),
		newField(e, field{ID: "e-note", Name: "note", Label: "Ghi chú", Value: f.Note}),
	}
}

// readEngagementForm reads a posted entry form.
func readEngagementForm(r *http.Request) *engagementForm {
	r.ParseForm()
	get := func(k string) string { return strings.TrimSpace(r.PostFormValue(k)) }
	version, _ := strconv.Atoi(get("version"))
	f := &engagementForm{Version: version, Person: get("person"), Date: get("date"), Time: get("time"),
		Title: get("title"), Place: get("place"), Participants: get("participants"), Preparer: get("preparer"),
		Accompany: get("accompany"), Note: get("note"), Errors: map[string]string{}}
	for _, v := range r.PostForm["person"] {
		if v = strings.TrimSpace(v); v != "" {
			f.People = append(f.People, v)
		}
	}
	return f
}

// engagementFormOf returns the form of entry e.
func engagementFormOf(e congtac.Engagement) *engagementForm {
	f := &engagementForm{Org: e.OrgID, Version: e.Version, Date: e.Date.String(), Time: clockText(e.Start, e.Part),
		Title: e.Title, Place: e.Place, Participants: e.Participants, Accompany: e.Accompany, Note: e.Note,
		Errors: map[string]string{}}
	f.Person, f.Preparer = optionID(e.PersonID), optionID(e.PreparerID)
	return f
}

// entry returns the entry the form describes on org's calendar, EINVALID naming each field
// that cannot be read.
func (f *engagementForm) entry(org int64) (congtac.Engagement, error) {
	var p congtac.Problems
	e := congtac.Engagement{OrgID: org, Title: f.Title, Place: f.Place, Participants: f.Participants,
		Accompany: f.Accompany, Note: f.Note}
	e.PersonID = formID(&p, "person_id", f.Person)
	e.PreparerID = formID(&p, "preparer_id", f.Preparer)
	e.Date = bodyRequiredDate(&p, "date", f.Date)
	e.Start, e.Part = meetingTime(&p, f.Time, "")
	return e, p.Err()
}

// update returns the change the form makes to an entry.
func (f *engagementForm) update(org int64) (congtac.EngagementUpdate, error) {
	e, err := f.entry(org)
	return congtac.EngagementUpdate{PersonID: &e.PersonID, Date: &e.Date, Start: &e.Start, Part: &e.Part,
		Title: &e.Title, Place: &e.Place, Participants: &e.Participants, PreparerID: &e.PreparerID,
		Accompany: &e.Accompany, Note: &e.Note}, err
}

// describe returns the form's values as the conflict page shows them.
func (f *engagementForm) describe() []fieldText {
	return []fieldText{{"Lãnh đạo", optionLabel(f.Leaders, f.Person)}, {"Ngày", f.Date}, {"Giờ hoặc buổi", f.Time},
		{"Nội dung công tác", f.Title}, {"Địa điểm", f.Place}, {"Thành phần", f.Participants},
		{"Cơ quan chuẩn bị", optionLabel(f.Preparers, f.Preparer)}, {"Cán bộ Văn phòng đi cùng", f.Accompany}, {"Ghi chú", f.Note}}
}

// formID reads an optional ID of a select: 0 for "".
func formID(p *congtac.Problems, field, v string) int64 {
	if v == "" {
		return 0
	}
	id, err := strconv.ParseInt(v, 10, 64)
	if err != nil || id <= 0 {
		p.Add(field, "Lựa chọn không hợp lệ.")
		return 0
	}
	return id
}

// withChoices fills the form's leaders (those holding a leader's post in org today, else
// everyone working in it) and preparing orgs (org's subtree).
func (s *Server) withChoices(ctx context.Context, f *engagementForm, orgs orgIndex, org int64) error {
	leaders, err := s.leaderOptions(ctx, org, f.Person)
	if err != nil {
		return err
	}
	f.Leaders, f.Org = leaders, org
	f.Preparers = orgOptions(orgs.Tree(s.today(), func(o congtac.Org) bool { return slices.Contains(orgs.Path(o.ID), org) }), f.Preparer)
	return nil
}

// setErrors spreads an EINVALID error over the form's fields.
func (f *engagementForm) setErrors(err error) {
	f.Errors, f.General = splitFieldErrors(err, engagementFields)
	if msg, ok := f.Errors["part"]; ok && f.Errors["start"] == "" {
		f.Errors["start"] = msg
	}
}

// engagementPage is the data of calendar_entry.html: one entry to change or cancel.
type engagementPage struct {
	layout
	Form      *engagementForm
	Cancelled bool
	ID        int64
	Back      string
	Clashes   []string // the entries of the same leader at the same time
}

func (engagementPage) template() string { return "calendar_entry" }

// calendarHref is the calendar of org for the week of day d.
func calendarHref(org int64, d congtac.Date) string {
	return fmt.Sprintf("/calendar?org=%d&week=%s", org, congtac.PeriodOf(congtac.PeriodWeek, d).Key())
}

// handleEngagementCreate adds an entry made by hand to the calendar of the form's org and
// goes back to the week of its day; a refused entry shows the week again with the form.
func (s *Server) handleEngagementCreate(w http.ResponseWriter, r *http.Request) {
	org, _, err := s.calendarTarget(r)
	if err != nil && congtac.ErrorCode(err) != congtac.EINVALID { // the week field is not this form's
		s.fail(w, r, err)
		return
	}
	ctx := r.Context()
	f := readEngagementForm(r)
	f.Many = true
	e, err := f.entry(org)
	var p congtac.Problems
	var people []int64
	for _, v := range f.People {
		people = append(people, formID(&p, "person_id", v))
	}
	if err == nil {
		err = p.Err()
	}
	if err == nil {
		var added []congtac.Engagement
		if added, err = s.st.CreateEngagements(ctx, actorOf(r), e, people); err == nil {
			msg := "Đã thêm vào lịch: " + e.Title + "."
			if len(added) > 1 {
				msg = fmt.Sprintf("Đã thêm vào lịch của %d lãnh đạo: %s.", len(added), e.Title)
			}
			s.flash(r, msg)
			http.Redirect(w, r, calendarHref(org, e.Date), http.StatusSeeOther)
			return
		}
	}
	if congtac.ErrorCode(err) != congtac.EINVALID {
		s.fail(w, r, err)
		return
	}
	f.setErrors(err)
	q := r.URL.Query()
	q.Set("org", strconv.FormatInt(org, 10))
	if !e.Date.IsZero() {
		q.Set("week", congtac.PeriodOf(congtac.PeriodWeek, e.Date).Key())
	}
	r.URL.RawQuery = q.Encode()
	s.showCalendar(w, r, http.StatusUnprocessableEntity, f)
}

// entryToChange returns the entry of the path when the actor may change it: 404 when it
// may not see its calendar, 403 when it may only see it.
func (s *Server) entryToChange(r *http.Request) (congtac.Engagement, orgIndex, error) {
	id, ok := pathID(r, "id")
	if !ok {
		return congtac.Engagement{}, orgIndex{}, notFoundFor("lịch công tác")
	}
	ctx, a := r.Context(), actorOf(r)
	e, err := s.findVisibleEngagement(ctx, a, id)
	if err != nil {
		return e, orgIndex{}, err
	}
	orgs, err := s.loadOrgs(ctx)
	if err != nil {
		return e, orgs, err
	}
	if !orgs.Can(a, congtac.ManageCalendar, e.OrgID) {
		return e, orgs, congtac.Forbidden()
	}
	return e, orgs, nil
}

// handleEngagementEdit shows the form of an entry, with the entries it clashes with.
func (s *Server) handleEngagementEdit(w http.ResponseWriter, r *http.Request) {
	e, orgs, err := s.entryToChange(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.renderEngagement(w, r, http.StatusOK, e, orgs, engagementFormOf(e))
}

// renderEngagement renders the page of entry e with form f.
func (s *Server) renderEngagement(w http.ResponseWriter, r *http.Request, status int, e congtac.Engagement, orgs orgIndex, f *engagementForm) {
	ctx := r.Context()
	if err := s.withChoices(ctx, f, orgs, e.OrgID); err != nil {
		s.fail(w, r, err)
		return
	}
	f.Action = fmt.Sprintf("/calendar/entries/%d", e.ID)
	page := engagementPage{layout: s.layout(r, "Sửa lịch công tác"), Form: f, Cancelled: e.Cancelled, ID: e.ID,
		Back: calendarHref(e.OrgID, e.Date)}
	if e.PersonID != 0 {
		same, err := s.st.FindEngagements(ctx, congtac.EngagementFilter{PersonID: &e.PersonID, From: &e.Date, To: &e.Date})
		if err != nil {
			s.fail(w, r, err)
			return
		}
		byID := map[int64]congtac.Engagement{}
		for _, x := range same {
			byID[x.ID] = x
		}
		for _, id := range congtac.Clashes(same)[e.ID] {
			x := byID[id]
			page.Clashes = append(page.Clashes, clockText(x.Start, x.Part)+": "+x.Title)
		}
	}
	s.render(w, r, status, page)
}

// handleEngagementUpdate saves the form of an entry (field version; the conflict page when
// it moved) and goes back to the week of its day.
func (s *Server) handleEngagementUpdate(w http.ResponseWriter, r *http.Request) {
	e, orgs, err := s.entryToChange(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	f := readEngagementForm(r)
	u, err := f.update(e.OrgID)
	if err == nil {
		var saved congtac.Engagement
		if saved, err = s.st.UpdateEngagement(r.Context(), actorOf(r), e.ID, f.Version, u); err == nil {
			s.flash(r, "Đã lưu lịch: "+saved.Title+".")
			http.Redirect(w, r, calendarHref(saved.OrgID, saved.Date), http.StatusSeeOther)
			return
		}
	}
	switch congtac.ErrorCode(err) {
	case congtac.EINVALID:
		f.setErrors(err)
		s.renderEngagement(w, r, http.StatusUnprocessableEntity, e, orgs, f)
	case congtac.ECONFLICT:
		now, ferr := s.st.FindEngagementByID(r.Context(), e.ID)
		if ferr != nil {
			s.fail(w, r, ferr)
			return
		}
		saved := engagementFormOf(now)
		if err := s.withChoices(r.Context(), saved, orgs, now.OrgID); err != nil {
			s.fail(w, r, err)
			return
		}
		f.Leaders, f.Preparers = saved.Leaders, saved.Preparers
		s.renderConflict(w, r, conflict{what: "lịch công tác", action: fmt.Sprintf("/calendar/entries/%d", e.ID),
			version: now.Version, back: fmt.Sprintf("/calendar/entries/%d", e.ID), mine: f.describe(), saved: saved.describe()})
	default:
		s.fail(w, r, err)
	}
}

// handleEngagementCancel cancels an entry (field version); it stays on the week, marked.
func (s *Server) handleEngagementCancel(w http.ResponseWriter, r *http.Request) {
	e, _, err := s.entryToChange(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	version, _ := strconv.Atoi(r.PostFormValue("version"))
	if _, err := s.st.CancelEngagement(r.Context(), actorOf(r), e.ID, version); err != nil {
		s.fail(w, r, err)
		return
	}
	s.flash(r, "Đã hủy lịch: "+e.Title+".")
	http.Redirect(w, r, calendarHref(e.OrgID, e.Date), http.StatusSeeOther)
}
