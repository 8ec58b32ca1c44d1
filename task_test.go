package congtac

import (
	"math"
	"strings"
	"testing"
	"time"
)

func validTask() Task {
	return Task{
		Text:    "Đôn đốc thường xuyên công tác thu tiền dịch vụ VSMT của các xã, thị trấn",
		Sector:  SectorEconomy,
		Lead:    10,
		Support: []Support{{OrgID: 20}, {OrgID: 30}},
		Due:     DueInMonth(2023, time.May),
		Target:  &Target{Metric: "thu tiền dịch vụ VSMT", Unit: "%", Comparator: Greater, Value: 50, Baseline: "chỉ tiêu kế hoạch cả năm"},
		Source:  "Chỉ thị số 19-CT/TU ngày 11/6/2020",
	}
}

func TestTaskValidate(t *testing.T) {
	tests := []struct {
		name   string
		edit   func(*Task)
		fields string
	}{
		{"valid", func(*Task) {}, ""},
		{"valid without optional parts", func(t *Task) { t.Support, t.Target, t.Sector, t.Source, t.Due = nil, nil, "", "", Due{} }, ""},
		{"valid recurring", func(t *Task) {
			t.Recurrence = &Recurrence{Start: ymd("2023-01-01"), Freq: Monthly, ByMonthDay: []int{-1}}
		}, ""},
		{"empty text", func(t *Task) { t.Text = " \t\n" }, "text"},
		{"long text", func(t *Task) { t.Text = strings.Repeat("ư", MaxTaskText+1) }, "text"},
		{"text at the limit", func(t *Task) { t.Text = strings.Repeat("ư", MaxTaskText) }, ""},
		{"missing lead", func(t *Task) { t.Lead = 0 }, "lead"},
		{"duplicate support", func(t *Task) { t.Support = append(t.Support, Support{OrgID: 20}) }, "support"},
		{"support is the lead", func(t *Task) { t.Support = []Support{{OrgID: 10}} }, "support"},
		{"support without an org", func(t *Task) { t.Support = []Support{{OrgID: 0}} }, "support"},
		{"bad due", func(t *Task) { t.Due = Due{Date: ymd("2023-05-15"), Precision: PrecisionMonth} }, "due"},
		{"impossible due", func(t *Task) { t.Due = Due{Date: Date{2023, 2, 30}, Precision: PrecisionDay} }, "due"},
		{"bad recurrence", func(t *Task) { t.Recurrence = &Recurrence{Start: ymd("2023-01-01"), Freq: "DAILY"} }, "recurrence"},
		{"bad target", func(t *Task) { t.Target = &Target{Comparator: "~", Value: 1} }, "target"},
		{"NaN target", func(t *Task) { t.Target = &Target{Comparator: AtLeast, Value: math.NaN()} }, "target"},
		{"bad sector", func(t *Task) { t.Sector = "sport" }, "sector"},
		{"long source", func(t *Task) { t.Source = strings.Repeat("a", MaxSourceText+1) }, "source"},
		{"bad deferral", func(t *Task) {
			t.Deferral = &Deferral{On: ymd("2023-05-01"), To: Due{Date: ymd("2023-06-15"), Precision: PrecisionMonth}}
		}, "deferral"},
		{"many problems", func(t *Task) { t.Text, t.Lead, t.Sector = "", 0, "x" }, "lead,sector,text"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			task := validTask()
			tt.edit(&task)
			err := task.Validate()
			if got := fields(err); got != tt.fields {
				t.Errorf("fields = %q, want %q (%v)", got, tt.fields, err)
			}
			if tt.fields != "" && ErrorCode(err) != EINVALID {
				t.Errorf("code %q, want %q", ErrorCode(err), EINVALID)
			}
			checkVietnamese(t, err)
		})
	}
}

func TestCarriedTaskKeepsItsMissedDeadline(t *testing.T) {
	april := Program{Period: Period{PeriodMonth, 2023, 4}}
	task := validTask()
	task.CarriedFrom = 1
	task.Due = DueInMonth(2023, time.March)
	if err := task.CheckIn(april); err != nil {
		t.Errorf("carried task due in March, April program: %v, want nil", err)
	}
	task.Due = DueInMonth(2023, time.June)
	if err := task.CheckIn(april); err == nil {
		t.Error("carried task due in June, April program: nil, want an error")
	}
}

