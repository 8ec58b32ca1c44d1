package export

import (
	"time"

	"congtac"
)

// The seed: the work program of the People's Committee of Lục Ngạn district for April 2023
// (shared/seeds/000_8604716610e1e98a.txt), typed from its PDF with the extraction damage
// and the typing slips of the original corrected ("chế bến" → "chế biến", "thua mua" →
// "thu mua", "đất đất đai" → "đất đai" …). The tasks, their orgs and deadlines are read
// from the text.

// Orgs of Lục Ngạn district in the seed.
const (
	orgCommittee = 1 + iota
	orgOffice
	orgAgriculture
	orgFinance
	orgInfrastructure
	orgEnvironment
	orgHome
	orgEducation
	orgCulture
	orgPolice
	orgInspection
	orgCommunes
	orgTax
)

var seedOrgs = map[int64]string{
	orgCommittee: "UBND huyện Lục Ngạn", orgOffice: "Văn phòng HĐND và UBND huyện",
	orgAgriculture: "Phòng Nông nghiệp và PTNT", orgFinance: "Phòng Tài chính - Kế hoạch",
	orgInfrastructure: "Phòng Kinh tế và Hạ tầng", orgEnvironment: "Phòng Tài nguyên và Môi trường",
	orgHome: "Phòng Nội vụ", orgEducation: "Phòng Giáo dục và Đào tạo", orgCulture: "Phòng Văn hóa và Thông tin",
	orgPolice: "Công an huyện", orgInspection: "Thanh tra huyện", orgCommunes: "UBND các xã, thị trấn",
	orgTax: "Chi cục Thuế khu vực Lục Ngạn - Sơn Động",
}

var seedPeople = map[int64]string{1: "Vương Mạnh Chung", 2: "Nguyễn Văn Giang"}

func seedSettings() congtac.Settings {
	s := congtac.DefaultSettings()
	s.BodyName = "Ủy ban nhân dân huyện Lục Ngạn"
	s.Place = "Lục Ngạn"
	return s
}

// seedProgram returns the seed as a program document, issued as number 05 on 5 April 2023,
// or as the draft the PDF shows.
func seedProgram(draft bool) ProgramDoc {
	p := congtac.Program{ID: 1, OrgID: orgCommittee, DraftedBy: orgOffice,
		Period: congtac.Period{Kind: congtac.PeriodMonth, Year: 2023, Number: 4},
		Also:   []congtac.Period{{Kind: congtac.PeriodQuarter, Year: 2023, Number: 2}},
		Title:  "Công tác của UBND huyện tháng 4 năm 2023", Status: congtac.ProgramIssued,
		Number: 5, Symbol: "CTr-UBND", IssuedOn: congtac.MustDate(2023, time.April, 5), Place: "Lục Ngạn",
		Signature: congtac.Signature{Lines: []congtac.SignLine{{Authority: congtac.AuthorityByOrder, Of: "Chủ tịch"}},
			Title: "Chánh Văn phòng", Name: "Vương Mạnh Chung", PersonID: 1},
		Recipients: []string{"Văn phòng UBND tỉnh:", "+ Phòng Tổng hợp;", "+ Phòng KG-VX;",
			"TT Huyện ủy, TT HĐND huyện;", "Chủ tịch, các PCT UBND huyện;", "Các CQ thuộc HU, HĐND huyện;",
			"UB MTTQ và các đoàn thể huyện;", "Các CQĐV thuộc UBND huyện;", "Các CQĐV trên địa bàn huyện;",
			"UBND các xã, thị trấn;", "LĐVP, CVTH;", "Lưu: VT."},
		Items: seedItems(), Tasks: seedTasks()}
	if draft {
		p.Status, p.Number, p.IssuedOn = congtac.ProgramDraft, 0, congtac.Date{}
	}
	return ProgramDoc{Settings: seedSettings(), Program: p, Orgs: seedOrgs, People: seedPeople, Draft: draft}
}

func item(id, parent int64, pos int, style congtac.NumberStyle, heading, text string) congtac.Item {
	return congtac.Item{ID: id, ProgramID: 1, ParentID: parent, Position: pos, Style: style, Heading: heading, Text: text}
}

