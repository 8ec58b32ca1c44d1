package web

import (
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"congtac"
	"congtac/vn"
)

// Review and issue of programs: the steps of [congtac.Transitions] taken from the program's
// read-only view. Each step needs its route's capability on the program's issuing org
// (else 403) and the version the user read (else 409); the lifecycle table decides whether
// the step applies to the program's status (else 422 with the reason).

// workflowPanel is what the read-only view of a program offers the actor besides the text:
// the steps it may take, the signer's remarks and the form to add one, the public flag.
type workflowPanel struct {
	Href, EditHref, VersionsHref, AmendsHref string
	Version                                  int
	Submit, Recall, Approve, Return          bool
	Issue, Amend, Comment                    bool
	Publish, Public                          bool          // the actor may publish the issued program; it is public
	issueForm                                              // the issue fields as typed
	Confirm                                  *issueConfirm // the question before issuing; nil until asked
	Expected                                 string        // the number issuing today would take: "25/CTr-UBND"
	ReturnComment                            string
	CommentItem, CommentText                 string
	CommentItems                             []option
	Comments                                 []commentView
	Errors                                   map[string]string // by field: comment, issued_on, copies, keeper, text, item_id
	Problems                                 []string
}

// ReturnField returns the field of the remarks returning the program, as typed, with its
// message.
func (wf workflowPanel) ReturnField() field {
	return newField(wf.Errors, field{Kind: fieldTextarea, ID: "wf-comment", Name: "comment",
		Label: "Ý kiến khi trả lại (bắt buộc)", Rows: 3, Required: true, Value: wf.ReturnComment})
}

// IssueFields returns the fields of the issue form, as typed, with their messages.
func (wf workflowPanel) IssueFields() []field {
	e := wf.Errors
	return []field{
		newField(e, field{ID: "wf-issued", Name: "issued_on", Label: "Ngày ban hành", InputMode: "numeric", Value: wf.IssuedOn}),
		newField(e, field{ID: "wf-copies", Name: "copies", Label: "Số lượng bản", InputMode: "numeric", Value: wf.Copies}),
		newField(e, field{ID: "wf-keeper", Name: "keeper", Label: "Đơn vị, người nhận bản lưu", MaxLength: 200,
			Value: wf.Keeper}),
	}
}

// CommentFields returns the fields of the signer's remark form, as typed, with their
// messages.
func (wf workflowPanel) CommentFields() []field {
	e := wf.Errors
	return []field{
		newField(e, field{Kind: fieldSelect, ID: "wf-item", Name: "item_id", Label: "Góp ý vào", Options: wf.CommentItems}),
		newField(e, field{Kind: fieldTextarea, ID: "wf-text", Name: "text", Label: "Ý kiến", Rows: 3, Value: wf.CommentText}),
	}
}