// A task deferred before it was carried keeps its own deadline and its deferral: the
// deferral decided when it is due, so the drafter is not asked again, and the program's
// checks see the deadline it had, not the deferral's, which may lie beyond the program.
func TestCarriedDeferredTaskWaitsForNoDueChoice(t *testing.T) {
	june := Program{Period: Period{PeriodMonth, 2023, 6}}
	o := validTask() // due in May 2023
	o.ID, o.ItemID = 7, 3
	tests := []struct {
		name string
		to   Due
	}{
		{"dated", DueInQuarter(2023, 4)},
		{"until further notice", Due{Text: "tạm hoãn, chờ ý kiến chỉ đạo"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o.Deferral = &Deferral{On: ymd("2023-05-25"), To: tt.to, Reason: "chờ bố trí kinh phí"}
			c := o.CarryOver(2)
			c.ItemID = 5
			if c.AwaitsDueChoice(june) {
				t.Error("AwaitsDueChoice = true, want false: the deferral decided the deadline")
			}
			june.Tasks = []Task{c}
			if err := june.CheckReady(nil); err != nil {
				t.Errorf("CheckReady = %v, want nil", err)
			}
			if got := c.Status(ymd("2023-06-15")); got != StatusDeferred {
				t.Errorf("Status(15/6) = %s, want %s", got, StatusDeferred)
			}
		})
	}
	t.Run("not deferred", func(t *testing.T) {
		o.Deferral = nil
		if c := o.CarryOver(2); !c.AwaitsDueChoice(june) {
			t.Error("AwaitsDueChoice = false, want true for a missed deadline without deferral")
		}
	})
	t.Run("a redated deferred copy is still checked", func(t *testing.T) {
		o.Deferral = &Deferral{On: ymd("2023-05-25"), To: DueInQuarter(2023, 4), Reason: "chờ bố trí kinh phí"}
		c := o.CarryOver(2)
		c.Due = DueInMonth(2023, time.August)
		if err := c.CheckIn(june); err == nil {
			t.Error("CheckIn(due in August, June program) = nil, want an error")
		}
	})
}

func TestTaskCheckIn(t *testing.T) {
	april := Program{Period: Period{PeriodMonth, 2023, 4}}
	aprilAndQ2 := Program{Period: Period{PeriodMonth, 2023, 4}, Also: []Period{{PeriodQuarter, 2023, 2}}}
	aprilAndQ4 := Program{Period: Period{PeriodMonth, 2023, 4}, Also: []Period{{PeriodQuarter, 2023, 4}}}
	week := Program{Period: Period{PeriodWeek, 2023, 15}}
	tests := []struct {
		name string
		p    Program
		due  Due
		ok   bool
	}{
		{"day in April", april, DueOn(ymd("2023-04-15")), true},
		{"first day", april, DueOn(ymd("2023-04-01")), true},
		{"last day", april, DueOn(ymd("2023-04-30")), true},
		{"in April", april, DueInMonth(2023, time.April), true},
		{"vague", april, Due{Text: "trong dịp nghỉ hè"}, true},
		{"day before", april, DueOn(ymd("2023-03-31")), false},
		{"in March", april, DueInMonth(2023, time.March), false},
		{"day after, in the next month", april, DueOn(ymd("2023-05-01")), true},
		{"month after next", april, DueOn(ymd("2023-06-01")), false},
		{"in May, the next month", april, DueInMonth(2023, time.May), true},
		{"in June", april, DueInMonth(2023, time.June), false},
		{"quarter II overlaps April", april, DueInQuarter(2023, 2), true},
		{"6 months overlap April", april, DueInHalf(2023, 1), true},
		{"year overlaps April", april, DueInYear(2023), true},
		{"last year", april, DueInYear(2022), false},
		{"next year", april, DueInYear(2024), false},
		{"quarter I", april, DueInQuarter(2023, 1), false},
		{"May with Also Q2", aprilAndQ2, DueInMonth(2023, time.May), true},
		{"10 May with Also Q2", aprilAndQ2, DueOn(ymd("2023-05-10")), true},
		{"30 June with Also Q2", aprilAndQ2, DueOn(ymd("2023-06-30")), true},
		{"1 July with Also Q2", aprilAndQ2, DueOn(ymd("2023-07-01")), false},
		{"July with Also Q2", aprilAndQ2, DueInMonth(2023, time.July), false},
		{"March with Also Q2", aprilAndQ2, DueInMonth(2023, time.March), false},
		{"July in the gap between April and Q4", aprilAndQ4, DueOn(ymd("2023-07-15")), false},
		{"August in the gap", aprilAndQ4, DueInMonth(2023, time.August), false},
		{"November with Also Q4", aprilAndQ4, DueInMonth(2023, time.November), true},
		{"Q3 in the gap", aprilAndQ4, DueInQuarter(2023, 3), false},
		{"weekly program, day in the week", week, DueOn(ymd("2023-04-12")), true},
		{"weekly program, April overlaps", week, DueInMonth(2023, time.April), true},
		{"weekly program, next week", week, DueOn(ymd("2023-04-17")), true},
		{"weekly program, two weeks on", week, DueOn(ymd("2023-04-24")), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			task := validTask()
			task.Due = tt.due
			err := task.CheckIn(tt.p)
			if (err == nil) != tt.ok {
				t.Fatalf("CheckIn(%s) = %v, want ok=%v", tt.due, err, tt.ok)
			}
			if err != nil {
				if FieldErrors(err)["due"] == "" || ErrorCode(err) != EINVALID {
					t.Errorf("error %v, want EINVALID on field due", err)
				}
				checkVietnamese(t, err)
			}
		})
	}
}

