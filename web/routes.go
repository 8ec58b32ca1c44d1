package web

import (
	"net/http"
	"slices"
	"strconv"

	"congtac"
)

// route is one line of the table of contents: a method and pattern, the capability a
// request needs (none: anyone, signed in or not), and the handler. API routes answer JSON
// and are described in the OpenAPI document.
type route struct {
	method  string
	pattern string
	need    congtac.Capability
	handler http.HandlerFunc
	api     bool
	summary string // for the OpenAPI document; API routes only
}

// routeTable lists every URL the application answers. The authorisation test walks it:
// every route × every role, so that no route can be added without being checked.
func (s *Server) routeTable() []route {
	const (
		anyone = congtac.Capability("")
	)
	return []route{
		// System.
		{method: "GET", pattern: "/healthz", need: anyone, handler: s.handleHealthShow},
		{method: "GET", pattern: "/static/{name}", need: anyone, handler: s.handleStaticShow},

		// Signing in and out.
		{method: "GET", pattern: "/login", need: anyone, handler: s.handleLoginShow},
		{method: "POST", pattern: "/login", need: anyone, handler: s.handleLoginCreate},
		{method: "GET", pattern: "/login/totp", need: anyone, handler: s.handleLoginTOTPShow},
		{method: "POST", pattern: "/login/totp", need: anyone, handler: s.handleLoginTOTPCreate},
		{method: "POST", pattern: "/logout", need: anyone, handler: s.handleLogoutCreate},

		// One's own account.
		{method: "GET", pattern: "/account", need: congtac.UseAccount, handler: s.handleAccountShow},
		{method: "POST", pattern: "/account/password", need: congtac.UseAccount, handler: s.handleAccountPasswordUpdate},
		{method: "POST", pattern: "/account/reminders", need: congtac.UseAccount, handler: s.handleAccountRemindersUpdate},
		{method: "GET", pattern: "/account/totp", need: congtac.UseAccount, handler: s.handleAccountTOTPShow},
		{method: "GET", pattern: "/account/totp/qr.png", need: congtac.UseAccount, handler: s.handleAccountTOTPImage},
		{method: "POST", pattern: "/account/totp", need: congtac.UseAccount, handler: s.handleAccountTOTPEnable},
		{method: "POST", pattern: "/account/totp/disable", need: congtac.UseAccount, handler: s.handleAccountTOTPDisable},
		{method: "POST", pattern: "/account/sessions/{id}/end", need: congtac.UseAccount, handler: s.handleAccountSessionEnd},
		{method: "POST", pattern: "/account/tokens", need: congtac.UseAccount, handler: s.handleAccountTokenCreate},
		{method: "POST", pattern: "/account/tokens/{id}/revoke", need: congtac.UseAccount, handler: s.handleAccountTokenRevoke},

		// The work: programs, tasks, meetings, calendar, reports, search, catalog.
		{method: "GET", pattern: "/{$}", need: congtac.ViewPrograms, handler: s.handleHomeShow},
		{method: "GET", pattern: "/programs", need: congtac.ViewPrograms, handler: s.handleProgramList},
		{method: "GET", pattern: "/programs/{id}", need: congtac.ViewPrograms, handler: s.handleProgramShow},
		{method: "GET", pattern: "/imports", need: congtac.DraftPrograms, handler: s.handleImportNew},
		{method: "POST", pattern: "/imports", need: congtac.DraftPrograms, handler: s.handleImportCreate},
		{method: "POST", pattern: "/imports/confirm", need: congtac.DraftPrograms, handler: s.handleImportConfirm},
		{method: "GET", pattern: "/tasks", need: congtac.ViewTasks, handler: s.handleTaskList},
		{method: "GET", pattern: "/tasks/{id}", need: congtac.ViewTasks, handler: s.handleTaskShow},
		{method: "GET", pattern: "/tasks/files/nhiem-vu.xlsx", need: congtac.ViewTasks, handler: s.handleTaskListFile},
		{method: "GET", pattern: "/tasks/files/bao-cao-tien-do.xlsx", need: congtac.WriteReports, handler: s.handleReportSheet},
		{method: "POST", pattern: "/reports/import", need: congtac.WriteReports, handler: s.handleReportImport},
		{method: "POST", pattern: "/tasks/{id}/reports", need: congtac.WriteReports, handler: s.handleReportCreate},
		{method: "POST", pattern: "/tasks/{id}/completion", need: congtac.ManageTasks, handler: s.handleTaskAction(actComplete)},
		{method: "POST", pattern: "/tasks/{id}/deferrals", need: congtac.ManageTasks, handler: s.handleTaskAction(actDefer)},
		{method: "POST", pattern: "/tasks/{id}/cancellation", need: congtac.ManageTasks, handler: s.handleTaskAction(actCancel)},
		{method: "POST", pattern: "/tasks/{id}/reopen", need: congtac.ManageTasks, handler: s.handleTaskAction(actReopen)},
		{method: "POST", pattern: "/tasks/{id}/explanations", need: congtac.ManageTasks, handler: s.handleExplanationAsk},
		{method: "GET", pattern: "/explanations", need: congtac.ViewTasks, handler: s.handleExplanationList},
		{method: "GET", pattern: "/notifications", need: congtac.UseAccount, handler: s.handleNotifications},
		{method: "POST", pattern: "/notifications/read", need: congtac.UseAccount, handler: s.handleNotificationsRead},
		{method: "GET", pattern: "/boards", need: congtac.ViewTasks, handler: s.handleBoard},
		{method: "GET", pattern: "/boards/files/{file}", need: congtac.ViewTasks, handler: s.handleBoardFile},
		{method: "POST", pattern: "/explanations/{id}", need: congtac.WriteReports, handler: s.handleExplanationAnswer},
		{method: "GET", pattern: "/meetings", need: congtac.ViewMeetings, handler: s.handleMeetingList},
		{method: "GET", pattern: "/meetings/{id}", need: congtac.ViewMeetings, handler: s.handleMeetingShow},
		{method: "GET", pattern: "/meetings/new", need: congtac.ManageMeetings, handler: s.handleMeetingNew},
		{method: "POST", pattern: "/meetings", need: congtac.ManageMeetings, handler: s.handleMeetingCreate},
		{method: "GET", pattern: "/meetings/{id}/edit", need: congtac.ManageMeetings, handler: s.handleMeetingEdit},
		{method: "POST", pattern: "/meetings/{id}", need: congtac.ManageMeetings, handler: s.handleMeetingUpdate},
		{method: "POST", pattern: "/meetings/{id}/status", need: congtac.ManageMeetings, handler: s.handleMeetingStatus},
		{method: "POST", pattern: "/meetings/{id}/agenda", need: congtac.ManageMeetings, handler: s.handleAgendaCreate},
		{method: "POST", pattern: "/agenda/{id}", need: congtac.ManageMeetings, handler: s.handleAgendaUpdate},
		{method: "POST", pattern: "/agenda/{id}/delete", need: congtac.ManageMeetings, handler: s.handleAgendaDelete},
		{method: "POST", pattern: "/agenda/{id}/tasks", need: congtac.ManageTasks, handler: s.handleConclusionTask},
		{method: "POST", pattern: "/meetings/{id}/sittings", need: congtac.ManageMeetings, handler: s.handleSittingChange},
		{method: "POST", pattern: "/meetings/{id}/sittings/restore", need: congtac.ManageMeetings, handler: s.handleSittingRestore},
		{method: "POST", pattern: "/meetings/{id}/issue", need: congtac.IssueDocuments, handler: s.handleMeetingIssue},
		{method: "POST", pattern: "/agenda/{id}/materials", need: congtac.ViewMeetings, handler: s.handleMaterialCreate},
		{method: "GET", pattern: "/materials/{id}", need: congtac.ViewMeetings, handler: s.handleMaterialShow},
		{method: "POST", pattern: "/materials/{id}/delete", need: congtac.ViewMeetings, handler: s.handleMaterialDelete},
		{method: "GET", pattern: "/calendar", need: congtac.ViewCalendar, handler: s.handleCalendarShow},
		{method: "POST", pattern: "/calendar/generate", need: congtac.ManageCalendar, handler: s.handleCalendarGenerate},
		{method: "POST", pattern: "/calendar/publish", need: congtac.ManageCalendar, handler: s.handleCalendarPublish},
		{method: "POST", pattern: "/calendar/public", need: congtac.ManageCalendar, handler: s.handleCalendarPublic},
		{method: "POST", pattern: "/calendar/entries", need: congtac.ManageCalendar, handler: s.handleEngagementCreate},
		{method: "GET", pattern: "/calendar/entries/{id}", need: congtac.ManageCalendar, handler: s.handleEngagementEdit},
		{method: "POST", pattern: "/calendar/entries/{id}", need: congtac.ManageCalendar, handler: s.handleEngagementUpdate},
		{method: "POST", pattern: "/calendar/entries/{id}/cancel", need: congtac.ManageCalendar, handler: s.handleEngagementCancel},
		{method: "GET", pattern: "/reports", need: congtac.ViewReports, handler: s.handleReportList},
		{method: "POST", pattern: "/reports/{id}/files", need: congtac.WriteReports, handler: s.handleReportFileAdd},
		{method: "GET", pattern: "/report-files/{id}", need: congtac.ViewReports, handler: s.handleReportFileShow},
		{method: "GET", pattern: "/reports/{id}", need: congtac.ViewReports, handler: s.handleReportShow},
		{method: "POST", pattern: "/reports/{id}", need: congtac.WriteReports, handler: s.handleReportUpdate},
		{method: "POST", pattern: "/reports/{id}/submit", need: congtac.WriteReports, handler: s.handleReportSubmit},
		{method: "POST", pattern: "/reports/{id}/review", need: congtac.ReviewReports, handler: s.handleReportReview},
		{method: "GET", pattern: "/search", need: congtac.Search, handler: s.handleSearchShow},
		{method: "GET", pattern: "/catalog", need: congtac.ViewCatalog, handler: s.handleCatalogShow},

		// Official documents to download (DOCX, PDF, XLSX).
		{method: "GET", pattern: "/programs/{id}/files/{file}", need: congtac.ViewPrograms, handler: s.handleProgramFile},
		{method: "GET", pattern: "/meetings/{id}/files/{file}", need: congtac.ViewMeetings, handler: s.handleMeetingFile},
		{method: "GET", pattern: "/calendar/files/{file}", need: congtac.ViewCalendar, handler: s.handleCalendarFile},
		{method: "GET", pattern: "/documents", need: congtac.ViewPrograms, handler: s.handleDocumentList},
		{method: "GET", pattern: "/documents/files/{file}", need: congtac.ViewPrograms, handler: s.handleRegisterFile},

		// Drafting, review and issue of programs.
		{method: "GET", pattern: "/programs/new", need: congtac.DraftPrograms, handler: s.handleProgramNew},
		{method: "POST", pattern: "/programs", need: congtac.DraftPrograms, handler: s.handleProgramCreate},
		{method: "GET", pattern: "/programs/{id}/edit", need: congtac.DraftPrograms, handler: s.handleProgramEdit},
		{method: "POST", pattern: "/programs/{id}", need: congtac.DraftPrograms, handler: s.handleProgramUpdate},
		{method: "POST", pattern: "/programs/{id}/delete", need: congtac.DraftPrograms, handler: s.handleProgramDelete},
		{method: "POST", pattern: "/programs/{id}/items", need: congtac.DraftPrograms, handler: s.handleItemCreate},
		{method: "POST", pattern: "/items/{id}", need: congtac.DraftPrograms, handler: s.handleItemUpdate},
		{method: "POST", pattern: "/items/{id}/move", need: congtac.DraftPrograms, handler: s.handleItemMove},
		{method: "POST", pattern: "/items/{id}/delete", need: congtac.DraftPrograms, handler: s.handleItemDelete},
		{method: "POST", pattern: "/items/{id}/tasks", need: congtac.DraftPrograms, handler: s.handleTaskCreate},
		{method: "POST", pattern: "/tasks/{id}", need: congtac.DraftPrograms, handler: s.handleTaskUpdate},
		{method: "POST", pattern: "/tasks/{id}/delete", need: congtac.DraftPrograms, handler: s.handleTaskDelete},
		{method: "POST", pattern: "/programs/{id}/carried-deadlines", need: congtac.DraftPrograms, handler: s.handleCarriedDeadlines},
		{method: "POST", pattern: "/programs/{id}/submit", need: congtac.DraftPrograms, handler: s.handleProgramSubmit},
		{method: "POST", pattern: "/programs/{id}/recall", need: congtac.DraftPrograms, handler: s.handleProgramRecall},
		{method: "POST", pattern: "/programs/{id}/return", need: congtac.ReviewPrograms, handler: s.handleProgramReturn},
		{method: "POST", pattern: "/programs/{id}/approve", need: congtac.ReviewPrograms, handler: s.handleProgramApprove},
		{method: "POST", pattern: "/programs/{id}/comments", need: congtac.ReviewPrograms, handler: s.handleCommentCreate},
		{method: "POST", pattern: "/comments/{id}/resolve", need: congtac.DraftPrograms, handler: s.handleCommentResolve},
		{method: "POST", pattern: "/programs/{id}/issue", need: congtac.IssueDocuments, handler: s.handleProgramIssue},
		{method: "POST", pattern: "/programs/{id}/amend", need: congtac.IssueDocuments, handler: s.handleProgramAmend},
		{method: "GET", pattern: "/programs/{id}/versions", need: congtac.ViewDrafts, handler: s.handleProgramVersions},
		{method: "GET", pattern: "/proposals", need: congtac.ViewPrograms, handler: s.handleProposalList},
		{method: "POST", pattern: "/proposals", need: congtac.WriteReports, handler: s.handleProposalCreate},
		{method: "POST", pattern: "/proposals/{id}/withdraw", need: congtac.WriteReports, handler: s.handleProposalWithdraw},
		{method: "POST", pattern: "/proposals/{id}/accept", need: congtac.DraftPrograms, handler: s.handleProposalAccept},
		{method: "POST", pattern: "/proposals/{id}/reject", need: congtac.DraftPrograms, handler: s.handleProposalReject},

		// Administration.
		{method: "GET", pattern: "/admin", need: congtac.ManagePeople, handler: s.handleAdminShow},
		{method: "GET", pattern: "/admin/orgs", need: congtac.ManageOrgs, handler: s.handleOrgList},
		{method: "POST", pattern: "/admin/orgs", need: congtac.ManageOrgs, handler: s.handleOrgCreate},
		{method: "POST", pattern: "/admin/orgs/{id}", need: congtac.ManageOrgs, handler: s.handleOrgUpdate},
		{method: "POST", pattern: "/admin/orgs/{id}/merge", need: congtac.ManageOrgs, handler: s.handleOrgMerge},
		{method: "POST", pattern: "/admin/orgs/{id}/members", need: congtac.ManageOrgs, handler: s.handleGroupMembers},
		{method: "GET", pattern: "/admin/people", need: congtac.ManagePeople, handler: s.handlePersonList},
		{method: "POST", pattern: "/admin/people", need: congtac.ManagePeople, handler: s.handlePersonCreate},
		{method: "POST", pattern: "/admin/people/{id}", need: congtac.ManagePeople, handler: s.handlePersonUpdate},
		{method: "POST", pattern: "/admin/people/{id}/posts", need: congtac.ManagePeople, handler: s.handlePostCreate},
		{method: "POST", pattern: "/admin/posts/{id}/end", need: congtac.ManagePeople, handler: s.handlePostEnd},
		{method: "GET", pattern: "/admin/users", need: congtac.ManageUsers, handler: s.handleUserList},
		{method: "POST", pattern: "/admin/users", need: congtac.ManageUsers, handler: s.handleUserCreate},
		{method: "POST", pattern: "/admin/users/{id}", need: congtac.ManageUsers, handler: s.handleUserUpdate},
		{method: "POST", pattern: "/admin/users/{id}/password", need: congtac.ManageUsers, handler: s.handleUserPasswordReset},
		{method: "POST", pattern: "/admin/users/{id}/sessions/end", need: congtac.ManageUsers, handler: s.handleUserSessionsEnd},
		{method: "POST", pattern: "/admin/users/{id}/totp/reset", need: congtac.ManageUsers, handler: s.handleUserTOTPReset},
		{method: "GET", pattern: "/admin/permissions", need: congtac.ManageUsers, handler: s.handlePermissionsShow},
		{method: "GET", pattern: "/admin/settings", need: congtac.ManageCommittee, handler: s.handleSettingsShow},
		{method: "POST", pattern: "/admin/settings", need: congtac.ManageCommittee, handler: s.handleSettingsUpdate},
		{method: "POST", pattern: "/admin/settings/global", need: congtac.ManageSettings, handler: s.handleGlobalSettingsUpdate},
		{method: "GET", pattern: "/admin/stamps", need: congtac.ManageSettings, handler: s.handleStampList},
		{method: "POST", pattern: "/admin/stamps", need: congtac.ManageSettings, handler: s.handleStampUpload},
		{method: "POST", pattern: "/admin/stamps/delete", need: congtac.ManageSettings, handler: s.handleStampDelete},
		{method: "GET", pattern: "/admin/stamps/{kind}/{owner}", need: congtac.ManageSettings, handler: s.handleStampImage},
		{method: "GET", pattern: "/admin/mail", need: congtac.ManageSettings, handler: s.handleMailList},
		{method: "POST", pattern: "/admin/mail/{id}/retry", need: congtac.ManageSettings, handler: s.handleMailRetry},
		{method: "GET", pattern: "/admin/audit", need: congtac.ViewAudit, handler: s.handleAuditList},
		{method: "GET", pattern: "/admin/audit.csv", need: congtac.ViewAudit, handler: s.handleAuditExport},

		// What the public reads.
		{method: "GET", pattern: "/public", need: congtac.ViewPublic, handler: s.handlePublicIndex},
		{method: "GET", pattern: "/public/programs/{id}", need: congtac.ViewPublic, handler: s.handlePublicProgramShow},
		{method: "GET", pattern: "/public/programs/{id}/files/{file}", need: congtac.ViewPublic, handler: s.handlePublicProgramFile},
		{method: "GET", pattern: "/public/calendar", need: congtac.ViewPublic, handler: s.handlePublicCalendarShow},

		// Calendar applications, reading a feed by the secret token in its address.
		{method: "GET", pattern: "/feeds/{file}", need: anyone, handler: s.handleFeedShow},

		// The JSON API, with the same permissions; described at /api/v1/openapi.json.
		{method: "GET", pattern: "/api/v1/openapi.json", need: anyone, handler: s.handleAPIOpenAPI, api: true, summary: "Tài liệu OpenAPI 3 của API"},
		{method: "GET", pattern: "/api/v1/me", need: congtac.UseAccount, handler: s.handleAPIMe, api: true, summary: "Tài khoản đang dùng"},
		{method: "GET", pattern: "/api/v1/orgs", need: congtac.ViewCatalog, handler: s.handleAPIOrgList, api: true, summary: "Danh sách cơ quan, đơn vị"},
		{method: "POST", pattern: "/api/v1/orgs", need: congtac.ManageOrgs, handler: s.handleAPIOrgCreate, api: true, summary: "Thêm cơ quan, đơn vị"},
		{method: "GET", pattern: "/api/v1/orgs/{id}", need: congtac.ViewCatalog, handler: s.handleAPIOrgShow, api: true, summary: "Một cơ quan, đơn vị"},
		{method: "PATCH", pattern: "/api/v1/orgs/{id}", need: congtac.ManageOrgs, handler: s.handleAPIOrgUpdate, api: true, summary: "Sửa tên, tên viết tắt, tên ghi trong văn bản của cơ quan, đơn vị"},
		{method: "GET", pattern: "/api/v1/orgs/{id}/members", need: congtac.ViewCatalog, handler: s.handleAPIGroupMembers, api: true, summary: "Đơn vị thành viên của nhóm đơn vị"},
		{method: "PUT", pattern: "/api/v1/orgs/{id}/members", need: congtac.ManageOrgs, handler: s.handleAPIGroupMembersSet, api: true, summary: "Đặt danh sách đơn vị thành viên của nhóm đơn vị"},
		{method: "POST", pattern: "/api/v1/orgs/{id}/merge", need: congtac.ManageOrgs, handler: s.handleAPIOrgMerge, api: true, summary: "Sáp nhập cơ quan, đơn vị: công việc đang thực hiện chuyển sang đơn vị kế thừa"},
		{method: "PUT", pattern: "/api/v1/orgs/{id}/seal", need: congtac.ManageSettings, handler: s.handleAPISealPut, api: true, summary: "Tải lên ảnh con dấu của cơ quan (PNG)"},
		{method: "DELETE", pattern: "/api/v1/orgs/{id}/seal", need: congtac.ManageSettings, handler: s.handleAPISealDelete, api: true, summary: "Xóa ảnh con dấu của cơ quan"},
		{method: "GET", pattern: "/api/v1/people", need: congtac.ViewCatalog, handler: s.handleAPIPersonList, api: true, summary: "Danh sách cán bộ"},
		{method: "GET", pattern: "/api/v1/people/{id}", need: congtac.ViewCatalog, handler: s.handleAPIPersonShow, api: true, summary: "Một cán bộ, với chức vụ đang giữ"},
		{method: "POST", pattern: "/api/v1/people", need: congtac.ManagePeople, handler: s.handleAPIPersonCreate, api: true, summary: "Thêm cán bộ"},
		{method: "PATCH", pattern: "/api/v1/people/{id}", need: congtac.ManagePeople, handler: s.handleAPIPersonUpdate, api: true, summary: "Sửa họ tên, đơn vị, thư điện tử, điện thoại của cán bộ"},
		{method: "POST", pattern: "/api/v1/people/{id}/posts", need: congtac.ManagePeople, handler: s.handleAPIPostCreate, api: true, summary: "Giao chức vụ cho cán bộ"},
		{method: "GET", pattern: "/api/v1/posts/{id}", need: congtac.ViewCatalog, handler: s.handleAPIPostShow, api: true, summary: "Một chức vụ của cán bộ"},
		{method: "POST", pattern: "/api/v1/posts/{id}/end", need: congtac.ManagePeople, handler: s.handleAPIPostEnd, api: true, summary: "Ghi nhận thôi giữ chức vụ"},
		{method: "PUT", pattern: "/api/v1/people/{id}/signature", need: congtac.ManageSettings, handler: s.handleAPISignaturePut, api: true, summary: "Tải lên ảnh chữ ký của người ký (PNG)"},
		{method: "DELETE", pattern: "/api/v1/people/{id}/signature", need: congtac.ManageSettings, handler: s.handleAPISignatureDelete, api: true, summary: "Xóa ảnh chữ ký của người ký"},
		{method: "GET", pattern: "/api/v1/users", need: congtac.ManageUsers, handler: s.handleAPIUserList, api: true, summary: "Danh sách tài khoản"},
		{method: "GET", pattern: "/api/v1/users/{id}", need: congtac.ManageUsers, handler: s.handleAPIUserShow, api: true, summary: "Một tài khoản"},
		{method: "POST", pattern: "/api/v1/users", need: congtac.ManageUsers, handler: s.handleAPIUserCreate, api: true, summary: "Tạo tài khoản với mật khẩu ban đầu"},
		{method: "PATCH", pattern: "/api/v1/users/{id}", need: congtac.ManageUsers, handler: s.handleAPIUserUpdate, api: true, summary: "Sửa vai trò, đơn vị, cán bộ, tên hiển thị hoặc khóa tài khoản"},
		{method: "POST", pattern: "/api/v1/users/{id}/password-reset", need: congtac.ManageUsers, handler: s.handleAPIUserPasswordReset, api: true, summary: "Đặt lại mật khẩu; các phiên đăng nhập kết thúc"},
		{method: "POST", pattern: "/api/v1/users/{id}/sessions/end", need: congtac.ManageUsers, handler: s.handleAPIUserSessionsEnd, api: true, summary: "Kết thúc mọi phiên đăng nhập của tài khoản"},
		{method: "POST", pattern: "/api/v1/users/{id}/totp-reset", need: congtac.ManageUsers, handler: s.handleAPIUserTOTPReset, api: true, summary: "Tắt xác thực hai lớp khi người dùng mất thiết bị; các phiên đăng nhập kết thúc"},
		{method: "GET", pattern: "/api/v1/committees/{id}/settings", need: congtac.ManageCommittee, handler: s.handleAPICommitteeSettingsShow, api: true, summary: "Cấu hình riêng của Ủy ban nhân dân"},
		{method: "PATCH", pattern: "/api/v1/committees/{id}/settings", need: congtac.ManageCommittee, handler: s.handleAPICommitteeSettingsUpdate, api: true, summary: "Sửa tiêu đề, địa danh, cách đánh số, người ký và các cấu hình khác của Ủy ban nhân dân"},
		{method: "GET", pattern: "/api/v1/settings/global", need: congtac.ManageSettings, handler: s.handleAPIGlobalSettingsShow, api: true, summary: "Cấu hình chung của hệ thống"},
		{method: "PATCH", pattern: "/api/v1/settings/global", need: congtac.ManageSettings, handler: s.handleAPIGlobalSettingsUpdate, api: true, summary: "Sửa cấu hình chung: máy chủ thư, xác thực hai lớp"},
		{method: "GET", pattern: "/api/v1/programs", need: congtac.ViewPrograms, handler: s.handleAPIProgramList, api: true, summary: "Danh sách chương trình công tác"},
		{method: "GET", pattern: "/api/v1/programs/{id}", need: congtac.ViewPrograms, handler: s.handleAPIProgramShow, api: true, summary: "Một chương trình với các mục và nhiệm vụ"},
		{method: "POST", pattern: "/api/v1/programs", need: congtac.DraftPrograms, handler: s.handleAPIProgramCreate, api: true, summary: "Tạo dự thảo chương trình từ chương trình kỳ trước"},
		{method: "PATCH", pattern: "/api/v1/programs/{id}", need: congtac.DraftPrograms, handler: s.handleAPIProgramUpdate, api: true, summary: "Sửa thông tin chung của dự thảo"},
		{method: "DELETE", pattern: "/api/v1/programs/{id}", need: congtac.DraftPrograms, handler: s.handleAPIProgramDelete, api: true, summary: "Xóa dự thảo chưa trình"},
		{method: "POST", pattern: "/api/v1/programs/{id}/transitions", need: congtac.UseAccount, handler: s.handleAPIProgramTransition, api: true, summary: "Trình, rút lại, trả lại hoặc phê duyệt chương trình"},
		{method: "POST", pattern: "/api/v1/programs/{id}/issue", need: congtac.IssueDocuments, handler: s.handleAPIProgramIssue, api: true, summary: "Ban hành chương trình: cấp số từ sổ văn bản đi"},
		{method: "POST", pattern: "/api/v1/programs/{id}/carried-deadlines", need: congtac.DraftPrograms, handler: s.handleAPICarriedDeadlines, api: true, summary: "Giữ thời hạn cũ hoặc đặt thời hạn mới cho các nhiệm vụ chuyển tiếp đã quá hạn"},
		{method: "POST", pattern: "/api/v1/programs/{id}/amend", need: congtac.IssueDocuments, handler: s.handleAPIProgramAmend, api: true, summary: "Tạo bản điều chỉnh, bổ sung của chương trình đã ban hành"},
		{method: "GET", pattern: "/api/v1/programs/{id}/versions", need: congtac.ViewDrafts, handler: s.handleAPIProgramVersions, api: true, summary: "Các phiên bản của chương trình và khác biệt giữa hai phiên bản"},
		{method: "POST", pattern: "/api/v1/programs/{id}/comments", need: congtac.ReviewPrograms, handler: s.handleAPICommentCreate, api: true, summary: "Góp ý vào một mục khi duyệt"},
		{method: "GET", pattern: "/api/v1/programs/{id}/comments/{comment}", need: congtac.ViewDrafts, handler: s.handleAPICommentShow, api: true, summary: "Một ý kiến của người ký về dự thảo"},
		{method: "POST", pattern: "/api/v1/programs/{id}/items", need: congtac.DraftPrograms, handler: s.handleAPIItemCreate, api: true, summary: "Thêm mục vào dự thảo"},
		{method: "GET", pattern: "/api/v1/items/{id}", need: congtac.ViewPrograms, handler: s.handleAPIItemShow, api: true, summary: "Một mục của chương trình"},
		{method: "PATCH", pattern: "/api/v1/items/{id}", need: congtac.DraftPrograms, handler: s.handleAPIItemUpdate, api: true, summary: "Sửa hoặc di chuyển một mục"},
		{method: "DELETE", pattern: "/api/v1/items/{id}", need: congtac.DraftPrograms, handler: s.handleAPIItemDelete, api: true, summary: "Xóa một mục cùng các mục con và nhiệm vụ"},
		{method: "POST", pattern: "/api/v1/items/{id}/tasks", need: congtac.DraftPrograms, handler: s.handleAPITaskCreate, api: true, summary: "Thêm nhiệm vụ vào một mục"},
		{method: "PATCH", pattern: "/api/v1/tasks/{id}", need: congtac.DraftPrograms, handler: s.handleAPITaskUpdate, api: true, summary: "Sửa nhiệm vụ của dự thảo"},
		{method: "DELETE", pattern: "/api/v1/tasks/{id}", need: congtac.DraftPrograms, handler: s.handleAPITaskDelete, api: true, summary: "Xóa nhiệm vụ của dự thảo"},
		{method: "GET", pattern: "/api/v1/deadlines", need: congtac.UseAccount, handler: s.handleAPIDeadlineParse, api: true, summary: "Hiểu một cụm từ thời hạn (\"chậm nhất trong tháng 6/2023\")"},
		{method: "GET", pattern: "/api/v1/proposals", need: congtac.ViewPrograms, handler: s.handleAPIProposalList, api: true, summary: "Nội dung các đơn vị đăng ký"},
		{method: "GET", pattern: "/api/v1/proposals/{id}", need: congtac.ViewPrograms, handler: s.handleAPIProposalShow, api: true, summary: "Một nội dung đăng ký"},
		{method: "POST", pattern: "/api/v1/proposals", need: congtac.WriteReports, handler: s.handleAPIProposalCreate, api: true, summary: "Đăng ký nội dung cho chương trình kỳ tới"},
		{method: "POST", pattern: "/api/v1/proposals/{id}/decision", need: congtac.UseAccount, handler: s.handleAPIProposalDecide, api: true, summary: "Nhận, từ chối hoặc rút lại nội dung đăng ký"},
		{method: "GET", pattern: "/api/v1/tasks", need: congtac.ViewTasks, handler: s.handleAPITaskList, api: true, summary: "Danh sách nhiệm vụ với trạng thái, việc cần chú ý trước: quá hạn lâu nhất, rồi sắp đến hạn, đã xong sau cùng"},
		{method: "GET", pattern: "/api/v1/tasks/{id}", need: congtac.ViewTasks, handler: s.handleAPITaskShow, api: true, summary: "Một nhiệm vụ"},
		{method: "POST", pattern: "/api/v1/tasks/{id}/completion", need: congtac.ManageTasks, handler: s.handleAPITaskAction(actComplete), api: true, summary: "Ghi nhận hoàn thành nhiệm vụ (hoặc một kỳ, hoặc phần của cơ quan phối hợp)"},
		{method: "POST", pattern: "/api/v1/tasks/{id}/deferrals", need: congtac.ManageTasks, handler: s.handleAPITaskAction(actDefer), api: true, summary: "Giãn tiến độ nhiệm vụ: thời hạn mới, lý do, lãnh đạo đồng ý"},
		{method: "POST", pattern: "/api/v1/tasks/{id}/cancellation", need: congtac.ManageTasks, handler: s.handleAPITaskAction(actCancel), api: true, summary: "Hủy nhiệm vụ với lý do"},
		{method: "POST", pattern: "/api/v1/tasks/{id}/reopen", need: congtac.ManageTasks, handler: s.handleAPITaskAction(actReopen), api: true, summary: "Mở lại nhiệm vụ đã hoàn thành hoặc đã hủy"},
		{method: "GET", pattern: "/api/v1/boards", need: congtac.ViewTasks, handler: s.handleAPIBoard, api: true, summary: "Bảng theo dõi: số nhiệm vụ theo trạng thái, theo cơ quan, lĩnh vực hoặc lãnh đạo, tỷ lệ đúng hạn và xu hướng theo tháng"},
		{method: "GET", pattern: "/api/v1/explanations", need: congtac.ViewTasks, handler: s.handleAPIExplanationList, api: true, summary: "Danh sách yêu cầu giải trình, hạn sớm nhất trước"},
		{method: "POST", pattern: "/api/v1/explanations", need: congtac.ManageTasks, handler: s.handleAPIExplanationAsk, api: true, summary: "Yêu cầu đơn vị giải trình việc nhiệm vụ chậm tiến độ"},
		{method: "GET", pattern: "/api/v1/explanations/{id}", need: congtac.ViewTasks, handler: s.handleAPIExplanationShow, api: true, summary: "Một yêu cầu giải trình"},
		{method: "PATCH", pattern: "/api/v1/explanations/{id}", need: congtac.WriteReports, handler: s.handleAPIExplanationAnswer, api: true, summary: "Đơn vị gửi nội dung giải trình"},
		{method: "GET", pattern: "/api/v1/reports", need: congtac.ViewReports, handler: s.handleAPIReportList, api: true, summary: "Danh sách báo cáo tiến độ"},
		{method: "POST", pattern: "/api/v1/imports", need: congtac.DraftPrograms, handler: s.handleAPIImportCreate, api: true, summary: "Nhập chương trình, lịch công tác tuần có sẵn (DOCX, PDF, văn bản): đọc, hoặc đọc và lưu"},
		{method: "GET", pattern: "/api/v1/reports/{id}/files", need: congtac.ViewReports, handler: s.handleAPIReportFileList, api: true, summary: "Tệp đính kèm của một báo cáo"},
		{method: "POST", pattern: "/api/v1/reports/{id}/files", need: congtac.WriteReports, handler: s.handleAPIReportFileCreate, api: true, summary: "Đính kèm tệp (PDF, DOCX, XLSX, ảnh) vào báo cáo đang soạn hoặc bị trả lại"},
		{method: "GET", pattern: "/api/v1/report-files/{id}", need: congtac.ViewReports, handler: s.handleAPIReportFileShow, api: true, summary: "Một tệp đính kèm báo cáo (không kèm nội dung tệp)"},
		{method: "GET", pattern: "/api/v1/report-files/{id}/content", need: congtac.ViewReports, handler: s.handleAPIReportFileContent, api: true, summary: "Nội dung tệp đính kèm báo cáo"},
		{method: "POST", pattern: "/api/v1/reports", need: congtac.WriteReports, handler: s.handleAPIReportCreate, api: true, summary: "Gửi báo cáo tiến độ"},
		{method: "GET", pattern: "/api/v1/reports/{id}", need: congtac.ViewReports, handler: s.handleAPIReportShow, api: true, summary: "Một báo cáo"},
		{method: "PATCH", pattern: "/api/v1/reports/{id}", need: congtac.WriteReports, handler: s.handleAPIReportUpdate, api: true, summary: "Sửa báo cáo đang soạn hoặc bị trả lại"},
		{method: "POST", pattern: "/api/v1/reports/{id}/submit", need: congtac.WriteReports, handler: s.handleAPIReportSubmit, api: true, summary: "Gửi báo cáo đang soạn"},
		{method: "POST", pattern: "/api/v1/reports/{id}/review", need: congtac.ReviewReports, handler: s.handleAPIReportReview, api: true, summary: "Tiếp nhận hoặc trả lại báo cáo"},
		{method: "GET", pattern: "/api/v1/meetings", need: congtac.ViewMeetings, handler: s.handleAPIMeetingList, api: true, summary: "Danh sách hội nghị"},
		{method: "GET", pattern: "/api/v1/meetings/{id}", need: congtac.ViewMeetings, handler: s.handleAPIMeetingShow, api: true, summary: "Một hội nghị với nội dung trình"},
		{method: "POST", pattern: "/api/v1/meetings", need: congtac.ManageMeetings, handler: s.handleAPIMeetingCreate, api: true, summary: "Tạo hội nghị, cuộc họp với các nội dung trình"},
		{method: "PATCH", pattern: "/api/v1/meetings/{id}", need: congtac.ManageMeetings, handler: s.handleAPIMeetingUpdate, api: true, summary: "Sửa, hoãn, hủy hoặc đánh dấu đã họp"},
		{method: "POST", pattern: "/api/v1/meetings/{id}/documents", need: congtac.IssueDocuments, handler: s.handleAPIMeetingIssue, api: true, summary: "Ban hành giấy mời (GM) hoặc thông báo kết luận (TB) của hội nghị"},
		{method: "GET", pattern: "/api/v1/meetings/{id}/agenda", need: congtac.ViewMeetings, handler: s.handleAPIAgendaList, api: true, summary: "Các nội dung trình hội nghị theo thứ tự"},
		{method: "POST", pattern: "/api/v1/meetings/{id}/agenda", need: congtac.ManageMeetings, handler: s.handleAPIAgendaCreate, api: true, summary: "Thêm nội dung trình hội nghị"},
		{method: "PUT", pattern: "/api/v1/meetings/{id}/sittings/{date}", need: congtac.ManageMeetings, handler: s.handleAPISittingChange, api: true, summary: "Dời hoặc hủy riêng một buổi của hội nghị định kỳ"},
		{method: "DELETE", pattern: "/api/v1/meetings/{id}/sittings/{date}", need: congtac.ManageMeetings, handler: s.handleAPISittingRestore, api: true, summary: "Họp lại buổi đã dời hoặc hủy theo lịch định kỳ"},
		{method: "POST", pattern: "/api/v1/agenda/{id}/tasks", need: congtac.ManageTasks, handler: s.handleAPIConclusionTask, api: true, summary: "Giao nhiệm vụ từ kết luận của hội nghị về một nội dung trình"},
		{method: "GET", pattern: "/api/v1/meetings/{id}/materials", need: congtac.ViewMeetings, handler: s.handleAPIMaterialList, api: true, summary: "Tài liệu các nội dung trình hội nghị"},
		{method: "POST", pattern: "/api/v1/agenda/{id}/materials", need: congtac.ViewMeetings, handler: s.handleAPIMaterialCreate, api: true, summary: "Gửi tài liệu (PDF, DOCX) cho một nội dung trình; cơ quan chuẩn bị hoặc Văn phòng"},
		{method: "GET", pattern: "/api/v1/materials/{id}", need: congtac.ViewMeetings, handler: s.handleAPIMaterialShow, api: true, summary: "Một tài liệu của nội dung trình hội nghị (không kèm nội dung tệp)"},
		{method: "GET", pattern: "/api/v1/programs/{id}/files/{file}", need: congtac.ViewPrograms, handler: s.handleProgramFile, api: true, summary: "Tệp của chương trình: văn bản (DOCX, PDF), báo cáo kết quả thực hiện (DOCX, PDF), bảng nhiệm vụ (Excel)"},
		{method: "GET", pattern: "/api/v1/meetings/{id}/files/{file}", need: congtac.ViewMeetings, handler: s.handleMeetingFile, api: true, summary: "Tệp của hội nghị: giấy mời, thông báo kết luận (DOCX, PDF), lịch cho ứng dụng lịch (iCalendar)"},
		{method: "GET", pattern: "/api/v1/materials/{id}/content", need: congtac.ViewMeetings, handler: s.handleAPIMaterialContent, api: true, summary: "Nội dung tệp của một tài liệu hội nghị"},
		{method: "GET", pattern: "/api/v1/agenda/{id}", need: congtac.ViewMeetings, handler: s.handleAPIAgendaShow, api: true, summary: "Một nội dung trình hội nghị"},
		{method: "PATCH", pattern: "/api/v1/agenda/{id}", need: congtac.ManageMeetings, handler: s.handleAPIAgendaUpdate, api: true, summary: "Sửa nội dung trình, tài liệu hoặc kết luận"},
		{method: "DELETE", pattern: "/api/v1/agenda/{id}", need: congtac.ManageMeetings, handler: s.handleAPIAgendaDelete, api: true, summary: "Xóa nội dung trình hội nghị"},
		{method: "GET", pattern: "/api/v1/calendar", need: congtac.ViewCalendar, handler: s.handleAPICalendarShow, api: true, summary: "Lịch công tác tuần"},
		{method: "POST", pattern: "/api/v1/calendar/entries", need: congtac.ManageCalendar, handler: s.handleAPIEngagementCreate, api: true, summary: "Thêm mục vào lịch công tác tuần"},
		{method: "GET", pattern: "/api/v1/calendar/entries/{id}", need: congtac.ViewCalendar, handler: s.handleAPIEngagementShow, api: true, summary: "Một mục của lịch công tác tuần"},
		{method: "PATCH", pattern: "/api/v1/calendar/entries/{id}", need: congtac.ManageCalendar, handler: s.handleAPIEngagementUpdate, api: true, summary: "Sửa, hủy hoặc khôi phục một mục của lịch công tác tuần"},
		{method: "GET", pattern: "/api/v1/feeds", need: congtac.UseAccount, handler: s.handleAPIFeedList, api: true, summary: "Lịch đăng ký (iCalendar) của tài khoản"},
		{method: "POST", pattern: "/api/v1/feeds", need: congtac.ViewCalendar, handler: s.handleAPIFeedCreate, api: true, summary: "Tạo lịch đăng ký của lãnh đạo, cơ quan hoặc Ủy ban cho ứng dụng lịch"},
		{method: "GET", pattern: "/api/v1/feeds/{id}", need: congtac.UseAccount, handler: s.handleAPIFeedShow, api: true, summary: "Một lịch đăng ký của tài khoản"},
		{method: "DELETE", pattern: "/api/v1/feeds/{id}", need: congtac.UseAccount, handler: s.handleAPIFeedRevoke, api: true, summary: "Thu hồi lịch đăng ký"},
		{method: "GET", pattern: "/api/v1/documents/{id}", need: congtac.ViewPrograms, handler: s.handleAPIDocumentShow, api: true, summary: "Một văn bản trong sổ văn bản đi"},
		{method: "GET", pattern: "/api/v1/documents", need: congtac.ViewPrograms, handler: s.handleAPIDocumentList, api: true, summary: "Sổ văn bản đi"},
		{method: "GET", pattern: "/api/v1/search", need: congtac.Search, handler: s.handleAPISearch, api: true, summary: "Tìm kiếm không phân biệt dấu"},
		{method: "GET", pattern: "/api/v1/audit", need: congtac.ViewAudit, handler: s.handleAPIAuditList, api: true, summary: "Nhật ký thao tác"},
		{method: "GET", pattern: "/api/v1/tokens", need: congtac.UseAccount, handler: s.handleAPITokenList, api: true, summary: "Mã truy cập của tài khoản"},
		{method: "GET", pattern: "/api/v1/tokens/{id}", need: congtac.UseAccount, handler: s.handleAPITokenShow, api: true, summary: "Một mã truy cập của tài khoản"},
		{method: "POST", pattern: "/api/v1/tokens", need: congtac.UseAccount, handler: s.handleAPITokenCreate, api: true, summary: "Tạo mã truy cập"},
		{method: "DELETE", pattern: "/api/v1/tokens/{id}", need: congtac.UseAccount, handler: s.handleAPITokenRevoke, api: true, summary: "Thu hồi mã truy cập"},
	}
}

