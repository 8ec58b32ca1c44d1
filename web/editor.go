package web

import (
	"context"
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"congtac"
	"congtac/vn"
)

// Drafting programs. Who may do what is decided in two places, as for reports: a program
// outside the actor's reach for drafts is 404, as if it did not exist; on a program the
// actor may see, drafting needs DraftPrograms on its issuing org (else 403), and the store
// decides what the program's status allows.

// programNewPage is the data of program_new.html.
type programNewPage struct {
	layout
	Form programNewForm
}

func (programNewPage) template() string { return "program_new" }

// programNewForm asks for whose program and which period to draft.
type programNewForm struct {
	Org, Kind, Year, Number string
	Orgs, Kinds             []option
	Errors                  map[string]string
	General                 []string
	Existing, ExistingTitle string       // the program already drafted for the period, on a conflict
	today                   congtac.Date // the day the selects of the other kinds start from
}

// OrgField returns the field of the issuing org, as chosen, with its message.
func (f programNewForm) OrgField() field {
	return newField(f.Errors, field{Kind: fieldSelect, ID: "n-org", Name: "org", Label: "Cơ quan ban hành", Options: f.Orgs})
}

// PeriodFields returns the fields of the program's period, as chosen, with their
// messages: the kind, the month, quarter, half or week of each kind (see [numberFields]),
// and the year.
func (f programNewForm) PeriodFields() []field {
	e := f.Errors
	out := []field{newField(e, field{Kind: fieldSelect, ID: "n-kind", Name: "kind", Label: "Loại kỳ", Options: f.Kinds})}
	out = append(out, f.numberFields(f.today)...)
	return append(out, newField(e, field{ID: "n-year", Name: "year", Label: "Năm", Type: "number", Min: "1900",
		Max: "9999", InputMode: "numeric", Value: f.Year}))
}

// newFormKinds are the kinds of period a program may cover, shortest first.
var newFormKinds = []congtac.PeriodKind{congtac.PeriodMonth, congtac.PeriodQuarter, congtac.PeriodHalf,
	congtac.PeriodYear, congtac.PeriodWeek}

// handleProgramNew offers to draft a program: the issuing org (the committees and communes
// within the actor's DraftPrograms reach; ?org= chooses one) and the period, by default
// the month after the org's latest monthly program, or this month for its first.
func (s *Server) handleProgramNew(w http.ResponseWriter, r *http.Request) {
	ctx, a := r.Context(), actorOf(r)
	orgs, err := s.loadOrgs(ctx)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	choices := draftableOrgs(a, orgs, s.today())
	f := programNewForm{Org: r.URL.Query().Get("org"), Kind: string(congtac.PeriodMonth), Errors: map[string]string{}}
	if f.Org == "" && len(choices) > 0 {
		f.Org = choices[0].Value
	}
	next := congtac.PeriodOf(congtac.PeriodMonth, s.today())
	if org, err := strconv.ParseInt(f.Org, 10, 64); err == nil {
		kind := congtac.PeriodMonth
		latest, _, err := s.st.FindPrograms(ctx, visiblePrograms(a, congtac.ProgramFilter{OrgID: &org, Kind: &kind, Limit: 1}))
		if err != nil {
			s.fail(w, r, fmt.Errorf("web: new program: %w", err))
			return
		}
		if len(latest) > 0 {
			next = latest[0].Period.Next()
		}
	}
	f.Year, f.Number = strconv.Itoa(next.Year), strconv.Itoa(next.Number)
	s.renderProgramNew(w, r, http.StatusOK, f, choices)
}

// renderProgramNew renders the new program form f with status, offering choices.
func (s *Server) renderProgramNew(w http.ResponseWriter, r *http.Request, status int, f programNewForm, choices []option) {
	for i := range choices {
		choices[i].Selected = choices[i].Value == f.Org
	}
	f.Orgs, f.Kinds, f.today = choices, optionsOf(newFormKinds, periodKindLabel, f.Kind), s.today()
	s.render(w, r, status, programNewPage{layout: s.layout(r, "Soạn chương trình mới"), Form: f})
}