func seedItems() []congtac.Item {
	const none = congtac.NumberStyle("")
	roman, arabic, unnumbered := congtac.StyleRoman, congtac.StyleArabic, congtac.StyleNone
	return []congtac.Item{
		item(1, 0, 1, none, "Nhiệm vụ trọng tâm tháng 4 và Quý II năm 2023", ""),
		item(2, 1, 1, none, "Về phát triển kinh tế", ""),
		item(3, 2, 1, none, "", "Chỉ đạo tập trung cao nhất hướng dẫn Nhân dân chăm sóc vải thiều, cây có múi và các loại cây ăn quả trong thời kỳ ra hoa, phát triển quả. Đẩy nhanh kế hoạch trồng rừng và chương trình 01 tỷ cây xanh năm 2023 trong vụ Xuân; tăng cường kiểm tra, quyết liệt xử lý vi phạm về quản lý, bảo vệ rừng. Hướng dẫn Nhân dân tổ chức tái đàn, tiêm phòng dịch bệnh trong chăn nuôi. Tăng cường tập huấn, chuyển giao KHKT, tổ chức thực hiện các mô hình sản xuất mới đã được phê duyệt. Chỉ đạo thường xuyên kiểm tra, kiểm soát thị trường, xử lý nghiêm vi phạm về kinh doanh, sử dụng phân bón, thuốc BVTV trên địa bàn. Triển khai kinh phí, xây dựng kế hoạch tiến độ chi tiết để tổ chức thực hiện đảm bảo các nhiệm vụ xây dựng nông thôn mới năm 2023. Chuẩn bị phương án, kế hoạch ứng phó với diễn biến bất thường của thời tiết, công tác phòng chống thiên tai trong mùa mưa lũ."),
		item(4, 2, 2, none, "", "Nắm bắt thường xuyên tình hình sản xuất kinh doanh của các doanh nghiệp, HTX trên địa bàn. Tập trung rà soát, thống kê toàn bộ các cơ sở sản xuất, chế biến gỗ, gạch không nung, sản xuất kinh doanh thùng xốp, nước đá công nghiệp để quản lý và thu thuế. Tiếp tục đẩy mạnh khuyến khích thành lập các doanh nghiệp, hợp tác xã, mô hình liên kết trong sản xuất nông - lâm nghiệp, kinh doanh thương mại, dịch vụ, du lịch. Chủ động theo sát các nhà đầu tư, các dự án đầu tư để thu hút các nguồn vốn đầu tư vào địa bàn.\n"+
			"Chủ động các điều kiện, phương án, giải pháp tổ chức sản xuất đảm bảo đúng tiêu chuẩn chất lượng, đáp ứng các yêu cầu để xuất khẩu chính ngạch vải thiều sang Trung Quốc, Nhật Bản và các thị trường mới. Bám sát sự chỉ đạo của tỉnh để chủ động phối hợp, tổ chức sớm, đồng bộ các hoạt động thông tin quảng bá, xúc tiến thương mại; đa dạng hóa các phương án xúc tiến tiêu thụ vải thiều để chủ động trong mọi tình huống; ưu tiên mở rộng các kênh tiêu thụ vải thiều tại thị trường trong nước và xuất khẩu; nắm bắt, dự báo sát tình hình, sẵn sàng thêm các phương án, kịch bản thích ứng trong tiêu thụ vải thiều năm 2023.\n"+
			"Tăng cường các hoạt động kết nối, liên kết, hỗ trợ để đẩy mạnh tiêu thụ nông sản qua các sàn giao dịch thương mại điện tử, hệ thống các tổ chức đoàn thể, doanh nghiệp. Chủ động sớm có kế hoạch làm việc với các sàn giao dịch thương mại điện tử để có giải pháp tiêu thụ phù hợp, đảm bảo hiệu quả thực chất. Thành lập các đoàn công tác đi xúc tiến thị trường, tham mưu UBND tỉnh thành lập các Tổ công tác hỗ trợ xuất khẩu, chủ động khảo sát, làm việc với các cửa khẩu về phương án xuất khẩu vải thiều bằng đường bộ, đường sắt... Rà soát, tổng rà soát các lò sấy để chủ động phương án sấy, khuyến khích mở rộng công nghệ sấy mới đảm bảo chất lượng để chủ động phương án khi xuất khẩu gặp khó khăn."),
		item(5, 2, 3, none, "", "Chỉ đạo hoàn thành công tác chuẩn bị đầu tư các công trình, dự án xây dựng cơ bản năm 2023 để khởi công toàn bộ các công trình chậm nhất trong tháng 5/2023. Tập trung chỉ đạo, đôn đốc tiến độ thi công các công trình chuyển tiếp. Rà soát, đề xuất HĐND huyện xem xét giãn tiến độ kế hoạch bố trí vốn đầu tư từ nguồn thu tiền sử dụng đất ngân sách huyện năm 2023 sang năm 2024. Hoàn thành lập kế hoạch tiến độ các dự án trọng điểm về hạ tầng dân cư, đô thị, giao thông… để theo dõi, đôn đốc tổ chức thực hiện, thi công. Đẩy nhanh công tác quy hoạch, giải phóng mặt bằng, tạo quỹ đất, chuyển mục đích sử dụng đất để đấu giá, đấu thầu các dự án. Quyết liệt hoàn thành thêm các dự án trọng điểm về hạ tầng dân cư, đô thị của huyện để tổ chức đấu thầu, đấu giá thu tiền sử dụng đất kịp thời ngay sau vụ thu hoạch vải thiều, đặc biệt là các dự án còn phần nhỏ diện tích chưa được GPMB, không để ảnh hưởng đến hiệu quả đầu tư. Tiếp tục đôn đốc, đẩy nhanh tốc độ giải ngân các dự án để giảm thiểu tối đa tác động của giá cả vật liệu xây dựng, tiết kiệm cho ngân sách.\n"+
			"Rà soát các nguồn thu chưa thực hiện quản lý, thu thuế triệt để trên địa bàn (các cơ sở chế biến gỗ, gạch không nung, sản xuất thùng xốp, đá cây...); thường xuyên bám sát chỉ tiêu, kế hoạch thu ngân sách theo từng tháng (trọng tâm là thu tiền sử dụng đất, thuế khai thác tài nguyên, thuế kinh doanh vận tải…). Đôn đốc hoàn thành công tác quyết toán ngân sách; tập trung quyết toán các nguồn vốn XDCB xong trong tháng 4/2023. Quản lý chặt chẽ, sử dụng hiệu quả nguồn thu, chi ngân sách; phấn đấu đảm bảo hoàn thành tốt kế hoạch, chỉ tiêu thu ngân sách 6 tháng đầu năm."),
		item(6, 2, 4, none, "", "Tập trung cao chỉ đạo, thực hiện Chỉ thị số 19-CT/TU ngày 11/6/2020 và Chỉ thị số 17-CT/TU ngày 27/02/2020 của Ban Thường vụ Tỉnh ủy đảm bảo có kết quả cụ thể báo cáo UBND huyện từng tháng. Quản lý, giám sát Nhà máy xử lý rác thải tại xã Kiên Thành, các lò đốt rác của xã hoạt động ổn định, phát huy hiệu quả. Đôn đốc thường xuyên công tác thu tiền dịch vụ VSMT của các xã, thị trấn đảm bảo đạt trên 50% chỉ tiêu KH cả năm. Tăng cường kiểm tra, xử lý các hoạt động khai thác khoáng sản, đất, cát, sỏi trái phép trên địa bàn."),
		item(7, 2, 5, none, "", "Tập trung chỉ đạo thực hiện các nhiệm vụ trọng tâm theo Nghị quyết 233 và các quy hoạch chuyên đề có liên quan (quy hoạch, kế hoạch sử dụng đất, quy hoạch hạ tầng giao thông, đô thị, nông thôn mới…). Triển khai kế hoạch tổ chức sơ kết giữa nhiệm kỳ thực hiện Nghị quyết Đại hội XXV của Đảng bộ huyện, nghị quyết đại hội đảng bộ các cấp nhiệm kỳ 2020-2025 và sơ kết các văn bản lãnh đạo, chỉ đạo của Tỉnh ủy, Ban Thường vụ Tỉnh ủy, Huyện ủy, Ban Thường vụ Huyện ủy thực hiện Nghị quyết Đại hội XIX của Đảng bộ tỉnh, Nghị quyết Đại hội XXV của Đảng bộ huyện."),
		item(8, 1, 2, none, "Về văn hóa - xã hội", ""),
		item(9, 8, 1, none, "", "Chú trọng công tác kiểm soát phòng, chống dịch Covid-19 để bảo đảm yêu cầu xuất nhập cảnh phục vụ thu mua, xuất khẩu vải thiều."),
		item(10, 8, 2, none, "", "Tiếp tục đẩy mạnh thực hiện các giải pháp nâng cao chất lượng giáo dục toàn diện, củng cố đội ngũ cán bộ, giáo viên cốt cán; đảm bảo hoàn thành chương trình, kế hoạch năm học 2022-2023; chuẩn bị tốt các điều kiện tổ chức các kỳ thi, tuyển sinh năm 2023; đẩy mạnh triển khai công tác đầu tư xây dựng cơ bản các trường học xây dựng chuẩn quốc gia năm 2023 trong dịp nghỉ hè. Chú trọng nâng cao chất lượng công tác y tế, dân số, đào tạo nghề, thúc đẩy các giải pháp hỗ trợ việc làm và xuất khẩu lao động. Đẩy mạnh vận động Nhân dân tham gia BHXH, BHYT đảm bảo tiến độ chỉ tiêu kế hoạch giao. Triển khai kịp thời các chương trình MTQG, các đề án, dự án hỗ trợ giảm nghèo, phát triển KT-XH các xã ĐBKK và vùng đồng bào DTTS; chủ động lồng ghép trong thực hiện các chương trình MTQG để đảm bảo về hạ tầng, an sinh xã hội và ổn định mọi mặt đời sống Nhân dân. Nắm chắc tình hình đời sống Nhân dân, hỗ trợ kịp thời các trường hợp khó khăn đột xuất."),
		item(11, 8, 3, none, "", "Tổ chức tốt công tác thông tin tuyên truyền, các hoạt động văn hóa, thể thao, du lịch, các sự kiện, ngày lễ lớn trong Quý II/2023, như: Kỷ niệm các ngày lễ, kỷ niệm lớn của đất nước: Ngày giải phóng miền Nam (30/4), ngày Quốc tế lao động (01/5), chiến thắng Điện Biên Phủ (07/5), Ngày sinh nhật Bác (19/5),… Chủ động đẩy mạnh đợt cao điểm tuyên truyền, quảng bá về huyện Lục Ngạn năm 2023 trên các kênh, các phương tiện truyền thông và các sự kiện ở trong và ngoài tỉnh, trọng tâm là quảng bá xúc tiến tiêu thụ vải thiều kết hợp với thu hút phát triển du lịch. Tăng cường kiểm tra, xử lý các vi phạm về quản lý di tích lịch sử văn hóa, các hoạt động tín ngưỡng tôn giáo, dịch vụ văn hóa, thông tin, thể dục thể thao và du lịch."),
		item(12, 1, 3, none, "Công tác nội chính", ""),
		item(13, 12, 1, none, "", "Duy trì tốt khả năng sẵn sàng chiến đấu của lực lượng vũ trang, đảm bảo giữ vững ổn định quốc phòng, an ninh phục vụ nhiệm vụ chính trị, kinh tế - xã hội trên địa bàn; không để phát sinh các điểm nóng, các vụ việc phức tạp; đảm bảo an ninh trật tự khi thực hiện cưỡng chế thu hồi đất, triển khai dự án. Tăng cường quản lý chặt chẽ hoạt động xuất nhập cảnh. Kiên quyết xử lý nghiêm, dứt điểm các trường hợp vi phạm pháp luật về an toàn giao thông, quản lý bảo vệ rừng, tài nguyên, đất đai, khoáng sản, môi trường, bảo vệ công trình thủy lợi, quản lý quy hoạch, xây dựng… Tập trung ra quân, quyết liệt xử lý vi phạm để kiềm chế, giảm thiểu tai nạn giao thông, các loại tội phạm, tệ nạn xã hội. Chủ động các phương án đảm bảo an ninh trật tự, an toàn giao thông, phòng chống cháy nổ, tổ chức vận tải… cho vụ cao điểm thu hoạch, tiêu thụ vải thiều."),
		item(14, 12, 2, none, "", "Tập trung đôn đốc, chỉ đạo quyết liệt công tác giải quyết đơn thư, khiếu nại tố cáo của công dân và ý kiến của cử tri, tập trung giải quyết sớm các vụ việc phức tạp, kéo dài, hạn chế những bức xúc trong Nhân dân; phân loại, xử lý kịp thời, giao đúng thẩm quyền, nâng cao trách nhiệm, chất lượng giải quyết, tham mưu giải quyết đơn thư theo đúng quy định. Đảm bảo quy chế dân chủ trong công tác bồi thường GPMB các dự án, chống tiêu cực, tham nhũng và những vi phạm, sai phạm gây thiệt hại cho cả Nhà nước và người dân, doanh nghiệp. Khắc phục hạn chế về chất lượng trong công tác thanh tra, kiểm tra, giải quyết KNTC trên địa bàn. Lựa chọn những vấn đề bức xúc, nổi cộm, có dấu hiệu vi phạm để chỉ đạo thanh tra, kiểm tra chuyên đề hoặc đột xuất."),
		item(15, 12, 3, none, "", "Chỉ đạo các cơ quan, đơn vị thực hiện nghiêm nền nếp hành chính, văn hóa công sở, tăng cường kiểm tra công vụ đột xuất; đẩy mạnh cải cách hành chính, chuyển đổi số, thực hiện tốt trách nhiệm giải quyết TTHC, không để xảy ra chậm muộn ở từng khâu, từng bộ phận; chủ động thực hiện khắc phục, nâng điểm các chỉ số đánh giá, xếp hạng của huyện liên quan đến ngành, lĩnh vực và trách nhiệm của cơ quan, đơn vị và người đứng đầu ngay trong 6 tháng đầu năm. Tăng cường vai trò, hiệu lực, hiệu quả chỉ đạo, điều hành, quản lý nhà nước trên các lĩnh vực; quyết liệt khắc phục, giải quyết, xử lý các vi phạm về đất đai, tài nguyên, khoáng sản, môi trường, quy hoạch, xây dựng, bảo vệ rừng, bảo vệ công trình thủy lợi, vi phạm về quản lý di tích… Tiếp tục rà soát, bố trí, sắp xếp cán bộ, công chức, viên chức đảm bảo phù hợp với chỉ tiêu biên chế, vị trí việc làm và yêu cầu nhiệm vụ thực tế. Chỉ đạo tham mưu tốt cho Huyện ủy các nội dung sơ kết giữa nhiệm kỳ Đại hội Đảng bộ huyện.\n"+
			"Các cơ quan tham mưu bám sát chương trình công tác của Tỉnh ủy, HĐND, UBND tỉnh, Huyện ủy, HĐND huyện để chủ động hoàn thành các chương trình, dự án, đề án, văn bản đăng ký trình bảo đảm chất lượng, tiến độ theo quy định. UBND huyện thành lập các đoàn kiểm tra tình hình thực hiện các nhiệm vụ kinh tế - xã hội năm 2023 tại các xã, thị trấn."),
		item(16, 0, 2, none, "Các hội nghị chính trong tháng", ""),
		item(17, 16, 1, roman, "Hội nghị UBND huyện thường kỳ:", "Ngày 21/4/2023 (Thứ Sáu); dự kiến các nội dung trình Hội nghị gồm:"),
		item(18, 17, 1, arabic, "", "Báo cáo tình hình kinh tế - xã hội tháng 4 và 4 tháng đầu năm; nhiệm vụ trọng tâm tháng 5 năm 2023 (Phòng Tài chính - KH chuẩn bị)."),
		item(19, 17, 2, arabic, "", "Báo cáo tiến độ các dự án trọng điểm thuộc diện Ban Thường vụ Huyện ủy theo dõi, chỉ đạo."),
		item(20, 17, 3, arabic, "", "Báo cáo sơ kết Đề án số 01-ĐA/HU ngày 29/6/2021 của Ban Chấp hành Đảng bộ huyện về phát triển kết cấu hạ tầng giao thông kết nối, hạ tầng đô thị và khu dân cư tập trung trên địa bàn huyện Lục Ngạn, giai đoạn 2021-2025."),
		item(21, 17, 4, unnumbered, "", "(Phòng Kinh tế và Hạ tầng chuẩn bị nội dung 2, 3)."),
		item(22, 17, 5, arabic, "", "Báo cáo sơ kết 02 năm thực hiện Nghị quyết số 35-NQ/HU ngày 01/4/2021 của Ban Thường vụ Huyện ủy về đẩy mạnh cải cách thủ tục hành chính trên địa bàn huyện Lục Ngạn giai đoạn 2021-2025 (Văn phòng HĐND và UBND huyện chủ trì, Phòng Nội vụ phối hợp)."),
		item(23, 17, 6, arabic, "", "Báo cáo sơ kết Đề án số 02-ĐA/HU ngày 29/6/2021 của Ban Thường vụ Huyện ủy về xây dựng huyện Lục Ngạn trở thành vùng cây ăn quả trọng điểm cấp quốc gia giai đoạn 2021-2025 (Phòng Nông nghiệp và PTNT chuẩn bị)."),
		item(24, 17, 7, arabic, "", "Các nội dung khác trình theo quy định."),
		item(25, 16, 2, roman, "Các hội nghị chuyên đề, UBND huyện sẽ có lịch cụ thể riêng.", ""),
		item(26, 16, 3, roman, "Chủ tịch và các Phó Chủ tịch UBND huyện tổ chức giao ban vào chiều thứ Năm hằng tuần; có chương trình công tác cụ thể làm việc với các cơ quan, địa phương, đơn vị.", ""),
	}
}

