package web

import (
	"bytes"
	"cmp"
	"maps"
	"net/http"
	"reflect"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"congtac"
)

// The OpenAPI 3.0.3 document of the API is built from the route table once, when the
// server is made: every route marked api becomes an operation, with its summary from the
// table, the rest from apiOps below, and its example call from openapi_examples (see
// openapi_examples.go). Schemas are written by hand as Go values next to the DTOs they
// describe (xxxSchemas in each api_<resource>.go); a test holds the two together.

// apiOp says what the route table does not: the query parameters a route accepts, whether
// it is a paged list, its request body, and its answer. Keyed by "METHOD pattern", as
// [http.Request.Pattern] names a matched route.
type apiOp struct {
	id       string // operation ID, for a handler made by a function, whose name says nothing
	params   []apiParam
	list     bool     // a paged list of response: takes limit and offset
	next     bool     // a list also paged by cursor: its body has next_cursor
	body     string   // schema of the JSON request body; "" for none
	upload   string   // media type of a raw request body instead ("image/png"); "" for none
	files    []string // media types of a raw file answered instead of JSON
	names    []string // the values of the path's {file}, for a route that answers one of several files
	status   int      // status of success; 0 means 200
	also     int      // a second status of success with the same body (201 when the request saves); 0: none
	response string   // schema of the success body (of each item, for a list); "" for none
	errors   []int    // statuses of failure besides those of every such route (see errorsOf)
}