func TestTaskCarryOver(t *testing.T) {
	r := Recurrence{Start: ymd("2023-01-01"), Freq: Monthly, ByDay: []WeekdayNum{{N: -1, Day: time.Friday}}}
	orig := Task{
		ID: 5, ProgramID: 1, ItemID: 3, Position: 2, Version: 4,
		Text: "Khởi công toàn bộ các công trình", Sector: SectorEconomy, Lead: 10, LeaderID: 100,
		Support:      []Support{{OrgID: 20, DoneOn: ymd("2023-05-02")}, {OrgID: 30}},
		Due:          DueInMonth(2023, time.May),
		Recurrence:   &r,
		Target:       &Target{Comparator: AtLeast, Value: 95, Unit: "%"},
		Source:       "Chỉ thị số 17-CT/TU ngày 27/02/2020",
		DoneOn:       ymd("2023-06-03"),
		Cancellation: &Cancellation{On: ymd("2023-06-04"), Reason: "nhập vào nhiệm vụ khác"},
		Occurrences: []Occurrence{{Due: ymd("2023-01-27"), DoneOn: ymd("2023-01-27")},
			{Due: ymd("2023-02-24"), DoneOn: ymd("2023-02-24")}, {Due: ymd("2023-03-31"), DoneOn: ymd("2023-04-03")},
			{Due: ymd("2023-04-28"), DoneOn: ymd("2023-04-28")}},
	}
	c := orig.CarryOver(9)
	if c.ID != 0 || c.ProgramID != 9 || c.ItemID != 0 || c.Version != 0 {
		t.Errorf("ID, ProgramID, ItemID, Version = %d, %d, %d, %d; want 0, 9, 0, 0", c.ID, c.ProgramID, c.ItemID, c.Version)
	}
	if c.CarriedFrom != 5 {
		t.Errorf("CarriedFrom = %d, want 5", c.CarriedFrom)
	}
	if !c.DoneOn.IsZero() || c.Deferral != nil || c.Cancellation != nil || c.Occurrences != nil {
		t.Errorf("completions not reset: DoneOn %v, Deferral %v, Cancellation %v, Occurrences %v",
			c.DoneOn, c.Deferral, c.Cancellation, c.Occurrences)
	}
	if c.Due != orig.Due {
		t.Errorf("Due = %+v, want %+v", c.Due, orig.Due)
	}
	if c.Text != orig.Text || c.Lead != 10 || c.LeaderID != 100 || c.Sector != SectorEconomy || c.Source != orig.Source || c.Position != 2 {
		t.Errorf("content not kept: %+v", c)
	}
	if len(c.Support) != 2 || c.Support[0] != (Support{OrgID: 20}) || c.Support[1] != (Support{OrgID: 30}) {
		t.Errorf("Support = %+v, want orgs 20 and 30 without completions", c.Support)
	}
	if orig.Support[0].DoneOn != ymd("2023-05-02") {
		t.Error("CarryOver changed the original's support")
	}
	// The copy shares nothing the caller could change by accident.
	c.Recurrence.ByDay[0].N = 2
	c.Target.Value = 10
	if orig.Recurrence.ByDay[0].N != -1 || orig.Target.Value != 95 {
		t.Error("the copy's Recurrence or Target aliases the original's")
	}
	if c.Recurrence == nil || c.Target == nil {
		t.Fatal("Recurrence or Target dropped")
	}
	// Occurrences done in the old program do not come back overdue: the rule restarts at
	// the first one not done (26 May).
	if got, want := c.Recurrence.Start, ymd("2023-05-26"); got != want {
		t.Errorf("Recurrence.Start = %v, want %v", got, want)
	}
	if orig.Recurrence.Start != ymd("2023-01-01") {
		t.Errorf("original Recurrence.Start changed to %v", orig.Recurrence.Start)
	}
	c = orig.CarryOver(9) // the rule as carried, not as changed above
	if got := c.Status(ymd("2023-05-20")); got != StatusInProgress {
		t.Errorf("carried task Status(20/5) = %s, want %s", got, StatusInProgress)
	}
	if got := c.Status(ymd("2023-06-15")); got != StatusOverdue {
		t.Errorf("carried task Status(15/6) = %s, want %s (May is missing)", got, StatusOverdue)
	}

	t.Run("without deferral", func(t *testing.T) {
		o := validTask()
		o.ID = 7
		c := o.CarryOver(2)
		if c.Due != o.Due || c.CarriedFrom != 7 {
			t.Errorf("Due %+v CarriedFrom %d; want %+v, 7", c.Due, c.CarriedFrom, o.Due)
		}
	})
	t.Run("postponed until further notice stays postponed", func(t *testing.T) {
		o := validTask()
		o.Deferral = &Deferral{On: ymd("2023-05-20"), Reason: "tạm hoãn, có thông báo sau"}
		c := o.CarryOver(2)
		if c.Due != o.Due {
			t.Errorf("Due = %+v, want %+v", c.Due, o.Due)
		}
		if got := c.Status(ymd("2023-07-01")); got != StatusDeferred {
			t.Errorf("Status = %s, want %s (the postponement still holds)", got, StatusDeferred)
		}
	})
	t.Run("a dated deferral stays the copy's, with the deadline it moved", func(t *testing.T) {
		o := validTask() // due in May 2023, deferred on 20/5 to quarter III
		o.ID = 7
		o.Deferral = &Deferral{On: ymd("2023-05-20"), To: DueInQuarter(2023, 3), Reason: "chờ bố trí kinh phí"}
		c := o.CarryOver(2)
		if c.Due != o.Due {
			t.Errorf("Due = %+v, want the deadline the deferral moved, %+v", c.Due, o.Due)
		}
		if c.Deferral == nil || *c.Deferral != *o.Deferral {
			t.Fatalf("Deferral = %+v, want %+v", c.Deferral, *o.Deferral)
		}
		if c.Deferral == o.Deferral {
			t.Error("the copy's Deferral aliases the original's")
		}
		for _, tt := range []struct {
			asOf string
			want Status
		}{{"2023-06-01", StatusDeferred}, {"2023-09-30", StatusDeferred}, {"2023-10-01", StatusOverdue}} {
			if got := c.Status(ymd(tt.asOf)); got != tt.want {
				t.Errorf("Status(%s) = %s, want %s (the deferral's deadline counts)", tt.asOf, got, tt.want)
			}
		}
		c.DoneOn = ymd("2023-08-10")
		if got := c.Status(ymd("2023-08-10")); got != StatusDoneOnTime {
			t.Errorf("done within the deferral: Status = %s, want %s", got, StatusDoneOnTime)
		}
	})
	t.Run("recurring task restarts on the same days", func(t *testing.T) {
		tests := []struct {
			rule, start string
			done        string // occurrences done, in order from the first
			want        string // occurrences of the copy up to 31/12/2023
		}{
			{"FREQ=MONTHLY", "2023-01-31", "2023-01-31 2023-02-28",
				"2023-03-31 2023-04-30 2023-05-31 2023-06-30 2023-07-31 2023-08-31 2023-09-30 2023-10-31 2023-11-30 2023-12-31"},
			{"FREQ=MONTHLY;COUNT=5", "2023-01-31", "2023-01-31 2023-02-28", "2023-03-31 2023-04-30 2023-05-31"},
			{"FREQ=MONTHLY;COUNT=4", "2023-01-31", "2023-01-31", "2023-02-28 2023-03-31 2023-04-30"},
			{"FREQ=YEARLY;BYMONTH=2,12", "2022-12-31", "2022-12-31", "2023-02-28 2023-12-31"},
			{"FREQ=WEEKLY;INTERVAL=2", "2023-11-02", "2023-11-02", "2023-11-16 2023-11-30 2023-12-14 2023-12-28"},
			{"FREQ=WEEKLY;BYDAY=MO,TH", "2023-12-01", "2023-12-04", "2023-12-07 2023-12-11 2023-12-14 2023-12-18 2023-12-21 2023-12-25 2023-12-28"},
			{"FREQ=YEARLY", "2020-02-29", "2020-02-29 2021-02-28", "2022-02-28 2023-02-28"},
			{"FREQ=MONTHLY;BYDAY=-1FR", "2023-09-01", "", "2023-09-29 2023-10-27 2023-11-24 2023-12-29"},
		}
		for _, tt := range tests {
			r := mustRule(t, tt.rule, tt.start)
			o := Task{ID: 1, Lead: 1, Recurrence: &r, Due: DueInYear(2023)}
			for _, d := range dates(tt.done) {
				o.Occurrences = append(o.Occurrences, Occurrence{Due: d, DoneOn: d})
			}
			c := o.CarryOver(2)
			var got []Date
			for _, s := range c.OccurrenceStatuses(ymd("2023-01-01")) {
				got = append(got, s.Due)
			}
			checkDates(t, tt.rule+" from "+tt.start, got, dates(tt.want))
			if err := c.Recurrence.Validate(); err != nil {
				t.Errorf("%s: restarted rule %q invalid: %v", tt.rule, c.Recurrence, err)
			}
		}
	})
	t.Run("nil slices stay nil", func(t *testing.T) {
		c := (Task{ID: 1}).CarryOver(2)
		if c.Support == nil {
			return
		}
		if len(c.Support) != 0 {
			t.Errorf("Support = %v", c.Support)
		}
	})
}

