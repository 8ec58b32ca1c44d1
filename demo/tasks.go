package demo

import (
	"fmt"
	"strings"
	"time"

	"congtac"
)

// dueKind is how a demo task's deadline is given.
type dueKind int

const (
	dueDay       dueKind = iota // "chậm nhất ngày 15/4/2026"
	dueMonth                    // "trong tháng 4/2026"
	dueNextMonth                // "chậm nhất trong tháng 5/2026"
	dueQuarter                  // "trong Quý II/2026"
	dueHalf                     // "6 tháng đầu năm"
	dueMonthly                  // "báo cáo kết quả từng tháng" (the quarter, monthly on the 25th)
	dueWeekly                   // "hằng tuần" (the month, every Friday)
	dueVague                    // "trong dịp nghỉ hè"
	dueFollowing                // the month's figures "chậm nhất trong tháng 5/2026", in every month
)

// template is a task the demo programs draw from. lead and support name units by short
// name; "commune" is Xã Tân Phước, whose reporter has a demo account. A duty set anew for
// each period names it where text has %s ([template.textIn]); one without, like a project
// to finish, is set once and carried over until it is done.
type template struct {
	sector  congtac.Sector
	text    string
	lead    string
	support []string
	leader  string
	due     dueKind
	day     int
	target  *congtac.Target
	source  string
}

var economy, culture, internal = congtac.SectorEconomy, congtac.SectorCultureSociety, congtac.SectorInternalAffairs

