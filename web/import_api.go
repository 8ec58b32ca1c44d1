package web

import (
	"fmt"
	"net/http"

	"congtac"
	"congtac/importer"
)

// apiImport is the answer of POST /api/v1/imports: what was understood (docs/IMPORT.md),
// what was saved, and the problems of saving.
type apiImport struct {
	Result   importer.JSONResult    `json:"result"`
	Saved    *apiImportSaved        `json:"saved"`
	Problems []importer.JSONProblem `json:"problems"`
}

// apiImportSaved is what an import saved.
type apiImportSaved struct {
	ProgramID     *int64  `json:"program_id"`
	MeetingIDs    []int64 `json:"meeting_ids"`
	EngagementIDs []int64 `json:"engagement_ids"`
	OrgIDs        []int64 `json:"org_ids"`
}

// importParams are the query parameters of POST /api/v1/imports.
var importParams = []apiParam{
	qID("org_id", "Ủy ban nhận văn bản; mặc định ủy ban mà văn bản ghi, trong các ủy ban bạn được soạn chương trình hoặc lịch."),
	qEnum("save", "true: lưu thành dự thảo chương trình (cùng các hội nghị) hoặc mục lịch công tác; mặc định chỉ đọc.", "true", "false"),
	qEnum("create_orgs", "Với save=true: tạo cơ quan, đơn vị văn bản có mà danh mục chưa có (cần quyền quản lý danh mục).", "true", "false"),
	qEnum("tones", "Dấu thanh oa, oe, uy: keep (giữ như văn bản, mặc định), new (hòa), old (hoà).", "keep", "new", "old"),
	qPeriod("period", "Kỳ của chương trình khi văn bản không ghi (văn bản dán vào)."),
	qText("name", "Tên tệp, để ghi nhật ký (CTr thang 4.pdf)."),
}

// handleAPIImportCreate reads the document in the request's body (DOCX, PDF or text, told
// apart by its bytes) and answers what it understood; with save=true it saves it as the
// page would with every name's match, and answers 201 with the saved program's Location.
func (s *Server) handleAPIImportCreate(w http.ResponseWriter, r *http.Request) {
	q, ok := s.apiQueryOf(w, r)
	if !ok {
		return
	}
	in := importInput{name: q.text("name")}
	if id := q.id("org_id"); id != nil {
		in.committee = *id
	}
	if p := q.period("period"); p != nil {
		in.period = *p
	}
	in.tones, _ = toneOf(q.text("tones"))
	save, create := q.text("save") == "true", q.text("create_orgs") == "true"
	if q.fail(s, w, r) {
		return
	}
	if in.data, ok = s.apiUploadOf(w, r, congtac.MaxMaterialBytes); !ok {
		return
	}
	ctx, a := r.Context(), actorOf(r)
	run, err := s.runImport(ctx, a, in)
	if err != nil {
		s.apiFail(w, r, fmt.Errorf("web: api import: %w", err), 0)
		return
	}
	out := apiImport{Result: run.result.JSON(), Problems: []importer.JSONProblem{}}
	if !save {
		writeJSON(w, http.StatusOK, out)
		return
	}
	var choices importer.Choices
	if create {
		choices = run.result.CreatingUnknown(run.into.Committee.ID, s.today())
	}
	saved, problems, err := s.saveImport(ctx, a, run, in.name, choices)
	if err != nil {
		s.apiFail(w, r, fmt.Errorf("web: api import: %w", err), 0)
		return
	}
	for _, p := range problems {
		out.Problems = append(out.Problems, importer.JSONProblem(p))
	}
	out.Saved = savedOf(saved)
	switch {
	case saved.Program != nil:
		w.Header().Set("Location", fmt.Sprint("/api/v1/programs/", saved.Program.ID))
	case len(saved.Engagements) > 0:
		w.Header().Set("Location", fmt.Sprint("/api/v1/calendar/entries/", saved.Engagements[0].ID))
	}
	writeJSON(w, http.StatusCreated, out)
}

