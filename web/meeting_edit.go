package web

import (
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"congtac"
	"congtac/assemble"
	"congtac/vn"
)

// handleMeetingNew shows the form of a new meeting of the actor's committee.
func (s *Server) handleMeetingNew(w http.ResponseWriter, r *http.Request) {
	s.renderMeetingNew(w, r, http.StatusOK, &meetingForm{Kind: string(congtac.MeetingRegular),
		Date: s.today().String(), Errors: map[string]string{}})
}

// renderMeetingNew renders the form of a new meeting.
func (s *Server) renderMeetingNew(w http.ResponseWriter, r *http.Request, status int, f *meetingForm) {
	ctx := r.Context()
	orgs, err := s.loadOrgs(ctx)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if err := s.meetingChoices(ctx, actorOf(r), f, orgs); err != nil {
		s.fail(w, r, err)
		return
	}
	f.Action = "/meetings"
	s.render(w, r, status, meetingEditPage{layout: s.layout(r, "Tạo hội nghị, cuộc họp"), Form: f, Back: "/meetings"})
}

// handleMeetingCreate creates a meeting from the form and opens it to add its agenda; a
// refused form is shown again with its messages.
func (s *Server) handleMeetingCreate(w http.ResponseWriter, r *http.Request) {
	f := readMeetingForm(r)
	m, err := f.meeting()
	if err == nil {
		m, err = s.st.CreateMeeting(r.Context(), actorOf(r), m)
	}
	switch {
	case err == nil:
		s.flash(r, "Đã tạo hội nghị; thêm các nội dung trình bên dưới.")
		http.Redirect(w, r, meetingHref(m.ID)+"/edit#agenda", http.StatusSeeOther)
	case congtac.ErrorCode(err) == congtac.EINVALID:
		f.setErrors(err)
		s.renderMeetingNew(w, r, http.StatusUnprocessableEntity, f)
	default:
		s.fail(w, r, err)
	}
}

// meetingToChange returns the meeting of the path when the actor may change it: 404 when
// it may not see it, 403 when it may only see it.
func (s *Server) meetingToChange(r *http.Request) (congtac.Meeting, orgIndex, error) {
	id, ok := pathID(r, "id")
	if !ok {
		return congtac.Meeting{}, orgIndex{}, notFoundFor("hội nghị")
	}
	ctx, a := r.Context(), actorOf(r)
	m, err := s.findVisibleMeeting(ctx, a, id)
	if err != nil {
		return m, orgIndex{}, err
	}
	orgs, err := s.loadOrgs(ctx)
	if err != nil {
		return m, orgs, err
	}
	if !orgs.Can(a, congtac.ManageMeetings, m.OrgID) {
		return m, orgs, congtac.Forbidden()
	}
	return m, orgs, nil
}

// meetingEdit is what the edit page of a meeting shows besides what is given: each part
// starts from the meeting as saved unless a refused form replaces it.
type meetingEdit struct {
	form    *meetingForm
	item    *agendaForm // a refused change of an item, by ID, or a refused new item (ID 0)
	status  *statusForm
	sitting *sittingForm
}