func support(ids ...int64) []congtac.Support {
	out := make([]congtac.Support, len(ids))
	for i, id := range ids {
		out[i] = congtac.Support{OrgID: id}
	}
	return out
}

func due(d congtac.Due, text string) congtac.Due { d.Text = text; return d }

func seedTasks() []congtac.Task {
	vsmt := &congtac.Target{Metric: "thu tiền dịch vụ VSMT", Unit: "%", Comparator: congtac.Greater, Value: 50,
		Baseline: "chỉ tiêu kế hoạch cả năm"}
	return []congtac.Task{
		{ID: 1, ProgramID: 1, ItemID: 3, Text: "Chỉ đạo tập trung cao nhất hướng dẫn Nhân dân chăm sóc vải thiều, cây có múi và các loại cây ăn quả trong thời kỳ ra hoa, phát triển quả",
			Sector: congtac.SectorEconomy, Lead: orgAgriculture, Support: support(orgCommunes), LeaderID: 2,
			Due: due(congtac.DueInQuarter(2023, 2), "trong Quý II/2023"), Print: congtac.TaskPrint{Mode: congtac.PrintInline, Due: true}},
		{ID: 2, ProgramID: 1, ItemID: 5, Position: 1, Text: "Hoàn thành công tác chuẩn bị đầu tư, khởi công toàn bộ các công trình xây dựng cơ bản năm 2023",
			Sector: congtac.SectorEconomy, Lead: orgInfrastructure, Support: support(orgFinance), LeaderID: 2,
			Due: due(congtac.DueInMonth(2023, time.May), "chậm nhất trong tháng 5/2023"), Print: congtac.TaskPrint{Due: true}},
		{ID: 3, ProgramID: 1, ItemID: 5, Position: 2, Text: "Quyết toán các nguồn vốn XDCB",
			Sector: congtac.SectorEconomy, Lead: orgFinance, LeaderID: 2,
			Due: due(congtac.DueInMonth(2023, time.April), "xong trong tháng 4/2023"), Print: congtac.TaskPrint{Mode: congtac.PrintNone}},
		{ID: 4, ProgramID: 1, ItemID: 6, Text: "Đôn đốc thường xuyên công tác thu tiền dịch vụ VSMT của các xã, thị trấn đảm bảo đạt trên 50% chỉ tiêu KH cả năm",
			Sector: congtac.SectorEconomy, Lead: orgEnvironment, Support: support(orgCommunes), LeaderID: 2,
			Due: due(congtac.DueInHalf(2023, 1), "6 tháng đầu năm"), Target: vsmt,
			Source: "Chỉ thị số 19-CT/TU ngày 11/6/2020 của Ban Thường vụ Tỉnh ủy",
			Print:  congtac.TaskPrint{Mode: congtac.PrintInline, Due: true, Source: true}},
		{ID: 5, ProgramID: 1, ItemID: 10, Text: "Đầu tư xây dựng cơ bản các trường học xây dựng chuẩn quốc gia năm 2023",
			Sector: congtac.SectorCultureSociety, Lead: orgEducation, Support: support(orgFinance, orgInfrastructure),
			Due: congtac.Due{Text: "trong dịp nghỉ hè"}},
		{ID: 6, ProgramID: 1, ItemID: 14, Text: "Giải quyết dứt điểm các vụ việc khiếu nại, tố cáo phức tạp, kéo dài",
			Sector: congtac.SectorInternalAffairs, Lead: orgInspection, Support: support(orgEnvironment, orgCommunes), LeaderID: 1,
			Due: due(congtac.DueInMonth(2023, time.April), "trong tháng 4/2023")},
		{ID: 7, ProgramID: 1, ItemID: 15, Text: "Khắc phục, nâng điểm các chỉ số đánh giá, xếp hạng của huyện",
			Sector: congtac.SectorInternalAffairs, Lead: orgHome, Support: support(orgOffice), LeaderID: 1,
			Due: due(congtac.DueInHalf(2023, 1), "ngay trong 6 tháng đầu năm")},
	}
}

