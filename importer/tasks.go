package importer

import (
	"strings"

	"congtac"
	"congtac/vn"
)

// TaskDraft is a task read from an item of a program, its orgs still as written.
type TaskDraft struct {
	ItemID     int64 // the outline item whose text carries it
	Text       string
	Sector     congtac.Sector
	Lead       string // as written; "" when the item names none and the user must choose
	Support    []string
	Verb       string // the lead's verb as written: "chủ trì", "chuẩn bị"
	Due        congtac.Due
	Recurrence *congtac.Recurrence // nil for a one-off duty
	DueProblem string              // why the deadline phrase could not be read; "" when it could
	Target     *congtac.Target
	Source     string // the citations of its sentence, as written, joined by "; "
	Line       int
	Confidence float64 // how sure the reading of its text and facts is, 0..1
}

// Confidences of a task's reading: a whole item assigned by its parenthetical is its own
// task; a sentence cut out of prose for its deadline, target or source may be cut a little
// short or long.
const (
	sureItemTask     = 1.0
	sureSentenceTask = 0.8
	sureBadDue       = 0.4
)

// readTasks reads the tasks of an outline's items, leaving out the items of skip (the
// meetings part). An item whose text ends with a parenthetical naming who carries it out
// ([ReadAssignment]) gives tasks led by that org; each sentence of an item's text that
// gives a deadline ([DueIn]), a target ([TargetIn]) or a source ([CitationsIn]) is a
// task of its own, and an assigned item without such a sentence is one task as a whole.
// Prose that names neither an org nor a fact gives no task: it stays the program's text.
func readTasks(o Outline, rows []Row, ref congtac.Date, skip map[int64]bool) []TaskDraft {
	var out []TaskDraft
	for i, it := range o.Items {
		if skip[it.ID] || strings.TrimSpace(it.Text) == "" {
			continue
		}
		body := it.Text
		a, assigned := ReadAssignment(body)
		if assigned {
			body = withoutSpan(body, a.Start, a.End)
		}
		var drafts []TaskDraft
		for _, s := range Sentences(body) {
			if d, ok := sentenceTask(s.Text, ref); ok {
				d.Line = lineOf(rows, o.Lines[i], s.Text)
				drafts = append(drafts, d)
			}
		}
		if len(drafts) == 0 && assigned {
			drafts = append(drafts, TaskDraft{Text: strings.TrimSpace(body), Line: o.Lines[i], Confidence: sureItemTask})
		}
		for _, d := range drafts {
			d.ItemID, d.Sector = it.ID, it.Sector
			if assigned {
				d.Lead, d.Support, d.Verb = leadOf(a)
			}
			out = append(out, d)
		}
	}
	return out
}

// sentenceTask reads a sentence as a task when it gives a deadline, a target or a source.
func sentenceTask(text string, ref congtac.Date) (TaskDraft, bool) {
	d := TaskDraft{Text: strings.TrimSpace(text), Confidence: sureSentenceTask}
	phrase, dl, hasDue, err := DueIn(text, ref)
	switch {
	case hasDue && err != nil:
		d.Due = congtac.Due{Text: phrase}
		d.DueProblem = "Thời hạn “" + phrase + "” không đọc được: " + congtac.ErrorMessage(err)
		d.Confidence = sureBadDue
	case hasDue:
		d.Due, d.Recurrence = dl.Due, dl.Recurrence
	}
	target, _, hasTarget := TargetIn(text)
	if hasTarget {
		d.Target = &target
	}
	var sources []string
	for _, c := range CitationsIn(text) {
		sources = append(sources, c.Text)
	}
	d.Source = strings.Join(sources, "; ")
	return d, hasDue || hasTarget || len(sources) > 0
}

// leadOf returns the lead, the supporting orgs and the verb of an assignment. Of several
// leads ("Phòng Nội vụ, Phòng Tư pháp chủ trì") the first leads and the others support.
func leadOf(a Assignment) (lead string, support []string, verb string) {
	if len(a.Lead) == 0 {
		return "", a.Support, a.Verb
	}
	support = append(append(support, a.Lead[1:]...), a.Support...)
	return a.Lead[0], support, a.Verb
}

// withoutSpan returns text with the bytes from start to end cut out and the spaces
// around the cut squashed: "… năm 2023 (Phòng X chuẩn bị)." gives "… năm 2023.".
func withoutSpan(text string, start, end int) string {
	before, after := strings.TrimRight(text[:start], " "), strings.TrimLeft(text[end:], " ")
	if after != "" && !strings.ContainsRune(".,;:", rune(after[0])) {
		before += " "
	}
	return before + after
}

// lineOf returns the row, from row from on, where text begins: the first row holding
// its first four words, or its first two when those wrap onto the next row; from itself
// when none does.
func lineOf(rows []Row, from int, text string) int {
	words := strings.Fields(text)
	for _, n := range []int{4, 2} {
		probe := strings.Join(words[:min(len(words), n)], " ")
		if probe == "" {
			break
		}
		for i := from; i < len(rows) && i < from+200; i++ {
			if strings.Contains(rows[i].Text, probe) {
				return i
			}
		}
	}
	return from
}

// meetingsPart returns the IDs of the items that announce meetings and of everything
// under the part they stand in, when that part's heading names meetings ("CÁC HỘI NGHỊ
// CHÍNH TRONG THÁNG"): their matters are the meetings' agendas, no tasks of the program.
func meetingsPart(o Outline, meetings []MeetingDraft) map[int64]bool {
	parent := make(map[int64]int64, len(o.Items))
	heading := make(map[int64]string, len(o.Items))
	for _, it := range o.Items {
		parent[it.ID], heading[it.ID] = it.ParentID, it.Heading
	}
	roots := map[int64]bool{}
	skip := map[int64]bool{}
	for _, m := range meetings {
		skip[m.ItemID] = true
		for _, a := range m.Agenda {
			skip[a.ItemID] = true
		}
		for id := m.ItemID; id != 0; id = parent[id] {
			if namesMeetings(heading[id]) {
				roots[id] = true
			}
		}
	}
	for _, it := range o.Items {
		for id := it.ID; id != 0; id = parent[id] {
			if roots[id] {
				skip[it.ID] = true
				break
			}
		}
	}
	return skip
}

// namesMeetings reports whether a heading names the meetings of a period: "CÁC HỘI NGHỊ
// CHÍNH TRONG THÁNG", "Lịch họp", "Các cuộc họp, hội nghị".
func namesMeetings(heading string) bool {
	h := vn.Fold(heading)
	for _, w := range []string{"hoi nghi", "cuoc hop", "lich hop", "phien hop"} {
		if strings.Contains(h, w) {
			return true
		}
	}
	return false
}
