package importer

import (
	"fmt"
	"slices"
	"strings"

	"congtac"
	"congtac/vn"
)

// Choices are what the user decided when reviewing an import. The zero value takes every
// name's match ([OrgName]) and nothing else.
type Choices struct {
	// Orgs maps an org name as written (folded alike: [vn.Fold]) to the org it stands for,
	// overriding its match; a negative ID is one of NewOrgs, 0 leaves the name unassigned.
	Orgs map[string]int64
	// NewOrgs are the orgs to create, each with a temporary negative ID.
	NewOrgs []congtac.Org
	// Leads maps a task's index in [Result.Tasks] to its lead, overriding its name's.
	Leads map[int]int64
	// Skip holds the indexes of the tasks not to keep.
	Skip map[int]bool
}

// Start returns the first day of what the document covers: its period, its week or its
// year; day when it gives none. The orgs an import creates are valid from it, so that
// they may lead the document's tasks.
func (r *Result) Start(day congtac.Date) congtac.Date {
	switch {
	case r.Masthead.Period.Kind != "":
		return r.Masthead.Period.Start()
	case r.Schedule.Week.Kind != "":
		return r.Schedule.Week.Start()
	case r.Masthead.Year > 0:
		return congtac.MustDate(r.Masthead.Year, 1, 1)
	}
	return day
}

// CreatingUnknown returns choices that create each org name without a match as a new
// department of the committee, valid from the document's start ([Result.Start]).
func (r *Result) CreatingUnknown(committee int64, day congtac.Date) Choices {
	day = r.Start(day)
	c := Choices{Orgs: map[string]int64{}}
	for _, o := range r.Orgs {
		if o.Matched {
			continue
		}
		id := -int64(len(c.NewOrgs) + 1)
		c.NewOrgs = append(c.NewOrgs, congtac.Org{ID: id, ParentID: committee, Kind: congtac.OrgDepartment,
			Name: o.Name, ValidFrom: day})
		c.Orgs[vn.Fold(o.Name)] = id
	}
	return c
}

// orgOf returns the org the user chose for a name, or the name's match.
func (c Choices) orgOf(r *Result, name string) int64 {
	if name == "" {
		return 0
	}
	if id, ok := c.Orgs[vn.Fold(name)]; ok {
		return id
	}
	return r.OrgOf(name)
}

// Draft returns what saving the import writes ([congtac.Import]): for a program, a draft
// program of the committee with its items, its tasks and the meetings
// it announces; for a schedule, the committee's calendar entries. A task whose lead is
// still unknown is left out, and so is a deadline outside the program's periods (the
// task keeps the phrase as a vague deadline); each is a problem at its line. The error,
// EINVALID, says why nothing can be saved: a program whose period the document does not
// give.
func (r *Result) Draft(committee int64, leaders []Leader, c Choices) (congtac.Import, []Problem, error) {
	imp := congtac.Import{Orgs: c.NewOrgs}
	if r.Kind == KindSchedule {
		imp.Engagements = r.engagements(committee, leaders, c)
		return imp, nil, nil
	}
	if r.Masthead.Period.Kind == "" {
		return imp, nil, congtac.Errorf(congtac.EINVALID,
			"Chưa biết chương trình của kỳ nào: trích yếu không ghi kỳ (tháng, quý, năm); hãy chọn kỳ trước khi lưu.")
	}
	p := &congtac.Program{OrgID: committee, Period: r.Masthead.Period, Also: r.Masthead.Also,
		Title: r.Masthead.Summary.Text, Place: r.Masthead.Place.Text, Signature: r.Closing.Signature,
		Recipients: r.Closing.Recipients, Items: slices.Clone(r.Items)}
	if p.Title == "" {
		p.Title = "Chương trình công tác " + p.Period.String()
	}
	var problems []Problem
	p.Tasks, problems = r.tasks(p, c)
	imp.Program = p
	var skipped []Problem
	imp.Meetings, skipped = r.meetings(committee, p.Horizon(), c)
	return imp, append(problems, skipped...), nil
}

// tasks returns the tasks of the program as chosen, and the problems of those left out.
func (r *Result) tasks(p *congtac.Program, c Choices) ([]congtac.Task, []Problem) {
	var out []congtac.Task
	var problems []Problem
	for i, d := range r.Tasks {
		if c.Skip[i] {
			continue
		}
		lead, chosen := c.Leads[i]
		if !chosen {
			lead = c.orgOf(r, d.Lead)
		}
		if lead == 0 {
			problems = append(problems, Problem{d.Line, fmt.Sprintf("Nhiệm vụ “%s” chưa có cơ quan chủ trì nên không được lưu.", excerptOf(d.Text))})
			continue
		}
		t := congtac.Task{ItemID: d.ItemID, Text: d.Text, Sector: d.Sector, Lead: lead, Due: d.Due,
			Recurrence: d.Recurrence, Target: d.Target, Source: d.Source, Print: congtac.TaskPrint{Mode: congtac.PrintNone}}
		for _, s := range d.Support {
			if id := c.orgOf(r, s); id != 0 && id != lead && !slices.ContainsFunc(t.Support, func(x congtac.Support) bool { return x.OrgID == id }) {
				t.Support = append(t.Support, congtac.Support{OrgID: id})
			}
		}
		if t.Recurrence != nil && t.Recurrence.Count == 0 && t.Recurrence.Until.IsZero() {
			rec := *t.Recurrence
			rec.Until = p.Horizon()
			t.Recurrence = &rec
		}
		if err := t.CheckIn(*p); err != nil {
			problems = append(problems, Problem{d.Line, congtac.ErrorMessage(err) + " Thời hạn được giữ như văn bản ghi, không tính ngày."})
			t.Due = congtac.Due{Text: t.Due.Text}
		}
		if err := t.Validate(); err != nil { // one task the store would refuse never stops the others
			problems = append(problems, Problem{d.Line, fmt.Sprintf("Nhiệm vụ “%s” không lưu được: %s", excerptOf(d.Text), congtac.ErrorMessage(err))})
			continue
		}
		out = append(out, t)
	}
	return out, problems
}

