package web

import (
	"cmp"
	"context"
	"fmt"
	"net/http"
	"slices"
	"strings"

	"congtac"
	"congtac/vn"
)

// meetingRow is one day a meeting is held, as lists show it.
type meetingRow struct {
	Href      string
	Day       string // "Thứ Năm, 19/11/2026"
	Time      string // "14 giờ 00" or "Chiều"
	Kind      string
	Title     string
	Place     string
	Chair     string
	Status    statusView
	Recurring bool
	date      congtac.Date
	minute    int
}

// meetingRows returns the meetings f selects, one row per day each is held between f.From
// and f.To (a recurring meeting, such as the weekly briefing, on each day of its rule), by
// day and time. f must bound both ends.
func (s *Server) meetingRows(ctx context.Context, f congtac.MeetingFilter, orgs orgIndex) ([]meetingRow, error) {
	ms, err := s.st.FindMeetings(ctx, f)
	if err != nil {
		return nil, fmt.Errorf("web: meetings: %w", err)
	}
	chairs := make([]int64, len(ms))
	for i, m := range ms {
		chairs[i] = m.ChairID
	}
	names, err := s.personNames(ctx, chairs...)
	if err != nil {
		return nil, err
	}
	settings := map[int64]congtac.Settings{}
	var rows []meetingRow
	for _, m := range ms {
		st, ok := settings[m.OrgID]
		if !ok && m.Recurrence != nil {
			if st, err = s.settingsOf(ctx, m.OrgID); err != nil {
				return nil, err
			}
			settings[m.OrgID] = st
		}
		m = m.WithDaysOff(*f.From, *f.To, st)
		for _, o := range m.Sittings(*f.From, *f.To) {
			row := meetingRow{Href: fmt.Sprintf("/meetings/%d", m.ID), Day: dayText(o.Date),
				Time: clockText(o.Start, o.Part), Kind: m.Kind.Label(), Title: m.Title, Place: cmp.Or(o.Place, m.Place),
				Chair: names[m.ChairID], Status: statusView{string(m.Status), m.Status.Label()},
				Recurring: m.Recurrence != nil, date: o.Date, minute: o.Start.Order(o.Part)}
			if o.Cancelled {
				row.Status = statusView{string(congtac.MeetingCancelled), "Hủy buổi này"}
			}
			rows = append(rows, row)
		}
	}
	slices.SortStableFunc(rows, func(a, b meetingRow) int {
		return cmp.Or(a.date.Compare(b.date), cmp.Compare(a.minute, b.minute))
	})
	return rows, nil
}

// meetingListPage is the data of meetings.html.
type meetingListPage struct {
	layout
	Month      string // "tháng 11 năm 2026", for sentences
	MonthTitle string // "Tháng 11 năm 2026", standing alone
	MonthKey   string // "2026-11", the value of the month field
	Prev, Next string
	Error      string
	Rows       []meetingRow
	New        bool // the user may create meetings
}

func (meetingListPage) template() string { return "meetings" }

// MonthField returns the field of the month shown, as asked, with its message.
func (p meetingListPage) MonthField() field {
	return field{ID: "f-month", Name: "month", Label: "Tháng (năm-tháng)", Type: "month", Value: p.MonthKey, Error: p.Error}
}

// handleMeetingList lists the meetings of a month (query month=2026-11, by default this
// month) within the actor's ViewMeetings reach, the recurring briefing on each of its days.
// A month that cannot be read re-renders the form with 422.
func (s *Server) handleMeetingList(w http.ResponseWriter, r *http.Request) {
	ctx, a := r.Context(), actorOf(r)
	month := congtac.PeriodOf(congtac.PeriodMonth, s.today())
	page := meetingListPage{layout: s.layout(r, "Hội nghị, cuộc họp"), New: a.Can(congtac.ManageMeetings)}
	if v := strings.TrimSpace(r.URL.Query().Get("month")); v != "" {
		p, err := congtac.ParsePeriodKey(v)
		if err != nil || p.Kind != congtac.PeriodMonth {
			page.MonthKey, page.Error = v, fmt.Sprintf("Tháng %q không đúng dạng năm-tháng (ví dụ 2026-11).", v)
			s.render(w, r, http.StatusUnprocessableEntity, page)
			return
		}
		month = p
	}
	orgs, err := s.loadOrgs(ctx)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	f := congtac.MeetingFilter{From: new(month.Start()), To: new(month.End()), Reach: a.Reach(congtac.ViewMeetings)}
	if page.Rows, err = s.meetingRows(ctx, f, orgs); err != nil {
		s.fail(w, r, err)
		return
	}
	page.Month, page.MonthTitle, page.MonthKey = month.String(), vn.Capitalize(month.String()), month.Key()
	page.Prev, page.Next = "/meetings?month="+month.Prev().Key(), "/meetings?month="+month.Next().Key()
	s.render(w, r, http.StatusOK, page)
}

