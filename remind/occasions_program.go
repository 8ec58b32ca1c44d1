package remind

import (
	"fmt"
	"slices"
	"strings"

	"congtac"
	"congtac/vn"
)

// Programs returns the notifications of programs waiting for approval
// ("program_submitted"): to every user, not disabled, who may approve the program as the
// store would let them, that is whose role [congtac.Transitions] lets approve a program in
// its status and whose ReviewPrograms reaches the issuing org ([congtac.Actor.CanOn]).
// path returns an org's ID followed by its ancestors' up to the root ([OrgPaths] builds
// one), nil for an unknown org. Programs not submitted, and the task lists of a meeting's
// conclusions (never approved on their own), get none. The key holds the program's
// version, so a program submitted again after a return is a new occasion.
func Programs(programs []congtac.Program, users []congtac.User, path func(org int64) []int64) []congtac.Notification {
	var out []congtac.Notification
	for _, p := range programs {
		if p.Status != congtac.ProgramSubmitted || p.MeetingID != 0 {
			continue
		}
		var approvers []congtac.User
		for _, u := range users {
			if mayApprove(u, p, path) {
				approvers = append(approvers, u)
			}
		}
		key := fmt.Sprintf("program-submitted:%d:%d", p.ID, p.Version)
		title := "Chương trình chờ phê duyệt: " + congtac.Excerpt(p.Title, 120)
		out = append(out, notify(approvers, "program_submitted", key, title, fmt.Sprintf("/programs/%d", p.ID))...)
	}
	return out
}

// mayApprove reports whether u may approve p now, by the lifecycle table and the reach of
// the step's capability, as the store's TransitionProgram decides.
func mayApprove(u congtac.User, p congtac.Program, path func(int64) []int64) bool {
	if u.Disabled || !slices.Contains(congtac.ActionsFor(p.Status, u.Role), congtac.ActionApprove) {
		return false
	}
	c := congtac.ActionApprove.Capability()
	if congtac.ScopeOf(u.Role, c) == congtac.ScopeAll {
		return true
	}
	org := path(p.OrgID)
	a := congtac.Actor{UserID: u.ID, Role: u.Role, OrgID: u.OrgID, Path: path(u.OrgID)}
	return org != nil && a.CanOn(c, org)
}

// OrgPaths returns the path function [Programs] takes, over orgs: an org's ID followed by
// its ancestors' up to the root; nil for an unknown ID. A parent cycle ends the path.
func OrgPaths(orgs []congtac.Org) func(id int64) []int64 {
	byID := make(map[int64]congtac.Org, len(orgs))
	for _, o := range orgs {
		byID[o.ID] = o
	}
	return func(id int64) []int64 {
		var path []int64
		for o, ok := byID[id]; ok && !slices.Contains(path, o.ID); o, ok = byID[o.ParentID] {
			path = append(path, o.ID)
		}
		return path
	}
}

// Engagements returns the notifications of changes to leaders' calendar entries
// ("engagement_changed"): every entry on or after day on that was changed since it was
// entered (Version above 1) or is cancelled, to the accounts of its person (byPerson, as
// [ByPerson] builds it; disabled accounts are skipped). The key holds the entry's version,
// so each change is its own occasion. The link is the committee's calendar of the entry's
// week.
func Engagements(entries []congtac.Engagement, byPerson map[int64][]congtac.User, on congtac.Date) []congtac.Notification {
	var out []congtac.Notification
	for _, e := range entries {
		if e.PersonID == 0 || e.Date.Before(on) || (e.Version <= 1 && !e.Cancelled) {
			continue
		}
		what := "thay đổi"
		if e.Cancelled {
			what = "đã hủy"
		}
		title := fmt.Sprintf("Lịch công tác %s: %s – %s", what, when(e), congtac.Excerpt(e.Title, 120))
		link := fmt.Sprintf("/calendar?org=%d&week=%s", e.OrgID, congtac.PeriodOf(congtac.PeriodWeek, e.Date).Key())
		out = append(out, notify(byPerson[e.PersonID], "engagement_changed",
			fmt.Sprintf("engagement:%d:%d", e.ID, e.Version), title, link)...)
	}
	return out
}

// when writes the day and time of an entry as schedules do: "Thứ Sáu, 11/12/2026, 14 giờ
// 00", or with the part of the day ("…, sáng") when it has no time.
func when(e congtac.Engagement) string {
	s := vn.Weekday(e.Date.Weekday()) + ", " + vn.ShortDate(e.Date)
	if t := vn.FormatClock(e.Start); t != "" {
		return s + ", " + t
	}
	if p := e.Part.Label(); p != "" {
		return s + ", " + strings.ToLower(p)
	}
	return s
}
