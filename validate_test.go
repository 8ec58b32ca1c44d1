package congtac

import (
	"strings"
	"testing"
	"time"
)

// validationCase is one row of a Validate table: the fields that must be reported, "" for a
// valid value.
type validationCase struct {
	name   string
	err    error
	fields string
}

func runValidation(t *testing.T, cases []validationCase) {
	t.Helper()
	valid := 0
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := fields(c.err); got != c.fields {
				t.Errorf("fields = %q, want %q (%v)", got, c.fields, c.err)
			}
			if c.err != nil && ErrorCode(c.err) != EINVALID {
				t.Errorf("code = %q, want %q", ErrorCode(c.err), EINVALID)
			}
			checkVietnamese(t, c.err)
		})
		if c.fields == "" {
			valid++
		}
	}
	if valid == 0 || valid == len(cases) {
		t.Errorf("table has %d valid rows of %d; want both kinds", valid, len(cases))
	}
}

func TestOrgValidate(t *testing.T) {
	ok := Org{ID: 3, ParentID: 1, Kind: OrgDepartment, Name: "Phòng Tài chính - Kế hoạch", ShortName: "TCKH",
		ValidFrom: ymd("2020-01-01")}
	edit := func(f func(*Org)) error { o := ok; f(&o); return o.Validate() }
	runValidation(t, []validationCase{
		{"valid", ok.Validate(), ""},
		{"valid merged", edit(func(o *Org) { o.ValidTo, o.Successor = ymd("2025-06-30"), 9 }), ""},
		{"valid new (no ID)", Org{Kind: OrgCommune, Name: "Xã An Bình"}.Validate(), ""},
		{"no name", edit(func(o *Org) { o.Name = "  " }), "name"},
		{"long name", edit(func(o *Org) { o.Name = strings.Repeat("ư", 201) }), "name"},
		{"short name with space", edit(func(o *Org) { o.ShortName = "TC KH" }), "short_name"},
		{"short name with slash", edit(func(o *Org) { o.ShortName = "TC/KH" }), "short_name"},
		{"long short name", edit(func(o *Org) { o.ShortName = strings.Repeat("A", 31) }), "short_name"},
		{"bad kind", edit(func(o *Org) { o.Kind = "ministry" }), "kind"},
		{"no kind", edit(func(o *Org) { o.Kind = "" }), "kind"},
		{"ends before it starts", edit(func(o *Org) { o.ValidTo = ymd("2019-12-31") }), "valid_to"},
		{"own parent", edit(func(o *Org) { o.ParentID = 3 }), "parent_id"},
		{"own successor", edit(func(o *Org) { o.Successor = 3 }), "parent_id"},
		{"several", edit(func(o *Org) { o.Name, o.Kind = "", "" }), "kind,name"},
	})
}

func TestOrgActive(t *testing.T) {
	o := Org{ValidFrom: ymd("2020-01-01"), ValidTo: ymd("2025-06-30")}
	tests := []struct {
		d    string
		want bool
	}{
		{"2019-12-31", false}, {"2020-01-01", true}, {"2025-06-30", true}, {"2025-07-01", false},
	}
	for _, tt := range tests {
		if got := o.Active(ymd(tt.d)); got != tt.want {
			t.Errorf("Active(%s) = %v, want %v", tt.d, got, tt.want)
		}
	}
	if !(Org{}).Active(ymd("2023-01-01")) {
		t.Error("an org without dates is not active")
	}
	for _, k := range OrgKinds {
		if !isVietnamese(k.Label()) {
			t.Errorf("%s.Label() = %q", k, k.Label())
		}
	}
	for _, s := range Sectors {
		if s.Label() == "" || !s.Valid() { // "Chung" has no diacritic
			t.Errorf("%s.Label() = %q", s, s.Label())
		}
	}
}

