package web

import (
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"net/http"
	"strconv"

	"congtac"
	"congtac/vn"
)

// apiTaskCreate is the body of POST /api/v1/items/{id}/tasks.
type apiTaskCreate struct {
	Text            string          `json:"text"`
	Sector          string          `json:"sector"`
	Lead            int64           `json:"lead"`
	Support         []int64         `json:"support"`
	LeaderID        int64           `json:"leader_id"`
	Due             *apiDueInput    `json:"due"`
	Recurrence      string          `json:"recurrence"`
	RecurrenceStart string          `json:"recurrence_start"`
	Target          *apiTargetInput `json:"target"`
	Source          string          `json:"source"`
	Position        *int            `json:"position"`
	Print           string          `json:"print"`
	LeadVerb        string          `json:"lead_verb"`
	PrintDue        *bool           `json:"print_due"`
	PrintSource     bool            `json:"print_source"`
}

// apiTaskUpdate is the body of PATCH /api/v1/tasks/{id}: the version read and the fields
// to change. sent tells a field given as null (cleared) from one left out.
type apiTaskUpdate struct {
	Version         *int            `json:"version"`
	Text            *string         `json:"text"`
	Sector          *string         `json:"sector"`
	Lead            *int64          `json:"lead"`
	Support         *[]int64        `json:"support"`
	LeaderID        *int64          `json:"leader_id"`
	Due             *apiDueInput    `json:"due"`
	Recurrence      *string         `json:"recurrence"`
	RecurrenceStart *string         `json:"recurrence_start"`
	Target          *apiTargetInput `json:"target"`
	Source          *string         `json:"source"`
	ItemID          *int64          `json:"item_id"`
	Position        *int            `json:"position"`
	Print           *string         `json:"print"`
	LeadVerb        *string         `json:"lead_verb"`
	PrintDue        *bool           `json:"print_due"`
	PrintSource     *bool           `json:"print_source"`
	KeepsOldDue     *bool           `json:"keeps_old_due"`
	sent            map[string]json.RawMessage
}

// UnmarshalJSON decodes the fields strictly and remembers which were sent.
func (u *apiTaskUpdate) UnmarshalJSON(b []byte) error {
	type fields apiTaskUpdate
	if err := strictJSON(b, (*fields)(u)); err != nil {
		return err
	}
	return json.Unmarshal(b, &u.sent)
}

// has reports whether the body sent field name, null included.
func (u *apiTaskUpdate) has(name string) bool { _, ok := u.sent[name]; return ok }

// apiDueInput is a deadline as a body gives it: a phrase as programs write it ("chậm nhất
// trong tháng 6/2023"), read by [vn.ParseDue], or a date with its precision (then text, if
// any, is kept as the phrase).
type apiDueInput struct {
	Text      string `json:"text"`
	Date      string `json:"date"`
	Precision string `json:"precision"`
}

// apiTargetInput is a task's measurable goal as a body gives it.
type apiTargetInput struct {
	Metric     string  `json:"metric"`
	Unit       string  `json:"unit"`
	Comparator string  `json:"comparator"`
	Value      float64 `json:"value"`
	Baseline   string  `json:"baseline"`
}