// apiOps describes every API route. A route the table lists must be here, and the other
// way round; the OpenAPI test checks both.
var apiOps = map[string]apiOp{
	"GET /api/v1/openapi.json": {response: "OpenAPIDocument"},
	"GET /api/v1/me":           {response: "Me"},
	"GET /api/v1/orgs": {list: true, response: "Org", params: []apiParam{
		qText("q", "Tìm theo tên hoặc tên viết tắt, không phân biệt dấu."),
		qEnum("kind", "Loại cơ quan.", codesOf(congtac.OrgKinds)...),
		qID("parent", "Cơ quan cấp trên."),
	}},
	"POST /api/v1/orgs":                    {body: "OrgCreate", status: http.StatusCreated, response: "Org", errors: []int{404}},
	"GET /api/v1/orgs/{id}":                {response: "Org"},
	"PATCH /api/v1/orgs/{id}":              {body: "OrgUpdate", response: "Org", errors: []int{409}},
	"GET /api/v1/orgs/{id}/members":        {response: "GroupMembers"},
	"PUT /api/v1/orgs/{id}/members":        {body: "GroupMembersUpdate", response: "GroupMembers", errors: []int{409}},
	"POST /api/v1/orgs/{id}/merge":         {body: "OrgMerge", response: "OrgMerged", errors: []int{409}},
	"PUT /api/v1/orgs/{id}/seal":           {upload: "image/png", status: http.StatusNoContent},
	"DELETE /api/v1/orgs/{id}/seal":        {status: http.StatusNoContent},
	"POST /api/v1/people":                  {body: "PersonCreate", status: http.StatusCreated, response: "Person"},
	"PATCH /api/v1/people/{id}":            {body: "PersonUpdate", response: "Person", errors: []int{409}},
	"POST /api/v1/people/{id}/posts":       {body: "PostCreate", status: http.StatusCreated, response: "Post"},
	"POST /api/v1/posts/{id}/end":          {body: "PostEnd", response: "Post"},
	"PUT /api/v1/people/{id}/signature":    {upload: "image/png", status: http.StatusNoContent},
	"DELETE /api/v1/people/{id}/signature": {status: http.StatusNoContent},
	"GET /api/v1/users":                    {list: true, response: "User"},
	"GET /api/v1/users/{id}":               {response: "User"},
	"GET /api/v1/people/{id}":              {response: "Person"},
	"GET /api/v1/proposals/{id}":           {response: "Proposal"},
	"GET /api/v1/tokens/{id}":              {response: "Token"},
	"GET /api/v1/report-files/{id}":        {response: "Attachment"},
	"GET /api/v1/materials/{id}":           {response: "Material"},
	"GET /api/v1/materials/{id}/content":   {files: []string{congtac.TypePDF, congtac.TypeDOCX}},
	"GET /api/v1/programs/{id}/files/{file}": {id: "programFile", files: []string{ctypeDOCX, ctypePDF, ctypeXLSX},
		names: downloadNames(programFiles())},
	"GET /api/v1/meetings/{id}/files/{file}": {id: "meetingFile", files: []string{"text/calendar", ctypeDOCX, ctypePDF},
		names: downloadNames(meetingFiles())},
	"GET /api/v1/report-files/{id}/content":  {files: []string{congtac.TypePDF, congtac.TypeDOCX, congtac.TypeXLSX, congtac.TypePNG, congtac.TypeJPEG}},
	"GET /api/v1/posts/{id}":                 {response: "Post"},
	"GET /api/v1/documents/{id}":             {response: "Document"},
	"POST /api/v1/users":                     {body: "UserCreate", status: http.StatusCreated, response: "User", errors: []int{409}},
	"PATCH /api/v1/users/{id}":               {body: "UserUpdate", response: "User", errors: []int{409}},
	"POST /api/v1/users/{id}/password-reset": {body: "PasswordReset", response: "PasswordResetDone"},
	"POST /api/v1/users/{id}/sessions/end":   {response: "SessionsEnded"},
	"POST /api/v1/users/{id}/totp-reset":     {response: "SessionsEnded"},
	"GET /api/v1/committees/{id}/settings":   {response: "CommitteeSettings"},
	"PATCH /api/v1/committees/{id}/settings": {body: "CommitteeSettingsUpdate", response: "CommitteeSettings", errors: []int{409}},
	"GET /api/v1/settings/global":            {response: "GlobalSettings"},
	"PATCH /api/v1/settings/global":          {body: "GlobalSettingsUpdate", response: "GlobalSettings"},
	"GET /api/v1/people": {list: true, response: "Person", params: []apiParam{
		qText("q", "Tìm theo họ tên, không phân biệt dấu."),
		qID("org", "Cơ quan, đơn vị công tác."),
	}},
	"GET /api/v1/programs": {list: true, response: "Program", params: []apiParam{
		qEnum("kind", "Loại kỳ của chương trình.", periodKinds...),
		qYear("year", "Năm của kỳ."),
		qPeriod("period", "Kỳ chính của chương trình."),
		qEnum("status", "Trạng thái.", programStatuses...),
		qID("org", "Cơ quan ban hành."),
		qText("q", "Tìm trong trích yếu, không phân biệt dấu."),
	}},
	"GET /api/v1/programs/{id}": {response: "ProgramDetail"},
	"POST /api/v1/programs": {body: "ProgramCreate", status: http.StatusCreated, response: "ProgramDetail",
		errors: []int{404, 409}},
	"PATCH /api/v1/programs/{id}":                  {body: "ProgramUpdate", response: "Program", errors: []int{409}},
	"DELETE /api/v1/programs/{id}":                 {status: http.StatusNoContent, params: []apiParam{versionParam}, errors: []int{409, 422}},
	"POST /api/v1/programs/{id}/transitions":       {body: "ProgramTransition", response: "Program", errors: []int{409}},
	"POST /api/v1/programs/{id}/issue":             {body: "ProgramIssue", response: "Program", errors: []int{409}},
	"POST /api/v1/programs/{id}/amend":             {body: "ProgramAmend", status: http.StatusCreated, response: "ProgramDetail", errors: []int{409}},
	"POST /api/v1/programs/{id}/carried-deadlines": {body: "CarriedDeadlines", response: "CarriedResult"},
	"POST /api/v1/programs/{id}/comments":          {body: "CommentCreate", status: http.StatusCreated, response: "ReviewComment"},
	"GET /api/v1/programs/{id}/comments/{comment}": {response: "ReviewComment"},
	"POST /api/v1/programs/{id}/items":             {body: "ItemCreate", status: http.StatusCreated, response: "Item"},
	"GET /api/v1/items/{id}":                       {response: "Item"},
	"PATCH /api/v1/items/{id}":                     {body: "ItemUpdate", response: "Item", errors: []int{409}},
	"POST /api/v1/meetings":                        {body: "MeetingCreate", status: http.StatusCreated, response: "MeetingDetail", errors: []int{404}},
	"POST /api/v1/meetings/{id}/documents":         {body: "MeetingIssue", status: http.StatusCreated, response: "Document"},
	"PATCH /api/v1/meetings/{id}":                  {body: "MeetingUpdate", response: "MeetingDetail", errors: []int{409}},
	"GET /api/v1/meetings/{id}/agenda":             {list: true, response: "AgendaItem"},
	"POST /api/v1/meetings/{id}/agenda":            {body: "AgendaInput", status: http.StatusCreated, response: "AgendaItem", errors: []int{404}},
	"POST /api/v1/agenda/{id}/tasks":               {body: "ConclusionTask", status: http.StatusCreated, response: "Task", errors: []int{404}},
	"POST /api/v1/tasks/{id}/completion":           {id: "taskComplete", body: "TaskAction", response: "Task", errors: []int{404, 409}},
	"POST /api/v1/tasks/{id}/deferrals":            {id: "taskDefer", body: "TaskAction", response: "Task", errors: []int{404, 409}},
	"POST /api/v1/tasks/{id}/cancellation":         {id: "taskCancel", body: "TaskAction", response: "Task", errors: []int{404, 409}},
	"POST /api/v1/tasks/{id}/reopen":               {id: "taskReopen", body: "TaskAction", response: "Task", errors: []int{404, 409}},
	"GET /api/v1/boards": {response: "Board", params: []apiParam{
		qID("committee", "Cơ quan ban hành chương trình; mặc định ủy ban của người dùng."),
		qID("lead", "Chỉ các cơ quan chủ trì thuộc đơn vị này."),
		qPeriod("period", "Kỳ; mặc định tháng này."),
		qEnum("by", "Nhóm theo: cơ quan chủ trì, lĩnh vực, lãnh đạo phụ trách.", codesOf(congtac.BoardBys)...),
	}},
	"GET /api/v1/explanations": {list: true, response: "Explanation", params: []apiParam{
		qID("task", "Nhiệm vụ."),
		qID("org", "Đơn vị phải giải trình."),
		qEnum("state", "Tình trạng hôm nay.", codesOf(congtac.ExplanationStates)...),
	}},
	"POST /api/v1/explanations":           {body: "ExplanationAsk", status: http.StatusCreated, response: "Explanation", errors: []int{404}},
	"GET /api/v1/explanations/{id}":       {response: "Explanation"},
	"PATCH /api/v1/explanations/{id}":     {body: "ExplanationAnswer", response: "Explanation", errors: []int{409}},
	"GET /api/v1/meetings/{id}/materials": {list: true, response: "Material"},
	"POST /api/v1/agenda/{id}/materials": {upload: "application/octet-stream", status: http.StatusCreated, response: "Material",
		params: []apiParam{qText("name", "Tên tệp, như người dùng thấy (Báo cáo KT-XH.pdf).")}},
	"GET /api/v1/reports/{id}/files": {list: true, response: "Attachment"},
	"POST /api/v1/imports": {upload: "application/octet-stream", params: importParams, also: http.StatusCreated,
		response: "Import", errors: []int{409}},
	"POST /api/v1/reports/{id}/files": {upload: "application/octet-stream", status: http.StatusCreated, response: "Attachment",
		params: []apiParam{qText("name", "Tên tệp, như người dùng thấy (Biên bản nghiệm thu.pdf).")}},
	"GET /api/v1/agenda/{id}":                      {response: "AgendaItem"},
	"PATCH /api/v1/agenda/{id}":                    {body: "AgendaUpdate", response: "AgendaItem", errors: []int{409}},
	"PUT /api/v1/meetings/{id}/sittings/{date}":    {body: "SittingChange", response: "MeetingDetail", errors: []int{409}},
	"DELETE /api/v1/meetings/{id}/sittings/{date}": {response: "MeetingDetail", params: []apiParam{versionParam}, errors: []int{409}},
	"POST /api/v1/calendar/entries":                {body: "EngagementCreate", status: http.StatusCreated, response: "Engagement", errors: []int{404}},
	"GET /api/v1/calendar/entries/{id}":            {response: "Engagement"},
	"PATCH /api/v1/calendar/entries/{id}":          {body: "EngagementUpdate", response: "Engagement", errors: []int{409}},
	"GET /api/v1/feeds":                            {list: true, response: "Feed"},
	"POST /api/v1/feeds":                           {body: "FeedCreate", status: http.StatusCreated, response: "NewFeed", errors: []int{404}},
	"GET /api/v1/feeds/{id}":                       {response: "Feed"},
	"DELETE /api/v1/feeds/{id}":                    {status: http.StatusNoContent},
	"DELETE /api/v1/agenda/{id}":                   {status: http.StatusNoContent, params: []apiParam{versionParam}, errors: []int{409}},
	"DELETE /api/v1/items/{id}":                    {status: http.StatusNoContent, params: []apiParam{versionParam}, errors: []int{409, 422}},
	"POST /api/v1/items/{id}/tasks":                {body: "TaskCreate", status: http.StatusCreated, response: "Task"},
	"PATCH /api/v1/tasks/{id}":                     {body: "TaskUpdate", response: "Task", errors: []int{409}},
	"DELETE /api/v1/tasks/{id}":                    {status: http.StatusNoContent, params: []apiParam{versionParam}, errors: []int{409, 422}},
	"GET /api/v1/programs/{id}/versions": {response: "ProgramVersions", params: []apiParam{
		qVersion("a", "Phiên bản gốc để so sánh (cùng với b)."),
		qVersion("b", "Phiên bản so với a."),
	}},
	"GET /api/v1/deadlines": {response: "Deadline", params: []apiParam{
		qText("text", "Cụm từ thời hạn: chậm nhất trong tháng 6/2023, trong Quý II, từng tháng."),
		qDate("ref", "Ngày mốc, thường là ngày đầu kỳ của chương trình; mặc định hôm nay."),
	}},
	"GET /api/v1/proposals": {list: true, response: "Proposal", params: []apiParam{
		qPeriod("period", "Kỳ của chương trình."),
		qEnum("status", "Trạng thái.", proposalStatusCodes...),
		qEnum("kind", "Loại nội dung.", proposalKindCodes...),
		qID("org", "Đơn vị đăng ký."),
		qID("committee", "Ủy ban có chương trình."),
	}},
	"POST /api/v1/proposals":               {body: "ProposalCreate", status: http.StatusCreated, response: "Proposal"},
	"POST /api/v1/proposals/{id}/decision": {body: "ProposalDecision", response: "Proposal", errors: []int{409}},
	"GET /api/v1/tasks": {list: true, next: true, response: "Task", params: []apiParam{
		qID("program", "Chương trình."),
		qID("org", "Cơ quan chủ trì hoặc phối hợp."),
		qID("lead", "Cơ quan chủ trì."),
		qEnum("status", "Trạng thái tính đến hôm nay.", codesOf(congtac.Statuses)...),
		qEnum("sector", "Lĩnh vực.", codesOf(congtac.Sectors)...),
		qID("leader", "Lãnh đạo phụ trách (mã cán bộ)."),
		qPeriod("period", "Kỳ chính của chương trình chứa nhiệm vụ."),
		qID("committee", "Cơ quan ban hành chương trình chứa nhiệm vụ."),
		qEnum("unreported", "1: chỉ nhiệm vụ chưa có báo cáo nào được gửi.", "0", "1"),
		qEnum("listed", "1: nhiệm vụ như các chương trình đã ban hành của kỳ (period) liệt kê, kể cả bản đã chuyển tiếp sang kỳ sau — như bảng theo dõi đếm.", "0", "1"),
		qDate("due_from", "Thời hạn từ ngày."),
		qDate("due_to", "Thời hạn đến ngày."),
		qText("q", "Tìm trong nội dung nhiệm vụ, không phân biệt dấu."),
		qText("cursor", "Lấy trang sau nhiệm vụ này: giá trị next_cursor của trang trước; thay cho offset, "+
			"mọi trang đều nhanh như trang đầu."),
	}},
	"GET /api/v1/tasks/{id}": {response: "TaskDetail"},
	"GET /api/v1/reports": {list: true, response: "Report", params: []apiParam{
		qID("task", "Nhiệm vụ."),
		qID("org", "Đơn vị báo cáo."),
		qEnum("status", "Trạng thái.", codesOf(congtac.ReportStatuses)...),
	}},
	"POST /api/v1/reports": {body: "ReportCreate", status: http.StatusCreated, response: "Report",
		errors: []int{404}},
	"GET /api/v1/reports/{id}":         {response: "Report"},
	"PATCH /api/v1/reports/{id}":       {body: "ReportUpdate", response: "Report", errors: []int{409}},
	"POST /api/v1/reports/{id}/submit": {body: "ReportSubmit", response: "Report", errors: []int{409}},
	"POST /api/v1/reports/{id}/review": {body: "ReportReview", response: "Report", errors: []int{409}},
	"GET /api/v1/meetings": {list: true, response: "Meeting", params: []apiParam{
		qDate("from", "Họp từ ngày (hội nghị định kỳ: có một buổi trong khoảng)."),
		qDate("to", "Họp đến ngày."),
		qEnum("kind", "Loại hội nghị.", meetingKinds...),
		qID("org", "Cơ quan tổ chức."),
		qText("q", "Tìm trong tên hội nghị và địa điểm, không phân biệt dấu."),
	}},
	"GET /api/v1/meetings/{id}": {response: "MeetingDetail"},
	"GET /api/v1/calendar": {response: "Calendar", errors: []int{404}, params: []apiParam{
		qID("org", "Cơ quan có lịch; mặc định là Ủy ban nhân dân của tài khoản."),
		qWeek("week", "Tuần ISO, ví dụ 2026-W48; mặc định là tuần này."),
	}},
	"GET /api/v1/documents": {list: true, response: "Document", params: []apiParam{
		qYear("year", "Năm ban hành."),
		qEnum("type", "Loại văn bản (ký hiệu).", documentTypes...),
		qID("org", "Cơ quan ban hành."),
		qText("q", "Tìm trong trích yếu, không phân biệt dấu."),
	}},
	"GET /api/v1/search": {response: "SearchResults", params: searchParams()},
	"GET /api/v1/audit": {list: true, response: "AuditEvent", params: []apiParam{
		qID("user", "Tài khoản thực hiện."),
		qID("org", "Đơn vị của bản ghi."),
		qText("entity", "Loại bản ghi: program, task, report, user …"),
		qID("entity_id", "Mã bản ghi."),
		qDate("from", "Từ ngày (giờ Việt Nam)."),
		qDate("to", "Đến hết ngày (giờ Việt Nam)."),
	}},
	"GET /api/v1/tokens":         {list: true, response: "Token"},
	"POST /api/v1/tokens":        {body: "TokenCreate", status: http.StatusCreated, response: "NewToken"},
	"DELETE /api/v1/tokens/{id}": {status: http.StatusNoContent},
}