func TestPersonValidate(t *testing.T) {
	ok := Person{FullName: "Vương Mạnh Chung", OrgID: 2, Email: "chung.vm@lucngan.gov.vn", Phone: "0204 3882 123"}
	edit := func(f func(*Person)) error { p := ok; f(&p); return p.Validate() }
	runValidation(t, []validationCase{
		{"valid", ok.Validate(), ""},
		{"no contact", edit(func(p *Person) { p.Email, p.Phone = "", "" }), ""},
		{"phone with +84", edit(func(p *Person) { p.Phone = "+84 (204) 388-2123" }), ""},
		{"no name", edit(func(p *Person) { p.FullName = "" }), "full_name"},
		{"long name", edit(func(p *Person) { p.FullName = strings.Repeat("Nguyễn ", 10) }), "full_name"},
		{"email without @", edit(func(p *Person) { p.Email = "chung.lucngan.gov.vn" }), "email"},
		{"email without domain", edit(func(p *Person) { p.Email = "chung@" }), "email"},
		{"email without user", edit(func(p *Person) { p.Email = "@lucngan.gov.vn" }), "email"},
		{"email with space", edit(func(p *Person) { p.Email = "chung vm@lucngan.gov.vn" }), "email"},
		{"two @", edit(func(p *Person) { p.Email = "a@b@c.vn" }), "email"},
		{"phone with letters", edit(func(p *Person) { p.Phone = "gọi văn phòng" }), "phone"},
	})
}

func TestPostValidate(t *testing.T) {
	ok := Post{PersonID: 1, OrgID: 2, Kind: PostViceChairman, Sectors: []Sector{SectorEconomy},
		From: ymd("2021-07-01")}
	edit := func(f func(*Post)) error { p := ok; f(&p); return p.Validate() }
	runValidation(t, []validationCase{
		{"valid", ok.Validate(), ""},
		{"valid ended", edit(func(p *Post) { p.To = ymd("2025-06-30") }), ""},
		{"bad kind", edit(func(p *Post) { p.Kind = "secretary" }), "kind"},
		{"bad sector", edit(func(p *Post) { p.Sectors = []Sector{SectorEconomy, "sport"} }), "sectors"},
		{"ends before it starts", edit(func(p *Post) { p.To = ymd("2021-06-30") }), "to"},
		{"no person", edit(func(p *Post) { p.PersonID = 0 }), "person_id"},
		{"no org", edit(func(p *Post) { p.OrgID = 0 }), "org_id"},
	})
	if got := (Post{Kind: PostOfficeHead}).DisplayTitle(); got != "Chánh Văn phòng" {
		t.Errorf("DisplayTitle = %q", got)
	}
	if got := (Post{Kind: PostUnitHead, Title: "Trưởng Công an xã"}).DisplayTitle(); got != "Trưởng Công an xã" {
		t.Errorf("DisplayTitle = %q", got)
	}
	if !PostChairman.IsLeader() || !PostViceChairman.IsLeader() || PostOfficeHead.IsLeader() {
		t.Error("IsLeader is wrong")
	}
	p := Post{From: ymd("2021-07-01"), To: ymd("2025-06-30")}
	for d, want := range map[string]bool{"2021-06-30": false, "2021-07-01": true, "2025-06-30": true, "2025-07-01": false} {
		if got := p.Active(ymd(d)); got != want {
			t.Errorf("Post.Active(%s) = %v, want %v", d, got, want)
		}
	}
}

func TestUserValidate(t *testing.T) {
	ok := User{Login: "chung.vm", Role: RoleOfficeHead, OrgID: 2}
	edit := func(f func(*User)) error { u := ok; f(&u); return u.Validate() }
	runValidation(t, []validationCase{
		{"valid", ok.Validate(), ""},
		{"valid with digits", edit(func(u *User) { u.Login = "vt_2023-01" }), ""},
		{"short login", edit(func(u *User) { u.Login = "a" }), "login"},
		{"capital", edit(func(u *User) { u.Login = "Chung" }), "login"},
		{"diacritic", edit(func(u *User) { u.Login = "chungvương" }), "login"},
		{"space", edit(func(u *User) { u.Login = "chung vm" }), "login"},
		{"leading dot", edit(func(u *User) { u.Login = ".chung" }), "login"},
		{"long login", edit(func(u *User) { u.Login = strings.Repeat("a", 41) }), "login"},
		{"public role", edit(func(u *User) { u.Role = RolePublic }), "role"},
		{"no role", edit(func(u *User) { u.Role = "" }), "role"},
		{"no org", edit(func(u *User) { u.OrgID = 0 }), "org_id"},
	})
	tests := []struct {
		u    User
		path []int64
		want bool
	}{
		{User{Role: RoleAdmin, OrgID: 1}, []int64{7}, true},
		{User{Role: RoleViewer, OrgID: 1}, []int64{7, 3, 1}, true},
		{User{Role: RoleViewer, OrgID: 3}, []int64{7, 3, 1}, true},
		{User{Role: RoleReporter, OrgID: 7}, []int64{3, 1}, false},
		{User{Role: RoleReporter, OrgID: 7}, nil, false},
	}
	for _, tt := range tests {
		if got := tt.u.Covers(tt.path); got != tt.want {
			t.Errorf("%+v.Covers(%v) = %v, want %v", tt.u, tt.path, got, tt.want)
		}
	}
}