func TestTargetMet(t *testing.T) {
	tests := []struct {
		c             Comparator
		below, eq, up bool
	}{
		{Greater, false, false, true},
		{AtLeast, false, true, true},
		{Equal, false, true, false},
		{AtMost, true, true, false},
		{Less, true, false, false},
		{"?", false, false, false},
	}
	for _, tt := range tests {
		tg := Target{Comparator: tt.c, Value: 50}
		for _, c := range []struct {
			v    float64
			want bool
		}{{49.9, tt.below}, {50, tt.eq}, {50.1, tt.up}} {
			if got := tg.Met(c.v); got != c.want {
				t.Errorf("Target{%s 50}.Met(%v) = %v, want %v", tt.c, c.v, got, c.want)
			}
		}
	}
}

func TestTargetString(t *testing.T) {
	tests := []struct {
		tg   Target
		want string
	}{
		{Target{Unit: "%", Comparator: Greater, Value: 50, Baseline: "chỉ tiêu kế hoạch cả năm"}, "trên 50% chỉ tiêu kế hoạch cả năm"},
		{Target{Metric: "thu tiền dịch vụ VSMT", Unit: "%", Comparator: Greater, Value: 50, Baseline: "chỉ tiêu kế hoạch cả năm"},
			"thu tiền dịch vụ VSMT: trên 50% chỉ tiêu kế hoạch cả năm"},
		{Target{Unit: "%", Comparator: AtLeast, Value: 95.5}, "ít nhất 95,5%"},
		{Target{Unit: "hộ", Comparator: Equal, Value: 100}, "đạt 100 hộ"},
		{Target{Unit: "vụ", Comparator: Less, Value: 3}, "dưới 3 vụ"},
		{Target{Unit: "%", Comparator: AtMost, Value: 0.25}, "không quá 0,25%"},
		{Target{Comparator: AtLeast, Value: 0}, "ít nhất 0"},
		{Target{Comparator: AtLeast, Value: 10}, "ít nhất 10"},
		{Target{Comparator: AtLeast, Value: 2.126, Unit: "%"}, "ít nhất 2,13%"},
		{Target{Comparator: AtLeast, Value: 1500, Unit: "tỷ đồng"}, "ít nhất 1.500 tỷ đồng"},
		{Target{Comparator: AtLeast, Value: 1234567.5, Unit: "đồng"}, "ít nhất 1.234.567,5 đồng"},
		{Target{Comparator: Greater, Value: -2.5, Unit: "%"}, "trên -2,5%"},
	}
	for _, tt := range tests {
		if got := tt.tg.String(); got != tt.want {
			t.Errorf("%+v.String() = %q, want %q", tt.tg, got, tt.want)
		}
	}
}

