package store_test

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"congtac"
	"congtac/store"
	"congtac/store/storetest"
	"congtac/synth"
)

// createTaskScale is a fifth of a province ([synth.Province]): enough programs, tasks and
// reports that every table and index a task create touches is of a realistic size, and quick
// enough to generate on both engines in a benchmark run.
var createTaskScale = synth.Scale{Name: "bench", Communes: 100, Orgs: 300, Programs: 1000, Tasks: 40000, Reports: 100000}

// BenchmarkCreateTask adds one task at a time to a province committee's draft of 400 tasks
// (100 items of four), in a database of 1,000 programs and 40,000 tasks, through the use
// case as the editor calls it: validated, locked, indexed for search and audited. The draft
// grows by one task per iteration.
//
//	go test -run '^$' -bench CreateTask -benchtime 200x ./store
func BenchmarkCreateTask(b *testing.B) {
	for _, e := range storetest.Engines {
		b.Run(string(e), func(b *testing.B) {
			s := storetest.Open(b, e)
			st, err := synth.Generate(ctx, s, synth.Config{Seed: 1, Scale: createTaskScale})
			if err != nil {
				b.Fatal(err)
			}
			benchCreateTask(b, s, st)
		})
	}
}

func benchCreateTask(b *testing.B, s *store.Store, st synth.Stats) {
	orgs, err := s.FindOrgs(ctx, congtac.OrgFilter{Kind: ptr(congtac.OrgDepartment), Limit: 40})
	if err != nil || len(orgs) < 10 {
		b.Fatalf("departments: %d, %v", len(orgs), err)
	}
	province := st.Committees[0]
	period := congtac.Period{Kind: congtac.PeriodMonth, Year: 2027, Number: 3}
	p := congtac.Program{OrgID: province, Period: period, Title: "Công tác của UBND tỉnh tháng 3 năm 2027",
		Items: []congtac.Item{{ID: 1, Heading: "NHIỆM VỤ TRỌNG TÂM"}}}
	for i := range 100 {
		p.Items = append(p.Items, congtac.Item{ID: int64(i + 2), ParentID: 1, Position: i,
			Text: fmt.Sprintf("Chỉ đạo thực hiện nhiệm vụ số %d trên địa bàn tỉnh.", i+1)})
		for k := range 4 {
			p.Tasks = append(p.Tasks, congtac.Task{ItemID: int64(i + 2), Position: k, Lead: orgs[(i+k)%len(orgs)].ID,
				Support: []congtac.Support{{OrgID: orgs[(i+k+1)%len(orgs)].ID}}, Sector: congtac.SectorEconomy,
				Text: fmt.Sprintf("Nhiệm vụ %d.%d: rà soát, báo cáo kết quả giải phóng mặt bằng", i+1, k+1),
				Due:  congtac.DueInMonth(2027, 3)})
		}
	}
	draft, err := s.CreateProgram(ctx, congtac.System, p)
	if err != nil {
		b.Fatal(err)
	}
	a := congtac.Actor{Role: congtac.RoleDrafter, OrgID: province}
	item := draft.Items[len(draft.Items)-1].ID
	b.ReportAllocs()
	var took []time.Duration
	i := 0
	for b.Loop() {
		start := time.Now()
		t := congtac.Task{ProgramID: draft.ID, ItemID: item, Position: 4 + i, Lead: orgs[i%len(orgs)].ID,
			Support: []congtac.Support{{OrgID: orgs[(i+3)%len(orgs)].ID}}, Sector: congtac.SectorEconomy,
			Text: fmt.Sprintf("Nhiệm vụ bổ sung số %d: đẩy nhanh tiến độ dự án đường giao thông", i+1),
			Due:  congtac.DueInMonth(2027, 3)}
		if _, err := s.CreateTask(ctx, a, t); err != nil {
			b.Fatal(err)
		}
		i++
		took = append(took, time.Since(start))
	}
	slices.Sort(took)
	b.ReportMetric(float64(took[len(took)/2].Microseconds())/1000, "p50-ms")
	b.ReportMetric(float64(took[len(took)*99/100].Microseconds())/1000, "p99-ms")
}