// draftTaskSchemas returns the schemas of the request bodies above, for the OpenAPI document.
func draftTaskSchemas() map[string]*oaSchema {
	p := oaProps{
		"text": schMax(schString("Nội dung."), congtac.MaxTaskText), "sector": schEnum("Lĩnh vực; bỏ trống: không ghi.", append([]string{""}, codesOf(congtac.Sectors)...)...),
		"lead": schInt("Cơ quan chủ trì."), "support": schNullable(schArray(schInt("Cơ quan phối hợp, theo thứ tự ưu tiên; null như mảng rỗng."))),
		"leader_id": schInt("Lãnh đạo phụ trách (mã cán bộ); 0: không ghi."), "due": schRef("DueInput"),
		"recurrence":       schMax(schString("Quy tắc lặp lại RRULE (RFC 5545) như FREQ=MONTHLY;BYMONTHDAY=-1; bỏ trống: không lặp."), congtac.MaxPhrase),
		"recurrence_start": schDate("Ngày bắt đầu lặp lại; mặc định ngày đầu kỳ của chương trình."),
		"target":           schNullable(schRef("TargetInput")), "source": schMax(schString("Căn cứ."), congtac.MaxSourceText),
		"position": schInt("Thứ tự trong mục; bỏ trống: cuối mục."),
		"print": schEnum("Cách in trong chương trình: inline: ghi trong đoạn văn của mục, trong ngoặc đơn, "+
			"trước dấu chấm (Phòng Tài chính - KH chuẩn bị); line: thành dòng riêng (- …) dưới mục; "+
			"none: không in, chỉ theo dõi. Mặc định line.", codesOf(congtac.PrintModes)...),
		"lead_verb": schEnum("Từ ghi sau cơ quan chủ trì: chairs: chủ trì; prepares: chuẩn bị; "+
			"carries_out: thực hiện. Mặc định chairs.", codesOf(congtac.LeadWords)...),
		"print_due":    schBool("In thời hạn trong ngoặc đơn (thời hạn: chậm nhất trong tháng 5/2023). Mặc định true."),
		"print_source": schBool("In căn cứ trong ngoặc đơn (theo Chỉ thị số 19-CT/TU ngày 11/6/2020). Mặc định false."),
	}
	update := oaProps{"version": schInt("Phiên bản của nhiệm vụ đã đọc; khác phiên bản hiện tại thì trả về 409."),
		"item_id":       schInt("Chuyển sang mục khác của cùng chương trình."),
		"keeps_old_due": schBool("Nhiệm vụ chuyển tiếp: giữ thời hạn cũ đã quá (true) thay vì đặt hạn mới trong kỳ.")}
	maps.Copy(update, p)
	for _, k := range []string{"sector", "leader_id", "due", "recurrence", "target"} {
		update[k] = schNullable(update[k])
	}
	return map[string]*oaSchema{
		"TaskCreate": schInput("Nhiệm vụ mới trong một mục của dự thảo. Thời hạn viết như trong chương trình "+
			"(due.text) được hiểu theo kỳ của chương trình; cụm từ lặp lại (“từng tháng”) cho cả quy tắc lặp lại.",
			[]string{"text", "lead"}, p),
		"TaskUpdate": schInput("Các trường cần sửa của nhiệm vụ; null xóa giá trị. Gửi due.text mà không gửi "+
			"recurrence thì quy tắc lặp lại theo cụm từ thời hạn.", []string{"version"}, update),
		"DueInput": schInput("Thời hạn: cụm từ (text), hoặc ngày (date) với độ chính xác.", nil, oaProps{
			"text": schMax(schString("Cụm từ: chậm nhất trong tháng 6/2023, trong Quý II, trước ngày 15/11."), congtac.MaxPhrase),
			"date": schDate("Ngày cuối cùng."), "precision": schEnum("Độ chính xác của date; mặc định day.", precisions...),
		}),
		"TargetInput": schInput("Chỉ tiêu.", []string{"comparator", "value"}, oaProps{
			"metric": schMax(schString("Chỉ tiêu."), congtac.MaxMetric), "unit": schMax(schString("Đơn vị."), congtac.MaxUnit),
			"comparator": schEnum("Phép so sánh.", ">", ">=", "=", "<=", "<"), "value": schNumber("Giá trị."),
			"baseline": schMax(schString("Mốc so sánh."), congtac.MaxMetric),
		}),
	}
}

// taskInput reads what a task body says about deadline, recurrence, target and the orgs
// and leader it names, against program p; problems are collected by field.
type taskInput struct {
	p      congtac.Program
	before congtac.Task // the task as read, for an update
	orgs   orgIndex
	pr     congtac.Problems
}

// due returns the deadline of in and, for a phrase, the recurrence it gives (nil for a
// one-off duty or a date); phrased reports whether in was a phrase.
func (ti *taskInput) due(in *apiDueInput) (d congtac.Due, rec *congtac.Recurrence, phrased bool) {
	if in == nil {
		return congtac.Due{}, nil, false
	}
	d, rec = in.read(&ti.pr, "due", ti.p.Period.Start())
	return d, rec, in.Date == ""
}

// read returns the deadline in gives and, for a phrase, the recurrence it gives (nil for
// a one-off duty or a date): a date keeps its precision (a day by default), a phrase is
// read by [vn.ParseDue] as of asOf. Problems are added to p under field.
func (in apiDueInput) read(p *congtac.Problems, field string, asOf congtac.Date) (congtac.Due, *congtac.Recurrence) {
	if in.Date != "" {
		d := congtac.Due{Date: bodyDate(p, field, in.Date), Precision: congtac.Precision(in.Precision), Text: in.Text}
		if d.Precision == "" {
			d.Precision = congtac.PrecisionDay
		}
		return d, nil
	}
	dl, err := vn.ParseDue(in.Text, asOf)
	if err != nil {
		p.Add(field, "%s", congtac.ErrorMessage(err))
	}
	return dl.Due, dl.Recurrence
}

// recurrence returns the rule of an RRULE value from start (default: the program's first
// day); nil for "".
func (ti *taskInput) recurrence(rule, start string) *congtac.Recurrence {
	if rule == "" {
		if start != "" {
			ti.pr.Add("recurrence_start", "Ngày bắt đầu chỉ dùng cùng với quy tắc lặp lại.")
		}
		return nil
	}
	from := ti.p.Period.Start()
	if start != "" {
		from = bodyDate(&ti.pr, "recurrence_start", start)
	}
	rec, err := congtac.ParseRecurrence(rule, from)
	if err != nil {
		ti.pr.Add("recurrence", "%s", congtac.ErrorMessage(err))
		return nil
	}
	return &rec
}