// Codes of domain enums that are not listed in a slice of the domain.
var (
	periodKinds = []string{string(congtac.PeriodYear), string(congtac.PeriodHalf),
		string(congtac.PeriodQuarter), string(congtac.PeriodMonth), string(congtac.PeriodWeek)}
	programStatuses = []string{string(congtac.ProgramDraft), string(congtac.ProgramSubmitted),
		string(congtac.ProgramReturned), string(congtac.ProgramApproved), string(congtac.ProgramIssued),
		string(congtac.ProgramAmended), string(congtac.ProgramSuperseded)}
	meetingKinds = []string{string(congtac.MeetingRegular), string(congtac.MeetingThematic),
		string(congtac.MeetingBriefing), string(congtac.MeetingWorking)}
	meetingStatuses = []string{string(congtac.MeetingPlanned), string(congtac.MeetingPostponed),
		string(congtac.MeetingCancelled), string(congtac.MeetingHeld)}
	dayParts = []string{string(congtac.Morning), string(congtac.Afternoon), string(congtac.Evening),
		string(congtac.AllDay)}
	precisions = []string{string(congtac.PrecisionDay), string(congtac.PrecisionMonth),
		string(congtac.PrecisionQuarter), string(congtac.PrecisionHalf), string(congtac.PrecisionYear)}
	itemStyles = []string{string(congtac.StyleUpperLetter), string(congtac.StyleRoman), string(congtac.StyleArabic),
		string(congtac.StyleNested), string(congtac.StyleLowerLetter), string(congtac.StyleDash), string(congtac.StyleNone)}
	programActions = []string{string(congtac.ActionSubmit), string(congtac.ActionRecall), string(congtac.ActionReturn),
		string(congtac.ActionApprove), string(congtac.ActionIssue), string(congtac.ActionAmend),
		string(congtac.ActionSupersede)}
	proposalKindCodes   = []string{string(congtac.ProposeTask), string(congtac.ProposeItem), string(congtac.ProposeAgenda)}
	proposalStatusCodes = []string{string(congtac.ProposalOpen), string(congtac.ProposalAccepted),
		string(congtac.ProposalRejected), string(congtac.ProposalWithdrawn)}
	// documentTypes leaves out the công văn, whose type symbol is empty.
	documentTypes = codesOf(slices.DeleteFunc(slices.Clone(congtac.DocTypes),
		func(t congtac.DocType) bool { return t == congtac.DocLetter }))
)

