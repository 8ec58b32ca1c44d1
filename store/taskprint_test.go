package store_test

import (
	"testing"

	"congtac"
	"congtac/store"
	"congtac/store/storetest"
)

// TestTaskPrintAndDisplayName: how a task prints and the name an org prints under are kept,
// created, changed and read back on both engines.
func TestTaskPrintAndDisplayName(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		f := newFixture(t, s)
		dept, err := s.UpdateOrg(ctx, congtac.System, f.deptA.ID, f.deptA.Version,
			congtac.OrgUpdate{DisplayName: ptr(" Phòng KT ")})
		if err != nil {
			t.Fatal(err)
		}
		if found, _ := s.FindOrgByID(ctx, dept.ID); found.DisplayName != "Phòng KT" || found.DocName() != "Phòng KT" {
			t.Errorf("display name = %q, doc name %q; want Phòng KT", found.DisplayName, found.DocName())
		}
		p := f.april()
		p.Tasks[0].Print = congtac.TaskPrint{Mode: congtac.PrintInline, Lead: congtac.LeadPrepares, Due: true}
		p, err = s.CreateProgram(ctx, f.drafter, p)
		if err != nil {
			t.Fatal(err)
		}
		task := findTaskByText(t, p.Tasks, "Khởi công")
		got, err := s.FindTaskByID(ctx, task.ID)
		if err != nil {
			t.Fatal(err)
		}
		if want := (congtac.TaskPrint{Mode: congtac.PrintInline, Lead: congtac.LeadPrepares, Due: true}); got.Print != want {
			t.Errorf("created: print = %+v, want %+v", got.Print, want)
		}
		want := congtac.TaskPrint{Mode: congtac.PrintNone, Source: true}
		if _, err := s.UpdateTask(ctx, f.drafter, got.ID, got.Version, congtac.TaskUpdate{Print: &want}); err != nil {
			t.Fatal(err)
		}
		if got, _ = s.FindTaskByID(ctx, task.ID); got.Print != want {
			t.Errorf("updated: print = %+v, want %+v", got.Print, want)
		}
		bad := congtac.TaskPrint{Mode: "margin"}
		if _, err := s.UpdateTask(ctx, f.drafter, got.ID, got.Version, congtac.TaskUpdate{Print: &bad}); congtac.ErrorCode(err) != congtac.EINVALID {
			t.Errorf("unknown print mode: %v, want EINVALID", err)
		}
	})
}