// print returns how the task prints: from, with the fields sent (nil: unchanged) applied.
// The codes are checked by the task's validation.
func (ti *taskInput) print(from congtac.TaskPrint, mode, lead *string, due, source *bool) congtac.TaskPrint {
	p := from
	if mode != nil {
		p.Mode = congtac.PrintMode(*mode)
	}
	if lead != nil {
		p.Lead = congtac.LeadWord(*lead)
	}
	if due != nil {
		p.Due = *due
	}
	if source != nil {
		p.Source = *source
	}
	return p
}

// target returns the goal of in; nil for none.
func (ti *taskInput) target(in *apiTargetInput) *congtac.Target {
	if in == nil {
		return nil
	}
	return &congtac.Target{Metric: in.Metric, Unit: in.Unit, Comparator: congtac.Comparator(in.Comparator),
		Value: in.Value, Baseline: in.Baseline}
}

// supports returns the support orgs of ids, each of which must exist.
func (ti *taskInput) supports(ids []int64) []congtac.Support {
	out := make([]congtac.Support, 0, len(ids))
	for _, id := range ids {
		if _, ok := ti.orgs.Org(id); !ok {
			ti.pr.Add("support", "Không có cơ quan phối hợp mã %d.", id)
		}
		out = append(out, congtac.Support{OrgID: id})
	}
	return out
}

// lead checks that the lead org exists; 0 is left to the task's own validation.
func (ti *taskInput) lead(id int64) int64 {
	if _, ok := ti.orgs.Org(id); id != 0 && !ok {
		ti.pr.Add("lead", "Không có cơ quan chủ trì mã %d.", id)
	}
	return id
}

// leader checks that the leader in charge is a known person; 0 means none.
func (s *Server) checkLeader(ctx context.Context, pr *congtac.Problems, id int64) error {
	if id == 0 {
		return nil
	}
	names, err := s.personNames(ctx, id)
	if err == nil && names[id] == "" {
		pr.Add("leader_id", "Không có cán bộ mã %d.", id)
	}
	return err
}

// handleAPITaskCreate adds a task to an item of a draft or returned program, at position
// (default: after the item's last task), and answers 201 with it. A deadline phrase is
// read as of the program's first day and must fall in its periods or the next (422
// otherwise); orgs and the leader must exist. DraftPrograms must reach the program's org.
// Only the program's own fields are read before the task is saved, whatever its size.
func (s *Server) handleAPITaskCreate(w http.ResponseWriter, r *http.Request) {
	id, ok := s.apiPathID(w, r, "mục")
	if !ok {
		return
	}
	ctx, a := r.Context(), actorOf(r)
	p, err := s.programOfItemToChange(ctx, a, id)
	if err != nil {
		s.apiFail(w, r, fmt.Errorf("web: api create task: %w", err), 0)
		return
	}
	var body apiTaskCreate
	if !s.readJSON(w, r, &body) {
		return
	}
	orgs, err := s.loadOrgs(ctx)
	if err != nil {
		s.apiFail(w, r, fmt.Errorf("web: api create task: %w", err), 0)
		return
	}
	ti := &taskInput{p: p, orgs: orgs}
	t := congtac.Task{ProgramID: p.ID, ItemID: id, Text: body.Text, Sector: congtac.Sector(body.Sector),
		Lead: ti.lead(body.Lead), Support: ti.supports(body.Support), LeaderID: body.LeaderID,
		Target: ti.target(body.Target), Source: body.Source}
	t.Print = ti.print(congtac.DefaultTaskPrint(), &body.Print, &body.LeadVerb, body.PrintDue, &body.PrintSource)
	t.Due, t.Recurrence, _ = ti.due(body.Due)
	if rec := ti.recurrence(body.Recurrence, body.RecurrenceStart); rec != nil {
		t.Recurrence = rec
	}
	if err := s.checkLeader(ctx, &ti.pr, body.LeaderID); err != nil {
		s.apiFail(w, r, fmt.Errorf("web: api create task: %w", err), 0)
		return
	}
	if err := ti.pr.Err(); err != nil {
		s.apiFail(w, r, err, 0)
		return
	}
	if body.Position != nil {
		t.Position = *body.Position
		t, err = s.st.CreateTask(ctx, a, t)
	} else {
		t, err = s.st.AppendTask(ctx, a, t)
	}
	if err != nil {
		s.apiFail(w, r, fmt.Errorf("web: api create task: %w", err), 0)
		return
	}
	s.writeTask(w, r, t.ID, http.StatusCreated)
}