// meetingPage is the data of meeting.html.
type meetingPage struct {
	layout
	Kind, Place, Chair, Attendees, Note string
	Invited                             []string // invited by name: people, then orgs
	When                                string   // "14 giờ 00, hằng tuần vào thứ Năm, từ ngày 4/12/2025"
	Status                              statusView
	Upcoming                            []string // the next days a recurring meeting is held
	Program                             string   // the program that announces it
	ProgramHref                         string   // "" when there is none or it may not be read
	FilesHref                           string   // "/meetings/5/files/": invitation and conclusions
	Agenda                              []agendaRow
	EditHref                            string     // the forms, for those who manage meetings
	Overrun                             string     // the warning when the agenda takes longer than the sitting
	Issue                               []issueRow // the invitation and the notice, for those who issue documents
}

// issueRow is a document a meeting issues: its number once issued, else a button.
type issueRow struct {
	Type, Label, Code, Action string
}

func (meetingPage) template() string { return "meeting" }

// agendaRow is an agenda item: what is put to the meeting and who prepares it.
type agendaRow struct {
	Number       int
	Title        string
	Lead         string
	Support      []string
	Presenter    string
	Minutes      string // "45 phút"; "" when not planned
	MaterialsDue string // "Thứ Sáu, 13/11/2026"
	Materials    string
	Conclusion   string
	Files        []materialRow
	Upload       string     // where the preparing org or the office attaches a file; "" for others
	Tasks        []taskLink // the tasks its conclusion gave
}

// taskLink is a task given by a conclusion, as the meeting lists it.
type taskLink struct {
	Text, Href, Lead, Due string
	Home                  string // where it is tracked: a program, or the notice of conclusions
}

// taskHomes names, by program ID, where the tasks of a meeting's conclusions are tracked:
// the program's title, or the notice of conclusions (while a draft: issued with the notice).
func (s *Server) taskHomes(ctx context.Context, tasks map[int64][]congtac.Task) (map[int64]string, error) {
	out := map[int64]string{}
	for _, ts := range tasks {
		for _, t := range ts {
			if _, ok := out[t.ProgramID]; ok {
				continue
			}
			ps, _, err := s.st.FindPrograms(ctx, congtac.ProgramFilter{ID: &t.ProgramID, Limit: 1})
			if err != nil {
				return nil, err
			}
			if len(ps) == 0 {
				continue
			}
			switch p := ps[0]; {
			case p.MeetingID == 0:
				out[t.ProgramID] = vn.Capitalize(p.Title)
			case p.Status == congtac.ProgramIssued:
				out[t.ProgramID] = "Theo thông báo kết luận số " + congtac.FormatNumber(p.Number, p.Symbol)
			default:
				out[t.ProgramID] = "Theo dõi riêng, ban hành cùng thông báo kết luận"
			}
		}
	}
	return out, nil
}

// materialRow is a file attached to an agenda item.
type materialRow struct {
	Name, Href, Size, Org, Delete string // Delete: "" when the reader may not remove it
}