// routes builds the handler of the route table: each route behind [Server.guard]; a path
// the table lists for other methods only answered 405 with Allow, and anything else not
// listed, or a path that is not text ([congtac.CheckText]), by the Vietnamese 404 page.
func (s *Server) routes() http.Handler {
	mux := http.NewServeMux()
	methods := []string{http.MethodHead} // a GET pattern answers HEAD too
	for _, rt := range s.routeTable() {
		mux.Handle(rt.method+" "+rt.pattern, s.guard(rt))
		if !slices.Contains(methods, rt.method) {
			methods = append(methods, rt.method)
		}
	}
	slices.Sort(methods)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if congtac.CheckText("", "", r.URL.Path) != nil { // no record is named with control characters
			s.handleNotFound(w, r)
			return
		}
		if _, pattern := mux.Handler(r); pattern != "" {
			mux.ServeHTTP(w, r)
			return
		}
		var allow []string
		for _, m := range methods {
			other := r.Clone(r.Context())
			other.Method = m
			if _, pattern := mux.Handler(other); pattern != "" {
				allow = append(allow, m)
			}
		}
		if len(allow) > 0 {
			s.methodNotAllowed(w, r, allow)
			return
		}
		s.handleNotFound(w, r)
	})
}

// pathID returns the positive integer path value name, or false.
func pathID(r *http.Request, name string) (int64, bool) {
	id, err := strconv.ParseInt(r.PathValue(name), 10, 64)
	return id, err == nil && id > 0
}