// writeTask answers with task id as GET /api/v1/tasks/{id} lists it, with status.
func (s *Server) writeTask(w http.ResponseWriter, r *http.Request, id int64, status int) {
	t, err := s.st.FindTaskByID(r.Context(), id)
	if err != nil {
		s.apiFail(w, r, fmt.Errorf("web: api task: %w", err), 0)
		return
	}
	w.Header().Set("Location", "/api/v1/tasks/"+strconv.FormatInt(id, 10))
	writeJSON(w, status, newAPITask(t, s.today()))
}

// handleAPITaskUpdate changes the fields sent of a task of a draft or returned program,
// given the version read, and answers with it. A due given as a phrase without recurrence
// sets the recurrence the phrase gives (none for a one-off deadline); item_id must be an
// item of the same program.
func (s *Server) handleAPITaskUpdate(w http.ResponseWriter, r *http.Request) {
	id, ok := s.apiPathID(w, r, "nhiệm vụ")
	if !ok {
		return
	}
	ctx, a := r.Context(), actorOf(r)
	t, p, err := s.findTaskToChange(ctx, a, id)
	if err != nil {
		s.apiFail(w, r, fmt.Errorf("web: api update task: %w", err), 0)
		return
	}
	var body apiTaskUpdate
	if !s.readJSON(w, r, &body) {
		return
	}
	orgs, err := s.loadOrgs(ctx)
	if err != nil {
		s.apiFail(w, r, fmt.Errorf("web: api update task: %w", err), 0)
		return
	}
	ti := &taskInput{p: p, orgs: orgs, before: t}
	version := bodyVersion(&ti.pr, body.Version)
	u := ti.update(&body)
	if err := s.checkLeader(ctx, &ti.pr, deref(u.LeaderID)); err != nil {
		s.apiFail(w, r, fmt.Errorf("web: api update task: %w", err), 0)
		return
	}
	if err := ti.pr.Err(); err != nil {
		s.apiFail(w, r, err, 0)
		return
	}
	if _, err := s.st.UpdateTask(ctx, a, t.ID, version, u); err != nil {
		s.apiFail(w, r, fmt.Errorf("web: api update task: %w", err), 0)
		return
	}
	s.writeTask(w, r, t.ID, http.StatusOK)
}

// update returns the changes body makes, with problems by field.
func (ti *taskInput) update(body *apiTaskUpdate) congtac.TaskUpdate {
	u := congtac.TaskUpdate{Text: body.Text, Source: body.Source, Position: body.Position, KeepsOldDue: body.KeepsOldDue}
	if body.has("sector") {
		u.Sector = ptr(congtac.Sector(deref(body.Sector)))
	}
	if body.Lead != nil {
		u.Lead = ptr(ti.lead(*body.Lead))
	}
	if body.Support != nil {
		u.Support = ptr(ti.supports(*body.Support))
	}
	if body.has("leader_id") {
		u.LeaderID = ptr(deref(body.LeaderID))
	}
	if body.has("due") {
		due, rec, phrased := ti.due(body.Due)
		u.Due = &due
		if phrased && !body.has("recurrence") {
			u.Recurrence = &rec
		}
	}
	if body.has("recurrence") {
		u.Recurrence = ptr(ti.recurrence(deref(body.Recurrence), deref(body.RecurrenceStart)))
	} else if body.RecurrenceStart != nil {
		ti.pr.Add("recurrence_start", "Ngày bắt đầu chỉ dùng cùng với quy tắc lặp lại.")
	}
	if body.has("target") {
		u.Target = ptr(ti.target(body.Target))
	}
	if body.Print != nil || body.LeadVerb != nil || body.PrintDue != nil || body.PrintSource != nil {
		u.Print = ptr(ti.print(ti.before.Print, body.Print, body.LeadVerb, body.PrintDue, body.PrintSource))
	}
	u.ItemID = body.ItemID // the store refuses an item of another program
	return u
}

// handleAPITaskDelete removes a task from a draft or returned program, given the version
// read in the query, and answers 204.
func (s *Server) handleAPITaskDelete(w http.ResponseWriter, r *http.Request) {
	q, ok := s.apiQueryOf(w, r)
	if !ok {
		return
	}
	version := q.integer("version")
	if q.fail(s, w, r) {
		return
	}
	id, ok := s.apiPathID(w, r, "nhiệm vụ")
	if !ok {
		return
	}
	ctx, a := r.Context(), actorOf(r)
	if _, _, err := s.findTaskToChange(ctx, a, id); err != nil {
		s.apiFail(w, r, fmt.Errorf("web: api delete task: %w", err), 0)
		return
	}
	if err := s.st.DeleteTask(ctx, a, id, int(*version)); err != nil {
		s.apiFail(w, r, fmt.Errorf("web: api delete task: %w", err), 0)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}