var templates = []template{
	{economy, "Đẩy nhanh tiến độ giải ngân vốn đầu tư công %s, phấn đấu giải ngân đạt kế hoạch được giao", "STC", []string{"SXD", "BQLDA"}, "vice_economy", dueMonth, 0,
		&congtac.Target{Metric: "tỷ lệ giải ngân", Unit: "%", Comparator: congtac.AtLeast, Value: 60, Baseline: "kế hoạch vốn năm"}, "Nghị quyết số 12/NQ-HĐND ngày 10/12/2025 của HĐND tỉnh"},
	{economy, "Hoàn thành công tác giải phóng mặt bằng dự án đường giao thông kết nối các xã phía Bắc", "SXD", []string{"SNNMT", "commune"}, "vice_economy", dueNextMonth, 0, nil, ""},
	{economy, "Tăng cường quản lý thu ngân sách nhà nước %s, chống thất thu thuế trên địa bàn", "THUE", []string{"STC"}, "vice_economy", dueQuarter, 0,
		&congtac.Target{Metric: "thu ngân sách", Unit: "%", Comparator: Greater, Value: 50, Baseline: "dự toán năm"}, "Chỉ thị số 03-CT/TU ngày 15/01/2026 của Ban Thường vụ Tỉnh ủy"},
	{economy, "Triển khai phương án phòng, chống thiên tai và tìm kiếm cứu nạn %s", "SNNMT", []string{"BCHQS", "CAT"}, "vice_economy", dueDay, 20, nil, ""},
	{economy, "Rà soát, tháo gỡ khó khăn cho doanh nghiệp và hợp tác xã; đẩy mạnh xúc tiến thương mại %s", "SCT", []string{"STC"}, "vice_economy", dueMonth, 0, nil, ""},
	{economy, "Thu tiền dịch vụ vệ sinh môi trường đối với hộ gia đình, cá nhân trên địa bàn xã %s", "commune", nil, "vice_economy", dueHalf, 0,
		&congtac.Target{Metric: "thu tiền dịch vụ vệ sinh môi trường", Unit: "%", Comparator: Greater, Value: 50, Baseline: "kế hoạch cả năm"}, ""},
	{economy, "Báo cáo tiến độ xây dựng nông thôn mới nâng cao %s", "SNNMT", []string{"commune"}, "vice_economy", dueMonthly, 0, nil, "Kế hoạch số 45/KH-UBND ngày 20/01/2026 của UBND tỉnh"},
	{economy, "Kiểm tra, xử lý vi phạm trong khai thác khoáng sản, cát, sỏi lòng sông %s", "SNNMT", []string{"CAT"}, "vice_economy", dueDay, 25, nil, ""},
	{culture, "Chuẩn bị tốt các điều kiện tổ chức kỳ thi tốt nghiệp trung học phổ thông %s", "SGDĐT", []string{"SYT", "CAT"}, "vice_culture", dueNextMonth, 0, nil, ""},
	{culture, "Cập nhật tình hình dịch bệnh truyền nhiễm và công tác phòng, chống trên địa bàn %s", "SYT", nil, "vice_culture", dueWeekly, 0, nil, ""},
	{culture, "Vận động Nhân dân tham gia bảo hiểm y tế, bảo hiểm xã hội tự nguyện %s", "SYT", []string{"HLHPN", "HND"}, "vice_culture", dueQuarter, 0,
		&congtac.Target{Metric: "tỷ lệ dân số tham gia bảo hiểm y tế", Unit: "%", Comparator: AtLeast, Value: 95}, ""},
	{culture, "Tổ chức các hoạt động kỷ niệm ngày lễ lớn %s, tuyên truyền sâu rộng trong Nhân dân", "SVHTTDL", []string{"UBMTTQ", "TĐ"}, "vice_culture", dueDay, 15, nil, ""},
	{culture, "Sửa chữa, nâng cấp trường học đạt chuẩn quốc gia %s", "SGDĐT", []string{"SXD", "STC"}, "vice_culture", dueVague, 0, nil, ""},
	{culture, "Rà soát, hỗ trợ kịp thời hộ nghèo, người có công với cách mạng và đối tượng bảo trợ xã hội %s", "SNV", []string{"commune", "UBMTTQ"}, "vice_culture", dueMonth, 0, nil, ""},
	{culture, "Triển khai chương trình mục tiêu quốc gia phát triển kinh tế - xã hội vùng đồng bào dân tộc thiểu số %s", "SDTTG", []string{"STC"}, "vice_culture", dueHalf, 0, nil, "Quyết định số 1719/QĐ-TTg ngày 14/10/2021 của Thủ tướng Chính phủ"},
	{internal, "Giải quyết dứt điểm đơn thư khiếu nại, tố cáo kéo dài, phức tạp trong %s", "TTT", []string{"SNNMT", "commune"}, "vice_internal", dueMonth, 0, nil, ""},
	{internal, "Đẩy mạnh cải cách hành chính, chuyển đổi số %s; giải quyết thủ tục hành chính đúng hạn", "SNV", []string{"TTPVHCC"}, "vice_internal", dueDay, 28,
		&congtac.Target{Metric: "hồ sơ giải quyết đúng hạn", Unit: "%", Comparator: AtLeast, Value: 98}, "Chỉ thị số 05/CT-UBND ngày 02/3/2026 của Chủ tịch UBND tỉnh"},
	{internal, "Bảo đảm an ninh chính trị, trật tự an toàn xã hội và an toàn giao thông %s", "CAT", []string{"BCHQS"}, "vice_internal", dueMonth, 0, nil, ""},
	{internal, "Báo cáo kết quả sắp xếp tổ chức bộ máy, tinh giản biên chế %s", "SNV", nil, "vice_internal", dueMonthly, 0, nil, "Kết luận số 126-KL/TW ngày 14/02/2025 của Bộ Chính trị"},
	{internal, "Kiểm tra công vụ đột xuất việc chấp hành kỷ luật, kỷ cương hành chính %s", "VP", []string{"SNV"}, "chair", dueDay, 18, nil, ""},
	{internal, "Tổng hợp báo cáo tình hình kinh tế - xã hội %s của xã", "commune", nil, "chair", dueDay, 22, nil, ""},
	// Reports on a month's figures, due the month after: the department and the commune
	// whose reporters have demo accounts always have one of them to report on.
	{economy, "Tổng hợp, báo cáo kết quả giải ngân vốn đầu tư công %s của các chủ đầu tư", "STC", []string{"SXD"}, "vice_economy", dueFollowing, 0,
		&congtac.Target{Metric: "tỷ lệ giải ngân", Unit: "%", Comparator: AtLeast, Value: 60, Baseline: "kế hoạch vốn năm"}, ""},
	{economy, "Thống kê, báo cáo biến động đất đai trên địa bàn xã %s", "commune", []string{"SNNMT"}, "vice_economy", dueFollowing, 0, nil, ""},
}

