package web

import (
	"fmt"
	"net/http"

	"congtac"
)

// apiTask is a task with its status as of today, as lists show it.
type apiTask struct {
	ID              int64            `json:"id"`
	ProgramID       int64            `json:"program_id"`
	ItemID          *int64           `json:"item_id"`
	Position        int              `json:"position"`
	Text            string           `json:"text"`
	Sector          *string          `json:"sector"`
	SectorLabel     string           `json:"sector_label"`
	LeadID          int64            `json:"lead_id"`
	Shares          []apiShare       `json:"shares"`
	Supports        []apiSupport     `json:"supports"`
	LeaderID        *int64           `json:"leader_id"`
	Due             apiDue           `json:"due"`
	Recurrence      *string          `json:"recurrence"`
	RecurrenceStart *string          `json:"recurrence_start"`
	Target          *apiTarget       `json:"target"`
	Source          string           `json:"source"`
	CarriedFrom     *int64           `json:"carried_from"`
	KeepsOldDue     bool             `json:"keeps_old_due"`
	Replaces        *int64           `json:"replaces"`
	SupersededBy    *int64           `json:"superseded_by"`
	DoneOn          *string          `json:"done_on"`
	DoneBy          *int64           `json:"done_by"`
	DoneReportID    *int64           `json:"done_report_id"`
	Deferral        *apiDeferral     `json:"deferral"`
	Cancellation    *apiCancellation `json:"cancellation"`
	Status          string           `json:"status"`
	StatusLabel     string           `json:"status_label"`
	AsOf            string           `json:"as_of"`
	Print           string           `json:"print"`
	LeadVerb        string           `json:"lead_verb"`
	PrintDue        bool             `json:"print_due"`
	PrintSource     bool             `json:"print_source"`
	Version         int              `json:"version"`
}

// apiSupport is a support org's share of a task, with its own status.
type apiSupport struct {
	OrgID       int64   `json:"org_id"`
	DoneOn      *string `json:"done_on"`
	Status      string  `json:"status"`
	StatusLabel string  `json:"status_label"`
}

// apiShare is a member's share of a task led by a group, with its own status: the shape of
// a support org's.
type apiShare = apiSupport

// apiParts returns the DTOs of a task's shares or supports, each with the status status
// gives it as of today.
func apiParts(parts []congtac.Support, status func(int64, congtac.Date) (congtac.Status, bool), today congtac.Date) []apiSupport {
	out := make([]apiSupport, 0, len(parts))
	for _, sp := range parts {
		st, _ := status(sp.OrgID, today)
		out = append(out, apiSupport{OrgID: sp.OrgID, DoneOn: apiDate(sp.DoneOn), Status: string(st), StatusLabel: st.Label()})
	}
	return out
}

// apiDue is a deadline: the last day, how precisely it was given, the phrase it came from,
// and its short Vietnamese form.
type apiDue struct {
	Date      *string `json:"date"`
	Precision *string `json:"precision"`
	Text      string  `json:"text"`
	Label     string  `json:"label"`
}

func newAPIDue(d congtac.Due) apiDue {
	return apiDue{Date: apiDate(d.Date), Precision: apiCode(d.Precision), Text: d.Text, Label: d.String()}
}

// apiTarget is a task's measurable goal.
type apiTarget struct {
	Metric     string  `json:"metric"`
	Unit       string  `json:"unit"`
	Comparator string  `json:"comparator"`
	Value      float64 `json:"value"`
	Baseline   string  `json:"baseline"`
	Text       string  `json:"text"`
}

type apiDeferral struct {
	On         *string `json:"on"`
	To         apiDue  `json:"to"`
	Reason     string  `json:"reason"`
	ApprovedBy *int64  `json:"approved_by"`
	RecordedBy *int64  `json:"recorded_by"`
}

func newAPIDeferral(d congtac.Deferral) *apiDeferral {
	return &apiDeferral{On: apiDate(d.On), To: newAPIDue(d.To), Reason: d.Reason, ApprovedBy: apiID(d.ApprovedBy),
		RecordedBy: apiID(d.RecordedBy)}
}

