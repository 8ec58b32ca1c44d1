package synth

import (
	"fmt"
	"strings"

	"congtac"
)

// taskVerbs and taskObjects make task texts: "Đẩy nhanh tiến độ" + "giải phóng mặt bằng dự án
// đường giao thông liên xã".
var taskVerbs = []string{"Đẩy nhanh tiến độ", "Tập trung chỉ đạo", "Tổ chức triển khai", "Rà soát, hoàn thiện",
	"Kiểm tra, đôn đốc", "Hoàn thành", "Tăng cường quản lý", "Xây dựng kế hoạch", "Tổng kết, đánh giá",
	"Chuẩn bị các điều kiện", "Đôn đốc thực hiện", "Tham mưu ban hành"}

var sectorObjects = map[congtac.Sector][]string{
	congtac.SectorEconomy: {
		"giải phóng mặt bằng dự án đường giao thông liên xã",
		"giải ngân vốn đầu tư công năm %d",
		"thu ngân sách nhà nước trên địa bàn",
		"xây dựng nông thôn mới nâng cao",
		"phòng, chống thiên tai trong mùa mưa lũ",
		"xúc tiến thương mại, tiêu thụ nông sản",
		"quản lý, bảo vệ rừng và phòng cháy chữa cháy rừng",
		"cấp giấy chứng nhận quyền sử dụng đất",
		"xử lý vi phạm về khai thác khoáng sản, đất, cát, sỏi",
		"nâng cấp hệ thống thủy lợi nội đồng",
		"thu tiền dịch vụ vệ sinh môi trường",
		"quy hoạch sử dụng đất thời kỳ 2021-2030",
	},
	congtac.SectorCultureSociety: {
		"kỳ thi tốt nghiệp trung học phổ thông năm %d",
		"phòng, chống dịch bệnh truyền nhiễm",
		"vận động Nhân dân tham gia bảo hiểm y tế",
		"chương trình mục tiêu quốc gia giảm nghèo bền vững",
		"hỗ trợ đồng bào dân tộc thiểu số vùng đặc biệt khó khăn",
		"tuyên truyền kỷ niệm các ngày lễ lớn của đất nước",
		"quản lý di tích lịch sử văn hóa và lễ hội",
		"đào tạo nghề, giải quyết việc làm cho người lao động",
		"chăm sóc người có công với cách mạng",
		"xây dựng trường học đạt chuẩn quốc gia",
	},
	congtac.SectorInternalAffairs: {
		"giải quyết đơn thư khiếu nại, tố cáo của công dân",
		"cải cách hành chính và chuyển đổi số",
		"bảo đảm an ninh trật tự, an toàn giao thông",
		"sắp xếp tổ chức bộ máy, tinh giản biên chế",
		"thanh tra, kiểm tra công vụ đột xuất",
		"tiếp công dân định kỳ của lãnh đạo",
		"giải quyết thủ tục hành chính trực tuyến toàn trình",
		"phòng, chống tham nhũng, tiêu cực",
		"tuyển quân và huấn luyện dân quân tự vệ",
	},
}

var sources = []string{
	"Chỉ thị số %d-CT/TU ngày %02d/%d/%d của Ban Thường vụ Tỉnh ủy",
	"Nghị quyết số %d/NQ-HĐND ngày %02d/%d/%d của HĐND tỉnh",
	"Kế hoạch số %d/KH-UBND ngày %02d/%d/%d của UBND tỉnh",
	"Quyết định số %d/QĐ-UBND ngày %02d/%d/%d",
}

var reportTexts = []string{
	"Đã triển khai đến các đơn vị, đang tổng hợp kết quả.",
	"Đang phối hợp với các cơ quan liên quan rà soát hồ sơ.",
	"Đã hoàn thành các bước chuẩn bị, đang chờ ý kiến thẩm định.",
	"Tiến độ chậm do vướng mắc về đất đai, đã báo cáo đề xuất hướng xử lý.",
	"Đã tổ chức kiểm tra thực tế, kết quả đạt yêu cầu đề ra.",
	"Hoàn thành nhiệm vụ, đã gửi báo cáo kết quả về Văn phòng.",
}

var sectorHeadings = map[congtac.Sector]string{
	congtac.SectorEconomy:         "Về phát triển kinh tế",
	congtac.SectorCultureSociety:  "Về văn hóa - xã hội",
	congtac.SectorInternalAffairs: "Công tác nội chính",
}

// taskText returns a task text of a sector for a year.
func (g *generator) taskText(s congtac.Sector, year int) string {
	return taskVerbs[g.pick(len(taskVerbs))] + " " + g.object(s, year)
}

// object returns what a task of a sector is about.
func (g *generator) object(s congtac.Sector, year int) string {
	objs := sectorObjects[s]
	obj := objs[g.pick(len(objs))]
	if strings.Contains(obj, "%d") {
		obj = fmt.Sprintf(obj, year)
	}
	return obj
}

// source returns a directive a task comes from, issued some months before year.
func (g *generator) source(year int) string {
	return fmt.Sprintf(sources[g.pick(len(sources))], 1+g.pick(120), 1+g.pick(28), 1+g.pick(12), year-g.pick(3))
}

// personName returns a full name.
func (g *generator) personName() string {
	return familyNames[g.pick(len(familyNames))] + " " + middleNames[g.pick(len(middleNames))] + " " +
		givenNames[g.pick(len(givenNames))]
}
