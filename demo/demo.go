// Package demo fills an empty database with a demo province committee: its office,
// departments, communes and wards, the Front and mass organisations, leaders with the sectors
// in their charge, a year of monthly work programs with tasks of every kind, progress reports
// in every status, the monthly regular meetings with their agenda, the weekly briefing and the
// leaders' calendar, and issued document numbers. Everything is written through the store's
// use cases, as the people of the committee would have done it, so that the audit log reads
// like a real one.
//
// The names are invented. The demo accounts all have the password "demo"; they are created
// only by [Seed], which the command line calls only for -demo and the demo command.
package demo

import (
	"context"
	"fmt"
	"time"

	"congtac"
	"congtac/store"
)

// Password is the password of every demo account.
const Password = "demo"

// Logins lists the demo accounts in the order the README presents them.
var Logins = []string{"admin", "vanphong", "cvp", "chutich", "phochutich", "truongphong",
	"phongbaocao", "xabaocao", "xem", CommuneLogin}

// Summary counts what [Seed] wrote.
type Summary struct {
	Orgs, People, Users, Programs, Tasks, Reports, Meetings, Documents, Engagements int
}

// Seed writes the demo data into st as of day today: twelve monthly programs ending with
// today's month, issued, and next month's program in draft with the unfinished tasks carried
// over; and a commune committee issuing its own program of today's month. Before the first
// working day of a month, when its program is issued, the twelve end with last month and the
// draft is this month's. It returns an EINVALID error, and writes nothing, when the database already has
// organisations. The store's clock follows the story while it runs and is put back after.
func Seed(ctx context.Context, st *store.Store, today congtac.Date) (Summary, error) {
	orgs, err := st.FindOrgs(ctx, congtac.OrgFilter{Limit: 1})
	if err != nil {
		return Summary{}, err
	}
	if len(orgs) > 0 {
		return Summary{}, congtac.Errorf(congtac.EINVALID, "Cơ sở dữ liệu đã có dữ liệu; dữ liệu mẫu chỉ nạp vào cơ sở dữ liệu trống.")
	}
	w := &world{ctx: ctx, st: st, today: today, duties: map[duty]bool{}}
	defer st.SetClock(st.Clock())
	w.at(w.today.AddMonths(-12))
	steps := []func() error{w.addOrgs, w.addPeople, w.settings, w.addUsers, w.year, w.nextMonth, w.calendar,
		w.commune}
	for _, step := range steps {
		if err := step(); err != nil {
			return w.sum, fmt.Errorf("demo: %w", err)
		}
	}
	return w.sum, nil
}

// world is the demo committee being built.
type world struct {
	ctx   context.Context
	st    *store.Store
	today congtac.Date
	sum   Summary
	conf  congtac.Settings // the province committee's settings, for working days

	committee, office congtac.Org
	units             map[string]congtac.Org // by short name
	communes          []congtac.Org
	people            map[string]congtac.Person // by role key: "chair", "vice_economy" …
	actors            map[string]congtac.Actor  // by login
	briefing          congtac.Meeting
	programs          []congtac.Program // the issued monthly programs, oldest first
	duties            map[duty]bool     // the duties set by the monthly programs so far
}

// at sets the store's clock to 8:30 on day d (or today when d is later), so that the audit
// log and the created times follow the story.
func (w *world) at(d congtac.Date) {
	if d.After(w.today) {
		d = w.today
	}
	t := d.In(congtac.Location(), 8, 30)
	w.st.SetClock(func() time.Time { return t })
}

// settings saves the global settings and the province committee's own.
func (w *world) settings() error {
	g := congtac.DefaultGlobalSettings()
	g.RequireTOTP = nil // the demo accounts sign in with the password alone
	if err := w.st.SaveGlobalSettings(w.ctx, congtac.System, g); err != nil {
		return err
	}
	st := congtac.CommitteeSettings(w.committee)
	st.Place = "Sơn Hà"
	st.BriefingDay, st.BriefingTime = time.Thursday, congtac.At(14, 0)
	st.Signature = congtac.Signature{Lines: []congtac.SignLine{{Authority: congtac.AuthorityByOrder, Of: "CHỦ TỊCH"}},
		Title: "Chánh Văn phòng", Name: w.people["office_head"].FullName, PersonID: w.people["office_head"].ID}
	for _, y := range []int{w.today.Year - 1, w.today.Year} {
		for _, h := range []string{"01-01", "04-30", "05-01", "09-02"} {
			d, _ := congtac.ParseDate(fmt.Sprintf("%d-%s", y, h))
			st.Holidays = append(st.Holidays, d)
		}
	}
	w.conf = st
	_, err := w.st.SaveCommitteeSettings(w.ctx, congtac.System, w.committee.ID, 0, st)
	return err
}
