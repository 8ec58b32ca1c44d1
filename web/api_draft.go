package web

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"congtac"
	"congtac/assemble"
)

// Drafting, review and issue of programs through the API. A program the actor may not read
// is 404; one it reads but whose org the capability of the change does not reach is 403;
// what the program's status allows, and which role takes which lifecycle step, the store
// decides (EINVALID 422, EFORBIDDEN 403). Every change names the version it was read at:
// 409 when it moved.

// apiProgramCreate is the body of POST /api/v1/programs.
type apiProgramCreate struct {
	OrgID  int64  `json:"org_id"`
	Period string `json:"period"`
	AsOf   string `json:"as_of"`
}

// apiProgramUpdate is the body of PATCH /api/v1/programs/{id}: the version read and the
// fields to change; a field left out or null stays as it is.
type apiProgramUpdate struct {
	Version    *int               `json:"version"`
	Title      *string            `json:"title"`
	Also       *[]string          `json:"also"`
	Place      *string            `json:"place"`
	Recipients *[]string          `json:"recipients"`
	Signature  *apiSignatureInput `json:"signature"`
	Public     *bool              `json:"public"`
}

// apiSignatureInput is who signs, as a body gives it: the authority lines as printed
// ("TL. CHỦ TỊCH"), title and name.
type apiSignatureInput struct {
	Lines    []string `json:"lines"`
	Title    string   `json:"title"`
	Name     string   `json:"name"`
	PersonID int64    `json:"person_id"`
}

// apiProgramTransition is the body of POST /api/v1/programs/{id}/transitions.
type apiProgramTransition struct {
	Version *int   `json:"version"`
	Action  string `json:"action"`
	Comment string `json:"comment"`
}

// apiProgramIssue is the body of POST /api/v1/programs/{id}/issue.
type apiProgramIssue struct {
	Version  *int   `json:"version"`
	IssuedOn string `json:"issued_on"`
	Copies   int    `json:"copies"`
	Keeper   string `json:"keeper"`
}

// apiProgramAmend is the body of POST /api/v1/programs/{id}/amend.
type apiProgramAmend struct {
	Version *int `json:"version"`
}

// versionParam is the version a DELETE names in its query.
var versionParam = qRequired(apiParam{name: "version", schema: &oaSchema{Type: "integer", Minimum: ptr(1.0),
	Description: "Phiên bản của bản ghi đã đọc; khác phiên bản hiện tại thì trả về 409."}})

// transitionNeeds is the capability whose reach a lifecycle step needs on the program's org.
var transitionNeeds = map[congtac.ProgramAction]congtac.Capability{
	congtac.ActionSubmit: congtac.DraftPrograms, congtac.ActionRecall: congtac.DraftPrograms,
	congtac.ActionReturn: congtac.ReviewPrograms, congtac.ActionApprove: congtac.ReviewPrograms,
}