// oaDoc is an OpenAPI 3.0.3 document, as much of it as the API uses.
type oaDoc struct {
	OpenAPI    string                             `json:"openapi"`
	Info       oaInfo                             `json:"info"`
	Servers    []map[string]string                `json:"servers"`
	Security   []map[string][]string              `json:"security"`
	Tags       []map[string]string                `json:"tags"`
	Paths      map[string]map[string]*oaOperation `json:"paths"`
	Components oaComponents                       `json:"components"`
}

type oaInfo struct {
	Title       string `json:"title"`
	Version     string `json:"version"`
	Description string `json:"description"`
}

type oaOperation struct {
	OperationID string                 `json:"operationId"`
	Summary     string                 `json:"summary"`
	Tags        []string               `json:"tags"`
	Parameters  []oaParameter          `json:"parameters,omitempty"`
	RequestBody *oaRequestBody         `json:"requestBody,omitempty"`
	Responses   map[string]*oaResponse `json:"responses"`
	Security    *[]map[string][]string `json:"security,omitempty"` // set to none for public routes
}

type oaParameter struct {
	Name        string    `json:"name"`
	In          string    `json:"in"`
	Description string    `json:"description,omitempty"`
	Required    bool      `json:"required,omitempty"`
	AllowEmpty  bool      `json:"allowEmptyValue,omitempty"`
	Schema      *oaSchema `json:"schema"`
	Example     any       `json:"example,omitempty"` // the value of the operation's example call
}

