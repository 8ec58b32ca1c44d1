package store_test

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"congtac"
	"congtac/store"
	"congtac/store/storetest"
)

// groupProvince is a province loaded for the group benchmarks: 100 communes in one group,
// 40 departments, and twelve issued monthly programs of 200 tasks, a quarter of them led by
// the group (600 tasks fanned out into 60,000 shares, two thirds of them done).
type groupProvince struct {
	committee, group int64
	communes, depts  []int64
	months           []congtac.Period
	groupTasks       []int64
}

// loadGroupProvince writes the province with the bulk loader, then the group's members.
func loadGroupProvince(b *testing.B, s *store.Store) groupProvince {
	b.Helper()
	var w groupProvince
	from := congtac.MustDate(2020, 1, 1)
	err := s.Load(ctx, congtac.System, func(l *store.Loader) error {
		org := func(o congtac.Org) (int64, error) {
			o.ValidFrom = from
			err := l.AddOrg(&o)
			return o.ID, err
		}
		var err error
		if w.committee, err = org(congtac.Org{Kind: congtac.OrgCommittee, Name: "Ủy ban nhân dân tỉnh", ShortName: "UBND"}); err != nil {
			return err
		}
		for i := range 140 {
			kind, name := congtac.OrgCommune, fmt.Sprintf("Xã số %d", i+1)
			if i >= 100 {
				kind, name = congtac.OrgDepartment, fmt.Sprintf("Sở số %d", i-99)
			}
			id, err := org(congtac.Org{ParentID: w.committee, Kind: kind, Name: name, Position: i})
			if err != nil {
				return err
			}
			if kind == congtac.OrgCommune {
				w.communes = append(w.communes, id)
			} else {
				w.depts = append(w.depts, id)
			}
		}
		if w.group, err = org(congtac.Org{ParentID: w.committee, Kind: congtac.OrgGroup, Name: "UBND các xã, phường"}); err != nil {
			return err
		}
		for m := 1; m <= 12; m++ {
			p := w.month(m)
			if err := l.AddProgram(&p); err != nil {
				return err
			}
			for _, t := range p.Tasks {
				if len(t.Shares) > 0 {
					w.groupTasks = append(w.groupTasks, t.ID)
				}
			}
			w.months = append(w.months, p.Period)
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	g, err := s.FindOrgByID(ctx, w.group)
	if err == nil {
		_, err = s.SetGroupMembers(ctx, congtac.System, w.group, g.Version, w.communes)
	}
	if err != nil {
		b.Fatal(err)
	}
	return w
}

// month returns the issued program of month m of 2023: 200 tasks due in the month, every
// fourth led by the group with the shares of two members in three done.
func (w groupProvince) month(m int) congtac.Program {
	period := congtac.Period{Kind: congtac.PeriodMonth, Year: 2023, Number: m}
	p := congtac.Program{OrgID: w.committee, Period: period, Status: congtac.ProgramIssued, Number: m,
		Symbol: "CTr-UBND", IssuedOn: period.Start(), Title: fmt.Sprintf("Công tác tháng %d năm 2023", m),
		Items: []congtac.Item{{ID: 1, Heading: "NHIỆM VỤ TRỌNG TÂM"}}}
	due := congtac.DueInMonth(2023, time.Month(m))
	for i := range 200 {
		t := congtac.Task{ItemID: 1, Position: i, Sector: congtac.SectorEconomy, Due: due,
			Text: fmt.Sprintf("Nhiệm vụ %d của tháng %d", i, m)}
		if i%4 == 0 {
			t.Lead, t.Shares = w.group, congtac.SharesOf(w.communes, nil)
			for k := range t.Shares {
				if (k+i)%3 != 0 {
					t.Shares[k].DoneOn = due.Date.AddDays((k+i)%20 - 15)
				}
			}
		} else {
			t.Lead, t.Support = w.depts[i%len(w.depts)], []congtac.Support{{OrgID: w.depts[(i+1)%len(w.depts)]}}
		}
		p.Tasks = append(p.Tasks, t)
	}
	return p
}

// BenchmarkGroupLed runs the hot paths of group-led work on [groupProvince], generated once
// per engine:
//
//	go test -run '^$' -bench GroupLed ./store
func BenchmarkGroupLed(b *testing.B) {
	for _, e := range storetest.Engines {
		b.Run(string(e), func(b *testing.B) {
			s := storetest.Open(b, e)
			w := loadGroupProvince(b, s)
			b.Run("OpenTasksOfCommune", func(b *testing.B) { benchCommuneTasks(b, s, w) })
			b.Run("TaskWith100Shares", func(b *testing.B) { benchGroupTask(b, s, w) })
			b.Run("RollupMonth", func(b *testing.B) { benchGroupRollup(b, s, w) })
			b.Run("CompleteShare", func(b *testing.B) { benchCompleteShare(b, s, w) })
		})
	}
}

// benchCommuneTasks lists one commune's open tasks, first page of 50, with each task's
// status: 150 of the 600 group-led tasks are in each commune's list.
func benchCommuneTasks(b *testing.B, s *store.Store, w groupProvince) {
	asOf := congtac.MustDate(2023, 12, 20)
	var took []time.Duration
	i := 0
	b.ReportAllocs()
	for b.Loop() {
		start := time.Now()
		id := w.communes[i%len(w.communes)]
		i++
		tasks, n, err := s.FindTasks(ctx, congtac.TaskFilter{OrgID: &id, Open: true, Limit: 50})
		if err != nil || n == 0 {
			b.Fatal(n, err)
		}
		for _, t := range tasks {
			_ = t.Status(asOf)
		}
		took = append(took, time.Since(start))
	}
	reportPercentiles(b, took)
}

// benchGroupTask reads one group-led task with its 100 shares and rolls up its status, as
// its page and the API do.
func benchGroupTask(b *testing.B, s *store.Store, w groupProvince) {
	asOf := congtac.MustDate(2023, 12, 20)
	i := 0
	b.ReportAllocs()
	for b.Loop() {
		t, err := s.FindTaskByID(ctx, w.groupTasks[i%len(w.groupTasks)])
		i++
		if err != nil || len(t.Shares) != 100 {
			b.Fatal(len(t.Shares), err)
		}
		_ = t.Status(asOf)
	}
}

// benchGroupRollup counts one month's statuses four ways, 50 of its 200 tasks rolled up
// from 100 shares each.
func benchGroupRollup(b *testing.B, s *store.Store, w groupProvince) {
	month := w.months[5]
	b.ReportAllocs()
	for b.Loop() {
		r, err := s.Rollup(ctx, congtac.RollupFilter{Period: month}, month.End().AddDays(20))
		if err != nil || r.Total.Total() != 200 {
			b.Fatal(err, r.Total)
		}
	}
}

// benchCompleteShare records one member's completion of its share through the use case:
// the task read with its shares, the share written, the task settled, version and audit.
func benchCompleteShare(b *testing.B, s *store.Store, w groupProvince) {
	done := congtac.MustDate(2023, 12, 1)
	s.SetClock(func() time.Time { return congtac.MustDate(2023, 12, 20).In(congtac.Location(), 9, 0) })
	i := 0
	var took []time.Duration
	b.ReportAllocs()
	for b.Loop() {
		start := time.Now()
		id := w.groupTasks[i%len(w.groupTasks)]
		org := w.communes[(i/len(w.groupTasks))%len(w.communes)]
		i++
		t, err := s.FindTaskByID(ctx, id)
		if err == nil {
			_, err = s.CompleteTask(ctx, congtac.System, id, t.Version, congtac.Completion{OrgID: org, DoneOn: done})
		}
		if err != nil {
			b.Fatal(err)
		}
		took = append(took, time.Since(start))
	}
	reportPercentiles(b, took)
}

// reportPercentiles reports the median and 99th percentile of the durations, in ms.
func reportPercentiles(b *testing.B, took []time.Duration) {
	slices.Sort(took)
	b.ReportMetric(float64(took[len(took)/2].Microseconds())/1000, "p50-ms")
	b.ReportMetric(float64(took[len(took)*99/100].Microseconds())/1000, "p99-ms")
}