func TestProgramValidate(t *testing.T) {
	ok := Program{OrgID: 1, Period: Period{PeriodMonth, 2023, 4}, Also: []Period{{PeriodQuarter, 2023, 2}},
		Title: "Công tác của UBND huyện tháng 4 năm 2023", Status: ProgramDraft}
	edit := func(f func(*Program)) error { p := ok; f(&p); return p.Validate() }
	runValidation(t, []validationCase{
		{"valid", ok.Validate(), ""},
		{"valid new (no status yet)", edit(func(p *Program) { p.Status, p.Also = "", nil }), ""},
		{"no title", edit(func(p *Program) { p.Title = " " }), "title"},
		{"long title", edit(func(p *Program) { p.Title = strings.Repeat("ư", 501) }), "title"},
		{"no org", edit(func(p *Program) { p.OrgID = 0 }), "org_id"},
		{"bad period", edit(func(p *Program) { p.Period = Period{PeriodMonth, 2023, 13} }), "period"},
		{"bad also", edit(func(p *Program) { p.Also = []Period{{PeriodQuarter, 2023, 5}} }), "period"},
		{"bad status", edit(func(p *Program) { p.Status = "published" }), "status"},
		{"several", edit(func(p *Program) { p.Title, p.OrgID = "", 0 }), "org_id,title"},
	})
	p := ok
	for d, want := range map[string]bool{"2023-03-31": false, "2023-04-01": true, "2023-05-15": true, "2023-06-30": true, "2023-07-01": false} {
		if got := p.Covers(ymd(d)); got != want {
			t.Errorf("Covers(%s) = %v, want %v", d, got, want)
		}
	}
	if got := p.Horizon(); got != ymd("2023-06-30") {
		t.Errorf("Horizon() = %v, want 2023-06-30", got)
	}
	p.Also = nil
	if got := p.Horizon(); got != ymd("2023-04-30") {
		t.Errorf("Horizon() without Also = %v, want 2023-04-30", got)
	}
}

func TestMeetingValidate(t *testing.T) {
	ok := Meeting{OrgID: 1, Kind: MeetingRegular, Title: "Hội nghị UBND huyện thường kỳ tháng 4",
		Date: ymd("2023-04-21"), Start: At(8, 0), Status: MeetingPlanned}
	edit := func(f func(*Meeting)) error { m := ok; f(&m); return m.Validate() }
	runValidation(t, []validationCase{
		{"valid", ok.Validate(), ""},
		{"valid without time", edit(func(m *Meeting) { m.Start, m.Part = NoTime, Afternoon }), ""},
		{"valid briefing", edit(func(m *Meeting) {
			m.Kind, m.Recurrence = MeetingBriefing, &Recurrence{Start: ymd("2023-04-06"), Freq: Weekly, ByDay: []WeekdayNum{{Day: time.Thursday}}}
		}), ""},
		{"bad kind", edit(func(m *Meeting) { m.Kind = "party" }), "kind"},
		{"no title", edit(func(m *Meeting) { m.Title = "" }), "title"},
		{"long title", edit(func(m *Meeting) { m.Title = strings.Repeat("a", 501) }), "title"},
		{"no date", edit(func(m *Meeting) { m.Date = Date{} }), "date"},
		{"impossible date", edit(func(m *Meeting) { m.Date = Date{2023, time.February, 30} }), "date"},
		{"bad time", edit(func(m *Meeting) { m.Start = At(24, 0) }), "start"},
		{"negative time", edit(func(m *Meeting) { m.Start = -5 }), "start"},
		{"bad part", edit(func(m *Meeting) { m.Start, m.Part = NoTime, "noon" }), "part"},
		{"bad status", edit(func(m *Meeting) { m.Status = "" }), "status"},
		{"no org", edit(func(m *Meeting) { m.OrgID = 0 }), "org_id"},
		{"bad recurrence", edit(func(m *Meeting) { m.Recurrence = &Recurrence{Freq: Weekly} }), "recurrence"},
	})
}