type oaRequestBody struct {
	Description string                 `json:"description,omitempty"`
	Required    bool                   `json:"required"`
	Content     map[string]oaMediaType `json:"content"`
}

type oaMediaType struct {
	Schema  *oaSchema `json:"schema"`
	Example any       `json:"example,omitempty"` // the body of the operation's example call
}

type oaResponse struct {
	Ref         string                 `json:"$ref,omitempty"`
	Description string                 `json:"description,omitempty"`
	Content     map[string]oaMediaType `json:"content,omitempty"`
}

type oaComponents struct {
	Schemas         map[string]*oaSchema        `json:"schemas"`
	Responses       map[string]*oaResponse      `json:"responses"`
	SecuritySchemes map[string]oaSecurityScheme `json:"securitySchemes"`
}

type oaSecurityScheme struct {
	Type        string `json:"type"`
	Scheme      string `json:"scheme,omitempty"`
	In          string `json:"in,omitempty"`
	Name        string `json:"name,omitempty"`
	Description string `json:"description"`
}

// errorResponses names the shared error answers of components/responses by status.
var errorResponses = map[int]struct{ name, description string }{
	400: {"BadRequest", "Yêu cầu không hợp lệ: tham số hoặc JSON sai dạng."},
	401: {"Unauthorized", "Chưa đăng nhập, hoặc mã truy cập không hợp lệ hay đã bị thu hồi."},
	403: {"Forbidden", "Vai trò không có quyền này."},
	404: {"NotFound", "Không có bản ghi, hoặc bản ghi nằm ngoài phạm vi của tài khoản."},
	409: {"Conflict", "Bản ghi đã được người khác sửa (phiên bản đã thay đổi)."},
	413: {"PayloadTooLarge", "Nội dung gửi lên quá lớn."},
	415: {"UnsupportedMediaType", "Nội dung gửi lên không phải application/json."},
	422: {"Invalid", "Dữ liệu chưa hợp lệ; fields chỉ ra từng trường."},
}

// handleAPIOpenAPI serves the OpenAPI document of the API, encoded once when the server
// was made. Anyone may read it.
func (s *Server) handleAPIOpenAPI(w http.ResponseWriter, r *http.Request) {
	startJSON(w, http.StatusOK)
	w.Write(s.apiDoc)
}

// encodeOpenAPI returns the OpenAPI document as its route serves it.
func (s *Server) encodeOpenAPI() ([]byte, error) {
	var b bytes.Buffer
	err := encodeJSON(&b, s.openAPI())
	return b.Bytes(), err
}

