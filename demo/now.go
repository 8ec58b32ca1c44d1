package demo

import (
	"congtac"
)

// nextMonth drafts next month's program from this month's: the unfinished tasks carried
// over under their sections with their missed deadlines kept, and reports still in the
// pipeline: one submitted, one returned for more, one draft.
func (w *world) nextMonth() error {
	w.at(w.today)
	if err := w.pendingReports(); err != nil {
		return err
	}
	if len(w.programs) == 0 {
		return nil
	}
	current := w.programs[len(w.programs)-1]
	next := w.program(current.Period.Next())
	next.Tasks = nil
	for i := range next.Items {
		if i > 0 && next.Items[i].ParentID > 1 { // keep the clauses, drop this month's items
			next.Items = next.Items[:i]
			break
		}
	}
	p, err := w.st.CreateProgram(w.ctx, w.actors["vanphong"], next)
	if err != nil {
		return err
	}
	w.sum.Programs++
	carried, err := w.st.CarryOver(w.ctx, w.actors["vanphong"], current.ID, p.ID, w.today)
	if err != nil {
		return err
	}
	w.sum.Tasks += len(carried)
	// The office keeps the deadlines the carried tasks missed: they print as overdue
	// carry-overs ("chuyển tiếp; hạn cũ …").
	_, err = w.st.SettleCarriedDeadlines(w.ctx, w.actors["vanphong"], p.ID, true, congtac.Due{})
	return err
}

// pendingReports leaves reports of today's month in every status besides accepted: the
// department's reporter submits one and drafts another, and the office returns one.
func (w *world) pendingReports() error {
	if len(w.programs) == 0 {
		return nil
	}
	p, err := w.st.FindProgramByID(w.ctx, w.programs[len(w.programs)-1].ID)
	if err != nil {
		return err
	}
	var open []congtac.Task
	for _, t := range p.Tasks {
		if t.Recurrence == nil && !t.Status(w.today).Done() && t.Status(w.today) != congtac.StatusCancelled {
			open = append(open, t)
		}
	}
	statuses := []congtac.ReportStatus{congtac.ReportSubmitted, congtac.ReportReturned, congtac.ReportDraft}
	for i, t := range open {
		if i >= len(statuses) {
			break
		}
		status := statuses[i]
		create := status
		if status == congtac.ReportReturned {
			create = congtac.ReportSubmitted
		}
		r, err := w.st.CreateReport(w.ctx, w.reporter(t.Lead), congtac.Report{TaskID: t.ID, OrgID: t.Lead,
			Text: reportText(t, 70), Percent: 70, Status: create, Value: targetValue(t, 70)})
		if err != nil {
			return err
		}
		w.sum.Reports++
		if status == congtac.ReportReturned {
			if _, err := w.st.ReviewReport(w.ctx, w.actors["cvp"], r.ID, r.Version, congtac.ReportReturned,
				"Đề nghị bổ sung số liệu cụ thể và đề xuất giải pháp tháo gỡ vướng mắc."); err != nil {
				return err
			}
		}
	}
	return nil
}

// calendar fills the leaders' calendar for this week and next from the meetings, with a
// few entries by hand in each (those of next week with the office staff who go and a
// note), and publishes this week's twice, the second time as "Điều chỉnh lần
// 1", and to the public.
func (w *world) calendar() error {
	w.at(w.today)
	office := w.actors["vanphong"]
	this := congtac.PeriodOf(congtac.PeriodWeek, w.today)
	for _, week := range []congtac.Period{this, this.Next()} {
		es, err := w.st.GenerateEngagements(w.ctx, office, w.committee.ID, week)
		if err != nil {
			return err
		}
		w.sum.Engagements += len(es)
	}
	visits := []struct {
		person, title, place string
		day                  int
		part                 congtac.DayPart
	}{
		{"vice_economy", "Kiểm tra tiến độ dự án đường giao thông kết nối các xã phía Bắc", "Xã Thượng Đường", 1, congtac.Morning},
		{"vice_culture", "Làm việc với Sở Giáo dục và Đào tạo về công tác chuẩn bị kỳ thi", "Sở Giáo dục và Đào tạo", 2, congtac.Afternoon},
		{"chair", "Tiếp công dân định kỳ", "Trụ sở Tiếp công dân tỉnh", 4, congtac.Morning},
	}
	next := []struct {
		person, title, place string
		day                  int
		part                 congtac.DayPart
	}{
		{"vice_economy", "Kiểm tra công tác giải phóng mặt bằng dự án khu công nghiệp phía Nam", "Xã Tân Phước", 8, congtac.Morning},
		{"chair", "Làm việc với Ban Thường trực Ủy ban Mặt trận Tổ quốc tỉnh", "Trụ sở UBND tỉnh", 9, congtac.Afternoon},
	}
	monday := this.Start()
	for _, v := range append(visits, next...) {
		e := congtac.Engagement{OrgID: w.committee.ID, PersonID: w.people[v.person].ID, Date: monday.AddDays(v.day),
			Start: congtac.NoTime, Part: v.part, Title: v.title, Place: v.place}
		if v.day >= 7 {
			e.Accompany, e.Note = "Lãnh đạo Văn phòng UBND tỉnh", "Lịch có thể thay đổi."
		}
		if _, err := w.st.CreateEngagement(w.ctx, office, e); err != nil {
			return err
		}
		w.sum.Engagements++
	}
	if _, err := w.st.PublishCalendar(w.ctx, office, w.committee.ID, this, nil); err != nil {
		return err
	}
	if _, err := w.st.PublishCalendar(w.ctx, office, w.committee.ID, this,
		[]string{"Bổ sung lịch Chủ tịch UBND tỉnh tiếp công dân định kỳ."}); err != nil {
		return err
	}
	return w.st.SetCalendarPublic(w.ctx, office, w.committee.ID, this, true)
}