// draftSchemas returns the schemas of the request bodies above, for the OpenAPI document.
func draftSchemas() map[string]*oaSchema {
	version := schInt("Phiên bản của chương trình đã đọc; khác phiên bản hiện tại thì trả về 409.")
	signature := schInput("Người ký.", nil, oaProps{
		"lines": schArray(schString("Dòng thẩm quyền như in: TM. ỦY BAN NHÂN DÂN, KT. CHỦ TỊCH, TL. CHỦ TỊCH.")),
		"title": schMax(schString("Chức vụ."), congtac.MaxSignerTitle), "name": schMax(schString("Họ tên."), congtac.MaxPersonName),
		"person_id": schInt("Mã cán bộ; 0 nếu không có."),
	})
	return map[string]*oaSchema{
		"ProgramCreate": schInput("Dự thảo chương trình của một kỳ, soạn sẵn từ chương trình kỳ trước cùng loại.",
			[]string{"org_id", "period"}, oaProps{
				"org_id": schInt("Cơ quan ban hành."),
				"period": schPattern(schString("Kỳ: 2023-05 (tháng), 2023-Q2 (quý), 2023-H1 (6 tháng), 2023 (năm), 2023-W15 (tuần)."), periodPattern),
				"as_of":  schDate("Ngày tính nhiệm vụ chưa hoàn thành để chuyển tiếp; mặc định hôm nay."),
			}),
		"ProgramUpdate": schPatch("Các trường cần sửa của dự thảo; trường không gửi hoặc null giữ nguyên.",
			[]string{"version"}, oaProps{
				"version": version, "title": schMax(schString("Trích yếu."), congtac.MaxTitle),
				"also":  schArray(schPattern(schString("Kỳ khác chương trình bao gồm, như 2023-Q2."), periodPattern)),
				"place": schString("Địa danh."), "recipients": schArray(schString("Nơi nhận, mỗi dòng một nơi.")),
				"signature": signature, "public": schBool("Công khai khi đã ban hành."),
			}),
		"SignatureInput": signature,
		"ProgramTransition": schInput("Trình, rút lại, trả lại (kèm ý kiến) hoặc phê duyệt.", []string{"version", "action"},
			oaProps{"version": version,
				"action":  schEnum("submit: trình; recall: rút lại; return: trả lại; approve: phê duyệt.", "submit", "recall", "return", "approve"),
				"comment": schString("Ý kiến; bắt buộc khi trả lại."),
			}),
		"ProgramIssue": schInput("Ban hành chương trình đã duyệt: số lấy từ sổ văn bản đi.", []string{"version"}, oaProps{
			"version": version, "issued_on": schDate("Ngày ban hành; mặc định hôm nay."),
			"copies": {Type: "integer", Minimum: ptr(0.0), Maximum: ptr(10000.0),
				Description: "Số lượng bản, ghi vào sổ văn bản đi; mặc định 0 (không ghi)."},
			"keeper": schMax(schString("Đơn vị, người nhận bản lưu: VT, VP."), congtac.MaxKeeper),
		}),
		"ProgramAmend": schInput("Tạo bản điều chỉnh, bổ sung của chương trình đã ban hành.", []string{"version"},
			oaProps{"version": version}),
	}
}

// handleAPIProgramCreate creates the draft of org_id for period, pre-filled from the last
// program of the same kind (unfinished tasks as of as_of carried over, recurring duties,
// standard parts, the meetings of the period), and answers 201 with it. An unknown org is
// 404 (field org_id); one outside the actor's DraftPrograms reach 403; a period that
// already has a program 409.
func (s *Server) handleAPIProgramCreate(w http.ResponseWriter, r *http.Request) {
	var body apiProgramCreate
	if !s.readJSON(w, r, &body) {
		return
	}
	var pr congtac.Problems
	if body.OrgID == 0 {
		pr.Add("org_id", "Chưa chọn cơ quan ban hành.")
	}
	period, err := congtac.ParsePeriodKey(body.Period)
	if err != nil {
		pr.Add("period", "Kỳ %q không đúng dạng: 2023-05 (tháng), 2023-Q2 (quý), 2023 (năm).", body.Period)
	}
	asOf := s.today()
	if body.AsOf != "" {
		asOf = bodyDate(&pr, "as_of", body.AsOf)
	}
	if err := pr.Err(); err != nil {
		s.apiFail(w, r, err, 0)
		return
	}
	ctx, a := r.Context(), actorOf(r)
	if _, err := s.st.FindOrgByID(ctx, body.OrgID); err != nil {
		s.apiFail(w, r, fmt.Errorf("web: api create program: %w", onField(err, "org_id")), 0)
		return
	}
	p, err := s.st.DraftNext(ctx, a, body.OrgID, period, asOf)
	if err != nil {
		s.apiFail(w, r, fmt.Errorf("web: api create program: %w", err), 0)
		return
	}
	s.writeProgramDetail(w, r, p.ID, http.StatusCreated)
}

// writeProgramDetail answers with program id as GET /api/v1/programs/{id} does, with
// status and its Location.
func (s *Server) writeProgramDetail(w http.ResponseWriter, r *http.Request, id int64, status int) {
	ctx, a := r.Context(), actorOf(r)
	p, err := s.st.FindProgramByID(ctx, id)
	if err != nil {
		s.apiFail(w, r, fmt.Errorf("web: api program: %w", err), 0)
		return
	}
	out, err := s.newAPIProgramDetail(ctx, a, p)
	if err != nil {
		s.apiFail(w, r, fmt.Errorf("web: api program: %w", err), 0)
		return
	}
	w.Header().Set("Location", "/api/v1/programs/"+strconv.FormatInt(id, 10))
	writeJSON(w, status, out)
}

