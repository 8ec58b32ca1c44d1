package congtac

import (
	"math"
	"slices"
	"strconv"
	"strings"
)

// Task is a trackable duty inside a program (nhiệm vụ trọng tâm): one lead org answers for
// it, support orgs coordinate, each with its own progress. Its [Status] is computed from the
// dates below, never typed in.
type Task struct {
	ID        int64
	ProgramID int64
	ItemID    int64 // the item whose text carries the task; 0 if none
	Position  int   // order within the item
	Text      string
	Sector    Sector
	Lead      int64 // cơ quan chủ trì; an org, or a group of orgs fanned out into Shares
	// Shares holds one share per member org when Lead is a group ([Task.GroupLed]), fixed
	// when the program is issued; nil otherwise.
	Shares      []Share
	Support     []Support
	LeaderID    int64 // the leader in charge (Person); 0 if none
	Due         Due
	Recurrence  *Recurrence // nil for a one-off duty
	Target      *Target
	Source      string    // căn cứ: "Chỉ thị số 19-CT/TU ngày 11/6/2020"
	CarriedFrom int64     // the task of an earlier program this one continues; 0 if new
	Print       TaskPrint // how the printed program shows it
	// KeepsOldDue records the drafter's choice to keep the deadline a carried task already
	// missed, printed "chuyển tiếp; hạn cũ 15/12/2026", instead of giving it one in the
	// program's period.
	KeepsOldDue bool
	Replaces    int64 // the task of the amended program this amendment's copy replaces; 0 if none
	// SupersededBy is the newer copy of this task in a later issued program (carried over or
	// amended); 0 while this is the newest. Only the newest copy of an issued program is in
	// force ([Task.InForce]).
	SupersededBy int64

	DoneOn       Date  // the day the lead org completed it; zero while not done
	DoneBy       int64 // the user who recorded the completion; 0 when not known (loaded, or before issue 13)
	DoneReportID int64 // the report the completion comes from; 0 when recorded without one
	Deferral     *Deferral
	Cancellation *Cancellation
	Occurrences  []Occurrence // completions of a recurring task's occurrences

	Version int
}

// Support is a coordinating org (cơ quan phối hợp) with its own completion.
type Support struct {
	OrgID  int64
	DoneOn Date
}

// Deferral moves a task's deadline with a reason (giãn tiến độ, tạm hoãn). A zero To.Date
// means postponed until further notice.
type Deferral struct {
	On     Date
	To     Due
	Reason string
	// ApprovedBy is the leader (a person) who approved the new deadline; 0 when not recorded.
	ApprovedBy int64
	// RecordedBy is the user who recorded it; 0 when not known.
	RecordedBy int64
}

// Cancellation ends a task that will not be done, with a reason.
type Cancellation struct {
	On     Date
	Reason string
}

// Occurrence records when one occurrence of a recurring task, due on Due, was done.
type Occurrence struct {
	Due    Date
	DoneOn Date
}

// Limits on task text, checked by [Task.Validate].
const (
	MaxTaskText   = 4000
	MaxSourceText = 500
)

// Validate checks the task on its own: text, lead, deadline, recurrence, target, supports.
func (t Task) Validate() error {
	var p Problems
	p.Text("text", "Nội dung nhiệm vụ", t.Text)
	p.Text("source", "Căn cứ", t.Source)
	if t.Deferral != nil {
		p.Text("deferral", "Lý do giãn tiến độ", t.Deferral.Reason)
	}
	if t.Cancellation != nil {
		p.Text("cancellation", "Lý do hủy bỏ", t.Cancellation.Reason)
	}
	switch n := len([]rune(strings.TrimSpace(t.Text))); {
	case n == 0:
		p.Add("text", "Nội dung nhiệm vụ không được để trống.")
	case n > MaxTaskText:
		p.Add("text", "Nội dung nhiệm vụ dài quá %d ký tự.", MaxTaskText)
	}
	if t.Lead == 0 {
		p.Add("lead", "Chưa chọn cơ quan chủ trì.")
	}
	if t.Sector != "" && !t.Sector.Valid() {
		p.Add("sector", "Lĩnh vực %q không hợp lệ.", string(t.Sector))
	}
	p.addErr(t.Due.Validate())
	if t.Recurrence != nil {
		if err := t.Recurrence.Validate(); err != nil {
			p = append(p, FieldError("recurrence", "%s", ErrorMessage(err)))
		}
	}
	if t.Target != nil {
		p.addErr(t.Target.Validate())
	}
	if d := t.Deferral; d != nil {
		if err := d.To.Validate(); err != nil {
			p.Add("deferral", "Thời hạn mới: %s", ErrorMessage(err))
		} else if !d.On.valid() {
			p.Add("deferral", "Chưa có ngày quyết định giãn tiến độ.")
		}
	}
	if c := t.Cancellation; c != nil && !c.On.valid() {
		p.Add("cancellation", "Chưa có ngày hủy bỏ nhiệm vụ.")
	}
	t.Print.validate(&p)
	t.validateShares(&p)
	if len([]rune(t.Source)) > MaxSourceText {
		p.Add("source", "Căn cứ dài quá %d ký tự.", MaxSourceText)
	}
	seen := map[int64]bool{t.Lead: true}
	for _, s := range t.Support {
		if s.OrgID == 0 {
			p.Add("support", "Chưa chọn cơ quan phối hợp.")
			break
		}
		if seen[s.OrgID] {
			p.Add("support", "Một cơ quan được chọn hai lần (chủ trì hoặc phối hợp).")
			break
		}
		seen[s.OrgID] = true
	}
	return p.Err()
}