// meetings returns the meetings as chosen, held by the committee; a briefing's series
// ends with the program's horizon, as the next program announces its own. A meeting the
// store would refuse (no day) is left out, a problem at its line.
func (r *Result) meetings(committee int64, horizon congtac.Date, c Choices) ([]congtac.Meeting, []Problem) {
	var out []congtac.Meeting
	var problems []Problem
	for _, d := range r.Meetings {
		m := d.Meeting
		m.OrgID = committee
		if m.Recurrence != nil && m.Recurrence.Count == 0 && m.Recurrence.Until.IsZero() {
			rec := *m.Recurrence
			rec.Until = horizon
			m.Recurrence = &rec
		}
		m.Agenda = nil
		for _, a := range d.Agenda {
			it := congtac.AgendaItem{Title: a.Title, Lead: c.orgOf(r, a.Lead)}
			for _, s := range a.Support {
				if id := c.orgOf(r, s); id != 0 && id != it.Lead && !slices.Contains(it.Support, id) {
					it.Support = append(it.Support, id)
				}
			}
			m.Agenda = append(m.Agenda, it)
		}
		if err := validMeeting(m); err != nil {
			problems = append(problems, Problem{d.Line, fmt.Sprintf("Hội nghị “%s” không lưu được: %s", m.Title, congtac.ErrorMessage(err))})
			continue
		}
		out = append(out, m)
	}
	return out, problems
}

// validMeeting checks a meeting and its agenda as the store will, a meeting without a
// status taken as planned.
func validMeeting(m congtac.Meeting) error {
	if m.Status == "" {
		m.Status = congtac.MeetingPlanned
	}
	if err := m.Validate(); err != nil {
		return err
	}
	for _, it := range m.Agenda {
		if err := it.Validate(); err != nil {
			return err
		}
	}
	return nil
}

// engagements returns a schedule's entries on the committee's calendar: each entry once
// for every leader it names that leaders holds (by full name, or by a post the committee
// has one holder of), or once without a leader, the names kept among the participants.
func (r *Result) engagements(committee int64, leaders []Leader, c Choices) []congtac.Engagement {
	var out []congtac.Engagement
	for _, e := range r.Schedule.Entries {
		base := congtac.Engagement{OrgID: committee, Date: e.Date, Start: e.Start, Part: e.Part, Title: e.Title,
			Place: e.Place, Participants: e.Participants, PreparerID: c.orgOf(r, e.Preparer), Note: e.Note,
			Cancelled: e.Postponed}
		people, unknown := leadersOf(e.Leaders, leaders)
		if len(unknown) > 0 {
			base.Participants = strings.TrimSpace(strings.Join(unknown, ", ") + joinNonEmpty("; ", base.Participants))
		}
		if len(people) == 0 {
			out = append(out, base)
		}
		for _, id := range people {
			en := base
			en.PersonID = id
			out = append(out, en)
		}
	}
	return out
}

// leadersOf returns the people of leaders that names stand for, and the names that
// stand for none.
func leadersOf(names []string, leaders []Leader) (people []int64, unknown []string) {
	for _, n := range names {
		id := leaderOf(n, leaders)
		switch {
		case id == 0:
			unknown = append(unknown, n)
		case !slices.Contains(people, id):
			people = append(people, id)
		}
	}
	return people, unknown
}

// leaderOf returns the leader a name stands for: one whose full name it holds, or the one
// holder of the post it names ("Chủ tịch UBND xã", "PCT"); 0 when none or several.
func leaderOf(name string, leaders []Leader) int64 {
	n := " " + vn.Fold(name) + " "
	for _, l := range leaders {
		if l.FullName != "" && strings.Contains(n, " "+vn.Fold(l.FullName)+" ") {
			return l.PersonID
		}
	}
	post := congtac.PostChairman
	if strings.Contains(n, " pho chu tich ") || strings.Contains(n, " pct ") {
		post = congtac.PostViceChairman
	} else if !strings.Contains(n, " chu tich ") && !strings.Contains(n, " ct ") {
		return 0
	}
	var found int64
	for _, l := range leaders {
		if l.Post == post {
			if found != 0 {
				return 0
			}
			found = l.PersonID
		}
	}
	return found
}

// joinNonEmpty returns sep and s, or "" when s is empty.
func joinNonEmpty(sep, s string) string {
	if s == "" {
		return ""
	}
	return sep + s
}

// excerptOf returns the first words of a text, for a message.
func excerptOf(text string) string {
	words := strings.Fields(text)
	if len(words) <= 12 {
		return strings.Join(words, " ")
	}
	return strings.Join(words[:12], " ") + " …"
}