// draftableOrgs returns the orgs a may draft programs for, active on day: the committees and
// communes within its DraftPrograms reach, in tree order.
func draftableOrgs(a congtac.Actor, orgs orgIndex, day congtac.Date) []option {
	nodes := orgs.Tree(day, func(o congtac.Org) bool {
		return (o.Kind == congtac.OrgCommittee || o.Kind == congtac.OrgCommune) && orgs.Can(a, congtac.DraftPrograms, o.ID)
	})
	return orgOptions(nodes, "")
}

// handleProgramCreate drafts the program of the form's org (field org) and period (kind,
// year, number; the page posts the number as number_<kind>, see [postedNumber]) with [store.Store.DraftNext]: pre-filled from the org's previous program of
// the kind, with its unfinished tasks carried over. It redirects to the editor. A form that
// cannot be read comes back with 422; a period that already has a program comes back with
// 409 and a link to it.
func (s *Server) handleProgramCreate(w http.ResponseWriter, r *http.Request) {
	ctx, a := r.Context(), actorOf(r)
	orgs, err := s.loadOrgs(ctx)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	choices := draftableOrgs(a, orgs, s.today())
	get := func(k string) string { return strings.TrimSpace(r.PostFormValue(k)) }
	f := programNewForm{Org: get("org"), Kind: get("kind"), Year: get("year"), Errors: map[string]string{}}
	f.Number = postedNumber(get, f.Kind)
	org, period, err := f.parse(choices)
	if err == nil {
		var p congtac.Program
		if p, err = s.st.DraftNext(ctx, a, org, period, s.today()); err == nil {
			msg := draftedMessage(p)
			if prev, ok, perr := s.pendingPrevious(ctx, a, p); perr == nil && ok {
				msg += " " + pendingMessage(prev)
			}
			s.flash(r, msg)
			http.Redirect(w, r, fmt.Sprintf("/programs/%d/edit", p.ID), http.StatusSeeOther)
			return
		}
	}
	switch congtac.ErrorCode(err) {
	case congtac.EINVALID:
		f.Errors, f.General = splitFieldErrors(err, []string{"org", "kind", "year", "number", "period"})
		s.renderProgramNew(w, r, http.StatusUnprocessableEntity, f, choices)
	case congtac.ECONFLICT:
		f.General = []string{congtac.ErrorMessage(err)}
		existing, _, ferr := s.st.FindPrograms(ctx, visiblePrograms(a, congtac.ProgramFilter{OrgID: &org, Period: &period, Limit: 1}))
		if ferr != nil {
			s.fail(w, r, fmt.Errorf("web: create program: %w", ferr))
			return
		}
		if len(existing) > 0 {
			f.Existing, f.ExistingTitle = fmt.Sprintf("/programs/%d", existing[0].ID), vn.Capitalize(existing[0].Title)
		}
		s.renderProgramNew(w, r, http.StatusConflict, f, choices)
	default:
		s.fail(w, r, err)
	}
}

// parse returns the org and period the form asks for, the org being one of choices.
func (f programNewForm) parse(choices []option) (int64, congtac.Period, error) {
	var pr congtac.Problems
	if !containsOption(choices, f.Org) {
		pr.Add("org", "Chọn cơ quan ban hành trong danh sách.")
	}
	org, _ := strconv.ParseInt(f.Org, 10, 64)
	per := congtac.Period{Kind: congtac.PeriodKind(f.Kind)}
	var err error
	if per.Year, err = strconv.Atoi(f.Year); err != nil {
		pr.Add("year", "Năm phải là một số, ví dụ 2026.")
	}
	if per.Kind != congtac.PeriodYear {
		if per.Number, err = strconv.Atoi(f.Number); err != nil {
			pr.Add("number", "Số thứ tự kỳ (tháng, quý, tuần…) phải là một số.")
		}
	}
	if len(pr) == 0 {
		if err := per.Validate(); err != nil {
			pr.Add("number", "%s", congtac.ErrorMessage(err))
		}
	}
	return org, per, pr.Err()
}