// CheckIn checks the task against the program it belongs to. A dated deadline must fall in,
// or its period overlap, one of the periods the program covers (its Period or one of Also),
// or fall in the period right after the main one: a May program may ask for something "chậm
// nhất trong tháng 6", as programs do, but not for something in August or in April. A task
// carried over from an earlier program may keep a deadline that has already passed. The
// tasks of a notice of conclusions ([Program.MeetingID]) are due whenever it says.
func (t Task) CheckIn(p Program) error {
	if t.Due.IsVague() || p.MeetingID != 0 {
		return nil
	}
	from, to := periodStartOf(t.Due), t.Due.Date
	if t.CarriedFrom != 0 && to.Before(p.Period.Start()) {
		return nil // a carried-over task keeps the deadline it already missed
	}
	for _, per := range append([]Period{p.Period, p.Period.Next()}, p.Also...) {
		if !to.Before(per.Start()) && !from.After(per.End()) {
			return nil
		}
	}
	return FieldError("due", "Thời hạn %s nằm ngoài kỳ của chương trình (%s) và kỳ tiếp theo.", t.Due, p.Period)
}

// periodStartOf returns the first day of the month, quarter, half or year that a deadline of
// that precision closes; for a deadline on a day, that day.
func periodStartOf(d Due) Date {
	kind, ok := map[Precision]PeriodKind{PrecisionMonth: PeriodMonth, PrecisionQuarter: PeriodQuarter,
		PrecisionHalf: PeriodHalf, PrecisionYear: PeriodYear}[d.Precision]
	if !ok {
		return d.Date
	}
	return PeriodOf(kind, d.Date).Start()
}

// CarryOver returns the copy of an unfinished task for the next program: no ID, no
// completions but its shares' (a member that finished its share of a group-led task is not
// asked again, and the copy stays the same task rolled up over every member), linked to t
// through CarriedFrom, its missed deadline to be decided anew ([Task.AwaitsDueChoice]). A
// deferral stays the copy's own, dated (giãn đến quý I/2027) or not (tạm hoãn): the copy
// keeps the deadline it was given and the deferral that moved it, so that its status
// follows the deferral as before and the program prints both, and the deadline needs no
// new decision. A recurring task restarts at its first occurrence that was not done, so
// that occurrences settled in the old program do not read overdue in the new one. The
// copy shares no memory with t.
func (t Task) CarryOver(programID int64) Task {
	c := t
	c.ID, c.ProgramID, c.ItemID, c.Version = 0, programID, 0, 0
	c.CarriedFrom, c.Replaces, c.SupersededBy, c.KeepsOldDue = t.ID, 0, 0, false
	c.DoneOn, c.DoneBy, c.DoneReportID, c.Cancellation, c.Occurrences, c.Deferral = Date{}, 0, 0, nil, nil, nil
	if d := t.Deferral; d != nil {
		copied := *d
		c.Deferral = &copied
	}
	if t.Support != nil {
		c.Support = make([]Support, len(t.Support))
		for i, s := range t.Support {
			c.Support[i] = Support{OrgID: s.OrgID}
		}
	}
	c.Shares = slices.Clone(t.Shares)
	if t.Target != nil {
		target := *t.Target
		c.Target = &target
	}
	if t.Recurrence != nil {
		r := t.Recurrence.clone()
		if next, ok := t.firstOpenOccurrence(); ok {
			r = r.restart(next)
		}
		c.Recurrence = &r
	}
	return c
}

// firstOpenOccurrence returns the due day of the task's first occurrence without a
// completion, and false when there is none after a completed one (nothing to skip).
func (t Task) firstOpenOccurrence() (Date, bool) {
	done := map[Date]bool{}
	for _, o := range t.Occurrences {
		if !o.DoneOn.IsZero() {
			done[o.Due] = true
		}
	}
	for i, d := range t.OccurrenceStatuses(Date{}) {
		if !done[d.Due] {
			return d.Due, i > 0
		}
	}
	return Date{}, false
}