func TestMeetingInstant(t *testing.T) {
	loc := Location()
	tests := []struct {
		start      ClockTime
		part       DayPart
		hour, mins int
	}{
		{At(7, 30), "", 7, 30},
		{At(14, 0), Morning, 14, 0},
		{NoTime, Morning, 7, 30},
		{NoTime, "", 7, 30},
		{NoTime, AllDay, 7, 30},
		{NoTime, Afternoon, 14, 0},
		{NoTime, Evening, 18, 0},
	}
	for _, tt := range tests {
		m := Meeting{Date: ymd("2023-04-21"), Start: tt.start, Part: tt.part}
		got := m.Instant(loc)
		want := time.Date(2023, time.April, 21, tt.hour, tt.mins, 0, 0, loc)
		if !got.Equal(want) {
			t.Errorf("Instant(start %d, part %q) = %v, want %v", tt.start, tt.part, got, want)
		}
	}
}

func TestClockTime(t *testing.T) {
	tests := []struct {
		t     ClockTime
		valid bool
		part  DayPart
	}{
		{NoTime, true, AllDay},
		{At(0, 0), true, Morning},
		{At(7, 30), true, Morning},
		{At(11, 59), true, Morning},
		{At(12, 0), true, Afternoon},
		{At(17, 59), true, Afternoon},
		{At(18, 0), true, Evening},
		{At(23, 59), true, Evening},
		{At(24, 0), false, ""},
		{-2, false, ""},
	}
	for _, tt := range tests {
		if got := tt.t.Valid(); got != tt.valid {
			t.Errorf("%d.Valid() = %v, want %v", tt.t, got, tt.valid)
		}
		if tt.valid {
			if got := tt.t.Part(); got != tt.part {
				t.Errorf("%d.Part() = %q, want %q", tt.t, got, tt.part)
			}
		}
	}
	for _, p := range []DayPart{Morning, Afternoon, Evening, AllDay} {
		if !isVietnamese(p.Label()) && p.Label() != "Tối" {
			t.Errorf("%s.Label() = %q", p, p.Label())
		}
	}
}

func TestAgendaItemValidate(t *testing.T) {
	ok := AgendaItem{Title: "Báo cáo tình hình kinh tế - xã hội tháng 4", Lead: 5, Support: []int64{6, 7}, Minutes: 30,
		MaterialsDue: ymd("2023-04-16")}
	edit := func(f func(*AgendaItem)) error { a := ok; f(&a); return a.Validate() }
	runValidation(t, []validationCase{
		{"valid", ok.Validate(), ""},
		{"valid without lead", edit(func(a *AgendaItem) {
			a.Lead, a.Support, a.Title = 0, nil, "Các nội dung khác trình theo quy định"
		}), ""},
		{"no title", edit(func(a *AgendaItem) { a.Title = "" }), "title"},
		{"long title", edit(func(a *AgendaItem) { a.Title = strings.Repeat("a", 2001) }), "title"},
		{"negative minutes", edit(func(a *AgendaItem) { a.Minutes = -1 }), "minutes"},
		{"too many minutes", edit(func(a *AgendaItem) { a.Minutes = 24*60 + 1 }), "minutes"},
		{"support is the lead", edit(func(a *AgendaItem) { a.Support = []int64{5} }), "support"},
		{"duplicate support", edit(func(a *AgendaItem) { a.Support = []int64{6, 6} }), "support"},
		{"support without org", edit(func(a *AgendaItem) { a.Support = []int64{0} }), "support"},
	})
	a := ok
	a.Support = []int64{5, 5}
	if _, one := a.Validate().(*Error); !one {
		t.Errorf("the lead listed twice as support gives %v, want one problem", a.Validate())
	}
}

func TestEngagementValidate(t *testing.T) {
	ok := Engagement{OrgID: 1, PersonID: 2, Date: ymd("2026-02-12"), Start: NoTime, Part: Afternoon,
		Title: "Giao ban Chủ tịch, các Phó Chủ tịch"}
	edit := func(f func(*Engagement)) error { e := ok; f(&e); return e.Validate() }
	runValidation(t, []validationCase{
		{"valid", ok.Validate(), ""},
		{"valid with time", edit(func(e *Engagement) { e.Start, e.Part = At(14, 0), "" }), ""},
		{"no title", edit(func(e *Engagement) { e.Title = "\t" }), "title"},
		{"long title", edit(func(e *Engagement) { e.Title = strings.Repeat("a", 1001) }), "title"},
		{"no date", edit(func(e *Engagement) { e.Date = Date{} }), "date"},
		{"impossible date", edit(func(e *Engagement) { e.Date = Date{2026, time.February, 29} }), "date"},
		{"bad time", edit(func(e *Engagement) { e.Start = At(25, 0) }), "start"},
		{"bad part", edit(func(e *Engagement) { e.Part = "night" }), "part"},
	})
}

