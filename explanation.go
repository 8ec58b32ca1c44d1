package congtac

import (
	"strings"
	"time"
)

// Explanation is a request that a unit explain why a task is late (yêu cầu giải trình): a
// leader or the office asks an org that leads or supports the task, with a day to answer
// by; the org answers in the application.
type Explanation struct {
	ID         int64
	TaskID     int64
	OrgID      int64 // the unit asked
	Question   string
	Due        Date  // the day to answer by
	AskedBy    int64 // the user who asked
	AskedOn    Date
	Answer     string
	AnsweredBy int64 // the user who answered; 0 while open
	AnsweredOn Date
	Version    int
	CreatedAt  time.Time
	UpdatedAt  time.Time
}

// ExplanationState is where a request for an explanation stands on a day.
type ExplanationState string

// The states of a request: waiting for the answer, waiting past its day, answered.
const (
	ExplanationOpen     ExplanationState = "open"
	ExplanationOverdue  ExplanationState = "overdue"
	ExplanationAnswered ExplanationState = "answered"
)

// ExplanationStates lists every state, in the order lists show them.
var ExplanationStates = []ExplanationState{ExplanationOverdue, ExplanationOpen, ExplanationAnswered}

// Label returns the Vietnamese name of the state.
func (s ExplanationState) Label() string {
	switch s {
	case ExplanationOpen:
		return "Chờ giải trình"
	case ExplanationOverdue:
		return "Quá hạn giải trình"
	case ExplanationAnswered:
		return "Đã giải trình"
	}
	return ""
}

// State returns where e stands on day asOf: answered once answered, overdue after its
// day, open before.
func (e Explanation) State(asOf Date) ExplanationState {
	switch {
	case !e.AnsweredOn.IsZero():
		return ExplanationAnswered
	case asOf.After(e.Due):
		return ExplanationOverdue
	}
	return ExplanationOpen
}

// Limits of an explanation's texts.
const (
	MaxExplanationQuestion = 4000
	MaxExplanationAnswer   = 20000
)

// Validate checks a request as it is asked: a question, a day to answer by not before the
// day it is asked.
func (e Explanation) Validate() error {
	var p Problems
	p.Text("question", "Nội dung yêu cầu giải trình", e.Question)
	switch q := strings.TrimSpace(e.Question); {
	case q == "":
		p.Add("question", "Cần ghi nội dung yêu cầu giải trình.")
	case len([]rune(q)) > MaxExplanationQuestion:
		p.Add("question", "Nội dung yêu cầu giải trình dài quá %d ký tự.", MaxExplanationQuestion)
	}
	switch {
	case e.Due.IsZero():
		p.Add("due", "Cần hạn giải trình.")
	case e.Due.Before(e.AskedOn):
		p.Add("due", "Hạn giải trình không được trước ngày yêu cầu.")
	}
	if e.OrgID == 0 {
		p.Add("org_id", "Cần chọn đơn vị giải trình.")
	}
	return p.Err()
}

// CheckAnswer checks an answer's text.
func CheckAnswer(answer string) error {
	var p Problems
	p.Text("answer", "Nội dung giải trình", answer)
	switch a := strings.TrimSpace(answer); {
	case a == "":
		p.Add("answer", "Nội dung giải trình không được để trống.")
	case len([]rune(a)) > MaxExplanationAnswer:
		p.Add("answer", "Nội dung giải trình dài quá %d ký tự.", MaxExplanationAnswer)
	}
	return p.Err()
}

// ExplanationFilter selects requests for explanations; nil fields do not filter.
type ExplanationFilter struct {
	ID     *int64
	TaskID *int64
	OrgID  *int64
	State  *ExplanationState // as of AsOf (today when zero)
	AsOf   Date
	Reach  *Reach // the unit asked within reach
	Offset int
	Limit  int
}
