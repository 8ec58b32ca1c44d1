package store_test

import (
	"testing"

	"congtac"
	"congtac/store"
	"congtac/store/storetest"
)

func TestAmendProgram(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		fixedClock(s, congtac.MustDate(2023, 4, 20))
		f := newFixture(t, s)
		april := issued(t, s, f)
		fees := findTaskByText(t, april.Tasks, "Thu tiền")
		if _, err := s.CompleteTask(ctx, f.drafter, fees.ID, fees.Version, congtac.Completion{DoneOn: congtac.MustDate(2023, 4, 19)}); err != nil {
			t.Fatal(err)
		}

		if _, err := s.AmendProgram(ctx, f.chair, april.ID); congtac.ErrorCode(err) != congtac.EFORBIDDEN {
			t.Errorf("the chair amends: %v, want EFORBIDDEN (the office drafts amendments)", err)
		}
		a, err := s.AmendProgram(ctx, f.drafter, april.ID)
		if err != nil {
			t.Fatal(err)
		}
		got, err := s.FindProgramByID(ctx, a.ID)
		if err != nil {
			t.Fatal(err)
		}
		if want := "Điều chỉnh, bổ sung Chương trình công tác của UBND xã tháng 4 năm 2023"; got.Title != want {
			t.Errorf("title = %q, want %q", got.Title, want)
		}
		if got.Status != congtac.ProgramDraft || got.AmendsID != april.ID || got.Number != 0 || got.Period != april.Period ||
			len(got.Also) != 1 || got.Signature.Name != april.Signature.Name {
			t.Errorf("amendment = %+v, want a draft of the same periods amending %d", got, april.ID)
		}
		if len(got.Items) != len(april.Items) || len(got.Tasks) != len(april.Tasks) {
			t.Fatalf("amendment has %d items, %d tasks; want %d, %d", len(got.Items), len(got.Tasks), len(april.Items), len(april.Tasks))
		}
		for i, it := range got.Items {
			if it.Label != april.Items[i].Label || it.Text != april.Items[i].Text || it.ID == april.Items[i].ID {
				t.Errorf("item %d = %q %q (ID %d), want a copy of %q %q", i, it.Label, it.Text, it.ID, april.Items[i].Label, april.Items[i].Text)
			}
		}
		copied := findTaskByText(t, got.Tasks, "Thu tiền")
		if !copied.DoneOn.IsZero() || copied.Target == nil || copied.Source != fees.Source {
			t.Errorf("copied task = %+v, want its content without the completion", copied)
		}
		build := findTaskByText(t, got.Tasks, "Khởi công")
		if len(build.Support) != 1 || build.Due.Text != "chậm nhất trong tháng 5/2023" {
			t.Errorf("copied task = %+v, want supports and the deadline phrase", build)
		}
		if _, err := s.AmendProgram(ctx, f.drafter, april.ID); congtac.ErrorCode(err) != congtac.ECONFLICT {
			t.Errorf("a second amendment while one is drafted: %v, want ECONFLICT", err)
		}
		if _, err := s.AmendProgram(ctx, f.drafter, a.ID); congtac.ErrorCode(err) != congtac.EINVALID {
			t.Errorf("amending a draft: %v, want EINVALID", err)
		}

		a, _ = s.TransitionProgram(ctx, f.drafter, a.ID, got.Version, congtac.ActionSubmit, "")
		a, _ = s.TransitionProgram(ctx, f.chair, a.ID, a.Version, congtac.ActionApprove, "")
		a, err = s.IssueProgram(ctx, f.drafter, a.ID, a.Version, congtac.Issuance{On: congtac.MustDate(2023, 4, 21)}, nil)
		if err != nil {
			t.Fatal(err)
		}
		if a.Number != april.Number+1 {
			t.Errorf("amendment number = %d, want %d", a.Number, april.Number+1)
		}
		orig, _ := s.FindProgramByID(ctx, april.ID)
		if orig.Status != congtac.ProgramAmended {
			t.Errorf("original after the amendment's issue: %s, want amended", orig.Status)
		}
		if _, err := s.AmendProgram(ctx, f.drafter, a.ID); err != nil {
			t.Errorf("amending the issued amendment: %v", err)
		}
		if _, err := s.AmendProgram(ctx, f.drafter, 99999); congtac.ErrorCode(err) != congtac.ENOTFOUND {
			t.Errorf("amending a missing program: %v, want ENOTFOUND", err)
		}
	})
}