func TestReportValidate(t *testing.T) {
	v := 55.5
	ok := Report{TaskID: 1, OrgID: 2, Text: "Đã thu được 55,5% kế hoạch.", Percent: 60, Value: &v, Status: ReportSubmitted}
	edit := func(f func(*Report)) error { r := ok; f(&r); return r.Validate() }
	runValidation(t, []validationCase{
		{"valid", ok.Validate(), ""},
		{"valid complete", edit(func(r *Report) { r.Percent, r.DoneOn, r.Status = 100, ymd("2023-05-10"), ReportAccepted }), ""},
		{"valid draft at zero", edit(func(r *Report) { r.Percent, r.Status = 0, ReportDraft }), ""},
		{"no text", edit(func(r *Report) { r.Text = "" }), "text"},
		{"long text", edit(func(r *Report) { r.Text = strings.Repeat("a", 20001) }), "text"},
		{"negative percent", edit(func(r *Report) { r.Percent = -1 }), "percent"},
		{"over 100", edit(func(r *Report) { r.Percent = 101 }), "percent"},
		{"complete without date", edit(func(r *Report) { r.Percent = 100 }), "done_on"},
		{"date while incomplete", edit(func(r *Report) { r.DoneOn = ymd("2023-05-10") }), "done_on"},
		{"bad status", edit(func(r *Report) { r.Status = "sent" }), "status"},
	})
	if msg := FieldErrors(edit(func(r *Report) { r.DoneOn = ymd("2023-05-10") }))["done_on"]; !strings.Contains(msg, "100%.") || strings.Contains(msg, "%%") {
		t.Errorf("done_on message = %q, want a single %% sign", msg)
	}
	completes := []struct {
		r    Report
		want bool
	}{
		{Report{Status: ReportAccepted, Percent: 100}, true},
		{Report{Status: ReportSubmitted, Percent: 100}, false},
		{Report{Status: ReportAccepted, Percent: 90}, false},
	}
	for _, tt := range completes {
		if got := tt.r.Completes(); got != tt.want {
			t.Errorf("%+v.Completes() = %v, want %v", tt.r, got, tt.want)
		}
	}
	for _, s := range ReportStatuses {
		if !isVietnamese(s.Label()) {
			t.Errorf("%s.Label() = %q", s, s.Label())
		}
	}
}

func TestDocumentValidate(t *testing.T) {
	ok := Document{OrgID: 1, Type: DocProgram, Number: 45, Symbol: "CTr-UBND", IssuedOn: ymd("2023-04-05"),
		Place: "Lục Ngạn", Summary: "Công tác của UBND huyện tháng 4 năm 2023", Copies: 30,
		Signature: Signature{Lines: []SignLine{{AuthorityByOrder, "Chủ tịch"}}, Title: "Chánh Văn phòng", Name: "Vương Mạnh Chung"}}
	edit := func(f func(*Document)) error { d := ok; f(&d); return d.Validate() }
	runValidation(t, []validationCase{
		{"valid", ok.Validate(), ""},
		{"valid công văn", edit(func(d *Document) { d.Type, d.Symbol = DocLetter, "UBND-VX" }), ""},
		{"bad type", edit(func(d *Document) { d.Type = "CV" }), "type"},
		{"no summary", edit(func(d *Document) { d.Summary = "" }), "summary"},
		{"long summary", edit(func(d *Document) { d.Summary = strings.Repeat("ư", 501) }), "summary"},
		{"symbol with space", edit(func(d *Document) { d.Symbol = "CTr - UBND" }), "symbol"},
		{"long symbol", edit(func(d *Document) { d.Symbol = strings.Repeat("A", 31) }), "symbol"},
		{"no date", edit(func(d *Document) { d.IssuedOn = Date{} }), "issued_on"},
		{"long signer", edit(func(d *Document) { d.Signature.Name = strings.Repeat("a", 51) }), "signature"},
		{"long signer title", edit(func(d *Document) { d.Signature.Title = strings.Repeat("a", 101) }), "signature"},
		{"negative number", edit(func(d *Document) { d.Number = -1 }), "number"},
		{"negative copies", edit(func(d *Document) { d.Copies = -1 }), "copies"},
		{"mistyped copies", edit(func(d *Document) { d.Copies = 300000 }), "copies"},
		{"long keeper", edit(func(d *Document) { d.Keeper = strings.Repeat("VT, ", 60) }), "keeper"},
	})
}