// seedMeeting returns the regular meeting of 21 April 2023 that part B of the seed
// announces, with its agenda and the chair's conclusions.
func seedMeeting() congtac.Meeting {
	return congtac.Meeting{ID: 1, OrgID: orgCommittee, ProgramID: 1, Kind: congtac.MeetingRegular,
		Title: "Hội nghị UBND huyện thường kỳ tháng 4 năm 2023", Date: congtac.MustDate(2023, time.April, 21),
		Start: congtac.At(7, 30), Part: congtac.Morning, Place: "Hội trường tầng 3, UBND huyện", ChairID: 2,
		Attendees: "Thành viên UBND huyện; Thủ trưởng các cơ quan chuyên môn thuộc UBND huyện; Chủ tịch UBND các xã, thị trấn",
		Status:    congtac.MeetingHeld,
		Agenda: []congtac.AgendaItem{
			{ID: 1, Position: 1, Title: "Báo cáo tình hình kinh tế - xã hội tháng 4 và 4 tháng đầu năm; nhiệm vụ trọng tâm tháng 5 năm 2023",
				Lead: orgFinance, Minutes: 45, MaterialsDue: congtac.MustDate(2023, time.April, 16),
				Conclusion: "Cơ bản nhất trí với báo cáo. Phòng Tài chính - Kế hoạch tiếp thu ý kiến của các đại biểu, hoàn thiện báo cáo, trình UBND huyện trước ngày 25/4/2023.\nCác cơ quan, đơn vị tập trung đẩy nhanh tiến độ giải ngân vốn đầu tư công; kiên quyết xử lý các nhà thầu chậm tiến độ."},
			{ID: 2, Position: 2, Title: "Báo cáo tiến độ các dự án trọng điểm thuộc diện Ban Thường vụ Huyện ủy theo dõi, chỉ đạo",
				Lead: orgInfrastructure, Support: []int64{orgFinance}, Minutes: 30,
				Conclusion: "Giao Phòng Kinh tế và Hạ tầng chủ trì, phối hợp với Phòng Tài chính - Kế hoạch rà soát từng dự án, đề xuất giải pháp tháo gỡ vướng mắc về giải phóng mặt bằng; báo cáo UBND huyện trong tháng 5/2023."},
			{ID: 3, Position: 3, Title: "Báo cáo sơ kết 02 năm thực hiện Nghị quyết số 35-NQ/HU ngày 01/4/2021 của Ban Thường vụ Huyện ủy",
				Lead: orgOffice, Support: []int64{orgHome}, Minutes: 30},
			{ID: 4, Position: 4, Title: "Các nội dung khác trình theo quy định", Lead: orgOffice, Minutes: 20},
		}}
}

