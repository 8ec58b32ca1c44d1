package web

import (
	"context"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"congtac"
	"congtac/vn"
)

// meetingForm is the form of a meeting's own fields, as typed, with the messages of a
// refused post.
type meetingForm struct {
	Action     string
	Version    int
	Org        string
	Program    string
	Kind       string
	Title      string
	Date       string // YYYY-MM-DD, as the date input sends it
	Time       string // "8 giờ", "14h30", "chiều"
	Place      string
	Chair      string
	Attendees  string
	Recurrence string // "chiều thứ Năm hằng tuần", or an RRULE
	OffDays    string
	Note       string
	People     []string // invited by name
	InvOrgs    []string // orgs invited to send someone
	Orgs       []option
	Programs   []option
	Chairs     []option
	Everyone   []option // the people who may be invited
	AllOrgs    []option // the orgs that may be invited
	Errors     map[string]string
	General    []string
}

// meetingFields are the form's fields, by the names the store's errors use.
var meetingFields = []string{"org_id", "program_id", "kind", "title", "date", "start", "part", "place", "chair_id",
	"attendees", "invited_people", "invited_orgs", "recurrence", "off_days", "note"}

// Fields returns the form's fields with their messages.
func (f meetingForm) Fields() []field {
	e := f.Errors
	kinds := optionsOf([]congtac.MeetingKind{congtac.MeetingRegular, congtac.MeetingThematic, congtac.MeetingBriefing,
		congtac.MeetingWorking}, congtac.MeetingKind.Label, f.Kind)
	return []field{
		newField(e, field{Kind: fieldSelect, ID: "m-org", Name: "org", Key: "org_id", Label: "Cơ quan tổ chức",
			Options: f.Orgs, Required: true}),
		newField(e, field{Kind: fieldSelect, ID: "m-kind", Name: "kind", Label: "Loại", Options: kinds}),
		newField(e, field{Kind: fieldTextarea, ID: "m-title", Name: "title", Label: "Tên hội nghị, cuộc họp", Rows: 2,
			Required: true, Value: f.Title}),
		newField(e, field{ID: "m-date", Name: "date", Label: "Ngày họp (buổi đầu tiên nếu họp định kỳ)", Type: "date",
			Value: f.Date, Required: true}),
		newField(e, field{ID: "m-time", Name: "time", Key: "start", Label: "Giờ hoặc buổi (“8 giờ 00”, “14h30”, “chiều”)",
			Value: f.Time}),
		newField(e, field{ID: "m-recurrence", Name: "recurrence", Label: "Họp định kỳ (“chiều thứ Năm hằng tuần”, “ngày 20 hằng tháng”, “thứ Sáu cuối tháng”; trống: họp một lần)",
			Value: f.Recurrence}),
		newField(e, field{Kind: fieldSelect, ID: "m-offdays", Name: "off_days", Label: "Buổi họp định kỳ rơi vào ngày nghỉ",
			Options: optionsOf(congtac.OffDayRules, congtac.OffDayRule.Label, f.OffDays)}),
		newField(e, field{ID: "m-place", Name: "place", Label: "Địa điểm", Value: f.Place}),
		newField(e, field{Kind: fieldSelect, ID: "m-chair", Name: "chair", Key: "chair_id", Label: "Chủ trì",
			Blank: "Chưa định", Options: f.Chairs}),
		newField(e, field{Kind: fieldSelect, ID: "m-people", Name: "people", Key: "invited_people",
			Label: "Mời đích danh (lịch của người được mời có hội nghị)", Multiple: true, Size: 6,
			Options: marked(f.Everyone, f.People)}),
		newField(e, field{Kind: fieldSelect, ID: "m-orgs", Name: "orgs", Key: "invited_orgs", Label: "Mời cơ quan cử người dự",
			Multiple: true, Size: 6, OrgPicker: true, Options: marked(f.AllOrgs, f.InvOrgs)}),
		newField(e, field{Kind: fieldTextarea, ID: "m-attendees", Name: "attendees", Label: "Thành phần khác (mỗi dòng một thành phần)",
			Rows: 3, Value: f.Attendees}),
		newField(e, field{Kind: fieldSelect, ID: "m-program", Name: "program", Key: "program_id", Label: "Thuộc chương trình công tác",
			Blank: "Không thuộc chương trình nào", Options: f.Programs}),
		newField(e, field{ID: "m-note", Name: "note", Label: "Ghi chú", Value: f.Note}),
	}
}

// readMeetingForm reads a posted meeting form.
func readMeetingForm(r *http.Request) *meetingForm {
	r.ParseForm()
	get := func(k string) string { return strings.TrimSpace(r.PostFormValue(k)) }
	version, _ := strconv.Atoi(get("version"))
	return &meetingForm{Version: version, Org: get("org"), Program: get("program"), Kind: get("kind"),
		Title: r.PostFormValue("title"), Date: get("date"), Time: get("time"), Place: get("place"), Chair: get("chair"),
		Attendees: r.PostFormValue("attendees"), Recurrence: get("recurrence"), OffDays: get("off_days"), Note: get("note"),
		People: r.PostForm["people"], InvOrgs: r.PostForm["orgs"], Errors: map[string]string{}}
}

