package synth

// Word lists for names and texts. They are written for this generator and mix the letters
// that break naive search (đ, ư, ơ, ă, â, ê, ô) on purpose.

var familyNames = []string{"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng",
	"Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Đinh", "Lương", "Trương", "Mạc"}

var middleNames = []string{"Văn", "Thị", "Đức", "Minh", "Ngọc", "Hữu", "Thanh", "Quốc", "Thu", "Xuân", "Hồng", "Công"}

var givenNames = []string{"An", "Bình", "Cường", "Dũng", "Đức", "Giang", "Hà", "Hải", "Hùng", "Hương", "Khánh",
	"Lan", "Long", "Mai", "Nam", "Oanh", "Phương", "Quang", "Sơn", "Thảo", "Trung", "Tuấn", "Vân", "Yến",
	"Ánh", "Đạt", "Ước", "Ơn", "Thương", "Lực"}

var placeFirst = []string{"An", "Tân", "Phước", "Đông", "Tây", "Bắc", "Nam", "Hưng", "Long", "Phú", "Thạnh",
	"Vĩnh", "Quảng", "Bình", "Hòa", "Mỹ", "Đức", "Trường", "Cẩm", "Ngọc"}

var placeSecond = []string{"Bình", "Lập", "Long", "Hưng", "Sơn", "Thủy", "Phong", "Điền", "Lương", "Hòa",
	"Thịnh", "Xuyên", "Đường", "Ước", "Lợi", "Khánh", "Tiến", "Thành", "Mỹ", "Sơn Đông"}

// provinceUnits are the province's departments, agencies and mass organisations.
var provinceUnits = []struct {
	kind        string
	name, short string
}{
	{"department", "Sở Nội vụ", "SNV"},
	{"department", "Sở Tư pháp", "STP"},
	{"department", "Sở Tài chính", "STC"},
	{"department", "Sở Xây dựng", "SXD"},
	{"department", "Sở Nông nghiệp và Môi trường", "SNNMT"},
	{"department", "Sở Công Thương", "SCT"},
	{"department", "Sở Giáo dục và Đào tạo", "SGDĐT"},
	{"department", "Sở Y tế", "SYT"},
	{"department", "Sở Văn hóa, Thể thao và Du lịch", "SVHTTDL"},
	{"department", "Sở Khoa học và Công nghệ", "SKHCN"},
	{"department", "Sở Dân tộc và Tôn giáo", "SDTTG"},
	{"department", "Thanh tra tỉnh", "TTT"},
	{"department", "Sở Ngoại vụ", "SNgV"},
	{"agency", "Công an tỉnh", "CAT"},
	{"agency", "Bộ Chỉ huy Quân sự tỉnh", "BCHQS"},
	{"agency", "Thuế tỉnh", "THUE"},
	{"agency", "Kho bạc Nhà nước khu vực", "KBNN"},
	{"agency", "Ban Quản lý dự án đầu tư xây dựng công trình giao thông", "BQLDAGT"},
	{"agency", "Ban Quản lý các khu công nghiệp", "BQLKCN"},
	{"agency", "Trung tâm Phục vụ hành chính công tỉnh", "TTPVHCC"},
	{"agency", "Bảo hiểm xã hội tỉnh", "BHXH"},
	{"agency", "Báo và Phát thanh, Truyền hình tỉnh", "BPTTH"},
	{"agency", "Ngân hàng Chính sách xã hội chi nhánh tỉnh", "NHCSXH"},
	{"agency", "Trung tâm Phát triển quỹ đất tỉnh", "TTPTQĐ"},
	{"agency", "Quỹ Đầu tư phát triển tỉnh", "QĐTPT"},
	{"agency", "Trường Chính trị tỉnh", "TCT"},
	{"mass_org", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "UBMTTQ"},
	{"mass_org", "Hội Nông dân tỉnh", "HND"},
	{"mass_org", "Hội Liên hiệp Phụ nữ tỉnh", "HLHPN"},
	{"mass_org", "Tỉnh đoàn", "TĐ"},
	{"mass_org", "Hội Cựu chiến binh tỉnh", "HCCB"},
	{"mass_org", "Liên đoàn Lao động tỉnh", "LĐLĐ"},
	{"agency", "Đài Khí tượng thủy văn tỉnh", "ĐKTTV"},
	{"agency", "Chi cục Thống kê tỉnh", "CCTK"},
	{"agency", "Cảng vụ đường thủy nội địa", "CVĐTNĐ"},
	{"agency", "Trung tâm Xúc tiến đầu tư, thương mại và du lịch", "TTXTĐT"},
	{"agency", "Văn phòng Đoàn đại biểu Quốc hội và HĐND tỉnh", "VPĐĐBQH"},
	{"agency", "Ban Dân tộc tỉnh", "BDT"},
}

// communeUnits are the three units of a commune or ward after 1 July 2025.
var communeUnits = []struct{ name, short string }{
	{"Văn phòng HĐND và UBND", "VP"},
	{"Phòng Kinh tế", "PKT"},
	{"Phòng Văn hóa - Xã hội", "PVHXH"},
}