// seedDocument returns a registered document of the committee signed by the Chánh Văn
// phòng by order of the chairman.
func seedDocument(kind congtac.DocType, number int, on congtac.Date) congtac.Document {
	return congtac.Document{ID: int64(number), OrgID: orgCommittee, Type: kind, Number: number,
		Symbol: congtac.Symbol(kind, "UBND", ""), IssuedOn: on, Place: "Lục Ngạn",
		Signature: congtac.Signature{Lines: []congtac.SignLine{{Authority: congtac.AuthorityByOrder, Of: "Chủ tịch"}},
			Title: "Chánh Văn phòng", Name: "Vương Mạnh Chung"},
		Recipients: []string{"Như thành phần mời;", "Lưu: VT, TH."}, Copies: 30, Keeper: "Văn phòng (TH)"}
}

func seedInvitation(draft bool) InvitationDoc {
	return InvitationDoc{Settings: seedSettings(), Meeting: seedMeeting(),
		Document: seedDocument(congtac.DocInvitation, 12, congtac.MustDate(2023, time.April, 14)),
		Orgs:     seedOrgs, People: seedPeople, Draft: draft}
}

func seedConclusion() ConclusionDoc {
	doc := seedDocument(congtac.DocNotice, 15, congtac.MustDate(2023, time.April, 24))
	doc.Recipients = []string{"TT Huyện ủy, TT HĐND huyện;", "Chủ tịch, các PCT UBND huyện;", "Các cơ quan, đơn vị có liên quan;", "Lưu: VT, TH."}
	return ConclusionDoc{Settings: seedSettings(), Meeting: seedMeeting(), Document: doc, Orgs: seedOrgs, People: seedPeople}
}