// apiProgramToChange returns the program of the request's path for a change needing
// capability c (see [Server.findProgramToChange]), or answers 404 or 403 and returns false.
func (s *Server) apiProgramToChange(w http.ResponseWriter, r *http.Request, c congtac.Capability) (congtac.Program, bool) {
	id, ok := s.apiPathID(w, r, "chương trình")
	if !ok {
		return congtac.Program{}, false
	}
	p, err := s.findProgramToChange(r.Context(), actorOf(r), id, c)
	if err != nil {
		s.apiFail(w, r, fmt.Errorf("web: api program: %w", err), 0)
		return p, false
	}
	return p, true
}

// handleAPIProgramUpdate changes the title, extra periods, place, recipients, signature or
// public flag of a draft or returned program (the public flag also once issued), given the
// version read.
func (s *Server) handleAPIProgramUpdate(w http.ResponseWriter, r *http.Request) {
	p, ok := s.apiProgramToChange(w, r, congtac.DraftPrograms)
	if !ok {
		return
	}
	var body apiProgramUpdate
	if !s.readJSON(w, r, &body) {
		return
	}
	var pr congtac.Problems
	version := bodyVersion(&pr, body.Version)
	u := congtac.ProgramUpdate{Title: body.Title, Place: body.Place, Recipients: body.Recipients, Public: body.Public}
	if body.Also != nil {
		also := make([]congtac.Period, 0, len(*body.Also))
		for _, key := range *body.Also {
			per, err := congtac.ParsePeriodKey(key)
			if err != nil {
				pr.Add("also", "Kỳ %q không đúng dạng: 2023-Q2, 2023-05.", key)
				continue
			}
			also = append(also, per)
		}
		u.Also = &also
	}
	if body.Signature != nil {
		u.Signature = ptr(body.Signature.signature(&pr))
	}
	if err := pr.Err(); err != nil {
		s.apiFail(w, r, err, 0)
		return
	}
	p, err := s.st.UpdateProgram(r.Context(), actorOf(r), p.ID, version, u)
	if err != nil {
		s.apiFail(w, r, fmt.Errorf("web: api update program: %w", err), 0)
		return
	}
	writeJSON(w, http.StatusOK, newAPIProgram(p))
}

// signature returns who signs as the body gives it; a line that is not an authority line
// adds a problem to the field signature.
func (sg apiSignatureInput) signature(pr *congtac.Problems) congtac.Signature {
	sig := congtac.Signature{Title: strings.TrimSpace(sg.Title), Name: strings.TrimSpace(sg.Name), PersonID: sg.PersonID}
	for _, line := range sg.Lines {
		l, err := parseSignLine(line)
		if err != nil {
			pr.Add("signature", "%s", congtac.ErrorMessage(err))
			break
		}
		sig.Lines = append(sig.Lines, l)
	}
	return sig
}

// parseSignLine reads an authority line as printed: "TL. CHỦ TỊCH" is by order of the
// chairman. The body or post after the authority is kept in capitals.
func parseSignLine(s string) (congtac.SignLine, error) {
	auth, of, _ := strings.Cut(strings.TrimSpace(s), " ")
	of = strings.ToUpper(strings.Join(strings.Fields(of), " "))
	if !congtac.Authority(strings.ToUpper(auth)).Valid() || of == "" {
		return congtac.SignLine{}, congtac.Errorf(congtac.EINVALID,
			"Dòng thẩm quyền %q phải bắt đầu bằng TM., KT., TL., TUQ. hoặc Q. rồi đến chức vụ, như “TL. CHỦ TỊCH”.", s)
	}
	return congtac.SignLine{Authority: congtac.Authority(strings.ToUpper(auth)), Of: of}, nil
}