// handleMeetingShow shows a meeting with its agenda: preparing orgs, presenter, duration and
// the day materials are due. A meeting that does not exist or outside the actor's
// ViewMeetings reach is 404.
func (s *Server) handleMeetingShow(w http.ResponseWriter, r *http.Request) {
	ctx, a := r.Context(), actorOf(r)
	id, ok := pathID(r, "id")
	if !ok {
		s.fail(w, r, notFoundFor("hội nghị"))
		return
	}
	m, err := s.findVisibleMeeting(ctx, a, id)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	orgs, err := s.loadOrgs(ctx)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	people := append([]int64{m.ChairID}, m.InvitedPeople...)
	for _, it := range m.Agenda {
		people = append(people, it.PresenterID)
	}
	names, err := s.personNames(ctx, people...)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	st, err := s.settingsOf(ctx, m.OrgID)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	page := s.newMeetingPage(r, m, orgs, names, st)
	if page.Program, page.ProgramHref, err = s.programLink(ctx, a, m.ProgramID); err != nil {
		s.fail(w, r, err)
		return
	}
	if err := s.addMaterials(ctx, a, m, orgs, page.Agenda); err != nil {
		s.fail(w, r, err)
		return
	}
	if page.Chair, err = s.chairText(ctx, m, orgs, page.Chair); err != nil {
		s.fail(w, r, err)
		return
	}
	tasks, err := s.st.FindConclusionTasks(ctx, m.ID)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	homes, err := s.taskHomes(ctx, tasks)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	for i, it := range m.Agenda {
		for _, t := range tasks[it.ID] {
			l := taskLink{Text: t.Text, Lead: orgs.Name(t.Lead), Due: t.Due.String(), Home: homes[t.ProgramID]}
			if orgs.CanOnTask(a, congtac.ViewTasks, t) {
				l.Href = fmt.Sprintf("/tasks/%d", t.ID)
			}
			page.Agenda[i].Tasks = append(page.Agenda[i].Tasks, l)
		}
	}
	if orgs.Can(a, congtac.ManageMeetings, m.OrgID) {
		page.EditHref = meetingHref(m.ID) + "/edit"
	}
	if orgs.Can(a, congtac.IssueDocuments, m.OrgID) {
		if page.Issue, err = s.issueRows(ctx, m); err != nil {
			s.fail(w, r, err)
			return
		}
	}
	s.render(w, r, http.StatusOK, page)
}

// newMeetingPage returns the page of meeting m; st, the holding committee's settings, flags
// the sittings that fall on a day off.
func (s *Server) newMeetingPage(r *http.Request, m congtac.Meeting, orgs orgIndex, names map[int64]string, st congtac.Settings) meetingPage {
	var invited []string
	for _, p := range m.InvitedPeople {
		invited = append(invited, names[p])
	}
	for _, o := range m.InvitedOrgs {
		invited = append(invited, "Đại diện lãnh đạo "+orgs.Name(o))
	}
	page := meetingPage{layout: s.layout(r, m.Title), Overrun: overrunText(m), Invited: invited, Kind: m.Kind.Label(), When: clockText(m.Start, m.Part) + ", " +
		dayText(m.Date), Place: m.Place, Chair: names[m.ChairID], Attendees: m.Attendees, Note: m.Note,
		Status: statusView{string(m.Status), m.Status.Label()}, FilesHref: fmt.Sprintf("/meetings/%d/files/", m.ID)}
	if m.Recurrence != nil {
		page.When = fmt.Sprintf("%s, %s, từ ngày %s", clockText(m.Start, m.Part),
			vn.LowerFirst(vn.FormatRecurrence(*m.Recurrence)), vn.ShortDate(m.Date))
		today := s.today()
		m := m.WithDaysOff(today, today.AddDays(35), st)
		for _, o := range m.Sittings(today, today.AddDays(35)) {
			text := dayText(o.Date)
			switch {
			case o.Cancelled:
				text += " (hủy: " + o.Note + ")"
			case o.Moved(m):
				text = clockText(o.Start, o.Part) + ", " + text + " (dời từ " + vn.ShortDate(o.Of) + ")"
			}
			if off := st.DayOff(o.Date); off != "" && off != "Làm việc bù" && !o.Cancelled {
				text += " — ngày nghỉ (" + off + "): hãy dời hoặc hủy buổi này"
			}
			page.Upcoming = append(page.Upcoming, text)
		}
	}
	for i, it := range m.Agenda {
		row := agendaRow{Number: i + 1, Title: it.Title, Lead: orgs.Name(it.Lead), Support: orgs.Names(it.Support),
			Presenter: names[it.PresenterID], MaterialsDue: dayText(it.MaterialsDue), Materials: it.Materials,
			Conclusion: it.Conclusion}
		if it.Minutes > 0 {
			row.Minutes = fmt.Sprintf("%d phút", it.Minutes)
		}
		page.Agenda = append(page.Agenda, row)
	}
	return page
}