// seedReport returns the report on the seed program as of 5 May 2023: some tasks done on
// time or late, one overdue with the reason its lead org gave, one deferred.
func seedReport() ResultReportDoc {
	p := seedProgram(false).Program
	p.Tasks[1].DoneOn = congtac.MustDate(2023, time.May, 20) // after the day counted: still open
	p.Tasks[2].DoneOn = congtac.MustDate(2023, time.April, 28)
	p.Tasks[4].Deferral = &congtac.Deferral{On: congtac.MustDate(2023, time.April, 25),
		To: congtac.DueInMonth(2023, time.August), Reason: "Chờ bố trí vốn đầu tư từ nguồn ngân sách tỉnh"}
	p.Tasks[6].DoneOn = congtac.MustDate(2023, time.May, 3)
	p.Tasks[0].DoneOn = congtac.MustDate(2023, time.April, 20)
	reports := []congtac.Report{
		{ID: 1, TaskID: 3, OrgID: orgFinance, Text: "Đã quyết toán xong các nguồn vốn XDCB", Percent: 100,
			DoneOn: congtac.MustDate(2023, time.April, 28), Status: congtac.ReportAccepted},
		{ID: 2, TaskID: 6, OrgID: orgInspection, Text: "Đã giải quyết dứt điểm 3/5 vụ việc; 2 vụ việc phức tạp đang chờ ý kiến của Thanh tra tỉnh",
			Percent: 60, Status: congtac.ReportSubmitted, SubmittedAt: time.Date(2023, time.April, 28, 9, 0, 0, 0, time.UTC)},
		{ID: 3, TaskID: 6, OrgID: orgInspection, Text: "Đang xác minh", Percent: 20, Status: congtac.ReportSubmitted,
			SubmittedAt: time.Date(2023, time.April, 10, 9, 0, 0, 0, time.UTC)},
	}
	doc := seedDocument(congtac.DocReport, 21, congtac.MustDate(2023, time.May, 5))
	doc.Recipients = []string{"TT Huyện ủy, TT HĐND huyện;", "Chủ tịch, các PCT UBND huyện;", "Lưu: VT, TH."}
	return ResultReportDoc{Settings: seedSettings(), Program: p, Reports: reports, AsOf: congtac.MustDate(2023, time.May, 5),
		Document: doc, Orgs: seedOrgs, People: seedPeople}
}