func TestSettingsValidate(t *testing.T) {
	ok := DefaultSettings()
	edit := func(f func(*Settings)) error { s := DefaultSettings(); f(&s); return s.Validate() }
	runValidation(t, []validationCase{
		{"default", ok.Validate(), ""},
		{"per type", edit(func(s *Settings) { s.Series, s.BriefingDay = SeriesPerType, time.Monday }), ""},
		{"bad series", edit(func(s *Settings) { s.Series = "" }), "series"},
		{"negative lead days", edit(func(s *Settings) { s.MaterialsLeadDays = -1 }), "materials_lead_days"},
		{"too many lead days", edit(func(s *Settings) { s.MaterialsLeadDays = 61 }), "materials_lead_days"},
		{"bad briefing time", edit(func(s *Settings) { s.BriefingTime = At(24, 30) }), "briefing_time"},
		{"bad briefing day", edit(func(s *Settings) { s.BriefingDay = 7 }), "briefing_day"},
		{"no body", edit(func(s *Settings) { s.BodyName = " " }), "body_name"},
		{"negative proposal days", edit(func(s *Settings) { s.ProposalLeadDays[PeriodMonth] = -3 }), "proposal_lead_days"},
		{"proposal days for an unknown kind", edit(func(s *Settings) { s.ProposalLeadDays["day"] = 1 }), "proposal_lead_days"},
		{"impossible holiday", edit(func(s *Settings) { s.Holidays = []Date{{2023, time.February, 29}} }), "holidays"},
		{"Quốc khánh on 3/9", edit(func(s *Settings) { s.NationalDay = NationalDayAfter }), ""},
		{"unknown Quốc khánh rule", edit(func(s *Settings) { s.NationalDay = "3/9" }), "national_day"},
	})
	d := DefaultSettings()
	if d.MaterialsLeadDays != 5 || d.BriefingDay != time.Thursday || d.BriefingTime != At(14, 0) || d.Series != SeriesShared {
		t.Errorf("DefaultSettings() = %+v", d)
	}
	d.ProposalLeadDays[PeriodMonth] = 99
	if DefaultSettings().ProposalLeadDays[PeriodMonth] == 99 {
		t.Error("DefaultSettings shares its map between calls")
	}
}

func TestProgramFileKeeper(t *testing.T) {
	for _, tc := range []struct {
		recipients []string
		want       string
	}{
		{[]string{"- Như trên;", "- Lưu: VT, TH."}, "VT, TH"},
		{[]string{"Như thành phần mời;", "Lưu: VT."}, "VT"},
		{[]string{"Lưu VT, VP;", "Các phòng, ban;"}, "VT, VP"},
		{[]string{"Các phòng, ban;"}, ""},
		{nil, ""},
	} {
		if got := (Program{Recipients: tc.recipients}).FileKeeper(); got != tc.want {
			t.Errorf("FileKeeper(%q) = %q, want %q", tc.recipients, got, tc.want)
		}
	}
}

// TestSettingsUpdateApply: an update changes what it names, merges lead times by kind, and
// leaves the settings it was applied to as they were.
func TestSettingsUpdateApply(t *testing.T) {
	before := DefaultSettings()
	place, month := "An Bình", 10
	up := SettingsUpdate{Place: &place, ProposalLeadDays: map[PeriodKind]int{PeriodMonth: month}}
	got := up.Apply(before)
	if got.Place != place || got.BodyName != before.BodyName || got.Series != before.Series {
		t.Errorf("applied = place %q, body %q, series %q; want only the place changed", got.Place, got.BodyName, got.Series)
	}
	if got.ProposalLeadDays[PeriodMonth] != month || got.ProposalLeadDays[PeriodYear] != 45 {
		t.Errorf("lead days = %v, want month %d and the year's kept", got.ProposalLeadDays, month)
	}
	if before.ProposalLeadDays[PeriodMonth] != 7 {
		t.Errorf("the settings applied to changed: %v", before.ProposalLeadDays)
	}
}