// openAPI builds the document from the route table and apiOps.
func (s *Server) openAPI() oaDoc {
	doc := oaDoc{
		OpenAPI: "3.0.3",
		Info: oaInfo{Title: "congtac API", Version: "1",
			Description: "API JSON của hệ thống quản lý chương trình công tác, với cùng quyền như giao diện web. " +
				"Xác thực bằng phiên đăng nhập (cookie) hoặc mã truy cập cá nhân (Authorization: Bearer)."},
		Servers:  []map[string]string{{"url": "/"}},
		Security: []map[string][]string{{"bearerAuth": {}}, {"cookieAuth": {}}},
		Paths:    map[string]map[string]*oaOperation{},
		Components: oaComponents{Schemas: apiSchemas(), Responses: map[string]*oaResponse{},
			SecuritySchemes: map[string]oaSecurityScheme{
				"bearerAuth": {Type: "http", Scheme: "bearer",
					Description: "Mã truy cập cá nhân tạo tại POST /api/v1/tokens hoặc trang Tài khoản."},
				"cookieAuth": {Type: "apiKey", In: "cookie", Name: "congtac_session",
					Description: "Phiên đăng nhập của trình duyệt."},
			}},
	}
	for _, e := range errorResponses {
		doc.Components.Responses[e.name] = &oaResponse{Description: e.description,
			Content: jsonContent(schRef("Error"))}
	}
	tags := map[string]bool{}
	for _, rt := range s.routeTable() {
		if !rt.api {
			continue
		}
		op := s.operationOf(rt, doc.Components.Schemas)
		if doc.Paths[rt.pattern] == nil {
			doc.Paths[rt.pattern] = map[string]*oaOperation{}
		}
		doc.Paths[rt.pattern][strings.ToLower(rt.method)] = op
		tags[op.Tags[0]] = true
	}
	for _, tag := range slices.Sorted(maps.Keys(tags)) {
		doc.Tags = append(doc.Tags, map[string]string{"name": tag})
	}
	return doc
}

// operationOf describes one route; the schemas of its lists are added to schemas.
func (s *Server) operationOf(rt route, schemas map[string]*oaSchema) *oaOperation {
	d := apiOps[rt.method+" "+rt.pattern]
	op := &oaOperation{OperationID: cmp.Or(d.id, operationID(rt.handler)), Summary: rt.summary,
		Tags:      []string{strings.Split(strings.TrimPrefix(rt.pattern, "/api/v1/"), "/")[0]},
		Responses: map[string]*oaResponse{}}
	for _, name := range pathParams(rt.pattern) {
		p := oaParameter{Name: name, In: "path", Required: true,
			Description: "Mã bản ghi.", Schema: &oaSchema{Type: "integer", Format: "int64", Minimum: ptr(1.0)}}
		switch name {
		case "date":
			p.Description, p.Schema = "Ngày năm-tháng-ngày.", schDate("")
		case "file":
			p.Description, p.Schema = "Tên tệp.", schEnum("", d.names...)
		}
		op.Parameters = append(op.Parameters, p)
	}
	params := d.params
	if d.list {
		params = append(slices.Clip(params), pagingParams...)
	}
	for _, p := range params {
		// An optional parameter given empty ("?status=") is taken as not given, as forms send.
		op.Parameters = append(op.Parameters, oaParameter{Name: p.name, In: "query", Description: p.schema.Description,
			Required: p.required, AllowEmpty: !p.required, Schema: p.schema})
	}
	switch {
	case d.body != "":
		op.RequestBody = &oaRequestBody{Required: true, Content: jsonContent(schRef(d.body))}
	case d.upload != "":
		op.RequestBody = &oaRequestBody{Required: true, Content: map[string]oaMediaType{
			d.upload: {Schema: &oaSchema{Type: "string", Format: "binary", Description: uploadNotes[d.upload]}}}}
	}
	ok := &oaResponse{Description: "Thành công."}
	switch {
	case d.list:
		list := d.response + "List"
		schemas[list] = listSchema(d.response, d.next)
		ok.Content = jsonContent(schRef(list))
	case d.response != "":
		ok.Content = jsonContent(schRef(d.response))
	case len(d.files) > 0:
		ok.Description = "Thành công: chính tệp, với tên trong Content-Disposition."
		ok.Content = map[string]oaMediaType{}
		for _, t := range d.files {
			ok.Content[t] = oaMediaType{Schema: &oaSchema{Type: "string", Format: "binary"}}
		}
	}
	op.Responses[strconv.Itoa(cmp.Or(d.status, http.StatusOK))] = ok
	if d.also != 0 {
		op.Responses[strconv.Itoa(d.also)] = ok
	}
	if rt.need == "" {
		op.Security = &[]map[string][]string{}
	}
	for _, status := range errorsOf(rt, d) {
		op.Responses[strconv.Itoa(status)] = &oaResponse{Ref: "#/components/responses/" + errorResponses[status].name}
	}
	if ex, ok := s.examples[op.OperationID]; ok {
		addExample(op, rt.pattern, ex)
	}
	return op
}

