package export

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"congtac"
	"congtac/vn"
)

// MeetingLine is one meeting of a program's meetings part as the office writes it: the
// heading "I. Hội nghị …:", when and where and who chairs, then the agenda numbered 1, 2, 3
// with the orgs that prepare each matter.
type MeetingLine struct {
	Head, Rest string
	Agenda     []string
}

// MeetingLines returns the meetings part of a program, the meetings by day and time.
func MeetingLines(ms []congtac.Meeting, orgs, people map[int64]string) []MeetingLine {
	ms = slices.Clone(ms)
	slices.SortStableFunc(ms, func(a, b congtac.Meeting) int {
		return cmp.Or(a.Date.Compare(b.Date), cmp.Compare(a.Start, b.Start))
	})
	out := make([]MeetingLine, len(ms))
	for i, m := range ms {
		rest := meetingWhen(m)
		if place := oneLine(m.Place); place != "" {
			rest += ", tại " + place
		}
		if chair := oneLine(people[m.ChairID]); chair != "" {
			rest += "; đồng chí " + chair + " chủ trì"
		}
		if len(m.Agenda) > 0 {
			rest += "; dự kiến nội dung gồm:"
		} else {
			rest += "."
		}
		out[i] = MeetingLine{Head: congtac.Roman(i+1) + ". " + strings.TrimRight(oneLine(m.Title), ":") + ":", Rest: rest,
			Agenda: AgendaLines(m.Agenda, orgs)}
	}
	return out
}

// meetingParas returns the meetings part of a program as paragraphs ([MeetingLines]).
func meetingParas(ms []congtac.Meeting, orgs, people map[int64]string) []block {
	var out []block
	for _, l := range MeetingLines(ms, orgs, people) {
		p := bodyPara(strong(l.Head+" "), plain(l.Rest))
		p.keepNext = len(l.Agenda) > 0
		out = append(out, p)
		for _, a := range l.Agenda {
			out = append(out, bodyPara(plain(a)))
		}
	}
	return out
}

// meetingWhen returns when a meeting starts as invitations write it: "8 giờ 00, Thứ Sáu,
// ngày 17/4/2026", or "Buổi chiều, Thứ Năm, ngày 23/4/2026" without a time.
func meetingWhen(m congtac.Meeting) string {
	var parts []string
	switch {
	case m.Start != congtac.NoTime && m.Start.Valid():
		parts = append(parts, vn.FormatClock(m.Start))
	case m.Part == congtac.AllDay:
		parts = append(parts, "Cả ngày")
	case m.Part.Label() != "":
		parts = append(parts, "Buổi "+strings.ToLower(m.Part.Label()))
	}
	if !m.Date.IsZero() {
		parts = append(parts, vn.Weekday(m.Date.Weekday()), "ngày "+vn.ShortDate(m.Date))
	}
	return strings.Join(parts, ", ")
}

// AgendaLines returns a meeting's agenda numbered in order: "1. Báo cáo … (Sở Tài chính
// chủ trì, Sở Xây dựng phối hợp chuẩn bị)."
func AgendaLines(agenda []congtac.AgendaItem, orgs map[int64]string) []string {
	agenda = slices.Clone(agenda)
	slices.SortStableFunc(agenda, func(a, b congtac.AgendaItem) int {
		return cmp.Or(cmp.Compare(a.Position, b.Position), cmp.Compare(a.ID, b.ID))
	})
	out := make([]string, 0, len(agenda))
	for i, a := range agenda {
		line := fmt.Sprintf("%d. %s", i+1, strings.TrimRight(oneLine(a.Title), ". "))
		if prep := preparers(a, orgs); prep != "" {
			line += " (" + prep + ")"
		}
		out = append(out, line+".")
	}
	return out
}

// preparers returns who prepares an agenda item: "Sở Tài chính chuẩn bị", or "Sở Xây
// dựng chủ trì, Sở Tài chính, Ban QLDA phối hợp chuẩn bị".
func preparers(a congtac.AgendaItem, orgs map[int64]string) string {
	lead := oneLine(orgs[a.Lead])
	var support []string
	for _, id := range a.Support {
		if n := oneLine(orgs[id]); n != "" {
			support = append(support, n)
		}
	}
	switch {
	case lead == "" && len(support) == 0:
		return ""
	case len(support) == 0:
		return lead + " chuẩn bị"
	case lead == "":
		return strings.Join(support, ", ") + " chuẩn bị"
	}
	return lead + " chủ trì, " + strings.Join(support, ", ") + " phối hợp chuẩn bị"
}