type apiCancellation struct {
	On     *string `json:"on"`
	Reason string  `json:"reason"`
}

// apiTaskDetail is a task with the status of each occurrence of a recurring task and
// every deferral it had.
type apiTaskDetail struct {
	apiTask
	Occurrences []apiOccurrence `json:"occurrences"`
	Deferrals   []*apiDeferral  `json:"deferrals"`
}

type apiOccurrence struct {
	Due         string  `json:"due"`
	DoneOn      *string `json:"done_on"`
	Status      string  `json:"status"`
	StatusLabel string  `json:"status_label"`
}

// newAPITask returns the DTO of t with the statuses of t (a group-led task's rolled up from
// its shares), its shares and its supports as of today.
func newAPITask(t congtac.Task, today congtac.Date) apiTask {
	st := t.Status(today)
	out := apiTask{ID: t.ID, ProgramID: t.ProgramID, ItemID: apiID(t.ItemID), Position: t.Position, Text: t.Text,
		Sector: apiCode(t.Sector), SectorLabel: t.Sector.Label(), LeadID: t.Lead,
		Shares: apiParts(t.Shares, t.ShareStatus, today), Supports: apiParts(t.Support, t.SupportStatus, today),
		LeaderID: apiID(t.LeaderID), Due: newAPIDue(t.Due), Source: t.Source, CarriedFrom: apiID(t.CarriedFrom),
		KeepsOldDue: t.KeepsOldDue, Replaces: apiID(t.Replaces), SupersededBy: apiID(t.SupersededBy),
		DoneOn: apiDate(t.DoneOn), DoneBy: apiID(t.DoneBy), DoneReportID: apiID(t.DoneReportID), Status: string(st), StatusLabel: st.Label(), AsOf: today.String(),
		Print: string(t.Print.Mode.Or()), LeadVerb: string(t.Print.Lead.Or()), PrintDue: t.Print.Due,
		PrintSource: t.Print.Source, Version: t.Version}
	if rc := t.Recurrence; rc != nil {
		out.Recurrence, out.RecurrenceStart = ptr(rc.String()), apiDate(rc.Start)
	}
	if tg := t.Target; tg != nil {
		out.Target = &apiTarget{Metric: tg.Metric, Unit: tg.Unit, Comparator: string(tg.Comparator),
			Value: tg.Value, Baseline: tg.Baseline, Text: tg.String()}
	}
	if d := t.Deferral; d != nil {
		out.Deferral = newAPIDeferral(*d)
	}
	if c := t.Cancellation; c != nil {
		out.Cancellation = &apiCancellation{On: apiDate(c.On), Reason: c.Reason}
	}
	return out
}