// marked returns opts with the options whose values are in chosen selected.
func marked(opts []option, chosen []string) []option {
	out := make([]option, len(opts))
	for i, o := range opts {
		out[i] = option{Value: o.Value, Label: o.Label, Selected: slices.Contains(chosen, o.Value)}
	}
	return out
}

// optionID writes an optional ID as a select's value: "" for 0.
func optionID(id int64) string {
	if id == 0 {
		return ""
	}
	return strconv.FormatInt(id, 10)
}

// meetingFormOf returns the form of meeting m.
func meetingFormOf(m congtac.Meeting) *meetingForm {
	f := &meetingForm{Version: m.Version, Org: optionID(m.OrgID), Program: optionID(m.ProgramID), Kind: string(m.Kind),
		Title: m.Title, Date: m.Date.String(), Time: clockText(m.Start, m.Part), Place: m.Place, Chair: optionID(m.ChairID),
		Attendees: m.Attendees, OffDays: string(m.OffDays), Note: m.Note, Errors: map[string]string{}}
	for _, p := range m.InvitedPeople {
		f.People = append(f.People, optionID(p))
	}
	for _, o := range m.InvitedOrgs {
		f.InvOrgs = append(f.InvOrgs, optionID(o))
	}
	if m.Recurrence != nil {
		f.Recurrence = vn.LowerFirst(vn.FormatRecurrence(*m.Recurrence))
		if f.Recurrence == "" || !readsBack(*m.Recurrence, f.Recurrence) {
			f.Recurrence = m.Recurrence.String()
		}
	}
	return f
}

// readsBack reports whether the phrase reads back as rule r.
func readsBack(r congtac.Recurrence, phrase string) bool {
	var p congtac.Problems
	got, _ := meetingRecurrence(&p, phrase, r.Start)
	return got != nil && got.String() == r.String()
}

// meeting returns the meeting the form describes, EINVALID naming each field that cannot be
// read.
func (f *meetingForm) meeting() (congtac.Meeting, error) {
	var p congtac.Problems
	m := congtac.Meeting{Kind: congtac.MeetingKind(f.Kind), Title: f.Title, Place: f.Place, Attendees: f.Attendees,
		OffDays: congtac.OffDayRule(f.OffDays), Note: f.Note}
	m.OrgID = formID(&p, "org_id", f.Org)
	m.ProgramID = formID(&p, "program_id", f.Program)
	m.ChairID = formID(&p, "chair_id", f.Chair)
	m.InvitedPeople, m.InvitedOrgs = []int64{}, []int64{}
	for _, v := range f.People {
		m.InvitedPeople = append(m.InvitedPeople, formID(&p, "invited_people", v))
	}
	for _, v := range f.InvOrgs {
		m.InvitedOrgs = append(m.InvitedOrgs, formID(&p, "invited_orgs", v))
	}
	m.Date = bodyRequiredDate(&p, "date", f.Date)
	m.Start, m.Part = meetingTime(&p, f.Time, "")
	var part congtac.DayPart
	if m.Recurrence, part = meetingRecurrence(&p, f.Recurrence, m.Date); m.Part == "" {
		m.Part = part
	}
	return m, p.Err()
}

// update returns the change the form makes to a meeting: every field but the status.
func (f *meetingForm) update() (congtac.MeetingUpdate, error) {
	m, err := f.meeting()
	return congtac.MeetingUpdate{ProgramID: &m.ProgramID, Kind: &m.Kind, Title: &m.Title, Date: &m.Date,
		Start: &m.Start, Part: &m.Part, Place: &m.Place, ChairID: &m.ChairID, Attendees: &m.Attendees,
		Recurrence: &m.Recurrence, OffDays: &m.OffDays, Note: &m.Note, InvitedPeople: &m.InvitedPeople, InvitedOrgs: &m.InvitedOrgs}, err
}

// describe returns the form's values as the conflict page shows them.
func (f *meetingForm) describe() []fieldText {
	return []fieldText{{"Loại", congtac.MeetingKind(f.Kind).Label()}, {"Tên hội nghị", f.Title}, {"Ngày họp", f.Date},
		{"Giờ hoặc buổi", f.Time}, {"Họp định kỳ", f.Recurrence}, {"Vào ngày nghỉ", congtac.OffDayRule(f.OffDays).Label()}, {"Địa điểm", f.Place},
		{"Chủ trì", optionLabel(f.Chairs, f.Chair)}, {"Mời đích danh", optionLabels(f.Everyone, f.People)},
		{"Mời cơ quan", optionLabels(f.AllOrgs, f.InvOrgs)}, {"Thành phần khác", f.Attendees},
		{"Chương trình", optionLabel(f.Programs, f.Program)}, {"Ghi chú", f.Note}}
}