// workflowPanel returns the panel of program p for the request's actor, keeping what st
// holds of a refused post.
func (s *Server) workflowPanel(r *http.Request, p congtac.Program, orgs orgIndex, st *workflowPanel) (*workflowPanel, error) {
	a := actorOf(r)
	wf := &workflowPanel{Href: fmt.Sprintf("/programs/%d", p.ID), Version: p.Version, Errors: map[string]string{},
		issueForm: issueForm{IssuedOn: vn.PaddedDate(s.today()), Keeper: p.FileKeeper()}}
	if st != nil {
		wf.ReturnComment, wf.issueForm, wf.CommentItem, wf.CommentText = st.ReturnComment, st.issueForm, st.CommentItem, st.CommentText
		wf.Errors, wf.Problems, wf.Confirm = st.Errors, st.Problems, st.Confirm
	}
	can := func(c congtac.Capability) bool { return a.Can(c) && orgs.Can(a, c, p.OrgID) }
	actions := congtac.ActionsFor(p.Status, a.Role)
	step := func(act congtac.ProgramAction, c congtac.Capability) bool {
		return slices.Contains(actions, act) && can(c)
	}
	wf.Submit, wf.Recall = step(congtac.ActionSubmit, congtac.DraftPrograms), step(congtac.ActionRecall, congtac.DraftPrograms)
	wf.Approve, wf.Return = step(congtac.ActionApprove, congtac.ReviewPrograms), step(congtac.ActionReturn, congtac.ReviewPrograms)
	wf.Issue, wf.Amend = step(congtac.ActionIssue, congtac.IssueDocuments), step(congtac.ActionAmend, congtac.IssueDocuments) && can(congtac.DraftPrograms)
	if wf.Issue {
		n, symbol, err := s.st.NextProgramNumber(r.Context(), p.ID, s.today())
		if err != nil {
			return nil, err
		}
		wf.Expected = congtac.FormatNumber(n, symbol)
	}
	wf.Comment = p.Status == congtac.ProgramSubmitted && can(congtac.ReviewPrograms)
	if p.Status.Editable() && can(congtac.DraftPrograms) {
		wf.EditHref = fmt.Sprintf("/programs/%d/edit", p.ID)
	}
	if can(congtac.ViewDrafts) {
		wf.VersionsHref = fmt.Sprintf("/programs/%d/versions", p.ID)
	}
	if p.AmendsID != 0 {
		wf.AmendsHref = fmt.Sprintf("/programs/%d", p.AmendsID)
	}
	wf.Publish, wf.Public = p.Status.Published() && can(congtac.DraftPrograms), p.Public
	if wf.Comment {
		wf.CommentItems = append([]option{{Value: "", Label: "Cả chương trình"}}, itemChoices(p.Items)[1:]...)
		for i := range wf.CommentItems {
			wf.CommentItems[i].Selected = wf.CommentItems[i].Value == wf.CommentItem
		}
	}
	if can(congtac.ViewDrafts) {
		if err := s.panelComments(r, p, wf); err != nil {
			return nil, err
		}
	}
	return wf, nil
}

// panelComments lists the signer's remarks on p in the panel, each with where it is.
func (s *Server) panelComments(r *http.Request, p congtac.Program, wf *workflowPanel) error {
	byItem, err := s.commentViews(r, p.ID)
	if err != nil {
		return err
	}
	for _, it := range append([]itemAt{{}}, itemOrder(p.Items)...) {
		for _, c := range byItem[it.ID] {
			c.Where = "Cả chương trình"
			if it.ID != 0 {
				c.Where = "Mục " + strings.TrimSpace(it.Label+" "+shortText(it.Heading+" "+it.Text, 50))
			}
			wf.Comments = append(wf.Comments, c)
		}
	}
	return nil
}

// returnNote is the signer's remark of a program's latest return, with who returned it
// and when, as the program's page shows it to everyone who reads the draft.
type returnNote struct {
	Text, By, At string
	Current      bool // the program is still returned: the remark awaits the office
}

// lastReturn returns the note of program p's latest return, or nil when p was never
// returned or is published: an issued program shows the document as issued, and its
// history stays on the versions page. After a return the note stays, not Current, while
// the program is drafted, submitted or approved again, so that the signer can check what
// was asked.
func (s *Server) lastReturn(r *http.Request, p congtac.Program) (*returnNote, error) {
	if p.Status.Published() {
		return nil, nil
	}
	vs, err := s.st.FindProgramVersions(r.Context(), p.ID)
	if err != nil {
		return nil, fmt.Errorf("web: last return: %w", err)
	}
	for i := len(vs) - 1; i >= 0; i-- {
		if vs[i].Action != congtac.ActionReturn {
			continue
		}
		rows, err := s.versionRows(r, p.ID, vs[i:i+1])
		if err != nil {
			return nil, err
		}
		return &returnNote{Text: vs[i].Comment, By: rows[0].By, At: rows[0].At,
			Current: p.Status == congtac.ProgramReturned}, nil
	}
	return nil, nil
}