// taskSchemas returns the schemas of the task DTOs above, for the OpenAPI document;
// TestSchemasMatchDTOs holds them to the types.
func taskSchemas() map[string]*oaSchema {
	statuses := codesOf(congtac.Statuses)
	task := schObject("Nhiệm vụ với trạng thái tính đến hôm nay.", oaProps{
		"id": schInt("Mã."), "program_id": schInt("Chương trình."), "item_id": schNullable(schInt("Mục chứa nhiệm vụ.")),
		"position": schInt("Thứ tự trong mục."), "text": schString("Nội dung."),
		"sector": schNullable(schEnum("Lĩnh vực.", codesOf(congtac.Sectors)...)), "sector_label": schString("Tên lĩnh vực."),
		"lead_id":   schInt("Cơ quan chủ trì; có thể là một nhóm đơn vị (kind group)."),
		"shares":    schArray(schRef("Share")),
		"supports":  schArray(schRef("Support")),
		"leader_id": schNullable(schInt("Lãnh đạo phụ trách (mã cán bộ).")), "due": schRef("Due"),
		"recurrence":       schNullable(schString("Quy tắc lặp lại RRULE (RFC 5545), không có DTSTART.")),
		"recurrence_start": schNullable(schDate("Ngày bắt đầu của quy tắc lặp lại (DTSTART).")),
		"target":           schNullable(schRef("Target")), "source": schString("Căn cứ."),
		"carried_from":   schNullable(schInt("Nhiệm vụ của chương trình trước được chuyển tiếp.")),
		"keeps_old_due":  schBool("Nhiệm vụ chuyển tiếp giữ thời hạn cũ đã quá (in “chuyển tiếp; hạn cũ …”)."),
		"replaces":       schNullable(schInt("Nhiệm vụ của chương trình được điều chỉnh mà bản này thay thế.")),
		"superseded_by":  schNullable(schInt("Bản của nhiệm vụ trong chương trình ban hành sau, đang được theo dõi; null: bản này là bản mới nhất.")),
		"done_on":        schNullable(schDate("Ngày cơ quan chủ trì hoàn thành.")),
		"done_by":        schNullable(schInt("Người dùng đã ghi nhận hoàn thành.")),
		"done_report_id": schNullable(schInt("Báo cáo làm căn cứ ghi nhận hoàn thành.")),
		"deferral":       schNullable(schRef("Deferral")), "cancellation": schNullable(schRef("Cancellation")),
		"status": schEnum("Trạng thái.", statuses...), "status_label": schString("Tên trạng thái."),
		"as_of": schDate("Ngày tính trạng thái (hôm nay)."), "version": schInt("Phiên bản."),
		"print": schEnum("Cách in trong chương trình: inline (trong đoạn văn của mục), line (dòng riêng), "+
			"none (không in, chỉ theo dõi).", codesOf(congtac.PrintModes)...),
		"lead_verb":    schEnum("Từ ghi sau cơ quan chủ trì: chủ trì, chuẩn bị, thực hiện.", codesOf(congtac.LeadWords)...),
		"print_due":    schBool("Thời hạn được in."),
		"print_source": schBool("Căn cứ được in."),
	})
	return map[string]*oaSchema{
		"Task": task,
		"TaskDetail": schExtend(task, "Nhiệm vụ với trạng thái từng kỳ của nhiệm vụ lặp lại và mọi lần giãn tiến độ.", oaProps{
			"occurrences": schArray(schRef("Occurrence")),
			"deferrals":   schArray(schRef("Deferral")),
		}),
		"Share": schObject("Phần việc của một đơn vị thành viên khi nhóm đơn vị chủ trì nhiệm vụ; "+
			"trạng thái của nhiệm vụ tổng hợp từ các phần việc. Danh sách rỗng khi cơ quan chủ trì không phải là nhóm.", oaProps{
			"org_id": schInt("Đơn vị thành viên."), "done_on": schNullable(schDate("Ngày hoàn thành phần việc.")),
			"status": schEnum("Trạng thái.", statuses...), "status_label": schString("Tên trạng thái."),
		}),
		"Support": schObject("Cơ quan phối hợp và trạng thái phần việc của mình.", oaProps{
			"org_id": schInt("Cơ quan phối hợp."), "done_on": schNullable(schDate("Ngày hoàn thành.")),
			"status": schEnum("Trạng thái.", statuses...), "status_label": schString("Tên trạng thái."),
		}),
		"Due": schObject("Thời hạn.", oaProps{
			"date":      schNullable(schDate("Ngày cuối cùng; null khi thời hạn chưa cụ thể.")),
			"precision": schNullable(schEnum("Độ chính xác.", precisions...)),
			"text":      schString("Cụm từ gốc: trong tháng 5/2026."), "label": schString("Dạng ngắn: tháng 5/2026, 30/06/2026."),
		}),
		"Target": schObject("Chỉ tiêu.", oaProps{
			"metric": schString("Chỉ tiêu."), "unit": schString("Đơn vị."),
			"comparator": schEnum("Phép so sánh.", ">", ">=", "=", "<=", "<"), "value": schNumber("Giá trị."),
			"baseline": schString("Mốc so sánh."), "text": schString("Chỉ tiêu viết bằng lời."),
		}),
		"Deferral": schObject("Giãn tiến độ.", oaProps{
			"on": schNullable(schDate("Ngày quyết định.")), "to": schRef("Due"), "reason": schString("Lý do."),
			"approved_by": schNullable(schInt("Lãnh đạo đồng ý (mã cán bộ).")),
			"recorded_by": schNullable(schInt("Người dùng đã ghi nhận.")),
		}),
		"Cancellation": schObject("Hủy bỏ.", oaProps{"on": schNullable(schDate("Ngày hủy.")), "reason": schString("Lý do.")}),
		"Occurrence": schObject("Một kỳ của nhiệm vụ lặp lại.", oaProps{
			"due": schDate("Hạn của kỳ."), "done_on": schNullable(schDate("Ngày hoàn thành.")),
			"status": schEnum("Trạng thái.", statuses...), "status_label": schString("Tên trạng thái."),
		}),
	}
}

