package export

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"congtac"
	"congtac/vn"
)

// meetingParas returns the meetings part of a program: each meeting as "I. title: when,
// place; chair", then its agenda numbered 1, 2, 3 with the orgs that prepare each matter.
func meetingParas(ms []congtac.Meeting, orgs, people map[int64]string) []block {
	ms = slices.Clone(ms)
	slices.SortStableFunc(ms, func(a, b congtac.Meeting) int {
		return cmp.Or(a.Date.Compare(b.Date), cmp.Compare(a.Start, b.Start))
	})
	var out []block
	for i, m := range ms {
		head := congtac.Roman(i+1) + ". " + strings.TrimRight(oneLine(m.Title), ":") + ":"
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
		p := bodyPara(strong(head+" "), plain(rest))
		p.keepNext = len(m.Agenda) > 0
		out = append(out, p)
		for _, a := range AgendaLines(m.Agenda, orgs) {
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
