package web

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"congtac"
	"congtac/assemble"
	"congtac/vn"
)

// Issuing a program from its page takes two posts: the first states the day, the number of
// copies and the keeper of the file copy, and is answered with the question "issue with
// number 25/CTr-UBND?"; the second, with confirm=1 and the number shown, issues. Both work
// without JavaScript.

// issueForm is what the office types to issue a program.
type issueForm struct {
	IssuedOn string // "05/12/2026"; today when empty
	Copies   string // "Số lượng bản"; none stated when empty
	Keeper   string // "Đơn vị, người nhận bản lưu"
}

// readIssueForm returns the issue fields of the request.
func readIssueForm(r *http.Request) issueForm {
	get := func(k string) string { return strings.TrimSpace(r.PostFormValue(k)) }
	return issueForm{IssuedOn: get("issued_on"), Copies: get("copies"), Keeper: get("keeper")}
}

// parse returns the issuance the form states, on today when it names no day. Its
// problems are on fields issued_on and copies.
func (f issueForm) parse(today congtac.Date) (congtac.Issuance, error) {
	var pr congtac.Problems
	iss := congtac.Issuance{On: today, Keeper: f.Keeper}
	if f.IssuedOn != "" {
		if d, err := parseDay(f.IssuedOn); err != nil || d.IsZero() {
			pr.Add("issued_on", "Ngày ban hành %q không đúng dạng ngày/tháng/năm (ví dụ 05/12/2026).", f.IssuedOn)
		} else {
			iss.On = d
		}
	}
	if f.Copies != "" {
		n, err := strconv.Atoi(f.Copies)
		if err != nil || n < 0 {
			pr.Add("copies", "Số lượng bản phải là một số không âm, ví dụ 30.")
		}
		iss.Copies = n
	}
	return iss, pr.Err()
}

// issueConfirm is the question asked before a program is issued.
type issueConfirm struct {
	issueForm
	Number  string // the number shown, sent back to check it is still the one taken
	Code    string // "25/CTr-UBND"
	Date    string // "Sơn Hà, ngày 05 tháng 12 năm 2026"
	Changed string // why the question is asked again: the number moved meanwhile
}

// handleProgramIssue issues an approved program (fields version, issued_on — a day
// "05/12/2026", today when empty —, copies and keeper) once confirmed: without confirm=1,
// or when the number shown (field number) is no longer the next one, it answers with the
// program page asking to confirm the number the program will take ("Số: 25/CTr-UBND").
// The number comes from the register at the moment of issue.
func (s *Server) handleProgramIssue(w http.ResponseWriter, r *http.Request) {
	p, ok := s.reviewedProgram(w, r, congtac.IssueDocuments)
	if !ok {
		return
	}
	f := readIssueForm(r)
	st := &workflowPanel{issueForm: f}
	version, _ := strconv.Atoi(r.PostFormValue("version"))
	iss, err := f.parse(s.today())
	if err == nil {
		err = checkVersion(version)
	}
	if err != nil {
		s.refuseStep(w, r, p, st, err)
		return
	}
	number, symbol, err := s.st.NextProgramNumber(r.Context(), p.ID, iss.On)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	shown := r.PostFormValue("number")
	if r.PostFormValue("confirm") != "1" || shown != strconv.Itoa(number) {
		st.Confirm = &issueConfirm{issueForm: f, Number: strconv.Itoa(number),
			Code: congtac.FormatNumber(number, symbol), Date: vn.DateLine(p.Place, iss.On)}
		if r.PostFormValue("confirm") == "1" && atoi(shown) > 0 {
			st.Confirm.Changed = fmt.Sprintf("Số %s đã được cấp cho văn bản khác vừa ban hành; chương trình sẽ nhận số mới dưới đây.",
				congtac.FormatNumber(atoi(shown), symbol))
		}
		s.showProgram(w, r, p, http.StatusOK, st)
		return
	}
	issued, err := assemble.IssueProgram(r.Context(), s.st, actorOf(r), p.ID, version, iss)
	if err != nil {
		s.refuseStep(w, r, p, st, err)
		return
	}
	s.flash(r, fmt.Sprintf("Đã ban hành chương trình: Số %s ngày %s.",
		congtac.FormatNumber(issued.Number, issued.Symbol), vn.PaddedDate(issued.IssuedOn)))
	http.Redirect(w, r, fmt.Sprintf("/programs/%d", p.ID), http.StatusSeeOther)
}

// atoi returns the number s writes, 0 when it writes none.
func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}
