package web

import (
	"context"
	"fmt"
	"net/http"

	"congtac"
)

// apiPeriod is a program's period.
type apiPeriod struct {
	Kind   string `json:"kind"`
	Year   int    `json:"year"`
	Number int    `json:"number"`
	Key    string `json:"key"`
	Label  string `json:"label"`
}

func newAPIPeriod(p congtac.Period) apiPeriod {
	return apiPeriod{Kind: string(p.Kind), Year: p.Year, Number: p.Number, Key: p.Key(), Label: p.String()}
}

// apiProgram is a work program as lists show it.
type apiProgram struct {
	ID          int64       `json:"id"`
	OrgID       int64       `json:"org_id"`
	Period      apiPeriod   `json:"period"`
	Also        []apiPeriod `json:"also"`
	Title       string      `json:"title"`
	Status      string      `json:"status"`
	StatusLabel string      `json:"status_label"`
	DraftedBy   *int64      `json:"drafted_by"`
	DocumentID  *int64      `json:"document_id"`
	Code        *string     `json:"code"`
	IssuedOn    *string     `json:"issued_on"`
	Place       string      `json:"place"`
	AmendsID    *int64      `json:"amends_id"`
	MeetingID   *int64      `json:"meeting_id"`
	Public      bool        `json:"public"`
	CreatedAt   *string     `json:"created_at"`
	UpdatedAt   *string     `json:"updated_at"`
	Version     int         `json:"version"`
}

func newAPIProgram(p congtac.Program) apiProgram {
	out := apiProgram{ID: p.ID, OrgID: p.OrgID, Period: newAPIPeriod(p.Period), Also: []apiPeriod{},
		Title: p.Title, Status: string(p.Status), StatusLabel: p.Status.Label(), DraftedBy: apiID(p.DraftedBy),
		DocumentID: apiID(p.DocumentID), IssuedOn: apiDate(p.IssuedOn), Place: p.Place,
		AmendsID: apiID(p.AmendsID), MeetingID: apiID(p.MeetingID), Public: p.Public, CreatedAt: apiTime(p.CreatedAt),
		UpdatedAt: apiTime(p.UpdatedAt), Version: p.Version}
	for _, a := range p.Also {
		out.Also = append(out.Also, newAPIPeriod(a))
	}
	if p.Number > 0 {
		out.Code = ptr(congtac.FormatNumber(p.Number, p.Symbol))
	}
	return out
}

// apiProgramDetail is a program with its signature, recipients, items and the tasks the
// actor may view.
type apiProgramDetail struct {
	apiProgram
	Signature  apiSignature `json:"signature"`
	Recipients []string     `json:"recipients"`
	Items      []apiItem    `json:"items"`
	Tasks      []apiTask    `json:"tasks"`
	// PreviousPending is the previous period's program while a draft's is not issued yet:
	// the draft carried the tasks of an older issued program ([Server.pendingPrevious]).
	PreviousPending *apiProgram `json:"previous_pending"`
}

// apiSignature is who signs a document: the authority lines as printed, title and name.
type apiSignature struct {
	Lines    []string `json:"lines"`
	Title    string   `json:"title"`
	Name     string   `json:"name"`
	PersonID *int64   `json:"person_id"`
}

func newAPISignature(sg congtac.Signature) apiSignature {
	out := apiSignature{Lines: []string{}, Title: sg.Title, Name: sg.Name, PersonID: apiID(sg.PersonID)}
	for _, l := range sg.Lines {
		out.Lines = append(out.Lines, l.String())
	}
	return out
}

// apiItem is a numbered paragraph of a program, with the version a change must name.
type apiItem struct {
	ID       int64   `json:"id"`
	ParentID *int64  `json:"parent_id"`
	Position int     `json:"position"`
	Style    *string `json:"style"`
	Label    string  `json:"label"`
	Heading  string  `json:"heading"`
	Text     string  `json:"text"`
	Sector   *string `json:"sector"`
	Version  int     `json:"version"`
}

func newAPIItem(it congtac.Item) apiItem {
	return apiItem{ID: it.ID, ParentID: apiID(it.ParentID), Position: it.Position, Style: apiCode(it.Style),
		Label: it.Label, Heading: it.Heading, Text: it.Text, Sector: apiCode(it.Sector), Version: it.Version}
}