// savedOf returns the IDs of what an import saved.
func savedOf(imp congtac.Import) *apiImportSaved {
	out := &apiImportSaved{MeetingIDs: []int64{}, EngagementIDs: []int64{}, OrgIDs: []int64{}}
	if imp.Program != nil {
		out.ProgramID = &imp.Program.ID
	}
	for _, m := range imp.Meetings {
		out.MeetingIDs = append(out.MeetingIDs, m.ID)
	}
	for _, e := range imp.Engagements {
		out.EngagementIDs = append(out.EngagementIDs, e.ID)
	}
	for _, o := range imp.Orgs {
		out.OrgIDs = append(out.OrgIDs, o.ID)
	}
	return out
}

// importSchemas returns the schemas of an import's answer (docs/IMPORT.md), for the
// OpenAPI document; TestSchemasMatchDTOs holds them to importer's JSON types.
func importSchemas() map[string]*oaSchema {
	line := schInt("Dòng của văn bản (chỉ số trong lines, từ 0); -1: cả văn bản.")
	sure := schNumber("Độ tin cậy, từ 0 đến 1.")
	org := schNullable(schRef("ImportOrgRef"))
	orgs := schArray(schRef("ImportOrgRef"))
	text := func(doc string) *oaSchema { return schString(doc) }
	return map[string]*oaSchema{
		"Import": schObject("Kết quả nhập một văn bản: những gì đọc được, những gì đã lưu, và các vướng mắc khi lưu.", oaProps{
			"result": schRef("ImportResult"), "saved": schNullable(schRef("ImportSaved")),
			"problems": schArray(schRef("ImportProblem")),
		}),
		"ImportSaved": schObject("Những gì đã lưu.", oaProps{
			"program_id": schNullable(schInt("Dự thảo chương trình.")), "meeting_ids": schArray(schInt("Hội nghị.")),
			"engagement_ids": schArray(schInt("Mục lịch công tác.")), "org_ids": schArray(schInt("Cơ quan, đơn vị mới tạo.")),
		}),
		"ImportResult": schObject("Những gì đọc được của văn bản (xem docs/IMPORT.md).", oaProps{
			"format": schEnum("Định dạng tệp.", "docx", "pdf", "text"), "kind": schEnum("Loại văn bản.", "program", "schedule"),
			"legacy_encoding": schEnum("Bảng mã cũ đã chuyển.", "", "tcvn3", "vni"),
			"lines":           schArray(text("Các dòng của văn bản sau khi sửa lỗi.")),
			"masthead":        schRef("ImportMasthead"), "items": schArray(schRef("ImportItem")),
			"tasks": schArray(schRef("ImportTask")), "meetings": schArray(schRef("ImportMeeting")),
			"week": text("Tuần của lịch công tác (2026-W50); rỗng với chương trình."), "entries": schArray(schRef("ImportEntry")),
			"recipients": schArray(text("Nơi nhận.")), "signature": schRef("ImportSignature"),
			"orgs": schArray(schRef("ImportOrgName")), "restorations": schArray(schRef("ImportRestoration")),
			"problems": schArray(schRef("ImportProblem")),
		}),
		"ImportField": schObject("Một trường đọc được.", oaProps{"text": text("Nội dung."), "line": line, "confidence": sure}),
		"ImportMasthead": schObject("Phần đầu văn bản.", oaProps{
			"parent": schRef("ImportField"), "issuer": schRef("ImportField"), "number": schInt("Số; 0 khi để trống."),
			"symbol": schRef("ImportField"), "place": schRef("ImportField"), "date": text("Ngày ban hành (YYYY-MM-DD); rỗng khi để trống."),
			"year": schInt("Năm; 0 khi không ghi."), "type": schRef("ImportField"), "summary": schRef("ImportField"),
			"period": text("Kỳ của chương trình (2023-04); rỗng khi không đọc được."), "also": schArray(text("Kỳ khác trích yếu ghi.")),
		}),
		"ImportItem": schObject("Một mục đánh số.", oaProps{
			"id": schInt("Mã tạm, từ 1."), "parent_id": schInt("Mục cha; 0 ở cấp trên cùng."), "label": text("Số mục: A., 1.1., a)."),
			"style": schEnum("Kiểu đánh số.", "upper_letter", "roman", "arabic", "nested", "lower_letter", "dash", "none"), "heading": text("Tiêu đề."), "text": text("Nội dung."),
			"sector": schEnum("Lĩnh vực.", append([]string{""}, codesOf(congtac.Sectors)...)...), "line": line,
		}),
		"ImportOrgRef": schObject("Cơ quan như văn bản ghi, và cơ quan trong danh mục khớp với nó.", oaProps{
			"name": text("Tên như văn bản ghi."), "org_id": schInt("Cơ quan khớp; 0 khi không có."), "confidence": sure,
		}),
		"ImportDue": schObject("Thời hạn.", oaProps{
			"text": text("Cụm từ như văn bản ghi."), "date": text("Ngày (YYYY-MM-DD); rỗng khi không có ngày."),
			"precision":  schEnum("Độ chính xác.", "", "day", "month", "quarter", "half", "year"),
			"recurrence": text("Quy tắc lặp lại (RRULE); rỗng khi không lặp."), "problem": text("Vì sao không đọc được; rỗng khi đọc được."),
		}),
		"ImportTarget": schObject("Chỉ tiêu.", oaProps{
			"metric": text("Nội dung đo."), "unit": text("Đơn vị."), "comparator": schEnum("Phép so sánh.", ">", ">=", "=", "<=", "<"),
			"value": schNumber("Giá trị."), "baseline": text("So với."),
		}),
		"ImportTask": schObject("Một nhiệm vụ đọc được trong một mục.", oaProps{
			"item_id": schInt("Mục chứa nhiệm vụ."), "text": text("Nội dung."), "sector": text("Lĩnh vực."),
			"lead": org, "support": orgs, "verb": text("Động từ: chủ trì, chuẩn bị…"), "due": schRef("ImportDue"),
			"target": schNullable(schRef("ImportTarget")), "source": text("Căn cứ."), "line": line, "confidence": sure,
		}),
		"ImportMeeting": schObject("Một hội nghị chương trình nêu.", oaProps{
			"kind":  schEnum("Loại.", codesOf([]congtac.MeetingKind{congtac.MeetingRegular, congtac.MeetingThematic, congtac.MeetingBriefing, congtac.MeetingWorking})...),
			"title": text("Tên."), "date": text("Ngày (buổi đầu với giao ban định kỳ); rỗng khi chưa định."),
			"start": text("Giờ (HH:MM); rỗng khi không ghi."), "part": text("Buổi: morning, afternoon, evening; rỗng khi không ghi."),
			"place": text("Địa điểm."), "recurrence": text("Quy tắc lặp lại (RRULE); rỗng khi không lặp."),
			"item_id": schInt("Mục nêu hội nghị."), "line": line, "confidence": sure, "agenda": schArray(schRef("ImportMatter")),
		}),
		"ImportMatter": schObject("Một nội dung trình hội nghị.", oaProps{
			"title": text("Nội dung."), "lead": org, "support": orgs, "verb": text("Động từ."), "item_id": schInt("Mục."), "line": line,
		}),
		"ImportEntry": schObject("Một mục của lịch công tác tuần.", oaProps{
			"date": text("Ngày (YYYY-MM-DD)."), "start": text("Giờ (HH:MM); rỗng khi chỉ ghi buổi."), "part": text("Buổi."),
			"leaders": schArray(text("Lãnh đạo như lịch ghi.")), "title": text("Nội dung công tác."), "place": text("Địa điểm."),
			"participants": text("Thành phần."), "preparer": org, "postponed": schBool("Hoãn."), "note": text("Ghi chú."),
			"line": line, "confidence": sure,
		}),
		"ImportSignature": schObject("Phần ký.", oaProps{
			"lines": schArray(text("Dòng thẩm quyền: TL. CHỦ TỊCH.")), "title": text("Chức vụ người ký."), "name": text("Họ tên."),
		}),
		"ImportOrgName": schObject("Một tên cơ quan văn bản ghi.", oaProps{
			"name": text("Tên như văn bản ghi."), "lines": schArray(schInt("Dòng.")), "org_id": schInt("Cơ quan khớp; 0 khi không có."),
			"org_name": text("Tên cơ quan khớp."), "confidence": sure,
		}),
		"ImportRestoration": schObject("Một dòng được khôi phục chữ cái bị mất.", oaProps{
			"line": line, "before": text("Trước."), "after": text("Sau."), "confidence": sure,
		}),
		"ImportProblem": schObject("Điều không đọc được.", oaProps{"line": line, "message": text("Thông báo.")}),
	}
}
