package demo

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"time"

	"congtac"
	"congtac/assemble"
)

// event is one step of the story, run with the store's clock on its day.
type event struct {
	on  congtac.Date
	seq int
	do  func() error
}

// queue orders the story's steps by day, then by the order they were planned in.
type queue struct{ events []event }

func (q *queue) add(on congtac.Date, do func() error) {
	q.events = append(q.events, event{on, len(q.events), do})
}

// errSetBefore is what a step about a month's duty returns when the duty was set by an
// earlier program: its task follows that program's story, and the step does not happen.
var errSetBefore = errors.New("demo: duty set before")

// run performs the steps up to today in order; later ones have not happened yet.
func (q *queue) run(w *world) error {
	slices.SortFunc(q.events, func(a, b event) int { return cmp.Or(a.on.Compare(b.on), cmp.Compare(a.seq, b.seq)) })
	for _, e := range q.events {
		if e.on.After(w.today) {
			continue
		}
		w.at(e.on)
		if err := e.do(); err != nil && !errors.Is(err, errSetBefore) {
			return fmt.Errorf("%s: %w", e.on, err)
		}
	}
	return nil
}

// months returns the n months ending with the newest one whose program is issued by today:
// today's month from its first working day, when its program is issued, and last month on
// the days before (1/1 to 3/1/2027, say), whose program is then the newest.
func (w *world) months(n int) []congtac.Period {
	out := make([]congtac.Period, n)
	p := congtac.PeriodOf(congtac.PeriodMonth, w.today)
	if w.today.Before(w.workingDay(p.Start())) {
		p = p.Prev()
	}
	for i := n - 1; i >= 0; i-- {
		out[i] = p
		p = p.Prev()
	}
	return out
}

// year plays the twelve months that end today ([world.months]): each month's program
// drafted, reviewed and issued (and, for the last three months, published to the public),
// its regular meeting held, and its tasks carried out and reported on.
func (w *world) year() error {
	months := w.months(12)
	var q queue
	q.add(months[0].Start().AddDays(-10), func() error { return w.weeklyBriefing(months[0].Start()) })
	for i, m := range months {
		w.planMonth(&q, i, m)
	}
	return q.run(w)
}

// weeklyBriefing creates the leaders' weekly briefing: Thursday afternoons, every week.
func (w *world) weeklyBriefing(from congtac.Date) error {
	for from.Weekday() != time.Thursday {
		from = from.AddDays(1)
	}
	rec := congtac.Recurrence{Start: from, Freq: congtac.Weekly, ByDay: []congtac.WeekdayNum{{Day: time.Thursday}}}
	m, err := w.st.CreateMeeting(w.ctx, w.actors["vanphong"], congtac.Meeting{OrgID: w.committee.ID,
		Kind: congtac.MeetingBriefing, Title: "Giao ban Chủ tịch và các Phó Chủ tịch UBND tỉnh", Date: from,
		Start: congtac.At(14, 0), Part: congtac.Afternoon, Place: "Phòng họp số 2, trụ sở UBND tỉnh",
		ChairID: w.people["chair"].ID, Attendees: "Chủ tịch, các Phó Chủ tịch UBND tỉnh; Chánh Văn phòng UBND tỉnh",
		Recurrence: &rec})
	w.briefing = m
	w.sum.Meetings++
	return err
}

// planMonth puts a month's story in the queue.
func (w *world) planMonth(q *queue, i int, month congtac.Period) {
	p := &congtac.Program{}
	var taskIDs []int64 // the use cases after creation return the program without its tasks
	draft := w.program(month)
	drafter, office, chair := w.actors["vanphong"], w.actors["cvp"], w.actors["chutich"]
	start := month.Start()
	q.add(start.AddDays(-6), func() error {
		ids, err := w.draftMonth(p, draft)
		taskIDs = ids
		return err
	})
	q.add(start.AddDays(-5), func() error { return w.move(p, drafter, congtac.ActionSubmit, "") })
	if i%4 == 1 {
		q.add(start.AddDays(-4), func() error {
			return w.move(p, chair, congtac.ActionReturn, "Đề nghị Văn phòng bổ sung nơi nhận là các xã, phường và ghi rõ thời hạn từng nhiệm vụ.")
		})
		q.add(start.AddDays(-4), func() error {
			recipients := append(slices.Clone(p.Recipients[:len(p.Recipients)-1]), "UBND các xã, phường, đặc khu;", p.Recipients[len(p.Recipients)-1])
			updated, err := w.st.UpdateProgram(w.ctx, drafter, p.ID, p.Version, congtac.ProgramUpdate{Recipients: &recipients})
			*p = updated
			return err
		})
		q.add(start.AddDays(-3), func() error { return w.move(p, drafter, congtac.ActionSubmit, "") })
	}
	q.add(start.AddDays(-2), func() error { return w.move(p, chair, congtac.ActionApprove, "") })
	issueOn := w.workingDay(start)
	q.add(issueOn, func() error {
		issued, err := assemble.IssueProgram(w.ctx, w.st, office, p.ID, p.Version, congtac.Issuance{On: issueOn})
		if err == nil && i >= 9 { // the last three months' programs are published to the public
			public := true
			issued, err = w.st.UpdateProgram(w.ctx, office, issued.ID, issued.Version, congtac.ProgramUpdate{Public: &public})
		}
		*p = issued
		if err == nil {
			w.programs = append(w.programs, issued)
			w.sum.Documents++
		}
		return err
	})
	w.planMeetings(q, i, month, p)
	for k, t := range draft.Tasks {
		task := func() (congtac.Task, error) {
			if taskIDs[k] == 0 {
				return congtac.Task{}, errSetBefore
			}
			return w.inForce(taskIDs[k])
		}
		w.planTask(q, i, k, t, task, issueOn)
	}
}

