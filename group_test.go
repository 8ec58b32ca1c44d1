package congtac

import (
	"maps"
	"slices"
	"testing"
	"time"
)

func TestRollUp(t *testing.T) {
	tests := []struct {
		name  string
		parts []Status
		want  Status
	}{
		{"no parts", nil, StatusInProgress},
		{"all on time", []Status{StatusDoneOnTime, StatusDoneOnTime}, StatusDoneOnTime},
		{"one late", []Status{StatusDoneOnTime, StatusDoneLate}, StatusDoneLate},
		{"one open", []Status{StatusDoneOnTime, StatusInProgress}, StatusInProgress},
		{"one overdue among done and open", []Status{StatusDoneOnTime, StatusInProgress, StatusOverdue}, StatusOverdue},
		{"overdue first", []Status{StatusOverdue, StatusDoneOnTime}, StatusOverdue},
		{"deferred and done", []Status{StatusDeferred, StatusDoneOnTime}, StatusDeferred},
		{"deferred and open", []Status{StatusDeferred, StatusInProgress}, StatusInProgress},
		{"cancelled and done", []Status{StatusCancelled, StatusDoneLate}, StatusCancelled},
		{"all cancelled", []Status{StatusCancelled, StatusCancelled}, StatusCancelled},
	}
	for _, tt := range tests {
		if got := RollUp(tt.parts...); got != tt.want {
			t.Errorf("%s: RollUp(%v) = %s, want %s", tt.name, tt.parts, got, tt.want)
		}
	}
}

// communesTask is a task led by a group of three communes (IDs 11, 12, 13), due 30/4/2023.
func communesTask(done ...string) Task {
	t := Task{ID: 7, Text: "Rà soát hộ nghèo", Lead: 100, Due: DueInMonth(2023, 4),
		Shares: []Share{{OrgID: 11}, {OrgID: 12}, {OrgID: 13}}}
	for i, d := range done {
		if d != "" {
			t.Shares[i].DoneOn = ymd(d)
		}
	}
	return t
}

func TestGroupLedTaskStatusRollsUpItsShares(t *testing.T) {
	tests := []struct {
		name string
		task Task
		asOf string
		want Status
	}{
		{"none done, in time", communesTask(), "2023-04-20", StatusInProgress},
		{"two of three done, in time", communesTask("2023-04-10", "2023-04-12"), "2023-04-20", StatusInProgress},
		{"two of three done, past the deadline", communesTask("2023-04-10", "2023-04-12"), "2023-05-02", StatusOverdue},
		{"all done on time", communesTask("2023-04-10", "2023-04-12", "2023-04-30"), "2023-05-02", StatusDoneOnTime},
		{"all done, one late", communesTask("2023-04-10", "2023-05-03", "2023-04-30"), "2023-05-10", StatusDoneLate},
		{"read before the last completion", communesTask("2023-04-10", "2023-05-03", "2023-04-30"), "2023-05-02", StatusOverdue},
		{"read before any completion", communesTask("2023-04-10", "2023-04-12", "2023-04-13"), "2023-04-09", StatusInProgress},
	}
	deferred := communesTask("2023-04-10")
	deferred.Deferral = &Deferral{On: ymd("2023-04-25"), To: DueInMonth(2023, 5), Reason: "Chờ hướng dẫn của tỉnh"}
	cancelled := communesTask("2023-04-10")
	cancelled.Cancellation = &Cancellation{On: ymd("2023-04-25"), Reason: "Không còn phù hợp"}
	tests = append(tests, []struct {
		name string
		task Task
		asOf string
		want Status
	}{
		{"deferred with one done", deferred, "2023-05-10", StatusDeferred},
		{"deferred, past the new deadline", deferred, "2023-06-01", StatusOverdue},
		{"cancelled with one done", cancelled, "2023-05-10", StatusCancelled},
	}...)
	for _, tt := range tests {
		if got := tt.task.Status(ymd(tt.asOf)); got != tt.want {
			t.Errorf("%s, as of %s: %s, want %s", tt.name, tt.asOf, got, tt.want)
		}
	}
}