// apiTaskList is a page of the task list: the page of every list, and the cursor of the
// page after it.
type apiTaskList struct {
	apiList[apiTask]
	NextCursor *string `json:"next_cursor"`
}

// handleAPITaskList lists the tasks whose lead or a support org is within the actor's
// ViewTasks reach, what needs attention first ([congtac.TaskKey]), filtered as the task pages are (see parseTaskQuery: status
// as of today, org, lead, leader, program, sector, period, q) and by due_from and due_to.
// A page comes from offset, or after the task cursor names (the next_cursor of the page
// before), which costs the same on every page however far.
func (s *Server) handleAPITaskList(w http.ResponseWriter, r *http.Request) {
	q, ok := s.apiQueryOf(w, r)
	if !ok {
		return
	}
	tq, err := parseTaskQuery(actorOf(r), q.values)
	q.addErr(err)
	tq.Filter.DueFrom, tq.Filter.DueTo = q.date("due_from"), q.date("due_to")
	limit, offset := q.page()
	after := q.cursor("cursor")
	if after != nil && offset > 0 {
		q.problems.Add("cursor", "Chỉ dùng một trong hai tham số cursor và offset.")
	}
	if q.fail(s, w, r) {
		return
	}
	today := s.today()
	res, err := s.findTasksAsOf(r.Context(), tq, today, offset, limit, after)
	if err != nil {
		s.apiFail(w, r, fmt.Errorf("web: api tasks: %w", err), 0)
		return
	}
	out := apiTaskList{apiList: newAPIList(res.Tasks, res.Matched, limit, offset,
		func(t congtac.Task) apiTask { return newAPITask(t, today) })}
	if res.Next != nil {
		out.NextCursor = ptr(res.Next.String())
	}
	writeJSON(w, http.StatusOK, out)
}

// handleAPITaskShow answers one task with its supports, occurrences and statuses as of
// today; 404 when it does not exist or neither its lead nor a support org is within the
// actor's ViewTasks reach.
func (s *Server) handleAPITaskShow(w http.ResponseWriter, r *http.Request) {
	id, ok := s.apiPathID(w, r, "nhiệm vụ")
	if !ok {
		return
	}
	t, err := s.findVisibleTask(r.Context(), actorOf(r), id)
	if err != nil {
		s.apiFail(w, r, fmt.Errorf("web: api task: %w", err), 0)
		return
	}
	ds, err := s.st.FindDeferrals(r.Context(), t.ID)
	if err != nil {
		s.apiFail(w, r, fmt.Errorf("web: api task: %w", err), 0)
		return
	}
	today := s.today()
	out := apiTaskDetail{apiTask: newAPITask(t, today), Occurrences: []apiOccurrence{}, Deferrals: []*apiDeferral{}}
	for _, d := range ds {
		out.Deferrals = append(out.Deferrals, newAPIDeferral(d))
	}
	for _, o := range t.OccurrenceStatuses(today) {
		out.Occurrences = append(out.Occurrences, apiOccurrence{Due: o.Due.String(), DoneOn: apiDate(o.DoneOn),
			Status: string(o.Status), StatusLabel: o.Status.Label()})
	}
	writeJSON(w, http.StatusOK, out)
}
