package assemble

import (
	"cmp"
	"context"
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"

	"congtac"
	"congtac/export"
	"congtac/ics"
	"congtac/vn"
)

// MeetingEvents returns a meeting as calendar applications take it: one event, with its
// rule for a series, the sittings cancelled on their own as exceptions and each moved
// sitting as an event of its own that replaces its occurrence. A postponed or cancelled
// meeting is a cancelled event, its reason in the description; names the chair ([Source.namesWithChairs]).
func (s *Source) MeetingEvents(m congtac.Meeting, people map[int64]string) []ics.Event {
	uid := fmt.Sprintf("hoi-nghi-%d@congtac", m.ID)
	base := ics.Event{UID: uid, Summary: meetingSummary(m), Location: m.Place, Description: s.meetingDescription(m, people, ""),
		Date: m.Date, Rule: m.Recurrence, Sequence: m.Sequence,
		Cancelled: m.Status == congtac.MeetingPostponed || m.Status == congtac.MeetingCancelled}
	base.Start, base.End = span(m.Start, m.Part, m.Agenda)
	out := []ics.Event{base}
	for _, o := range m.Changed {
		if o.Cancelled {
			out[0].Except = append(out[0].Except, o.Of)
			continue
		}
		ev := base
		ev.Rule, ev.Except, ev.Occurrence, ev.SeriesStart, ev.Date = nil, nil, o.Of, base.Start, o.Date
		ev.Location = cmp.Or(o.Place, m.Place)
		ev.Start, ev.End = span(o.Start, o.Part, m.Agenda)
		ev.Description = s.meetingDescription(m, people, "Dời từ "+vn.ShortDate(o.Of)+". "+o.Note)
		out = append(out, ev)
	}
	return out
}

// meetingSummary is the title of a meeting's event, marked when it will not take place.
func meetingSummary(m congtac.Meeting) string {
	switch m.Status {
	case congtac.MeetingPostponed:
		return "HOÃN: " + m.Title
	case congtac.MeetingCancelled:
		return "HỦY: " + m.Title
	}
	return m.Title
}

// meetingDescription writes who chairs, who attends and the agenda of m, then note and
// the meeting's own note.
func (s *Source) meetingDescription(m congtac.Meeting, people map[int64]string, note string) string {
	var lines []string
	if chair := people[m.ChairID]; chair != "" {
		lines = append(lines, "Chủ trì: đồng chí "+chair+".")
	}
	attendees := s.invitedNames(m, people)
	if m.Attendees != "" {
		attendees = append(attendees, m.Attendees)
	}
	if len(attendees) > 0 {
		lines = append(lines, "Thành phần: "+strings.Join(attendees, "; "))
	}
	if agenda := export.AgendaLines(m.Agenda, s.names); len(agenda) > 0 {
		lines = append(lines, "Nội dung:")
		lines = append(lines, agenda...)
	}
	for _, n := range []string{strings.TrimSpace(note), m.Note} {
		if n != "" {
			lines = append(lines, n)
		}
	}
	return strings.Join(lines, "\n")
}

// span returns when a sitting starts and ends: from its time, or from the usual hour of its
// part of the day, for as long as its agenda takes, or else to the end of that half day
// (11:30, 17:00, 21:00), at least an hour; NoTime for a whole day.
func span(start congtac.ClockTime, part congtac.DayPart, agenda []congtac.AgendaItem) (congtac.ClockTime, congtac.ClockTime) {
	from := congtac.ClockTime(start.Order(part))
	if from < 0 {
		return congtac.NoTime, congtac.NoTime
	}
	minutes := 0
	for _, it := range agenda {
		minutes += it.Minutes
	}
	if minutes > 0 {
		return from, min(from+congtac.ClockTime(minutes), congtac.At(23, 59))
	}
	return from, max(from.PartEnd(part), min(from+60, congtac.At(23, 59)))
}

// MeetingICS writes meeting id as an iCalendar file, stamped with the store's clock.
func (s *Source) MeetingICS(ctx context.Context, id int64, w io.Writer) error {
	m, err := s.st.FindMeetingByID(ctx, id)
	if err != nil {
		return err
	}
	people, err := s.namesWithChairs(ctx, m)
	if err != nil {
		return err
	}
	st, err := s.settingsOf(ctx, m.OrgID)
	if err != nil {
		return err
	}
	m = m.WithDaysOff(m.Date, m.Date.AddDays(FeedDaysAhead), st)
	cal := ics.New(m.Title)
	stamp := s.st.Clock()()
	for _, ev := range s.MeetingEvents(m, people) {
		cal.Add(ev, stamp)
	}
	return cal.Write(w)
}

// FeedWindow is how far back and ahead a feed reaches from today: calendar applications
// keep what they read before, so the past needs little; the year ahead needs all.
const (
	FeedDaysBack  = 62
	FeedDaysAhead = 400
)