func TestShareStatusAndCompletion(t *testing.T) {
	task := communesTask("2023-04-10", "2023-05-03")
	asOf := ymd("2023-05-10")
	for _, tt := range []struct {
		org  int64
		want Status
		ok   bool
	}{{11, StatusDoneOnTime, true}, {12, StatusDoneLate, true}, {13, StatusOverdue, true}, {100, "", false}} {
		got, ok := task.ShareStatus(tt.org, asOf)
		if got != tt.want || ok != tt.ok {
			t.Errorf("ShareStatus(%d) = %s, %v; want %s, %v", tt.org, got, ok, tt.want, tt.ok)
		}
	}
	if d, ok := task.SharesDone(); ok || !d.IsZero() {
		t.Errorf("SharesDone with one open share = %s, %v; want zero, false", d, ok)
	}
	task.Shares[2].DoneOn = ymd("2023-04-28")
	if d, ok := task.SharesDone(); !ok || d != ymd("2023-05-03") {
		t.Errorf("SharesDone = %s, %v; want the last completion 03/05/2023, true", d, ok)
	}
	if _, ok := (Task{Lead: 5}).SharesDone(); ok {
		t.Error("a task without shares is never done by its shares")
	}
}

func TestSharesOfKeepsTheCompletionsOfMembersThatStay(t *testing.T) {
	old := []Share{{OrgID: 11, DoneOn: ymd("2023-04-10")}, {OrgID: 12}}
	got := SharesOf([]int64{12, 11, 14}, old)
	want := []Share{{OrgID: 12}, {OrgID: 11, DoneOn: ymd("2023-04-10")}, {OrgID: 14}}
	if !slices.Equal(got, want) {
		t.Errorf("SharesOf = %v, want %v", got, want)
	}
}

func TestCarryOverKeepsEveryShareAndItsCompletion(t *testing.T) {
	task := communesTask("2023-04-10")
	task.Support = []Support{{OrgID: 20, DoneOn: ymd("2023-04-11")}}
	c := task.CarryOver(9)
	want := []Share{{OrgID: 11, DoneOn: ymd("2023-04-10")}, {OrgID: 12}, {OrgID: 13}}
	if !slices.Equal(c.Shares, want) {
		t.Errorf("carried shares = %v, want %v", c.Shares, want)
	}
	if !c.Support[0].DoneOn.IsZero() {
		t.Errorf("a support org's completion is not carried: %v", c.Support)
	}
	c.Shares[1].DoneOn = ymd("2023-05-02")
	if !task.Shares[1].DoneOn.IsZero() {
		t.Error("the copy shares its shares with the original")
	}
}

func TestChangingTheLeadDropsTheShares(t *testing.T) {
	task := communesTask("2023-04-10")
	same, other := int64(100), int64(5)
	text := "Rà soát hộ cận nghèo"
	if got := (TaskUpdate{Lead: &same, Text: &text}).Apply(task); len(got.Shares) != 3 {
		t.Errorf("same lead: %d shares, want 3", len(got.Shares))
	}
	if got := (TaskUpdate{Lead: &other}).Apply(task); got.Shares != nil {
		t.Errorf("new lead: shares %v, want none", got.Shares)
	}
}

func TestValidateGroupLedTask(t *testing.T) {
	monthly, _ := ParseRecurrence("FREQ=MONTHLY;BYMONTHDAY=-1", ymd("2023-04-01"))
	recurring := communesTask()
	recurring.Recurrence = &monthly
	overlap := communesTask()
	overlap.Support = []Support{{OrgID: 12}}
	twice := communesTask()
	twice.Shares = append(twice.Shares, Share{OrgID: 11})
	tests := []struct {
		name  string
		task  Task
		field string
	}{
		{"a plain group-led task", communesTask(), ""},
		{"recurring", recurring, "recurrence"},
		{"a member also supports", overlap, "support"},
		{"a member twice", twice, "lead"},
	}
	for _, tt := range tests {
		err := tt.task.Validate()
		if got := fields(err); got != tt.field {
			t.Errorf("%s: fields %q, want %q (%v)", tt.name, got, tt.field, err)
		}
		checkVietnamese(t, err)
	}
}

