package store_test

import (
	"testing"

	"congtac"
	"congtac/store"
	"congtac/store/storetest"
)

func TestVersionsAndReviewComments(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		f := newFixture(t, s)
		p, err := s.CreateProgram(ctx, f.drafter, f.april())
		if err != nil {
			t.Fatal(err)
		}
		item := p.Items[2].ID
		if _, err := s.AddReviewComment(ctx, f.chair, congtac.ReviewComment{ProgramID: p.ID, ItemID: item, Text: "Sớm quá"}); congtac.ErrorCode(err) != congtac.EINVALID {
			t.Errorf("comment on a draft: %v, want EINVALID", err)
		}
		p, _ = s.TransitionProgram(ctx, f.drafter, p.ID, p.Version, congtac.ActionSubmit, "")
		if _, err := s.AddReviewComment(ctx, f.drafter, congtac.ReviewComment{ProgramID: p.ID, Text: "Tự góp ý"}); congtac.ErrorCode(err) != congtac.EFORBIDDEN {
			t.Errorf("the drafter comments: %v, want EFORBIDDEN", err)
		}
		if _, err := s.AddReviewComment(ctx, f.chair, congtac.ReviewComment{ProgramID: p.ID, ItemID: 999999, Text: "Sai mục"}); congtac.ErrorCode(err) != congtac.EINVALID {
			t.Errorf("comment on a foreign item: %v, want EINVALID", err)
		}
		c, err := s.AddReviewComment(ctx, f.chair, congtac.ReviewComment{ProgramID: p.ID, ItemID: item,
			Text: "Ghi rõ thời hạn khởi công từng công trình"})
		if err != nil || c.Version != 1 {
			t.Fatalf("comment: %+v, %v; want one on version 1", c, err)
		}
		p, _ = s.TransitionProgram(ctx, f.chair, p.ID, p.Version, congtac.ActionReturn, "Bổ sung thời hạn")
		title := "Công tác tháng 4 và quý II năm 2023 (bổ sung)"
		p, _ = s.UpdateProgram(ctx, f.drafter, p.ID, p.Version, congtac.ProgramUpdate{Title: &title})
		if err := s.ResolveReviewComment(ctx, f.drafter, c.ID); err != nil {
			t.Fatal(err)
		}
		p, _ = s.TransitionProgram(ctx, f.drafter, p.ID, p.Version, congtac.ActionSubmit, "")
		p, _ = s.TransitionProgram(ctx, f.chair, p.ID, p.Version, congtac.ActionApprove, "")
		if _, err := s.IssueProgram(ctx, f.drafter, p.ID, p.Version, congtac.Issuance{On: congtac.MustDate(2023, 4, 5)}, nil); err != nil {
			t.Fatal(err)
		}
		vs, err := s.FindProgramVersions(ctx, p.ID)
		if err != nil {
			t.Fatal(err)
		}
		var actions []congtac.ProgramAction
		for _, v := range vs {
			actions = append(actions, v.Action)
		}
		want := []congtac.ProgramAction{congtac.ActionSubmit, congtac.ActionReturn, congtac.ActionSubmit,
			congtac.ActionApprove, congtac.ActionIssue}
		if len(actions) != len(want) {
			t.Fatalf("versions %v, want %v", actions, want)
		}
		for i := range want {
			if actions[i] != want[i] || vs[i].Number != i+1 {
				t.Errorf("version %d = %s #%d, want %s #%d", i, actions[i], vs[i].Number, want[i], i+1)
			}
		}
		if vs[1].Comment != "Bổ sung thời hạn" || len(vs[0].Content.Tasks) != 3 || len(vs[0].Content.Items) != 4 {
			t.Errorf("version 2 comment %q, version 1 has %d tasks and %d items", vs[1].Comment,
				len(vs[0].Content.Tasks), len(vs[0].Content.Items))
		}
		changes := congtac.Diff(vs[1].Content, vs[2].Content, nil, nil)
		if len(changes) != 1 || changes[0].Field != "Trích yếu" || changes[0].After != title {
			t.Errorf("diff between the returned and the resubmitted version = %+v", changes)
		}
		if last := vs[len(vs)-1].Content; last.Number != 1 || last.Status != congtac.ProgramIssued {
			t.Errorf("issued version: number %d, status %s", last.Number, last.Status)
		}
		cs, err := s.FindReviewComments(ctx, p.ID)
		if err != nil || len(cs) != 1 || !cs[0].Resolved || cs[0].ItemID != item {
			t.Errorf("comments = %+v, %v", cs, err)
		}
	})
}

func TestOnlyDraftsNeverSubmittedAreDeleted(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		f := newFixture(t, s)
		p, err := s.CreateProgram(ctx, f.drafter, f.april())
		if err != nil {
			t.Fatal(err)
		}
		p, _ = s.TransitionProgram(ctx, f.drafter, p.ID, p.Version, congtac.ActionSubmit, "")
		p, _ = s.TransitionProgram(ctx, f.drafter, p.ID, p.Version, congtac.ActionRecall, "")
		if err := s.DeleteProgram(ctx, f.drafter, p.ID, p.Version); congtac.ErrorCode(err) != congtac.EINVALID {
			t.Errorf("deleting a recalled draft: %v, want EINVALID", err)
		}
		fresh := f.april()
		fresh.Period.Number = 6
		q, err := s.CreateProgram(ctx, f.drafter, fresh)
		if err != nil {
			t.Fatal(err)
		}
		if err := s.DeleteProgram(ctx, f.drafter, q.ID, q.Version); err != nil {
			t.Errorf("deleting a fresh draft: %v", err)
		}
		if _, err := s.FindProgramByID(ctx, q.ID); congtac.ErrorCode(err) != congtac.ENOTFOUND {
			t.Errorf("the deleted draft: %v, want ENOTFOUND", err)
		}
	})
}