// errorsOf returns the statuses a route fails with: 401 and 403 unless it is public, 400
// for bad query parameters, 404 for a record named in the path, 400, 413, 415 and 422 for a
// bad body, and those apiOps adds.
func errorsOf(rt route, d apiOp) []int {
	errs := slices.Clone(d.errors)
	if rt.need != "" {
		errs = append(errs, 401, 403)
	}
	if len(d.params) > 0 || d.list {
		errs = append(errs, 400)
	}
	if len(pathParams(rt.pattern)) > 0 {
		errs = append(errs, 404)
	}
	if d.body != "" || d.upload != "" {
		errs = append(errs, 400, 413, 415, 422)
	}
	slices.Sort(errs)
	return slices.Compact(errs)
}

// uploadNotes describe the raw bodies of the routes with an upload, by media type.
var uploadNotes = map[string]string{
	"image/png": "Nội dung là chính tệp ảnh PNG (không bọc JSON hay multipart), nền trong suốt, " +
		"tối đa 1 MB và 2.000 điểm ảnh mỗi chiều; hệ thống kiểm tra theo nội dung tệp.",
	"application/octet-stream": "Nội dung là chính tệp (PDF, DOCX; với nhập văn bản cả văn bản thuần), không bọc JSON hay multipart, tối đa 20 MB; " +
		"hệ thống nhận biết loại tệp theo nội dung, không theo tên.",
}

// jsonContent is the content of a JSON body of schema sc.
func jsonContent(sc *oaSchema) map[string]oaMediaType {
	return map[string]oaMediaType{"application/json": {Schema: sc}}
}

// pathParams returns the names of the wildcards of a route pattern.
func pathParams(pattern string) []string {
	var out []string
	for _, seg := range strings.Split(pattern, "/") {
		if name, ok := strings.CutPrefix(seg, "{"); ok {
			out = append(out, strings.TrimSuffix(name, "}"))
		}
	}
	return out
}

// operationID derives an operation's ID from its handler's name: handleAPITaskList gives
// "taskList".
func operationID(h http.HandlerFunc) string {
	name := runtime.FuncForPC(reflect.ValueOf(h).Pointer()).Name() // congtac/web.(*Server).handleAPITaskList-fm
	name = strings.TrimSuffix(name[strings.LastIndex(name, ".")+1:], "-fm")
	name = strings.TrimPrefix(name, "handleAPI")
	r, n := utf8.DecodeRuneInString(name)
	return string(unicode.ToLower(r)) + name[n:]
}

// ptr returns a pointer to a copy of v.
func ptr[T any](v T) *T { return &v }

// schema is an OpenAPI 3.0 schema object, as much of it as the API's DTOs need.
type oaSchema struct {
	Ref                  string               `json:"$ref,omitempty"`
	AllOf                []*oaSchema          `json:"allOf,omitempty"`
	Type                 string               `json:"type,omitempty"`
	Format               string               `json:"format,omitempty"`
	Description          string               `json:"description,omitempty"`
	Enum                 []string             `json:"enum,omitempty"`
	Nullable             bool                 `json:"nullable,omitempty"`
	Minimum              *float64             `json:"minimum,omitempty"`
	Maximum              *float64             `json:"maximum,omitempty"`
	MinLength            *int                 `json:"minLength,omitempty"`
	MaxLength            *int                 `json:"maxLength,omitempty"` // in characters
	Pattern              string               `json:"pattern,omitempty"`
	Properties           map[string]*oaSchema `json:"properties,omitempty"`
	Required             []string             `json:"required,omitempty"`
	AdditionalProperties any                  `json:"additionalProperties,omitempty"` // false, or the schema of the values
	Items                *oaSchema            `json:"items,omitempty"`
}

// schLength returns s with its bounds of length in characters.
func schLength(s *oaSchema, min, max int) *oaSchema {
	s.MinLength, s.MaxLength = &min, &max
	return s
}

// schMax returns s with its maximum length in characters; the server refuses a longer
// text in a body before it reads the rest (see readJSON).
func schMax(s *oaSchema, max int) *oaSchema {
	s.MaxLength = &max
	return s
}

// schRange returns s with its bounds, both included.
func schRange(s *oaSchema, min, max float64) *oaSchema {
	s.Minimum, s.Maximum = &min, &max
	return s
}

// Patterns of the texts whose form the server checks.
var (
	// periodPattern is the form of a period's key: 2023, 2023-H1, 2023-Q2, 2023-05, 2023-W15.
	periodPattern = `^[0-9]{4}(-(H[12]|Q[1-4]|0[1-9]|1[0-2]|W(0[1-9]|[1-4][0-9]|5[0-3])))?$`
	// phonePattern and emailPattern are those of a person's phone and email; empty is allowed.
	phonePattern = `^[0-9 +.()-]*$`
	emailPattern = `^([^@ \t]+@[^@ \t]+)?$`
	// shortNamePattern is that of an org's short name: no space or slash.
	shortNamePattern = `^[^ /]*$`
)

// schPattern returns s with the pattern (ECMA 262, found anywhere in the value) that its
// values match.
func schPattern(s *oaSchema, pattern string) *oaSchema {
	s.Pattern = pattern
	return s
}