func TestValidateMembers(t *testing.T) {
	group := Org{ID: 100, Kind: OrgGroup, Name: "UBND các xã, thị trấn"}
	byID := map[int64]Org{
		11:  {ID: 11, Kind: OrgCommune, Name: "Xã Tân Phước"},
		12:  {ID: 12, Kind: OrgCommune, Name: "Thị trấn Chũ"},
		100: group,
		101: {ID: 101, Kind: OrgGroup, Name: "Các xã vùng cao"},
	}
	tests := []struct {
		name    string
		g       Org
		members []int64
		ok      bool
	}{
		{"two communes", group, []int64{11, 12}, true},
		{"none", group, nil, false},
		{"unknown", group, []int64{11, 99}, false},
		{"twice", group, []int64{11, 11}, false},
		{"a group", group, []int64{11, 101}, false},
		{"itself", group, []int64{100}, false},
		{"not a group", byID[11], []int64{12}, false},
	}
	for _, tt := range tests {
		err := ValidateMembers(tt.g, tt.members, byID)
		if (err == nil) != tt.ok {
			t.Errorf("%s: %v, want ok %v", tt.name, err, tt.ok)
		}
		checkVietnamese(t, err)
	}
}

func TestMembersByKind(t *testing.T) {
	orgs := []Org{
		{ID: 1, Kind: OrgCommittee},
		{ID: 11, ParentID: 1, Kind: OrgCommune, ValidFrom: ymd("2020-01-01")},
		{ID: 12, ParentID: 1, Kind: OrgDepartment, ValidFrom: ymd("2020-01-01")},
		{ID: 13, ParentID: 1, Kind: OrgCommune, ValidFrom: ymd("2020-01-01"), ValidTo: ymd("2022-12-31")},
		{ID: 14, ParentID: 2, Kind: OrgCommune, ValidFrom: ymd("2020-01-01")},
		{ID: 15, ParentID: 1, Kind: OrgCommune, ValidFrom: ymd("2020-01-01")},
	}
	if got, want := MembersByKind(orgs, 1, OrgCommune, ymd("2023-04-01")), []int64{11, 15}; !slices.Equal(got, want) {
		t.Errorf("communes of 1 = %v, want %v", got, want)
	}
}

func TestOrgIDsAndReporters(t *testing.T) {
	task := communesTask()
	task.Support = []Support{{OrgID: 20}}
	if got, want := task.OrgIDs(), []int64{100, 11, 12, 13, 20}; !slices.Equal(got, want) {
		t.Errorf("OrgIDs = %v, want %v", got, want)
	}
	if got, want := task.Reporters(), []int64{11, 12, 13, 20}; !slices.Equal(got, want) {
		t.Errorf("Reporters of a group-led task = %v, want %v (not the group)", got, want)
	}
	plain := Task{Lead: 5, Support: []Support{{OrgID: 6}}}
	if got, want := plain.Reporters(), []int64{5, 6}; !slices.Equal(got, want) {
		t.Errorf("Reporters = %v, want %v", got, want)
	}
}

func TestTallyCountsAGroupLedTaskOnceUnderItsGroup(t *testing.T) {
	tasks := []Task{communesTask("2023-04-10", "2023-04-12", "2023-04-13"), communesTask("2023-04-10")}
	r := Tally(tasks, ymd("2023-05-02"))
	if r.Total.Total() != 2 || r.Total[StatusDoneOnTime] != 1 || r.Total[StatusOverdue] != 1 {
		t.Errorf("total %v, want one done on time and one overdue", r.Total)
	}
	if got := r.ByOrg[100].Total(); got != 2 || len(r.ByOrg) != 1 {
		t.Errorf("by org %v, want both under the group", r.ByOrg)
	}
}

func TestLastPercentsTakesEachOrgsLatestSentReport(t *testing.T) {
	at := func(day int) time.Time { return time.Date(2023, 4, day, 9, 0, 0, 0, time.UTC) }
	reports := []Report{
		{ID: 1, OrgID: 11, Percent: 30, Status: ReportAccepted, SubmittedAt: at(5)},
		{ID: 2, OrgID: 11, Percent: 60, Status: ReportSubmitted, SubmittedAt: at(9)},
		{ID: 3, OrgID: 11, Percent: 90, Status: ReportDraft},
		{ID: 4, OrgID: 12, Percent: 100, Status: ReportReturned, SubmittedAt: at(8)},
		{ID: 5, OrgID: 12, Percent: 40, Status: ReportAccepted, SubmittedAt: at(2)},
		{ID: 6, OrgID: 13, Percent: 10, Status: ReportDraft},
	}
	got := LastPercents(reports)
	want := map[int64]int{11: 60, 12: 40}
	if !maps.Equal(got, want) {
		t.Errorf("LastPercents = %v, want %v", got, want)
	}
}