// Comparator compares a reported value with a target.
type Comparator string

// Comparators of targets: "trên 50%" is Greater, "ít nhất 95%" AtLeast.
const (
	Greater Comparator = ">"
	AtLeast Comparator = ">="
	Equal   Comparator = "="
	AtMost  Comparator = "<="
	Less    Comparator = "<"
)

// Target is a measurable goal (chỉ tiêu): "đạt trên 50% chỉ tiêu KH cả năm" is
// {Metric: "thu tiền dịch vụ VSMT", Unit: "%", Comparator: Greater, Value: 50,
// Baseline: "chỉ tiêu kế hoạch cả năm"}.
type Target struct {
	Metric     string
	Unit       string
	Comparator Comparator
	Value      float64
	Baseline   string
}

// Validate checks the comparator, the value and texts.
func (t Target) Validate() error {
	for _, s := range []string{t.Metric, t.Unit, t.Baseline} {
		if err := CheckText("target", "Chỉ tiêu", s); err != nil {
			return err
		}
	}
	switch t.Comparator {
	case Greater, AtLeast, Equal, AtMost, Less:
	default:
		return FieldError("target", "Phép so sánh của chỉ tiêu %q không hợp lệ.", string(t.Comparator))
	}
	if math.IsNaN(t.Value) || math.IsInf(t.Value, 0) {
		return FieldError("target", "Giá trị của chỉ tiêu không phải là một số.")
	}
	if len([]rune(t.Metric)) > MaxMetric || len([]rune(t.Baseline)) > MaxMetric || len([]rune(t.Unit)) > MaxUnit {
		return FieldError("target", "Chỉ tiêu có trường dài quá quy định.")
	}
	return nil
}

// Met reports whether an actual value meets the target.
func (t Target) Met(actual float64) bool {
	switch t.Comparator {
	case Greater:
		return actual > t.Value
	case AtLeast:
		return actual >= t.Value
	case Equal:
		return actual == t.Value
	case AtMost:
		return actual <= t.Value
	case Less:
		return actual < t.Value
	}
	return false
}

// String returns the target in Vietnamese: "trên 50% chỉ tiêu kế hoạch cả năm".
func (t Target) String() string {
	words := map[Comparator]string{Greater: "trên", AtLeast: "ít nhất", Equal: "đạt",
		AtMost: "không quá", Less: "dưới"}[t.Comparator]
	s := words + " " + FormatDecimal(t.Value, 2)
	if t.Unit != "" {
		if t.Unit != "%" {
			s += " "
		}
		s += t.Unit
	}
	if t.Baseline != "" {
		s += " " + t.Baseline
	}
	if t.Metric != "" {
		s = t.Metric + ": " + s
	}
	return s
}

// FormatDecimal writes v the Vietnamese way, to at most decimals places: a dot between
// thousands and a decimal comma ("1.234.567,5"), trailing zeros dropped, never "-0".
func FormatDecimal(v float64, decimals int) string {
	s := strings.TrimRight(strconv.FormatFloat(v, 'f', decimals, 64), "0")
	s = strings.TrimSuffix(s, ".")
	if decimals == 0 {
		s = strconv.FormatFloat(v, 'f', 0, 64)
	}
	sign := ""
	if strings.HasPrefix(s, "-") {
		sign, s = "-", s[1:]
	}
	whole, frac, _ := strings.Cut(s, ".")
	var b strings.Builder
	for i, r := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteByte('.')
		}
		b.WriteRune(r)
	}
	if frac != "" {
		b.WriteString("," + frac)
	}
	if b.String() == "0" {
		sign = "" // -0,001 rounds to 0, not -0
	}
	return sign + b.String()
}

// TaskFilter selects tasks. Zero fields do not filter.
type TaskFilter struct {
	ID        *int64
	ProgramID *int64
	Lead      *int64 // the lead org
	OrgID     *int64 // lead or support
	LeaderID  *int64 // leader in charge
	Sector    *Sector
	Period    *Period // tasks of programs whose main period is this one
	Issuer    *int64  // tasks of programs issued by this org (a committee)
	// Listed, with Period, keeps the tasks as the period's issued programs list them, the
	// copies carried on since included, instead of the tasks in force: what a status board
	// of the period counts ([Rollup]).
	Listed  bool
	DueFrom *Date
	DueTo   *Date
	Open    bool // only tasks neither done nor cancelled
	// Unreported keeps the tasks on which no report was sent (drafts do not count), on the
	// task or the copy it carries on or replaces.
	Unreported bool
	Query      string
	// Status keeps the tasks with this status as of AsOf; AsOf is also the day a task list's
	// counts are read on ([TaskList]). A zero AsOf is today.
	Status *Status
	AsOf   Date
	// After keeps the tasks after this one in the list's order ([TaskKey]): the next page of
	// a list without counting the rows before it, as Offset does.
	After  *TaskKey
	Offset int
	Limit  int
	Reach  *Reach // lead or a support org within reach
}