// handleMeetingEdit shows a meeting's forms: its fields, its agenda, its status and, for a
// series, its sittings.
func (s *Server) handleMeetingEdit(w http.ResponseWriter, r *http.Request) {
	m, orgs, err := s.meetingToChange(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.renderMeetingEdit(w, r, http.StatusOK, m, orgs, meetingEdit{})
}

// renderMeetingEdit renders the edit page of m with the refused forms of e.
func (s *Server) renderMeetingEdit(w http.ResponseWriter, r *http.Request, status int, m congtac.Meeting, orgs orgIndex, e meetingEdit) {
	ctx, a := r.Context(), actorOf(r)
	page := meetingEditPage{layout: s.layout(r, "Sửa: "+m.Title), ID: m.ID, Form: e.form, Back: meetingHref(m.ID),
		Overrun: overrunText(m)}
	if page.Form == nil {
		page.Form = meetingFormOf(m)
	}
	if err := s.meetingChoices(ctx, a, page.Form, orgs); err != nil {
		s.fail(w, r, err)
		return
	}
	page.Form.Action = meetingHref(m.ID)
	leads := orgOptions(orgs.Tree(s.today(), func(congtac.Org) bool { return true }), "")
	presenters := page.Form.Everyone // anyone may present a matter
	for i, it := range m.Agenda {
		f := agendaFormOf(it, i+1)
		if e.item != nil && e.item.ID == it.ID {
			f, f.ID, f.Number = e.item, it.ID, i+1
		}
		f.Action, f.Leads, f.Presenters = fmt.Sprintf("/agenda/%d", it.ID), leads, marked(presenters, []string{f.Presenter})
		if m.Status == congtac.MeetingHeld && it.Conclusion != "" && orgs.Can(a, congtac.ManageTasks, m.OrgID) {
			f.Assign, f.Programs = fmt.Sprintf("/agenda/%d/tasks", it.ID), conclusionHomes(page.Form.Programs, m.ProgramID)
		}
		page.Agenda = append(page.Agenda, f)
	}
	page.NewItem = &agendaForm{Number: len(m.Agenda) + 1, Errors: map[string]string{}}
	if e.item != nil && e.item.ID == 0 {
		page.NewItem = e.item
	}
	page.NewItem.Action, page.NewItem.Leads = meetingHref(m.ID)+"/agenda", leads
	page.NewItem.Presenters = marked(presenters, []string{page.NewItem.Presenter})
	page.Status = e.status
	if page.Status == nil {
		page.Status = &statusForm{Errors: map[string]string{}}
	}
	page.Status.Action, page.Status.Version, page.Status.Status = meetingHref(m.ID)+"/status", m.Version, string(m.Status)
	if m.Recurrence != nil {
		page.Sittings = s.sittingFormOf(m, e.sitting)
	}
	s.render(w, r, status, page)
}

// conclusionHomes returns the choices of where a conclusion's task goes: the programs,
// the meeting's own chosen, and the notice's own list ([standaloneHome]), chosen when the
// meeting has no program.
func conclusionHomes(programs []option, programID int64) []option {
	chosen := optionID(programID)
	if chosen == "" {
		chosen = standaloneHome
	}
	return marked(append(slices.Clip(programs), option{Value: standaloneHome,
		Label: "Theo dõi riêng, ban hành cùng thông báo kết luận"}), []string{chosen})
}

// sittingFormOf returns the form of the sittings of series m: the next ten weeks' sittings
// to choose from, and those changed on their own; refused replaces the fields as typed.
func (s *Server) sittingFormOf(m congtac.Meeting, refused *sittingForm) *sittingForm {
	f := refused
	if f == nil {
		f = &sittingForm{Errors: map[string]string{}}
	}
	f.Action, f.Version = meetingHref(m.ID)+"/sittings", m.Version
	today := s.today()
	f.Upcoming = nil
	for _, d := range m.Recurrence.Between(today, today.AddDays(70)) {
		f.Upcoming = append(f.Upcoming, option{Value: d.String(), Label: dayText(d), Selected: d.String() == f.Of})
	}
	f.Changed = nil
	for _, o := range m.Changed {
		text := dayText(o.Of) + ": "
		if o.Cancelled {
			text += "hủy"
		} else {
			text += "dời sang " + clockText(o.Start, o.Part) + ", " + dayText(o.Date)
		}
		if o.Note != "" {
			text += " (" + o.Note + ")"
		}
		f.Changed = append(f.Changed, sittingRow{Of: o.Of.String(), Text: text})
	}
	return f
}

// handleMeetingUpdate saves a meeting's own fields (field version; the conflict page when
// it moved).
func (s *Server) handleMeetingUpdate(w http.ResponseWriter, r *http.Request) {
	m, orgs, err := s.meetingToChange(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	f := readMeetingForm(r)
	u, err := f.update()
	if err == nil {
		if _, err = s.st.UpdateMeeting(r.Context(), actorOf(r), m.ID, f.Version, u); err == nil {
			s.flash(r, "Đã lưu hội nghị.")
			http.Redirect(w, r, meetingHref(m.ID), http.StatusSeeOther)
			return
		}
	}
	switch congtac.ErrorCode(err) {
	case congtac.EINVALID:
		f.setErrors(err)
		s.renderMeetingEdit(w, r, http.StatusUnprocessableEntity, m, orgs, meetingEdit{form: f})
	case congtac.ECONFLICT:
		saved := meetingFormOf(m)
		if err := s.meetingChoices(r.Context(), actorOf(r), saved, orgs); err != nil {
			s.fail(w, r, err)
			return
		}
		f.Chairs, f.Programs, f.Everyone, f.AllOrgs = saved.Chairs, saved.Programs, saved.Everyone, saved.AllOrgs
		s.renderConflict(w, r, conflict{what: "hội nghị", action: meetingHref(m.ID), version: m.Version,
			back: meetingHref(m.ID) + "/edit", mine: f.describe(), saved: saved.describe()})
	default:
		s.fail(w, r, err)
	}
}

// handleMeetingStatus postpones or cancels a meeting with the reason announced, marks it
// held, or plans it again.
func (s *Server) handleMeetingStatus(w http.ResponseWriter, r *http.Request) {
	m, orgs, err := s.meetingToChange(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	version, _ := strconv.Atoi(r.PostFormValue("version"))
	status, note := congtac.MeetingStatus(r.PostFormValue("status")), r.PostFormValue("note")
	u := congtac.MeetingUpdate{Status: &status}
	if status == congtac.MeetingPostponed || status == congtac.MeetingCancelled {
		u.Note = &note
	}
	if _, err = s.st.UpdateMeeting(r.Context(), actorOf(r), m.ID, version, u); err == nil {
		s.flash(r, "Hội nghị: "+status.Label()+".")
		http.Redirect(w, r, meetingHref(m.ID), http.StatusSeeOther)
		return
	}
	if congtac.ErrorCode(err) != congtac.EINVALID {
		s.fail(w, r, err)
		return
	}
	f := &statusForm{Note: note}
	f.Errors, f.General = splitFieldErrors(err, []string{"note", "status"})
	s.renderMeetingEdit(w, r, http.StatusUnprocessableEntity, m, orgs, meetingEdit{status: f})
}

// handleAgendaCreate adds an item to a meeting's agenda, last.
func (s *Server) handleAgendaCreate(w http.ResponseWriter, r *http.Request) {
	m, orgs, err := s.meetingToChange(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	f := readAgendaForm(r)
	it, err := f.item()
	if err == nil {
		it.MeetingID = m.ID
		it, err = s.st.AddAgendaItem(r.Context(), actorOf(r), it)
	}
	s.afterAgendaChange(w, r, m, orgs, f, err, "Đã thêm nội dung trình.")
}

// afterAgendaChange goes back to the meeting's agenda after a change, or shows the refused
// form f again.
func (s *Server) afterAgendaChange(w http.ResponseWriter, r *http.Request, m congtac.Meeting, orgs orgIndex, f *agendaForm, err error, done string) {
	switch congtac.ErrorCode(err) {
	case "":
		s.flash(r, done)
		http.Redirect(w, r, meetingHref(m.ID)+"/edit#agenda", http.StatusSeeOther)
	case congtac.EINVALID:
		f.setErrors(err)
		s.renderMeetingEdit(w, r, http.StatusUnprocessableEntity, m, orgs, meetingEdit{item: f})
	default:
		s.fail(w, r, err)
	}
}

// agendaItemToChange returns the agenda item of the path and its meeting when the actor
// may change them.
func (s *Server) agendaItemToChange(r *http.Request) (congtac.AgendaItem, congtac.Meeting, orgIndex, error) {
	id, ok := pathID(r, "id")
	if !ok {
		return congtac.AgendaItem{}, congtac.Meeting{}, orgIndex{}, notFoundFor("nội dung trình hội nghị")
	}
	it, err := s.findVisibleAgendaItem(r.Context(), actorOf(r), id)
	if err != nil {
		return it, congtac.Meeting{}, orgIndex{}, err
	}
	r.SetPathValue("id", strconv.FormatInt(it.MeetingID, 10))
	m, orgs, err := s.meetingToChange(r)
	return it, m, orgs, err
}

// handleAgendaUpdate saves an agenda item (field version; 409 when it moved).
func (s *Server) handleAgendaUpdate(w http.ResponseWriter, r *http.Request) {
	it, m, orgs, err := s.agendaItemToChange(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	f := readAgendaForm(r)
	f.ID = it.ID
	u, err := f.update()
	if err == nil {
		_, err = s.st.UpdateAgendaItem(r.Context(), actorOf(r), it.ID, f.Version, u)
	}
	s.afterAgendaChange(w, r, m, orgs, f, err, "Đã lưu nội dung trình.")
}

// handleAgendaDelete removes an agenda item (field version).
func (s *Server) handleAgendaDelete(w http.ResponseWriter, r *http.Request) {
	it, m, orgs, err := s.agendaItemToChange(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	version, _ := strconv.Atoi(r.PostFormValue("version"))
	err = s.st.DeleteAgendaItem(r.Context(), actorOf(r), it.ID, version)
	s.afterAgendaChange(w, r, m, orgs, agendaFormOf(it, 0), err, "Đã xóa nội dung trình.")
}

// handleSittingChange moves or cancels one sitting of a series.
func (s *Server) handleSittingChange(w http.ResponseWriter, r *http.Request) {
	m, orgs, err := s.meetingToChange(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	r.ParseForm()
	f := &sittingForm{Of: r.PostFormValue("of"), Date: r.PostFormValue("date"), Time: r.PostFormValue("time"),
		Place: r.PostFormValue("place"), Cancel: r.PostFormValue("cancel") != "", Note: r.PostFormValue("note")}
	version, _ := strconv.Atoi(r.PostFormValue("version"))
	var p congtac.Problems
	of := bodyRequiredDate(&p, "occurrence", f.Of)
	o := congtac.Sitting{Of: of, Date: of, Start: m.Start, Part: m.Part, Place: f.Place, Cancelled: f.Cancel, Note: f.Note}
	if f.Date != "" {
		o.Date = bodyDate(&p, "date", f.Date)
	}
	if f.Time != "" {
		o.Start, o.Part = meetingTime(&p, f.Time, "")
	}
	err = p.Err()
	if err == nil {
		_, err = s.st.ChangeSitting(r.Context(), actorOf(r), m.ID, version, o)
	}
	switch congtac.ErrorCode(err) {
	case "":
		s.flash(r, "Đã đổi buổi họp "+vn.ShortDate(of)+".")
		http.Redirect(w, r, meetingHref(m.ID), http.StatusSeeOther)
	case congtac.EINVALID:
		f.Errors, f.General = splitFieldErrors(err, sittingFields)
		if msg, ok := f.Errors["part"]; ok && f.Errors["start"] == "" {
			f.Errors["start"] = msg
		}
		s.renderMeetingEdit(w, r, http.StatusUnprocessableEntity, m, orgs, meetingEdit{sitting: f})
	default:
		s.fail(w, r, err)
	}
}

// handleSittingRestore holds a changed sitting again as the rule gives it (fields of and
// version).
func (s *Server) handleSittingRestore(w http.ResponseWriter, r *http.Request) {
	m, _, err := s.meetingToChange(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	version, _ := strconv.Atoi(r.PostFormValue("version"))
	of, err := congtac.ParseDate(r.PostFormValue("of"))
	if err == nil {
		_, err = s.st.RestoreSitting(r.Context(), actorOf(r), m.ID, version, of)
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.flash(r, "Buổi họp "+vn.ShortDate(of)+" họp lại theo lịch định kỳ.")
	http.Redirect(w, r, meetingHref(m.ID), http.StatusSeeOther)
}

// handleMeetingIssue issues a meeting's invitation (type GM) or notice of conclusions (type
// TB) today, numbered from the register, and goes back to the meeting.
func (s *Server) handleMeetingIssue(w http.ResponseWriter, r *http.Request) {
	id, ok := pathID(r, "id")
	if !ok {
		s.fail(w, r, notFoundFor("hội nghị"))
		return
	}
	ctx, a := r.Context(), actorOf(r)
	if _, err := s.findVisibleMeeting(ctx, a, id); err != nil {
		s.fail(w, r, err)
		return
	}
	d, err := assemble.IssueMeetingDocument(ctx, s.st, a, id, congtac.DocType(r.PostFormValue("type")), s.today())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.flash(r, fmt.Sprintf("Đã ban hành %s số %s.", strings.ToLower(d.Type.Name()), d.Code()))
	http.Redirect(w, r, meetingHref(id), http.StatusSeeOther)
}