// reviewedProgram returns the program of the path's {id} when the actor may read it and use
// capability c on its org; otherwise it answers (404 or 403) itself and returns false.
func (s *Server) reviewedProgram(w http.ResponseWriter, r *http.Request, c congtac.Capability) (congtac.Program, bool) {
	ctx, a := r.Context(), actorOf(r)
	id, ok := pathID(r, "id")
	if !ok {
		s.fail(w, r, notFoundFor("chương trình"))
		return congtac.Program{}, false
	}
	p, err := s.findVisibleProgram(ctx, a, id)
	if err == nil {
		if ok, err = s.st.Reaches(ctx, a, c, p.OrgID); err == nil && !ok {
			err = congtac.Forbidden()
		}
	}
	if err != nil {
		s.fail(w, r, err)
		return p, false
	}
	return p, true
}

// transitionMessages are the messages shown after each step.
var transitionMessages = map[congtac.ProgramAction]string{
	congtac.ActionSubmit:  "Đã trình chương trình để lãnh đạo duyệt.",
	congtac.ActionRecall:  "Đã rút lại chương trình để sửa tiếp.",
	congtac.ActionReturn:  "Đã trả lại chương trình cho Văn phòng kèm ý kiến.",
	congtac.ActionApprove: "Đã phê duyệt chương trình; Văn phòng có thể ban hành.",
}

// transition takes step act on the program of the path (fields version, and comment for a
// return) for an actor with capability c on its org, and shows the program.
func (s *Server) transition(w http.ResponseWriter, r *http.Request, act congtac.ProgramAction, c congtac.Capability) {
	p, ok := s.reviewedProgram(w, r, c)
	if !ok {
		return
	}
	version, _ := strconv.Atoi(r.PostFormValue("version"))
	comment := strings.TrimSpace(r.PostFormValue("comment"))
	err := checkVersion(version)
	if err == nil {
		if _, err = s.st.TransitionProgram(r.Context(), actorOf(r), p.ID, version, act, comment); err == nil {
			s.flash(r, transitionMessages[act])
			http.Redirect(w, r, fmt.Sprintf("/programs/%d", p.ID), http.StatusSeeOther)
			return
		}
	}
	s.refuseStep(w, r, p, &workflowPanel{ReturnComment: comment}, err)
}

// refuseStep shows program p with the panel st and the messages of err (422), or answers
// err when it is not EINVALID.
func (s *Server) refuseStep(w http.ResponseWriter, r *http.Request, p congtac.Program, st *workflowPanel, err error) {
	if congtac.ErrorCode(err) != congtac.EINVALID {
		s.fail(w, r, err)
		return
	}
	st.Errors, st.Problems = splitFieldErrors(err, []string{"comment", "issued_on", "copies", "keeper", "text", "item_id"})
	s.showProgram(w, r, p, http.StatusUnprocessableEntity, st)
}

// handleProgramSubmit sends a draft or returned program to the signer (field version).
func (s *Server) handleProgramSubmit(w http.ResponseWriter, r *http.Request) {
	s.transition(w, r, congtac.ActionSubmit, congtac.DraftPrograms)
}

// handleProgramRecall takes a submitted program back to draft (field version).
func (s *Server) handleProgramRecall(w http.ResponseWriter, r *http.Request) {
	s.transition(w, r, congtac.ActionRecall, congtac.DraftPrograms)
}

// handleProgramReturn sends a submitted or approved program back to the office with the
// signer's remarks (fields version and comment, required).
func (s *Server) handleProgramReturn(w http.ResponseWriter, r *http.Request) {
	s.transition(w, r, congtac.ActionReturn, congtac.ReviewPrograms)
}

// handleProgramApprove approves a submitted program (field version).
func (s *Server) handleProgramApprove(w http.ResponseWriter, r *http.Request) {
	s.transition(w, r, congtac.ActionApprove, congtac.ReviewPrograms)
}

