package web

import (
	"net/http"

	"congtac"
	"congtac/vn"
)

// apiDeadline is what a deadline phrase was understood as: the deadline, the recurrence it
// gives, whether it is vague (kept as words, no date) and, when it cannot be right (31/4,
// Quý V), why.
type apiDeadline struct {
	Due             apiDue  `json:"due"`
	Recurrence      *string `json:"recurrence"`
	RecurrenceLabel *string `json:"recurrence_label"`
	Vague           bool    `json:"vague"`
	Error           *string `json:"error"`
}

// deadlineSchemas returns the schema of the DTO above, for the OpenAPI document.
func deadlineSchemas() map[string]*oaSchema {
	return map[string]*oaSchema{
		"Deadline": schObject("Cách hiểu một cụm từ thời hạn.", oaProps{
			"due":              schRef("Due"),
			"recurrence":       schNullable(schString("Quy tắc lặp lại RRULE khi cụm từ là định kỳ (“từng tháng”).")),
			"recurrence_label": schNullable(schString("Quy tắc lặp lại viết bằng lời: Hằng tháng.")),
			"vague":            schBool("Cụm từ không cho ngày cụ thể (“trong dịp nghỉ hè”): giữ nguyên chữ."),
			"error":            schNullable(schString("Vì sao cụm từ không thể đúng (ngày không có trên lịch …).")),
		}),
	}
}

// handleAPIDeadlineParse answers how [vn.ParseDue] reads the phrase text as of ref (a
// program's first day; default today), for forms that show the understood date as one
// types. A phrase that cannot be right is still 200, with error set; an empty text gives
// an empty deadline.
func (s *Server) handleAPIDeadlineParse(w http.ResponseWriter, r *http.Request) {
	q, ok := s.apiQueryOf(w, r)
	if !ok {
		return
	}
	text, _ := q.raw("text")
	ref := q.date("ref")
	if q.fail(s, w, r) {
		return
	}
	writeJSON(w, http.StatusOK, parseDeadline(text, patched(ref, s.today())))
}

// parseDeadline returns what text means as of ref.
func parseDeadline(text string, ref congtac.Date) apiDeadline {
	d, err := vn.ParseDue(text, ref)
	if err != nil {
		return apiDeadline{Due: newAPIDue(congtac.Due{Text: text}), Error: ptr(congtac.ErrorMessage(err))}
	}
	out := apiDeadline{Due: newAPIDue(d.Due), Vague: d.Due.IsVague() && d.Recurrence == nil && d.Due.Text != ""}
	if rec := d.Recurrence; rec != nil {
		out.Recurrence, out.RecurrenceLabel = ptr(rec.String()), ptr(vn.FormatRecurrence(*rec))
	}
	return out
}