// draftedMessage tells what a new draft holds.
func draftedMessage(p congtac.Program) string {
	carried := 0
	for _, t := range p.Tasks {
		if t.CarriedFrom != 0 {
			carried++
		}
	}
	return fmt.Sprintf("Đã tạo dự thảo chương trình %s với %d nhiệm vụ, trong đó %d nhiệm vụ chuyển tiếp.",
		p.Period, len(p.Tasks), carried)
}

// pendingPrevious returns the program of org of the period before draft p's when it exists
// and is not issued yet: p was then drafted from an older issued program
// ([store.Store.DraftNext]), and the office must know. ok is false for an amendment, a
// program no longer editable, or a previous period issued or without a program.
func (s *Server) pendingPrevious(ctx context.Context, a congtac.Actor, p congtac.Program) (prev congtac.Program, ok bool, err error) {
	if !p.Status.Editable() || p.AmendsID != 0 {
		return prev, false, nil
	}
	per := p.Period.Prev()
	ps, _, err := s.st.FindPrograms(ctx, visiblePrograms(a, congtac.ProgramFilter{OrgID: &p.OrgID, Period: &per}))
	if err != nil {
		return prev, false, fmt.Errorf("web: previous program: %w", err)
	}
	for _, q := range ps {
		if q.Status.Published() {
			return prev, false, nil
		}
		if !ok {
			prev, ok = q, true
		}
	}
	return prev, ok, nil
}

// pendingMessage says that the previous period's program prev is not issued yet, and what
// that means for the draft made after it.
func pendingMessage(prev congtac.Program) string {
	return fmt.Sprintf("Chương trình %s chưa ban hành (%s): dự thảo này chỉ chuyển tiếp nhiệm vụ của chương trình đã ban hành gần nhất.",
		prev.Period, strings.ToLower(prev.Status.Label()))
}

// draftableProgram returns the program of path value id with its items and tasks when the
// actor may read it and draft programs of its org; otherwise it answers (404 or 403) itself
// and returns false.
func (s *Server) draftableProgram(w http.ResponseWriter, r *http.Request, id int64) (congtac.Program, bool) {
	p, err := s.findProgramToChange(r.Context(), actorOf(r), id, congtac.DraftPrograms)
	if err != nil {
		s.fail(w, r, err)
		return p, false
	}
	return p, true
}

// pathProgram returns the program named by the path's {id} as [Server.draftableProgram].
func (s *Server) pathProgram(w http.ResponseWriter, r *http.Request) (congtac.Program, bool) {
	id, ok := pathID(r, "id")
	if !ok {
		s.fail(w, r, notFoundFor("chương trình"))
		return congtac.Program{}, false
	}
	return s.draftableProgram(w, r, id)
}

// handleProgramEdit shows the editor of a draft or returned program the actor may draft;
// ?add=task&at=ID (or add=item) opens the form that adds a task under item ID (or an item
// beside it). Any other program is shown read-only instead, with a message saying why.
func (s *Server) handleProgramEdit(w http.ResponseWriter, r *http.Request) {
	p, ok := s.pathProgram(w, r)
	if !ok {
		return
	}
	if !p.Status.Editable() {
		s.flash(r, fmt.Sprintf("Chương trình đang ở trạng thái %s nên không sửa được.", strings.ToLower(p.Status.Label())))
		http.Redirect(w, r, fmt.Sprintf("/programs/%d", p.ID), http.StatusSeeOther)
		return
	}
	st := editorState{}
	if at, err := strconv.ParseInt(r.URL.Query().Get("at"), 10, 64); err == nil {
		switch r.URL.Query().Get("add") {
		case "task":
			st.open = fmt.Sprintf("newtask-%d", at)
		case "item":
			st.open = fmt.Sprintf("add-%d", at)
		}
	}
	s.renderEditor(w, r, p, http.StatusOK, st)
}