// handleCommentCreate records the signer's remark (field text) on a submitted program, on
// one of its items (field item_id) or on the whole, and shows the program again. A remark
// refused comes back with 422, as typed.
func (s *Server) handleCommentCreate(w http.ResponseWriter, r *http.Request) {
	p, ok := s.reviewedProgram(w, r, congtac.ReviewPrograms)
	if !ok {
		return
	}
	st := &workflowPanel{CommentItem: strings.TrimSpace(r.PostFormValue("item_id")), CommentText: r.PostFormValue("text")}
	var pr congtac.Problems
	c := congtac.ReviewComment{ProgramID: p.ID, Text: st.CommentText,
		ItemID: parseFormID(&pr, "item_id", st.CommentItem)}
	err := pr.Err()
	if err == nil {
		if _, err = s.st.AddReviewComment(r.Context(), actorOf(r), c); err == nil {
			s.flash(r, "Đã ghi ý kiến.")
			http.Redirect(w, r, fmt.Sprintf("/programs/%d#y-kien", p.ID), http.StatusSeeOther)
			return
		}
	}
	s.refuseStep(w, r, p, st, err)
}

// handleCommentResolve marks a remark as dealt with (field program names its program, which
// the actor must be allowed to draft) and returns to the editor at its item, or to the
// program when it can no longer be edited.
func (s *Server) handleCommentResolve(w http.ResponseWriter, r *http.Request) {
	id, ok := pathID(r, "id")
	programID, err := strconv.ParseInt(r.PostFormValue("program"), 10, 64)
	if !ok || err != nil || programID <= 0 {
		s.fail(w, r, notFoundFor("ý kiến"))
		return
	}
	p, ok := s.draftableProgram(w, r, programID)
	if !ok {
		return
	}
	cs, err := s.st.FindReviewComments(r.Context(), p.ID)
	if err != nil {
		s.fail(w, r, fmt.Errorf("web: resolve comment: %w", err))
		return
	}
	i := slices.IndexFunc(cs, func(c congtac.ReviewComment) bool { return c.ID == id })
	if i < 0 {
		s.fail(w, r, notFoundFor("ý kiến"))
		return
	}
	if err := s.st.ResolveReviewComment(r.Context(), actorOf(r), id); err != nil {
		s.fail(w, r, err)
		return
	}
	s.flash(r, "Đã đánh dấu ý kiến là đã xử lý.")
	to := fmt.Sprintf("/programs/%d", p.ID)
	if p.Status.Editable() {
		to = editorAt(p.ID, fmt.Sprintf("item-%d", cs[i].ItemID))
		if cs[i].ItemID == 0 {
			to = editorAt(p.ID, "y-kien")
		}
	}
	http.Redirect(w, r, to, http.StatusSeeOther)
}

// handleProgramAmend starts an amendment (điều chỉnh, bổ sung) of an issued program: a new
// draft with its content, opened in the editor. The issued program stays as it is until the
// amendment is issued. A second amendment while one is being drafted is 409.
func (s *Server) handleProgramAmend(w http.ResponseWriter, r *http.Request) {
	p, ok := s.reviewedProgram(w, r, congtac.IssueDocuments)
	if !ok {
		return
	}
	draft, err := s.st.AmendProgram(r.Context(), actorOf(r), p.ID)
	if err != nil {
		s.refuseStep(w, r, p, &workflowPanel{}, err)
		return
	}
	s.flash(r, "Đã tạo dự thảo điều chỉnh, bổ sung; chương trình đã ban hành giữ nguyên đến khi bản điều chỉnh được ban hành.")
	to := fmt.Sprintf("/programs/%d", draft.ID)
	if ok, err := s.st.Reaches(r.Context(), actorOf(r), congtac.DraftPrograms, draft.OrgID); err == nil && ok {
		to += "/edit"
	}
	http.Redirect(w, r, to, http.StatusSeeOther)
}