// move takes a program through one lifecycle step and keeps its new version.
func (w *world) move(p *congtac.Program, a congtac.Actor, action congtac.ProgramAction, comment string) error {
	moved, err := w.st.TransitionProgram(w.ctx, a, p.ID, p.Version, action, comment)
	if err == nil {
		*p = moved
	}
	return err
}

// workingDay returns d, or the next working day after it under the demo's settings.
func (w *world) workingDay(d congtac.Date) congtac.Date {
	for !w.conf.WorkingDay(d) {
		d = d.AddDays(1)
	}
	return d
}

// program builds the draft of a month's program: part A with a clause per sector and an
// item per task, part B with the month's meetings, the recipients and the signature block.
func (w *world) program(month congtac.Period) congtac.Program {
	p := congtac.Program{OrgID: w.committee.ID, DraftedBy: w.office.ID, Period: month, Place: "Sơn Hà",
		Title: fmt.Sprintf("Công tác của UBND tỉnh tháng %d năm %d", month.Number, month.Year),
		Signature: congtac.Signature{Lines: []congtac.SignLine{{Authority: congtac.AuthorityByOrder, Of: "CHỦ TỊCH"}},
			Title: "Chánh Văn phòng", Name: w.people["office_head"].FullName, PersonID: w.people["office_head"].ID},
		Recipients: []string{"Thường trực Tỉnh ủy, Thường trực HĐND tỉnh;", "Chủ tịch, các Phó Chủ tịch UBND tỉnh;",
			"Các sở, ban, ngành thuộc UBND tỉnh;", "UB MTTQ Việt Nam tỉnh và các đoàn thể;", "LĐVP, các phòng chuyên môn;",
			"Lưu: VT, TH."}}
	if month.Number%3 == 1 {
		p.Also = []congtac.Period{congtac.PeriodOf(congtac.PeriodQuarter, month.Start())}
		p.Title = fmt.Sprintf("Công tác của UBND tỉnh tháng %d và Quý %s năm %d", month.Number,
			congtac.Roman(p.Also[0].Number), month.Year)
	}
	heading := fmt.Sprintf("NHIỆM VỤ TRỌNG TÂM THÁNG %d NĂM %d", month.Number, month.Year)
	if len(p.Also) > 0 {
		heading = fmt.Sprintf("NHIỆM VỤ TRỌNG TÂM THÁNG %d VÀ QUÝ %s NĂM %d", month.Number, congtac.Roman(p.Also[0].Number), month.Year)
	}
	p.Items = []congtac.Item{{ID: 1, Heading: heading}}
	clauses := map[congtac.Sector]int64{}
	for _, s := range []congtac.Sector{economy, culture, internal} {
		id := int64(len(p.Items) + 1)
		clauses[s] = id
		p.Items = append(p.Items, congtac.Item{ID: id, ParentID: 1, Position: len(p.Items), Heading: sectorHeading[s], Sector: s})
	}
	for k, t := range monthTemplates(month) {
		id := int64(len(p.Items) + 1)
		p.Items = append(p.Items, congtac.Item{ID: id, ParentID: clauses[t.sector], Position: k, Text: t.textIn(month) + ".", Sector: t.sector})
		p.Tasks = append(p.Tasks, w.task(t, month, id))
	}
	p.Items = append(p.Items, congtac.Item{ID: int64(len(p.Items) + 1), Position: 1, Heading: "CÁC HỘI NGHỊ CHÍNH TRONG THÁNG",
		Text: fmt.Sprintf("Phiên họp UBND tỉnh thường kỳ tháng %d vào ngày %s (Thứ Sáu). "+
			"Chủ tịch và các Phó Chủ tịch UBND tỉnh giao ban vào chiều thứ Năm hằng tuần.",
			month.Number, shortDate(regularMeetingDay(month)))})
	return p
}

