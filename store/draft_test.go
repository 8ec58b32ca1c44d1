package store_test

import (
	"strings"
	"testing"

	"congtac"
	"congtac/store"
	"congtac/store/storetest"
)

func TestDraftNextFromTheIssuedProgram(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		fixedClock(s, congtac.MustDate(2023, 4, 28))
		f := newFixture(t, s)
		april := issued(t, s, f)
		fees := findTaskByText(t, april.Tasks, "Thu tiền")
		if _, err := s.CompleteTask(ctx, f.drafter, fees.ID, fees.Version, congtac.Completion{DoneOn: congtac.MustDate(2023, 4, 27)}); err != nil {
			t.Fatal(err)
		}
		if _, err := s.CreateMeeting(ctx, f.drafter, congtac.Meeting{OrgID: f.committee.ID, Kind: congtac.MeetingRegular,
			Title: "Phiên họp UBND thường kỳ tháng 5", Date: congtac.MustDate(2023, 5, 19), Start: congtac.At(8, 0)}); err != nil {
			t.Fatal(err)
		}
		may := congtac.Period{Kind: congtac.PeriodMonth, Year: 2023, Number: 5}
		p, err := s.DraftNext(ctx, f.drafter, f.committee.ID, may, congtac.MustDate(2023, 4, 30))
		if err != nil {
			t.Fatal(err)
		}
		got, _ := s.FindProgramByID(ctx, p.ID)
		if got.Status != congtac.ProgramDraft || !strings.Contains(got.Title, "tháng 5") || len(got.Tasks) != 2 {
			t.Fatalf("draft %q %s with %d tasks, want May's draft with the 2 unfinished tasks", got.Title, got.Status, len(got.Tasks))
		}
		for _, task := range got.Tasks {
			if task.CarriedFrom == 0 || task.ItemID == 0 {
				t.Errorf("task %q not carried into an item: %+v", task.Text, task)
			}
		}
		if got.Items[0].Label != "A." || !strings.Contains(got.Items[0].Heading, "THÁNG 5") {
			t.Errorf("first part = %q %q", got.Items[0].Label, got.Items[0].Heading)
		}
		if _, err := s.DraftNext(ctx, f.drafter, f.committee.ID, may, congtac.MustDate(2023, 4, 30)); congtac.ErrorCode(err) != congtac.ECONFLICT {
			t.Errorf("a second May draft: %v, want ECONFLICT", err)
		}
		if _, err := s.CreateMeeting(ctx, f.drafter, congtac.Meeting{OrgID: f.commune.ID, Kind: congtac.MeetingThematic,
			Title: "Hội nghị chuyên đề về chuyển đổi số", Date: congtac.MustDate(2023, 5, 9), Start: congtac.At(14, 0)}); err != nil {
			t.Fatal(err)
		}
		first, err := s.DraftNext(ctx, f.drafter, f.commune.ID, may, congtac.MustDate(2023, 4, 30))
		if err != nil || len(first.Items) != 5 || len(first.Tasks) != 0 {
			t.Fatalf("first program of the commune: %d items, %d tasks, %v", len(first.Items), len(first.Tasks), err)
		}
		want := "- Hội nghị chuyên đề về chuyển đổi số: Thứ Ba, ngày 9/5/2023, 14 giờ 00.\n" +
			"- Chủ tịch và các Phó Chủ tịch giao ban vào chiều thứ Năm hằng tuần."
		if part := first.Items[4]; part.Heading != "CÁC HỘI NGHỊ CHÍNH TRONG THÁNG" || part.Text != want {
			t.Errorf("meetings part = %q\n%q\nwant\n%q", part.Heading, part.Text, want)
		}
	})
}

// TestDraftNextSkipsAnUnissuedDraft: June drafted while May's program is still a draft
// starts from April, the last issued one: May's tasks are in force nowhere yet.
func TestDraftNextSkipsAnUnissuedDraft(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		fixedClock(s, congtac.MustDate(2023, 4, 28))
		f := newFixture(t, s)
		april := issued(t, s, f)
		may, err := s.DraftNext(ctx, f.drafter, f.committee.ID, congtac.Period{Kind: congtac.PeriodMonth, Year: 2023, Number: 5}, congtac.MustDate(2023, 4, 30))
		if err != nil {
			t.Fatal(err)
		}
		june := congtac.Period{Kind: congtac.PeriodMonth, Year: 2023, Number: 6}
		p, err := s.DraftNext(ctx, f.drafter, f.committee.ID, june, congtac.MustDate(2023, 5, 30))
		if err != nil {
			t.Fatal(err)
		}
		if !strings.HasSuffix(p.Title, " tháng 6 năm 2023") {
			t.Errorf("June's title = %q", p.Title)
		}
		fromApril := map[int64]bool{}
		for _, task := range april.Tasks {
			fromApril[task.ID] = true
		}
		for _, task := range p.Tasks {
			if task.CarriedFrom != 0 && !fromApril[task.CarriedFrom] {
				t.Errorf("June carried task %d from %d, not from April's issued program", task.ID, task.CarriedFrom)
			}
		}
		if len(p.Tasks) == 0 || len(p.Tasks) != len(may.Tasks) {
			t.Errorf("June has %d tasks, May's draft %d: both should carry April's unfinished ones", len(p.Tasks), len(may.Tasks))
		}
	})
}