// optionLabel returns the label of the option of value v, or v.
func optionLabel(opts []option, v string) string {
	for _, o := range opts {
		if o.Value == v {
			return o.Label
		}
	}
	return v
}

// optionLabels returns the labels of the options of values vs, joined.
func optionLabels(opts []option, vs []string) string {
	var out []string
	for _, v := range vs {
		out = append(out, optionLabel(opts, v))
	}
	return strings.Join(out, "; ")
}

// setErrors spreads an EINVALID error over the form's fields.
func (f *meetingForm) setErrors(err error) {
	f.Errors, f.General = splitFieldErrors(err, meetingFields)
	if msg, ok := f.Errors["part"]; ok && f.Errors["start"] == "" {
		f.Errors["start"] = msg
	}
}

// meetingChoices fills the form's committees (those within the actor's ManageMeetings
// reach), the programs of its committee and the committee's leaders.
func (s *Server) meetingChoices(ctx context.Context, a congtac.Actor, f *meetingForm, orgs orgIndex) error {
	today := s.today()
	committees := orgs.Tree(today, func(o congtac.Org) bool {
		return o.Kind == congtac.OrgCommittee && orgs.Can(a, congtac.ManageMeetings, o.ID)
	})
	if f.Org == "" {
		f.Org = optionID(orgs.CommitteeOf(a.OrgID))
	}
	f.Orgs = orgOptions(committees, f.Org)
	org, _ := strconv.ParseInt(f.Org, 10, 64)
	if _, known := orgs.Org(org); known && !slices.ContainsFunc(f.Orgs, func(o option) bool { return o.Selected }) {
		f.Orgs = append(f.Orgs, option{Value: f.Org, Label: orgs.Name(org), Selected: true}) // not active today
	}
	ps, _, err := s.st.FindPrograms(ctx, visiblePrograms(a, congtac.ProgramFilter{OrgID: &org, Limit: 24}))
	if err != nil {
		return err
	}
	f.Programs = nil
	for _, p := range ps {
		v := optionID(p.ID)
		f.Programs = append(f.Programs, option{Value: v, Label: vn.Capitalize(p.Title) + " (" + p.Status.Label() + ")",
			Selected: v == f.Program})
	}
	if f.Chairs, err = s.leaderOptions(ctx, org, f.Chair); err != nil {
		return err
	}
	people, err := s.st.FindPeople(ctx, congtac.PersonFilter{})
	if err != nil {
		return err
	}
	vn.SortPeopleFunc(people, func(p congtac.Person) string { return p.FullName })
	f.Everyone = make([]option, 0, len(people))
	for _, p := range people {
		f.Everyone = append(f.Everyone, option{Value: optionID(p.ID), Label: p.FullName + " (" + orgs.Name(p.OrgID) + ")"})
	}
	f.AllOrgs = orgOptions(orgs.Tree(today, func(congtac.Org) bool { return true }), "")
	return nil
}

// leaderOptions returns the people holding a leader's post in org today, else everyone
// working in it, in Vietnamese order, chosen marked.
func (s *Server) leaderOptions(ctx context.Context, org int64, chosen string) ([]option, error) {
	today := s.today()
	posts, err := s.st.FindPosts(ctx, congtac.PostFilter{OrgID: &org, HeldOn: &today,
		Kinds: []congtac.PostKind{congtac.PostChairman, congtac.PostViceChairman}})
	if err != nil {
		return nil, err
	}
	ids := make([]int64, len(posts))
	for i, p := range posts {
		ids[i] = p.PersonID
	}
	people, err := s.st.FindPeople(ctx, congtac.PersonFilter{IDs: ids})
	if err == nil && len(people) == 0 {
		people, err = s.st.FindPeople(ctx, congtac.PersonFilter{OrgID: &org})
	}
	if err != nil {
		return nil, err
	}
	vn.SortPeopleFunc(people, func(p congtac.Person) string { return p.FullName })
	out := make([]option, 0, len(people))
	for _, p := range people {
		v := optionID(p.ID)
		out = append(out, option{Value: v, Label: p.FullName, Selected: v == chosen})
	}
	return out, nil
}

// meetingEditPage is the data of meeting_edit.html: a new meeting, or one being changed with
// its agenda, its status and, for a series, its sittings.
type meetingEditPage struct {
	layout
	ID       int64 // 0 for a new meeting
	Overrun  string
	Form     *meetingForm
	Back     string
	Agenda   []*agendaForm
	NewItem  *agendaForm
	Status   *statusForm
	Sittings *sittingForm
}

func (meetingEditPage) template() string { return "meeting_edit" }

// meetingHref is the page of meeting id.
func meetingHref(id int64) string { return fmt.Sprintf("/meetings/%d", id) }