var sectorHeading = map[congtac.Sector]string{
	economy:  "Về phát triển kinh tế",
	culture:  "Về văn hóa - xã hội",
	internal: "Công tác nội chính",
}

// task makes a template into a task of a month's program under item.
func (w *world) task(t template, month congtac.Period, item int64) congtac.Task {
	due, rec := t.dueIn(month)
	task := congtac.Task{ItemID: item, Text: t.textIn(month), Sector: t.sector, Lead: w.orgOf(t.lead),
		LeaderID: w.people[t.leader].ID, Due: due, Recurrence: rec, Source: t.source}
	if t.target != nil {
		tg := *t.target
		task.Target = &tg
	}
	for _, s := range t.support {
		task.Support = append(task.Support, congtac.Support{OrgID: w.orgOf(s)})
	}
	return task
}

// orgOf returns the ID of a unit named by short name, or of Xã Tân Phước for "commune".
func (w *world) orgOf(short string) int64 {
	if short == "commune" {
		return w.communes[4].ID
	}
	return w.units[short].ID
}

// reporter returns the account that reports for an org: the demo reporters for their own
// units, otherwise the office, which enters the reports units send on paper.
func (w *world) reporter(org int64) congtac.Actor {
	switch org {
	case w.units["STC"].ID:
		return w.actors["phongbaocao"]
	case w.communes[4].ID:
		return w.actors["xabaocao"]
	}
	return w.actors["vanphong"]
}

// regularMeetingDay returns the day of a month's regular meeting: its third Friday.
func regularMeetingDay(month congtac.Period) congtac.Date {
	d := month.Start()
	for d.Weekday() != time.Friday {
		d = d.AddDays(1)
	}
	return d.AddDays(14)
}

// shortDate writes d as schedules do: "17/4/2026".
func shortDate(d congtac.Date) string { return fmt.Sprintf("%d/%d/%d", d.Day, int(d.Month), d.Year) }

// draftMonth drafts a month's program into p as an office does: the unfinished tasks of the
// last issued program carried over (their missed deadlines kept), and those of the month's
// duties that the committee has not set yet (a duty, by text and lead org, is one task from
// the program that sets it on, carried over until it is done), each under its paragraph. It
// returns, for each task of draft in order, the ID of the new task that does it, or 0 for a
// duty set before, whose own story goes on.
func (w *world) draftMonth(p *congtac.Program, draft congtac.Program) ([]int64, error) {
	drafter := w.actors["vanphong"]
	fresh := draft
	fresh.Tasks, fresh.Items = nil, nil
	set := map[int64]bool{} // items of the duties set before, left out with them
	for _, t := range draft.Tasks {
		if w.duties[dutyOf(t)] {
			set[t.ItemID] = true
			continue
		}
		fresh.Tasks = append(fresh.Tasks, t)
	}
	for _, it := range draft.Items {
		if !set[it.ID] {
			fresh.Items = append(fresh.Items, it)
		}
	}
	created, err := w.st.CreateProgram(w.ctx, drafter, fresh)
	if err != nil {
		return nil, err
	}
	*p = created
	w.sum.Programs++
	w.sum.Tasks += len(created.Tasks)
	ids := map[duty]int64{}
	for _, t := range created.Tasks {
		w.duties[dutyOf(t)] = true
		ids[dutyOf(t)] = t.ID
	}
	if len(w.programs) > 0 {
		carried, err := w.st.CarryOver(w.ctx, drafter, w.programs[len(w.programs)-1].ID, created.ID, w.now())
		if err != nil {
			return nil, err
		}
		w.sum.Tasks += len(carried)
		if _, err := w.st.SettleCarriedDeadlines(w.ctx, drafter, created.ID, true, congtac.Due{}); err != nil {
			return nil, err
		}
	}
	out := make([]int64, len(draft.Tasks))
	for k, t := range draft.Tasks {
		out[k] = ids[dutyOf(t)]
	}
	return out, nil
}

// duty is what makes two tasks the same duty: text and lead org.
type duty struct {
	text string
	lead int64
}

func dutyOf(t congtac.Task) duty { return duty{t.Text, t.Lead} }

// inForce returns the copy of task id that is in force now: the newest one of an issued
// program; id itself while no later program has taken it over.
func (w *world) inForce(id int64) (congtac.Task, error) {
	lineage, err := w.st.FindTaskLineage(w.ctx, id)
	if err != nil {
		return congtac.Task{}, err
	}
	for i := len(lineage) - 1; i >= 0; i-- {
		if ap := lineage[i]; ap.Task.InForce(ap.Program.Status) {
			return ap.Task, nil
		}
	}
	return lineage[0].Task, nil
}

// now returns the story's day: the day of the store's clock.
func (w *world) now() congtac.Date { return congtac.DateOf(w.st.Clock()(), congtac.Location()) }
