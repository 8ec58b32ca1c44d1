package congtac

// capabilityLabels are the Vietnamese names of the capabilities, as the permission table in
// the administration pages shows them.
var capabilityLabels = map[Capability]string{
	ViewPrograms:    "Xem chương trình đã ban hành",
	ViewDrafts:      "Xem dự thảo chương trình",
	ViewTasks:       "Xem nhiệm vụ và tình trạng",
	ViewReports:     "Xem báo cáo tiến độ",
	ViewMeetings:    "Xem hội nghị, nội dung trình",
	ViewCalendar:    "Xem lịch công tác tuần",
	ViewCatalog:     "Xem danh mục cơ quan, cán bộ",
	Search:          "Tìm kiếm",
	ViewAudit:       "Xem nhật ký thao tác",
	DraftPrograms:   "Soạn, trình chương trình",
	ReviewPrograms:  "Duyệt hoặc trả lại chương trình",
	IssueDocuments:  "Cấp số, ban hành văn bản",
	ManageTasks:     "Ghi nhận hoàn thành, giãn, hủy nhiệm vụ",
	WriteReports:    "Viết và gửi báo cáo tiến độ",
	ReviewReports:   "Tiếp nhận hoặc trả lại báo cáo",
	ManageMeetings:  "Lập kế hoạch hội nghị",
	ManageCalendar:  "Lập và công bố lịch công tác tuần",
	ManageOrgs:      "Quản lý cơ quan, đơn vị",
	ManagePeople:    "Quản lý cán bộ và chức vụ",
	ManageUsers:     "Quản lý tài khoản, vai trò",
	ManageSettings:  "Cấu hình hệ thống (thư điện tử, bảo mật)",
	ManageCommittee: "Cấu hình cơ quan ban hành",
	UseAccount:      "Dùng tài khoản của mình",
	ViewPublic:      "Xem nội dung công khai",
}

// Label returns the Vietnamese name of the capability, for the permission table; "" for a
// capability not in [Capabilities].
func (c Capability) Label() string { return capabilityLabels[c] }
