package congtac

import (
	"fmt"
	"strings"
)

// InForce reports whether t, a task of a program in status s, is in force: its program is
// issued, and no later issued program (the next period's, or an amendment) has taken it
// over with a newer copy. Only tasks in force are listed, counted, searched and reminded
// of across programs, and only they take reports; a task has exactly one copy in force
// at a time.
func (t Task) InForce(s ProgramStatus) bool { return s == ProgramIssued && t.SupersededBy == 0 }

// Successor returns the ID of the copy that continues t in a later issued program, and
// whether there is one.
func (t Task) Successor() (int64, bool) { return t.SupersededBy, t.SupersededBy != 0 }

// CheckReady checks that the program can be submitted and issued: every task sits under an
// item, so that the document prints it, and every deadline falls within the program's
// periods ([Task.CheckIn]); a carried task's missed deadline passes only when the drafter
// chose to keep it ([Task.KeepsOldDue]). It is one rule for new and carried tasks. The
// error is EINVALID with one problem per offending task, field "task-<id>", so that a
// page can link to each. settled holds the carried tasks whose original was meanwhile
// carried into another issued program: they must go, or the task would be in force twice.
func (p Program) CheckReady(settled map[int64]bool) error {
	var pr Problems
	for _, t := range p.Tasks {
		field := fmt.Sprintf("task-%d", t.ID)
		if settled[t.ID] {
			pr.Add(field, "Nhiệm vụ chuyển tiếp “%s” đã được chuyển sang một chương trình khác ban hành sau khi lập dự thảo: bỏ khỏi dự thảo.", Excerpt(t.Text, 80))
			continue
		}
		if t.ItemID == 0 {
			pr.Add(field, "Nhiệm vụ “%s” chưa nằm trong mục nào của chương trình.", Excerpt(t.Text, 80))
		}
		if t.AwaitsDueChoice(p) {
			pr.Add(field, "Nhiệm vụ chuyển tiếp “%s” còn hạn cũ %s: giữ hạn cũ hoặc đặt hạn mới trong %s.",
				Excerpt(t.Text, 80), t.Due, p.Period)
			continue
		}
		if err := t.CheckIn(p); err != nil {
			pr.Add(field, "Nhiệm vụ “%s”: %s", Excerpt(t.Text, 80), ErrorMessage(err))
		}
	}
	return pr.Err()
}

// Excerpt returns s cut to about n characters at a word boundary, with an ellipsis when
// cut, for naming a long text in a title or a message.
func Excerpt(s string, n int) string {
	r := []rune(strings.TrimSpace(s))
	if len(r) <= n {
		return string(r)
	}
	cut := string(r[:n])
	if i := strings.LastIndex(cut, " "); i > n/2 {
		cut = cut[:i]
	}
	return strings.TrimRight(cut, " ,;:.") + "…"
}

// Appearance is one program a task appeared in: the task's copy there, and the program
// (without its items and tasks).
type Appearance struct {
	Task    Task
	Program Program
}

// AwaitsDueChoice reports whether t, carried into program p with a deadline that passed
// before p's period, still waits for the drafter to keep that deadline or give a new one.
// A deferred task does not wait: its deferral already decided when it is due.
func (t Task) AwaitsDueChoice(p Program) bool {
	return t.CarriedFrom != 0 && !t.KeepsOldDue && t.Deferral == nil && !t.Due.IsVague() &&
		t.Due.Date.Before(p.Period.Start())
}