// programSchemas returns the schemas of the program DTOs above, for the OpenAPI document;
// TestSchemasMatchDTOs holds them to the types.
func programSchemas() map[string]*oaSchema {
	program := schObject("Chương trình công tác.", oaProps{
		"id": schInt("Mã."), "org_id": schInt("Cơ quan ban hành."), "period": schRef("Period"),
		"also": schArray(schRef("Period")), "title": schString("Trích yếu."),
		"status": schEnum("Trạng thái.", programStatuses...), "status_label": schString("Tên trạng thái."),
		"drafted_by": schNullable(schInt("Cơ quan soạn thảo.")), "document_id": schNullable(schInt("Văn bản khi ban hành.")),
		"code":      schNullable(schString("Số, ký hiệu: 05/CTr-UBND; null khi chưa ban hành.")),
		"issued_on": schNullable(schDate("Ngày ban hành.")), "place": schString("Địa danh."),
		"amends_id":  schNullable(schInt("Chương trình được điều chỉnh, thay thế.")),
		"meeting_id": schNullable(schInt("Khi có: không phải chương trình mà danh sách nhiệm vụ theo kết luận của hội nghị này, ban hành cùng thông báo kết luận.")),
		"public":     schBool("Công khai khi đã ban hành."), "created_at": schNullable(schDateTime("Tạo lúc")),
		"updated_at": schNullable(schDateTime("Sửa lúc")), "version": schInt("Phiên bản."),
	})
	return map[string]*oaSchema{
		"Program": program,
		"ProgramDetail": schExtend(program, "Chương trình với chữ ký, nơi nhận, các mục và nhiệm vụ trong phạm vi xem.", oaProps{
			"signature": schRef("Signature"), "recipients": schArray(schString("Nơi nhận.")),
			"items": schArray(schRef("Item")), "tasks": schArray(schRef("Task")),
			"previous_pending": schNullable(schRef("Program")),
		}),
		"Period": schObject("Kỳ.", oaProps{
			"kind": schEnum("Loại kỳ.", periodKinds...), "year": schInt("Năm."),
			"number": schInt("Số thứ tự trong năm (0 cho kỳ năm)."),
			"key":    schString("Mã kỳ: 2026, 2026-H1, 2026-Q2, 2026-04, 2026-W15."), "label": schString("Tên kỳ."),
		}),
		"Signature": schObject("Người ký.", oaProps{
			"lines": schArray(schString("Dòng thẩm quyền: TM. ỦY BAN NHÂN DÂN.")), "title": schString("Chức vụ."),
			"name": schString("Họ tên."), "person_id": schNullable(schInt("Mã cán bộ.")),
		}),
		"Item": schObject("Mục của chương trình.", oaProps{
			"id": schInt("Mã."), "parent_id": schNullable(schInt("Mục cha.")), "position": schInt("Thứ tự."),
			"style": schNullable(schEnum("Kiểu đánh số; null: theo cấp (A., 1., 1.1., a)).", itemStyles...)),
			"label": schString("Số mục: A., 1., 1.1., a)."), "heading": schString("Tiêu đề."), "text": schString("Nội dung."),
			"sector":  schNullable(schEnum("Lĩnh vực.", codesOf(congtac.Sectors)...)),
			"version": schInt("Phiên bản."),
		}),
	}
}

// apiCode writes an optional enum code: null for "".
func apiCode[T ~string](v T) *string {
	if v == "" {
		return nil
	}
	return ptr(string(v))
}

// handleAPIProgramList lists the programs the actor may read (issued ones within its
// ViewPrograms reach, others within its ViewDrafts reach), newest period first, filtered as
// the program pages are (see parseProgramQuery) and by period.
func (s *Server) handleAPIProgramList(w http.ResponseWriter, r *http.Request) {
	q, ok := s.apiQueryOf(w, r)
	if !ok {
		return
	}
	f, err := parseProgramQuery(actorOf(r), q.values)
	q.addErr(err)
	f.Period = q.period("period")
	f.Limit, f.Offset = q.page()
	if q.fail(s, w, r) {
		return
	}
	programs, total, err := s.st.FindPrograms(r.Context(), f)
	if err != nil {
		s.apiFail(w, r, fmt.Errorf("web: api programs: %w", err), 0)
		return
	}
	writeJSON(w, http.StatusOK, newAPIList(programs, total, f.Limit, f.Offset, newAPIProgram))
}

// handleAPIProgramShow answers one program with its items and the tasks within the actor's
// ViewTasks reach; 404 when it does not exist or the actor may not read it.
func (s *Server) handleAPIProgramShow(w http.ResponseWriter, r *http.Request) {
	id, ok := s.apiPathID(w, r, "chương trình")
	if !ok {
		return
	}
	ctx, a := r.Context(), actorOf(r)
	p, err := s.findVisibleProgram(ctx, a, id)
	if err != nil {
		s.apiFail(w, r, fmt.Errorf("web: api program: %w", err), 0)
		return
	}
	out, err := s.newAPIProgramDetail(ctx, a, p)
	if err != nil {
		s.apiFail(w, r, fmt.Errorf("web: api program: %w", err), 0)
		return
	}
	writeJSON(w, http.StatusOK, out)
}

// newAPIProgramDetail returns the DTO of program p with its items and the tasks within
// a's ViewTasks reach.
func (s *Server) newAPIProgramDetail(ctx context.Context, a congtac.Actor, p congtac.Program) (apiProgramDetail, error) {
	x, err := s.loadOrgs(ctx)
	if err != nil {
		return apiProgramDetail{}, err
	}
	out := apiProgramDetail{apiProgram: newAPIProgram(p), Signature: newAPISignature(p.Signature),
		Recipients: append([]string{}, p.Recipients...), Items: []apiItem{}, Tasks: []apiTask{}}
	for _, it := range p.Items {
		out.Items = append(out.Items, newAPIItem(it))
	}
	today := s.today()
	for _, t := range p.Tasks {
		if x.CanOnTask(a, congtac.ViewTasks, t) {
			out.Tasks = append(out.Tasks, newAPITask(t, today))
		}
	}
	if prev, ok, err := s.pendingPrevious(ctx, a, p); err != nil {
		return out, err
	} else if ok {
		pending := newAPIProgram(prev)
		out.PreviousPending = &pending
	}
	return out, nil
}
