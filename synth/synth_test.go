package synth_test

import (
	"context"
	"os"
	"testing"

	"congtac"
	"congtac/store"
	"congtac/store/storetest"
	"congtac/synth"
)

func TestMain(m *testing.M) { os.Exit(storetest.Main(m)) }

func TestGenerateMatchesTheScaleExactly(t *testing.T) {
	ctx := context.Background()
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		sc := synth.Small
		stats, err := synth.Generate(ctx, s, synth.Config{Seed: 7, Scale: sc})
		if err != nil {
			t.Fatal(err)
		}
		if stats.Orgs != sc.Orgs || stats.Programs != sc.Programs || stats.Tasks != sc.Tasks || stats.Reports != sc.Reports {
			t.Errorf("stats = %+v, want the scale %+v", stats, sc)
		}
		orgs, _ := s.FindOrgs(ctx, congtac.OrgFilter{})
		_, programs, _ := s.FindPrograms(ctx, congtac.ProgramFilter{})
		_, tasks, _ := s.FindTasks(ctx, congtac.TaskFilter{})
		if len(orgs) != sc.Orgs || programs != sc.Programs || tasks != sc.Tasks {
			t.Errorf("stored %d orgs, %d programs, %d tasks; want %d, %d, %d",
				len(orgs), programs, tasks, sc.Orgs, sc.Programs, sc.Tasks)
		}
		events, _, _ := s.FindAuditEvents(ctx, congtac.System, congtac.AuditFilter{Entity: "database"})
		if len(events) != 1 || events[0].Action != "bulk_load" {
			t.Errorf("audit = %+v, want one bulk_load event", events)
		}
		month := stats.Months[len(stats.Months)-2]
		r, err := s.Rollup(ctx, congtac.RollupFilter{Period: month}, month.End().AddDays(20))
		if err != nil {
			t.Fatal(err)
		}
		if r.Total.Total() == 0 || r.Total[congtac.StatusDoneOnTime] == 0 || r.Total[congtac.StatusOverdue] == 0 {
			t.Errorf("roll-up of %s = %v; want a mix of statuses", month.Key(), r.Total)
		}
		// Search finds generated Vietnamese text without diacritics.
		if _, n, _ := s.FindTasks(ctx, congtac.TaskFilter{Query: "duong giao thong"}); n == 0 {
			t.Error("no task found for \"duong giao thong\"")
		}
		// After a load, the use cases still add rows with fresh IDs.
		if _, err := s.CreateOrg(ctx, congtac.System, congtac.Org{Kind: congtac.OrgAgency, Name: "Đơn vị mới"}); err != nil {
			t.Errorf("create after load: %v", err)
		}
	})
}

func TestGenerateIsDeterministic(t *testing.T) {
	ctx := context.Background()
	titles := func() []string {
		s := storetest.Open(t, store.SQLite)
		if _, err := synth.Generate(ctx, s, synth.Config{Seed: 42, Scale: synth.Small}); err != nil {
			t.Fatal(err)
		}
		tasks, _, _ := s.FindTasks(ctx, congtac.TaskFilter{Limit: 50})
		out := make([]string, len(tasks))
		for i, task := range tasks {
			out[i] = task.Text + "|" + task.Due.String()
		}
		return out
	}
	a, b := titles(), titles()
	for i := range a {
		if a[i] != b[i] {
			t.Fatalf("task %d differs between runs: %q vs %q", i, a[i], b[i])
		}
	}
}