// FeedICS writes calendar feed f as of today: the meetings and the entries made by hand of
// its leader, org or committee, within reach (what the feed's owner may see). Entries
// generated from meetings are left out: the meetings stand for them, series whole with
// their exceptions.
func (s *Source) FeedICS(ctx context.Context, f congtac.Feed, reach *congtac.Reach, today congtac.Date, w io.Writer) error {
	from, to := today.AddDays(-FeedDaysBack), today.AddDays(FeedDaysAhead)
	mf := congtac.MeetingFilter{From: &from, To: &to, Reach: reach}
	ef := congtac.EngagementFilter{From: &from, To: &to, ByHand: true, Reach: reach}
	switch f.Kind {
	case congtac.FeedPerson:
		mf.Person, ef.PersonID = &f.SubjectID, &f.SubjectID
	case congtac.FeedOrg:
		mf.Involves, ef.PreparerID = &f.SubjectID, &f.SubjectID
	default:
		mf.OrgID, ef.OrgID = &f.SubjectID, &f.SubjectID
	}
	meetings, err := s.st.FindMeetings(ctx, mf)
	if err != nil {
		return err
	}
	entries, err := s.st.FindEngagements(ctx, ef)
	if err != nil {
		return err
	}
	people, err := s.namesWithChairs(ctx, meetings...)
	if err != nil {
		return err
	}
	cal := ics.New(f.Name)
	stamp := s.st.Clock()()
	for _, m := range meetings {
		st, err := s.settingsOf(ctx, m.OrgID)
		if err != nil {
			return err
		}
		for _, ev := range s.MeetingEvents(m.WithDaysOff(from, to, st), people) {
			cal.Add(ev, stamp)
		}
	}
	for _, e := range entries {
		cal.Add(s.engagementEvent(e), stamp)
	}
	return cal.Write(w)
}

// engagementEvent returns a calendar entry as an event: who of the leaders goes, where,
// who attends and prepares.
func (s *Source) engagementEvent(e congtac.Engagement) ics.Event {
	var lines []string
	if p := s.people[e.PersonID]; p != "" {
		lines = append(lines, "Lãnh đạo: đồng chí "+p+".")
	}
	if e.Participants != "" {
		lines = append(lines, "Thành phần: "+e.Participants)
	}
	if o := s.names[e.PreparerID]; o != "" {
		lines = append(lines, "Chuẩn bị: "+o+".")
	}
	ev := ics.Event{UID: fmt.Sprintf("lich-%d@congtac", e.ID), Summary: e.Title, Location: e.Place,
		Description: strings.Join(lines, "\n"), Date: e.Date, Cancelled: e.Cancelled, Sequence: e.Version - 1}
	ev.Start, ev.End = span(e.Start, e.Part, nil)
	return ev
}

// namesWithChairs returns the people's names, each chair of ms and each person invited by
// name named with the post held on the day of the first of ms concerned ("Nguyễn Văn Giang,
// Chủ tịch UBND huyện Lục Ngạn"), as invitations, notices and programs write them. The
// posts of each person are read once.
func (s *Source) namesWithChairs(ctx context.Context, ms ...congtac.Meeting) (map[int64]string, error) {
	out, done, cloned := s.people, map[int64]bool{}, false
	for _, m := range ms {
		for _, person := range append([]int64{m.ChairID}, m.InvitedPeople...) {
			name := s.people[person]
			if name == "" || done[person] {
				continue
			}
			done[person] = true
			post, ok, err := s.postAt(ctx, person, m)
			if err != nil {
				return nil, err
			}
			if !ok {
				continue
			}
			if !cloned { // s.people stays as it is for everything else
				out, cloned = maps.Clone(s.people), true
			}
			out[person] = name + ", " + post
		}
	}
	return out, nil
}

// postAt returns the post, styled, that person is named by at meeting m: of the posts
// they hold on its day, the one [congtac.ChairPost] picks ("Chủ tịch UBND huyện Lục
// Ngạn"); false when they hold none.
func (s *Source) postAt(ctx context.Context, person int64, m congtac.Meeting) (string, bool, error) {
	posts, err := s.st.FindPosts(ctx, congtac.PostFilter{PersonID: &person})
	if err != nil {
		return "", false, err
	}
	posts = slices.DeleteFunc(posts, func(p congtac.Post) bool { return !p.Active(m.Date) })
	p, ok := congtac.ChairPost(posts, m.OrgID)
	if !ok {
		return "", false, nil
	}
	return p.Styled(s.orgs[p.OrgID]), true, nil
}

// chairNamed returns who chairs m as an invitation names them, the post before the name:
// "Chủ tịch UBND huyện Lục Ngạn Nguyễn Văn Giang"; "đồng chí <name>" when they hold no
// post that day; "" when m has no chair.
func (s *Source) chairNamed(ctx context.Context, m congtac.Meeting) (string, error) {
	name := s.people[m.ChairID]
	if name == "" {
		return "", nil
	}
	post, ok, err := s.postAt(ctx, m.ChairID, m)
	if err != nil || !ok {
		return "đồng chí " + name, err
	}
	return post + " " + name, nil
}

// invitedNames returns who is invited to m by name: "đồng chí <name>" for each person,
// "đại diện lãnh đạo <org>" for each org.
func (s *Source) invitedNames(m congtac.Meeting, people map[int64]string) []string {
	var out []string
	for _, p := range m.InvitedPeople {
		if n := people[p]; n != "" {
			out = append(out, "đồng chí "+n)
		}
	}
	for _, o := range m.InvitedOrgs {
		if n := s.names[o]; n != "" {
			out = append(out, "đại diện lãnh đạo "+n)
		}
	}
	return out
}