// handleAPIProgramDelete removes a draft that was never submitted, given the version read
// in the query, and answers 204; a program further on is 422.
func (s *Server) handleAPIProgramDelete(w http.ResponseWriter, r *http.Request) {
	q, ok := s.apiQueryOf(w, r)
	if !ok {
		return
	}
	version := q.integer("version")
	if q.fail(s, w, r) {
		return
	}
	p, ok := s.apiProgramToChange(w, r, congtac.DraftPrograms)
	if !ok {
		return
	}
	if err := s.st.DeleteProgram(r.Context(), actorOf(r), p.ID, int(*version)); err != nil {
		s.apiFail(w, r, fmt.Errorf("web: api delete program: %w", err), 0)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// handleAPIProgramTransition takes a lifecycle step, given the version read: submit or
// recall (the office: DraftPrograms on the program's org), return with a comment or
// approve (the signer: ReviewPrograms). Which roles may take which step is the store's
// lifecycle table: a role it does not list is 403, a step the status does not allow 422.
func (s *Server) handleAPIProgramTransition(w http.ResponseWriter, r *http.Request) {
	id, ok := s.apiPathID(w, r, "chương trình")
	if !ok {
		return
	}
	var body apiProgramTransition
	if !s.readJSON(w, r, &body) {
		return
	}
	var pr congtac.Problems
	version := bodyVersion(&pr, body.Version)
	action := congtac.ProgramAction(body.Action)
	need, known := transitionNeeds[action]
	if !known {
		pr.Add("action", "Thao tác phải là submit (trình), recall (rút lại), return (trả lại) hoặc approve (phê duyệt).")
	}
	if err := pr.Err(); err != nil {
		s.apiFail(w, r, err, 0)
		return
	}
	ctx, a := r.Context(), actorOf(r)
	var err error
	if a.Can(need) { // a role without the capability hears the lifecycle table's refusal
		_, err = s.findProgramToChange(ctx, a, id, need)
	} else {
		_, err = s.findVisibleProgram(ctx, a, id)
	}
	if err != nil {
		s.apiFail(w, r, fmt.Errorf("web: api program transition: %w", err), 0)
		return
	}
	p, err := s.st.TransitionProgram(ctx, a, id, version, action, body.Comment)
	if err != nil {
		s.apiFail(w, r, fmt.Errorf("web: api program transition: %w", err), 0)
		return
	}
	writeJSON(w, http.StatusOK, newAPIProgram(p))
}

// handleAPIProgramIssue issues an approved program on issued_on (default today), with the
// register's copies and keeper of the file copy: the next number of the register, answered
// in code ("05/CTr-UBND"). IssueDocuments must reach the
// program's org.
func (s *Server) handleAPIProgramIssue(w http.ResponseWriter, r *http.Request) {
	p, ok := s.apiProgramToChange(w, r, congtac.IssueDocuments)
	if !ok {
		return
	}
	var body apiProgramIssue
	if !s.readJSON(w, r, &body) {
		return
	}
	var pr congtac.Problems
	version := bodyVersion(&pr, body.Version)
	on := s.today()
	if body.IssuedOn != "" {
		on = bodyDate(&pr, "issued_on", body.IssuedOn)
	}
	if err := pr.Err(); err != nil {
		s.apiFail(w, r, err, 0)
		return
	}
	p, err := assemble.IssueProgram(r.Context(), s.st, actorOf(r), p.ID, version,
		congtac.Issuance{On: on, Copies: body.Copies, Keeper: body.Keeper})
	if err != nil {
		s.apiFail(w, r, fmt.Errorf("web: api issue program: %w", err), 0)
		return
	}
	writeJSON(w, http.StatusOK, newAPIProgram(p))
}

// handleAPIProgramAmend starts an amendment ("điều chỉnh, bổ sung") of an issued program,
// read at version, and answers 201 with the new draft: a copy of its content that
// supersedes it once issued. IssueDocuments must reach the program's org; a program not
// issued is 422, one already being amended 409.
func (s *Server) handleAPIProgramAmend(w http.ResponseWriter, r *http.Request) {
	p, ok := s.apiProgramToChange(w, r, congtac.IssueDocuments)
	if !ok {
		return
	}
	var body apiProgramAmend
	if !s.readJSON(w, r, &body) {
		return
	}
	var pr congtac.Problems
	version := bodyVersion(&pr, body.Version)
	if err := pr.Err(); err != nil {
		s.apiFail(w, r, err, 0)
		return
	}
	if version != p.Version {
		s.apiFail(w, r, congtac.Errorf(congtac.ECONFLICT,
			"Chương trình đã thay đổi sau khi bạn mở. Hãy tải lại để xem bản mới nhất rồi làm lại."), 0)
		return
	}
	draft, err := s.st.AmendProgram(r.Context(), actorOf(r), p.ID)
	if err != nil {
		s.apiFail(w, r, fmt.Errorf("web: api amend program: %w", err), 0)
		return
	}
	s.writeProgramDetail(w, r, draft.ID, http.StatusCreated)
}