func TestTargetValidate(t *testing.T) {
	tests := []struct {
		name string
		tg   Target
		ok   bool
	}{
		{"valid", Target{Comparator: Greater, Value: 50, Unit: "%"}, true},
		{"no comparator", Target{Value: 50}, false},
		{"unknown comparator", Target{Comparator: "!=", Value: 50}, false},
		{"NaN", Target{Comparator: Equal, Value: math.NaN()}, false},
		{"infinite", Target{Comparator: Less, Value: math.Inf(1)}, false},
		{"long metric", Target{Comparator: Equal, Metric: strings.Repeat("a", 301)}, false},
		{"long unit", Target{Comparator: Equal, Unit: strings.Repeat("a", 31)}, false},
		{"long baseline", Target{Comparator: Equal, Baseline: strings.Repeat("a", 301)}, false},
	}
	for _, tt := range tests {
		err := tt.tg.Validate()
		if (err == nil) != tt.ok {
			t.Errorf("%s: Validate() = %v, want ok=%v", tt.name, err, tt.ok)
		}
		if err != nil && FieldErrors(err)["target"] == "" {
			t.Errorf("%s: no message on field target: %v", tt.name, err)
		}
		checkVietnamese(t, err)
	}
}

func TestTaskUpdateApply(t *testing.T) {
	text, lead := "Nội dung mới", int64(42)
	due := DueInQuarter(2023, 3)
	var noTarget *Target
	orig := validTask()
	got := TaskUpdate{Text: &text, Lead: &lead, Due: &due, Target: &noTarget}.Apply(orig)
	if got.Text != text || got.Lead != lead || got.Due != due || got.Target != nil {
		t.Errorf("Apply = %+v", got)
	}
	if got.Sector != orig.Sector || got.Source != orig.Source || len(got.Support) != 2 {
		t.Errorf("Apply changed fields it was not given: %+v", got)
	}
	if orig.Text == text || orig.Target == nil {
		t.Error("Apply changed its argument")
	}
}

func TestFormatDecimal(t *testing.T) {
	tests := []struct {
		v        float64
		decimals int
		want     string
	}{
		{1234567, 2, "1.234.567"}, {61.5, 2, "61,5"}, {-1234.25, 2, "-1.234,25"}, {0.3333333, 3, "0,333"},
		{100, 2, "100"}, {100, 0, "100"}, {-0.001, 2, "0"}, {1500, 0, "1.500"}, {999.999, 2, "1.000"},
	}
	for _, tt := range tests {
		if got := FormatDecimal(tt.v, tt.decimals); got != tt.want {
			t.Errorf("FormatDecimal(%v, %d) = %q, want %q", tt.v, tt.decimals, got, tt.want)
		}
	}
}