// TaskKey is a task's place in the order of task lists, what needs attention first: the
// tasks still open before those done or cancelled for good; among them the most overdue
// first, then those that will be overdue soonest, then those that never will (a vague or
// indefinitely postponed deadline); then by ID. A list is paged by the key of its last
// task ([TaskFilter.After]).
type TaskKey struct {
	Closed bool // done or cancelled for good
	Late   Date // the day it is, or will be, overdue from for good; zero when it never will
	ID     int64
}

// KeyOf returns the place of t in the order of task lists, from its status over time
// ([Task.StatusSpans]): the last status is the one it keeps.
func KeyOf(t Task) TaskKey {
	spans := t.StatusSpans()
	last := spans[len(spans)-1]
	k := TaskKey{ID: t.ID}
	switch last.Status {
	case StatusDoneOnTime, StatusDoneLate, StatusCancelled:
		k.Closed = true
	case StatusOverdue:
		k.Late = last.From
	}
	return k
}

// String returns the key as the API hands it out as a cursor: "o2026-12-01.1234" for an
// open task overdue from 1/12/2026, "o.1234" for one that never will be, "c.1234" for a
// task done or cancelled.
func (k TaskKey) String() string {
	prefix := "o"
	if k.Closed {
		prefix = "c"
	}
	return prefix + k.Late.String() + "." + strconv.FormatInt(k.ID, 10)
}

// ParseTaskKey reads a key written by [TaskKey.String]; EINVALID for anything else.
func ParseTaskKey(s string) (TaskKey, error) {
	bad := Errorf(EINVALID, "Vị trí trang %q không hợp lệ.", s)
	var k TaskKey
	switch {
	case strings.HasPrefix(s, "c"):
		k.Closed = true
	case !strings.HasPrefix(s, "o"):
		return TaskKey{}, bad
	}
	late, id, ok := strings.Cut(s[1:], ".")
	n, err := strconv.ParseInt(id, 10, 64)
	if !ok || err != nil || n <= 0 {
		return TaskKey{}, bad
	}
	k.ID = n
	if late != "" {
		if k.Late, err = ParseDate(late); err != nil {
			return TaskKey{}, bad
		}
	}
	return k, nil
}

// TaskList is one page of a task list with what the list shows above it.
type TaskList struct {
	Tasks   []Task   // the page
	Counts  Counts   // statuses as of the filter's day of the tasks matching every filter but Status
	Total   int      // tasks matching every filter but Status
	Matched int      // tasks matching every filter, Status included: what the pages page through
	Next    *TaskKey // the key of the page's last task when more tasks follow it; nil otherwise
}

// TaskUpdate holds the fields to change; nil fields stay as they are.
type TaskUpdate struct {
	Text       *string
	Sector     *Sector
	Lead       *int64
	Support    *[]Support
	LeaderID   *int64
	Due        *Due
	Recurrence **Recurrence
	Target     **Target
	Source     *string
	ItemID     *int64
	Position   *int
	Print      *TaskPrint
	// KeepsOldDue keeps (true) or gives up (false) a carried task's missed deadline.
	KeepsOldDue *bool
}

// Apply returns t with the update's fields applied. A new lead drops the shares of the old
// one: the store gives a group's members theirs.
func (u TaskUpdate) Apply(t Task) Task {
	if u.Lead != nil && *u.Lead != t.Lead {
		t.Shares = nil
	}
	setIf(&t.Text, u.Text)
	setIf(&t.Sector, u.Sector)
	setIf(&t.Lead, u.Lead)
	setIf(&t.Support, u.Support)
	setIf(&t.LeaderID, u.LeaderID)
	setIf(&t.Due, u.Due)
	setIf(&t.Recurrence, u.Recurrence)
	setIf(&t.Target, u.Target)
	setIf(&t.Source, u.Source)
	setIf(&t.ItemID, u.ItemID)
	setIf(&t.Position, u.Position)
	setIf(&t.Print, u.Print)
	setIf(&t.KeepsOldDue, u.KeepsOldDue)
	return t
}

// Completion says that an org finished its part of a task on DoneOn: the lead org (or OrgID
// 0) completes the task itself, or for a recurring task the occurrence due on Occurrence; a
// support org completes its own share.
type Completion struct {
	OrgID      int64
	Occurrence Date
	DoneOn     Date
	ReportID   int64 // the report it comes from, one on the task; 0 for none
}

// Reopening takes back the completion or the cancellation of a task, with a reason.
type Reopening struct {
	On     Date
	Reason string
}