// oaProps are the properties of an object schema.
type oaProps map[string]*oaSchema

// object is the schema of a response DTO: every property is always present (null when
// empty, as declared), so every one is required.
func schObject(doc string, p oaProps) *oaSchema {
	return &oaSchema{Type: "object", Description: doc, Properties: p, Required: slices.Sorted(maps.Keys(p))}
}

// schPatch is the schema of a PATCH body whose fields left out or null keep their value:
// every property but the required ones is nullable, as the server reads them.
func schPatch(doc string, required []string, p oaProps) *oaSchema {
	out := oaProps{}
	for name, s := range p {
		if !slices.Contains(required, name) && !s.Nullable {
			s = schNullable(s)
		}
		out[name] = s
	}
	return schInput(doc, required, out)
}

// input is the schema of a request body: the required properties, and no others allowed.
func schInput(doc string, required []string, p oaProps) *oaSchema {
	return &oaSchema{Type: "object", Description: doc, Properties: p, Required: required,
		AdditionalProperties: false}
}

// extend returns an object schema with base's properties and more.
func schExtend(base *oaSchema, doc string, more oaProps) *oaSchema {
	p := maps.Clone(base.Properties)
	maps.Copy(p, more)
	return schObject(doc, p)
}

// Schemas by kind: a reference to a named schema, string, integer, number, boolean, date,
// instant, one of codes, array of items.
func schRef(name string) *oaSchema { return &oaSchema{Ref: "#/components/schemas/" + name} }

func schString(doc string) *oaSchema { return &oaSchema{Type: "string", Description: doc} }

func schInt(doc string) *oaSchema {
	return &oaSchema{Type: "integer", Format: "int64", Description: doc}
}

func schNumber(doc string) *oaSchema { return &oaSchema{Type: "number", Description: doc} }

func schBool(doc string) *oaSchema { return &oaSchema{Type: "boolean", Description: doc} }

func schDate(doc string) *oaSchema {
	return &oaSchema{Type: "string", Format: "date", Description: doc}
}

func schDateTime(doc string) *oaSchema {
	return &oaSchema{Type: "string", Format: "date-time", Description: doc + " (RFC 3339, UTC)"}
}

func schEnum(doc string, codes ...string) *oaSchema {
	return &oaSchema{Type: "string", Description: doc, Enum: codes}
}

func schArray(items *oaSchema) *oaSchema { return &oaSchema{Type: "array", Items: items} }

// nullable returns sc allowing null too; a reference is wrapped in allOf, since OpenAPI
// 3.0 ignores the siblings of $ref.
func schNullable(sc *oaSchema) *oaSchema {
	if sc.Ref != "" {
		return &oaSchema{AllOf: []*oaSchema{sc}, Nullable: true}
	}
	c := *sc
	c.Nullable = true
	return &c
}

// listSchema is the schema of a page of items of schema item; with next, of a list also
// paged by cursor.
func listSchema(item string, next bool) *oaSchema {
	props := oaProps{
		"items":  schArray(schRef(item)),
		"total":  schInt("Số bản ghi thỏa điều kiện lọc, không kể phân trang."),
		"limit":  schInt("Số bản ghi tối đa của trang."),
		"offset": schInt("Số bản ghi bỏ qua trước trang."),
	}
	if next {
		props["next_cursor"] = schNullable(schString("Giá trị tham số cursor để lấy trang sau; null ở trang cuối."))
	}
	return schObject("Một trang danh sách.", props)
}

// apiSchemas gathers the schemas of every DTO.
func apiSchemas() map[string]*oaSchema {
	all := map[string]*oaSchema{
		"OpenAPIDocument": {Type: "object", Description: "Tài liệu OpenAPI 3.0.3 này."},
		"Error": schObject("Lỗi: mã, thông báo tiếng Việt và các trường có lỗi.", oaProps{
			"code":    schEnum("Mã lỗi.", congtac.EINVALID, congtac.ENOTFOUND, congtac.ECONFLICT, congtac.EFORBIDDEN, congtac.EINTERNAL),
			"message": schString("Thông báo cho người dùng."),
			"fields":  {Type: "object", Description: "Thông báo theo tên trường, nếu có.", AdditionalProperties: schString("")},
		}),
	}
	all["Error"].Required = []string{"code", "message"}
	for _, part := range []map[string]*oaSchema{meSchemas(), catalogSchemas(), programSchemas(), taskSchemas(),
		reportSchemas(), meetingSchemas(), meetingWriteSchemas(), sittingSchemas(), feedSchemas(), engagementWriteSchemas(), conclusionSchemas(), taskActionSchemas(), explanationSchemas(), boardSchemas(), attachmentSchemas(), materialSchemas(), calendarSchemas(), documentSchemas(), searchSchemas(),
		auditSchemas(), tokenSchemas(), importSchemas(), draftSchemas(), versionSchemas(), itemSchemas(), draftTaskSchemas(), carriedSchemas(),
		deadlineSchemas(), proposalSchemas(), orgSchemas(), groupSchemas(), personSchemas(), userSchemas(), settingsSchemas()} {
		maps.Copy(all, part)
	}
	return all
}