// Greater and AtLeast keep the template table short.
const (
	Greater = congtac.Greater
	AtLeast = congtac.AtLeast
)

// monthTemplates returns the templates the program of a month uses: the standing duties of
// every month, a rotating two thirds of the others, and the monthly reports of a quarter in
// the quarter's first month.
func monthTemplates(month congtac.Period) []template {
	var out []template
	for k, t := range templates {
		switch {
		case t.due == dueMonthly:
			if month.Number%3 == 1 {
				out = append(out, t)
			}
		case t.lead == "STC" || t.lead == "commune" || t.due == dueWeekly || (k+month.Number)%3 != 0:
			out = append(out, t)
		}
	}
	return out
}

// due returns the deadline and recurrence of a template in a month's program.
func (t template) dueIn(month congtac.Period) (congtac.Due, *congtac.Recurrence) {
	y, m := month.Year, time.Month(month.Number)
	q := (month.Number-1)/3 + 1
	switch t.due {
	case dueDay:
		d := congtac.DueOn(congtac.Date{Year: y, Month: m, Day: min(t.day, congtac.DaysIn(y, m))})
		d.Text = fmt.Sprintf("chậm nhất ngày %d/%d/%d", d.Date.Day, m, y)
		return d, nil
	case dueNextMonth:
		if month.Number%3 != 1 {
			break // only programs that cover the quarter too reach into next month
		}
		n := month.Next()
		d := congtac.DueInMonth(n.Year, time.Month(n.Number))
		d.Text = fmt.Sprintf("chậm nhất trong tháng %d/%d", n.Number, n.Year)
		return d, nil
	case dueQuarter:
		d := congtac.DueInQuarter(y, q)
		d.Text = fmt.Sprintf("trong Quý %s/%d", congtac.Roman(q), y)
		return d, nil
	case dueHalf:
		d := congtac.DueInHalf(y, (month.Number-1)/6+1)
		d.Text = map[int]string{1: "6 tháng đầu năm", 2: "6 tháng cuối năm"}[(month.Number-1)/6+1]
		return d, nil
	case dueMonthly:
		d := congtac.DueInQuarter(y, q)
		d.Text = "báo cáo kết quả từng tháng"
		return d, &congtac.Recurrence{Start: month.Start(), Freq: congtac.Monthly, ByMonthDay: []int{25}}
	case dueWeekly:
		d := congtac.DueInMonth(y, m)
		d.Text = "hằng tuần (thứ Sáu)"
		return d, &congtac.Recurrence{Start: month.Start(), Freq: congtac.Weekly, ByDay: []congtac.WeekdayNum{{Day: time.Friday}}}
	case dueVague:
		return congtac.Due{Text: "trong dịp nghỉ hè"}, nil
	case dueFollowing:
		n := month.Next()
		d := congtac.DueInMonth(n.Year, time.Month(n.Number))
		d.Text = fmt.Sprintf("chậm nhất trong tháng %d/%d", n.Number, n.Year)
		return d, nil
	}
	d := congtac.DueInMonth(y, m)
	d.Text = fmt.Sprintf("trong tháng %d/%d", m, y)
	return d, nil
}

// textIn returns the template's text in a month's program: the period the duty is set for
// put in its place, "tháng 4/2026", "quý II/2026", "6 tháng đầu năm 2026" or "năm 2026",
// following its deadline's kind.
func (t template) textIn(month congtac.Period) string {
	if !strings.Contains(t.text, "%s") {
		return t.text
	}
	y, m := month.Year, time.Month(month.Number)
	per := congtac.DueInYear(y)
	switch t.due {
	case dueDay, dueMonth, dueWeekly, dueFollowing:
		per = congtac.DueInMonth(y, m)
	case dueQuarter, dueMonthly:
		per = congtac.DueInQuarter(y, (month.Number-1)/3+1)
	case dueHalf:
		per = congtac.DueInHalf(y, (month.Number-1)/6+1)
	}
	return fmt.Sprintf(t.text, per)
}