// issueRows returns the invitation and the notice of conclusions of m: the number of each
// one issued, or the form that issues it.
func (s *Server) issueRows(ctx context.Context, m congtac.Meeting) ([]issueRow, error) {
	docs, _, err := s.st.FindDocuments(ctx, congtac.DocumentFilter{MeetingID: &m.ID, Limit: 10})
	if err != nil {
		return nil, err
	}
	var out []issueRow
	for _, t := range []congtac.DocType{congtac.DocInvitation, congtac.DocNotice} {
		row := issueRow{Type: string(t), Label: t.Name(), Action: meetingHref(m.ID) + "/issue"}
		for _, d := range docs {
			if d.Type == t {
				row.Code = d.Code() + ", ngày " + vn.PaddedDate(d.IssuedOn)
			}
		}
		out = append(out, row)
	}
	return out, nil
}

// addMaterials lists on each agenda row of m its files, and where the reader may attach
// one: the office managing the meeting, or an org preparing the item.
func (s *Server) addMaterials(ctx context.Context, a congtac.Actor, m congtac.Meeting, orgs orgIndex, rows []agendaRow) error {
	files, err := s.st.FindMaterials(ctx, m.ID)
	if err != nil {
		return err
	}
	manage := orgs.Can(a, congtac.ManageMeetings, m.OrgID)
	for i, it := range m.Agenda {
		prepare := manage || slices.ContainsFunc(append([]int64{it.Lead}, it.Support...), func(org int64) bool {
			return org != 0 && orgs.Can(a, congtac.WriteReports, org)
		})
		if prepare {
			rows[i].Upload = fmt.Sprintf("/agenda/%d/materials", it.ID)
		}
		for _, f := range files {
			if f.ItemID != it.ID {
				continue
			}
			row := materialRow{Name: f.Name, Href: fmt.Sprintf("/materials/%d", f.ID), Size: sizeText(f.Size), Org: orgs.Name(f.OrgID)}
			if manage || prepare && f.OrgID == a.OrgID {
				row.Delete = fmt.Sprintf("/materials/%d/delete", f.ID)
			}
			rows[i].Files = append(rows[i].Files, row)
		}
	}
	return nil
}

// sizeText writes a file's size as people read it: "850 KB", "2,4 MB".
func sizeText(n int) string {
	if n < 1<<20 {
		return fmt.Sprintf("%d KB", max(1, (n+512)>>10))
	}
	return strings.Replace(fmt.Sprintf("%.1f MB", float64(n)/(1<<20)), ".", ",", 1)
}

// chairText returns who chairs m as invitations name them: name, and the post held on the
// meeting's day ("Nguyễn Văn Giang, Chủ tịch UBND huyện Lục Ngạn").
func (s *Server) chairText(ctx context.Context, m congtac.Meeting, orgs orgIndex, name string) (string, error) {
	if name == "" {
		return "", nil
	}
	posts, err := s.st.FindPosts(ctx, congtac.PostFilter{PersonID: &m.ChairID, HeldOn: &m.Date})
	if err != nil {
		return "", err
	}
	p, ok := congtac.ChairPost(posts, m.OrgID)
	if !ok {
		return name, nil
	}
	o, _ := orgs.Org(p.OrgID)
	return name + ", " + p.Styled(o), nil
}

// overrunText returns the warning shown when m's agenda takes longer than its sitting, or "".
func overrunText(m congtac.Meeting) string {
	planned, available, over := m.AgendaOverrun()
	if !over {
		return ""
	}
	return fmt.Sprintf("Tổng thời lượng các nội dung trình là %d phút, quá thời gian của buổi họp (%d phút): "+
		"hãy rút bớt nội dung hoặc thời lượng, hoặc họp cả ngày.", planned, available)
}
