package demo

import (
	"fmt"
	"time"

	"congtac"
	"congtac/assemble"
)

// topics rotate through the regular meetings: what a department brings besides the
// standing reports.
var topics = []struct{ lead, title string }{
	{"SYT", "Báo cáo công tác phòng, chống dịch bệnh và bảo đảm an toàn thực phẩm"},
	{"SGDĐT", "Báo cáo công tác chuẩn bị năm học mới và sửa chữa trường, lớp học"},
	{"SNV", "Tờ trình về sắp xếp, tổ chức lại các đơn vị sự nghiệp công lập"},
	{"TTT", "Báo cáo công tác tiếp công dân, giải quyết khiếu nại, tố cáo"},
	{"SNNMT", "Đề án phát triển vùng cây ăn quả tập trung gắn với chế biến"},
	{"TTPVHCC", "Báo cáo kết quả cải cách hành chính, chuyển đổi số"},
}

// planMeetings plans a month's regular meeting with its agenda and invitation, and in the
// middle month of each quarter a thematic conference.
func (w *world) planMeetings(q *queue, i int, month congtac.Period, p *congtac.Program) {
	day := regularMeetingDay(month)
	next := month.Next()
	topic := topics[i%len(topics)]
	var meeting congtac.Meeting
	q.add(w.workingDay(month.Start()).AddDays(1), func() error {
		m, err := w.st.CreateMeeting(w.ctx, w.actors["vanphong"], congtac.Meeting{OrgID: w.committee.ID, ProgramID: p.ID,
			Kind: congtac.MeetingRegular, Title: fmt.Sprintf("Phiên họp UBND tỉnh thường kỳ tháng %d năm %d", month.Number, month.Year),
			Date: day, Start: congtac.At(8, 0), Part: congtac.Morning, Place: "Phòng họp tầng 3, trụ sở UBND tỉnh",
			ChairID:   w.people["chair"].ID,
			Attendees: "Thành viên UBND tỉnh; Thủ trưởng các sở, ban, ngành; Chủ tịch UBND các xã, phường, đặc khu",
			Agenda: []congtac.AgendaItem{
				{Title: fmt.Sprintf("Báo cáo tình hình kinh tế - xã hội tháng %d; nhiệm vụ trọng tâm tháng %d năm %d",
					month.Number, next.Number, next.Year), Lead: w.orgOf("STC"), PresenterID: w.people["finance_head"].ID, Minutes: 45},
				{Title: "Báo cáo tiến độ giải ngân vốn đầu tư công và các dự án trọng điểm", Lead: w.orgOf("SXD"),
					Support: []int64{w.orgOf("STC"), w.orgOf("BQLDA")}, Minutes: 30},
				{Title: topic.title, Lead: w.orgOf(topic.lead), Support: []int64{w.orgOf("VP")}, Minutes: 30},
				{Title: "Các nội dung khác trình theo quy định", Lead: w.orgOf("VP"), Minutes: 20},
			}})
		meeting = m
		w.sum.Meetings++
		return err
	})
	q.add(day.AddDays(-5), func() error {
		_, err := assemble.IssueDocument(w.ctx, w.st, w.actors["cvp"], congtac.Document{OrgID: w.committee.ID,
			Type: congtac.DocInvitation, Symbol: congtac.Symbol(congtac.DocInvitation, "UBND", ""), IssuedOn: day.AddDays(-5),
			Place: "Sơn Hà", Summary: "Mời dự " + meeting.Title, MeetingID: meeting.ID,
			Signature: congtac.Signature{Lines: []congtac.SignLine{{Authority: congtac.AuthorityByOrder, Of: "CHỦ TỊCH"}},
				Title: "Chánh Văn phòng", Name: w.people["office_head"].FullName},
			Recipients: []string{"Như thành phần mời;", "Lưu: VT, TH."}})
		w.sum.Documents++
		return err
	})
	q.add(day, func() error {
		held := congtac.MeetingHeld
		m, err := w.st.FindMeetingByID(w.ctx, meeting.ID)
		if err != nil {
			return err
		}
		_, err = w.st.UpdateMeeting(w.ctx, w.actors["vanphong"], m.ID, m.Version, congtac.MeetingUpdate{Status: &held})
		return err
	})
	if month.Number%3 == 2 {
		w.planThematic(q, month)
	}
}

// planThematic plans a quarter's thematic conference on its second Tuesday.
func (w *world) planThematic(q *queue, month congtac.Period) {
	day := month.Start()
	for day.Weekday() != time.Tuesday {
		day = day.AddDays(1)
	}
	day = day.AddDays(7)
	q.add(day.AddDays(-10), func() error {
		_, err := w.st.CreateMeeting(w.ctx, w.actors["vanphong"], congtac.Meeting{OrgID: w.committee.ID,
			Kind: congtac.MeetingThematic, Title: "Hội nghị chuyên đề về chuyển đổi số và cải cách thủ tục hành chính",
			Date: day, Start: congtac.At(14, 0), Part: congtac.Afternoon, Place: "Hội trường UBND tỉnh",
			ChairID: w.people["vice_internal"].ID, Attendees: "Các sở, ban, ngành; UBND các xã, phường, đặc khu",
			Agenda: []congtac.AgendaItem{
				{Title: "Báo cáo đánh giá chỉ số cải cách hành chính của tỉnh", Lead: w.orgOf("SNV"), Support: []int64{w.orgOf("TTPVHCC")}, Minutes: 40},
				{Title: "Tham luận về giải quyết thủ tục hành chính trực tuyến toàn trình", Lead: w.orgOf("commune"), Minutes: 20},
			}})
		w.sum.Meetings++
		return err
	})
}