// handleProgramUpdate saves the editor's general information of a program (see
// [programForm]) and returns to the editor. With public_only=1 it changes only the public
// flag (field public), which an issued program keeps editable, and returns to the
// read-only view. A stale version gives the conflict page (409); fields that cannot be
// saved re-render the editor with 422, as typed.
func (s *Server) handleProgramUpdate(w http.ResponseWriter, r *http.Request) {
	p, ok := s.pathProgram(w, r)
	if !ok {
		return
	}
	ctx, a := r.Context(), actorOf(r)
	if r.PostFormValue("public_only") == "1" {
		s.updatePublic(w, r, p)
		return
	}
	f := readProgramForm(r, fmt.Sprintf("/programs/%d", p.ID))
	orgs, err := s.loadOrgs(ctx)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	c, err := s.editorChoices(ctx, a, p, orgs)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	u, err := f.update(c)
	if err == nil {
		err = checkVersion(f.Version)
	}
	if err == nil {
		if _, err = s.st.UpdateProgram(ctx, a, p.ID, f.Version, u); err == nil {
			s.flash(r, "Đã lưu thông tin chung của chương trình.")
			http.Redirect(w, r, fmt.Sprintf("/programs/%d/edit#program", p.ID), http.StatusSeeOther)
			return
		}
	}
	switch {
	case congtac.ErrorCode(err) == congtac.ECONFLICT:
		s.renderConflict(w, r, conflict{what: "thông tin chung của chương trình", action: f.Action, version: p.Version,
			back: fmt.Sprintf("/programs/%d/edit#program", p.ID), mine: f.describe(c),
			saved: programFormOf(p, c.signPosts).describe(c)})
	case congtac.ErrorCode(err) == congtac.EINVALID && p.Status.Editable():
		f.setErrors(err)
		s.renderEditor(w, r, p, http.StatusUnprocessableEntity, editorState{at: "program", program: f,
			problems: append([]string{"Thông tin chung chưa lưu được: hãy sửa các ô được đánh dấu."}, messages(f.Errors, nil)...)})
	default:
		s.fail(w, r, err)
	}
}

// updatePublic publishes an issued program to the public pages, or withdraws it.
func (s *Server) updatePublic(w http.ResponseWriter, r *http.Request, p congtac.Program) {
	version, _ := strconv.Atoi(r.PostFormValue("version"))
	public := r.PostFormValue("public") == "1"
	err := checkVersion(version)
	if err == nil {
		_, err = s.st.UpdateProgram(r.Context(), actorOf(r), p.ID, version, congtac.ProgramUpdate{Public: &public})
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	msg := "Đã thôi công bố chương trình trên trang công khai."
	if public {
		msg = "Đã công bố chương trình trên trang công khai."
	}
	s.flash(r, msg)
	http.Redirect(w, r, fmt.Sprintf("/programs/%d", p.ID), http.StatusSeeOther)
}

// handleProgramDelete deletes a draft that was never submitted (field version; 409 when it
// moved) and goes to the program list; a program submitted once, even recalled since, has
// versions kept as history and cannot go (422).
func (s *Server) handleProgramDelete(w http.ResponseWriter, r *http.Request) {
	p, ok := s.pathProgram(w, r)
	if !ok {
		return
	}
	version, _ := strconv.Atoi(r.PostFormValue("version"))
	err := checkVersion(version)
	if err == nil {
		var kept int
		if kept, err = s.st.CountProgramVersions(r.Context(), p.ID); err == nil && kept > 0 {
			err = congtac.Errorf(congtac.EINVALID, "Dự thảo đã được trình; các phiên bản được lưu làm hồ sơ nên không xóa được.")
		}
	}
	if err == nil {
		err = s.st.DeleteProgram(r.Context(), actorOf(r), p.ID, version)
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.flash(r, fmt.Sprintf("Đã xóa dự thảo “%s”.", p.Title))
	http.Redirect(w, r, "/programs", http.StatusSeeOther)
}
