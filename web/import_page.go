package web

import (
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"congtac"
	"congtac/importer"
	"congtac/vn"
)

// The import page (docs/IMPORT.md): an office clerk uploads or pastes a program or a
// weekly schedule the office already has, reviews what was understood beside the source
// lines, maps the org names and the tasks' leads, and confirms. Nothing is kept on the
// server between the two steps: the review's form carries the document itself (base64)
// and a fingerprint of its reading, and the confirmation reads it again.

// importMaxBytes is the largest document the page reads.
const importMaxBytes = congtac.MaxMaterialBytes

// importCarryBytes is the largest document the review can carry back to the confirmation:
// base64 makes it a third bigger, and the confirmation's form, choices included, must fit
// in the body limit of an upload ([maxUpload]).
const importCarryBytes = (maxUpload - 1<<20) / 4 * 3

// pastedName is the name an import of pasted text goes by, in the audit log and messages.
const pastedName = "văn bản dán vào"

// importPage is the data of import.html: the upload form.
type importPage struct {
	layout
	Form importForm
}

func (importPage) template() string { return "import" }

// importForm is the upload form as typed, with the messages of a refused post. Errors are
// keyed by field: org, file, text, tones, period.
type importForm struct {
	Org, Tones, Period, Text string
	Orgs                     []option // the committees the actor may import into ([importableOrgs])
	Errors                   map[string]string
	General                  []string
}

// OrgField returns the committee's field; its empty choice takes the committee the
// document's masthead names.
func (f importForm) OrgField() field {
	return newField(f.Errors, field{Kind: fieldSelect, ID: "i-org", Name: "org", Label: "Ủy ban nhận văn bản",
		Blank: "Theo văn bản (ủy ban ghi ở đầu văn bản)", Options: chosenOption(f.Orgs, f.Org)})
}

// FileField returns the file's field.
func (f importForm) FileField() field {
	return newField(f.Errors, field{ID: "i-file", Name: "file", Type: "file", Accept: ".docx,.pdf,.txt",
		Label: "Tệp văn bản: DOCX, PDF hoặc TXT, tối đa 20 MB"})
}

// TextField returns the field of pasted text.
func (f importForm) TextField() field {
	return newField(f.Errors, field{Kind: fieldTextarea, ID: "i-text", Name: "text", Rows: 10, Value: f.Text,
		Label: "Hoặc dán nội dung văn bản vào đây"})
}

// TonesField returns the choice of tone placement.
func (f importForm) TonesField() field {
	opts := make([]option, len(importTones))
	for i, t := range importTones {
		opts[i] = option{Value: t.code, Label: t.label, Selected: t.code == f.Tones}
	}
	return newField(f.Errors, field{Kind: fieldSelect, ID: "i-tones", Name: "tones", Options: opts,
		Label: "Đặt dấu thanh (oa, oe, uy)"})
}

// PeriodField returns the field of the period, for a document that does not say.
func (f importForm) PeriodField() field {
	return newField(f.Errors, field{ID: "i-period", Name: "period", Value: f.Period, Placeholder: "2023-04",
		Verbatim: true, Label: "Kỳ của chương trình khi văn bản không ghi (ví dụ 2023-04, 2023-Q2, 2023); có thể để trống"})
}

// chosenOption returns a copy of opts with the option of value v selected.
func chosenOption(opts []option, v string) []option {
	out := slices.Clone(opts)
	for i := range out {
		out[i].Selected = out[i].Value == v
	}
	return out
}

// importFormOf returns the upload form's options as posted in form, offering orgs.
func importFormOf(form url.Values, orgs []option) importForm {
	get := func(k string) string { return strings.TrimSpace(form.Get(k)) }
	return importForm{Org: get("org"), Tones: get("tones"), Period: get("period"), Text: form.Get("text"),
		Orgs: orgs, Errors: map[string]string{}}
}

// options returns what the form asks besides the document: the committee (0: the one the
// masthead names), the tones and the period, adding to pr the problems of each.
func (f importForm) options(pr *congtac.Problems) importInput {
	var in importInput
	if f.Org != "" {
		if !containsOption(f.Orgs, f.Org) {
			pr.Add("org", "Chọn ủy ban trong danh sách.")
		}
		in.committee, _ = strconv.ParseInt(f.Org, 10, 64)
	}
	var ok bool
	if in.tones, ok = toneOf(f.Tones); !ok {
		pr.Add("tones", "Chọn cách đặt dấu thanh trong danh sách.")
	}
	if p := queryPeriod(url.Values{"period": {f.Period}}, "period", pr); p != nil {
		in.period = *p
	}
	return in
}

// input returns the document the upload form sends, a file or pasted text but not both,
// with its options; EINVALID names each field that cannot be read.
func (f importForm) input(r *http.Request) (importInput, error) {
	var pr congtac.Problems
	in := f.options(&pr)
	var err error
	in.name, in.data, err = uploadedDocument(r, f.Text, &pr)
	if err != nil {
		return in, err
	}
	return in, pr.Err()
}

// uploadedDocument returns the name and bytes of the file of field file, or the pasted
// text, adding to pr why neither can be read. The error is an internal failure to read.
func uploadedDocument(r *http.Request, text string, pr *congtac.Problems) (string, []byte, error) {
	pasted := strings.TrimSpace(text) != ""
	var files []*multipart.FileHeader
	if r.MultipartForm != nil {
		for _, h := range r.MultipartForm.File["file"] {
			if h.Filename != "" || h.Size > 0 {
				files = append(files, h)
			}
		}
	}
	switch {
	case len(files) > 0 && pasted:
		pr.Add("file", "Chỉ chọn tệp hoặc dán văn bản, không cả hai: hãy xóa nội dung đã dán hoặc bỏ chọn tệp.")
	case len(files) > 0 && files[0].Size == 0:
		pr.Add("file", "Tệp “%s” không có nội dung.", congtac.MaterialName(files[0].Filename))
	case len(files) > 0 && files[0].Size > importMaxBytes:
		pr.Add("file", "Tệp lớn quá %d MB.", importMaxBytes>>20)
	case len(files) > 0:
		data, err := readMultipartFile(files[0])
		return congtac.MaterialName(files[0].Filename), data, err
	case len(text) > importMaxBytes:
		pr.Add("text", "Nội dung dán vào dài quá %d MB.", importMaxBytes>>20)
	case pasted:
		return pastedName, []byte(text), nil
	default:
		pr.Add("file", "Hãy chọn tệp văn bản (DOCX, PDF, TXT) hoặc dán nội dung văn bản vào ô bên dưới.")
	}
	return "", nil, nil
}

// readMultipartFile returns the bytes of an uploaded file.
func readMultipartFile(h *multipart.FileHeader) ([]byte, error) {
	f, err := h.Open()
	if err != nil {
		return nil, fmt.Errorf("web: import upload: %w", err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, importMaxBytes+1))
	if err != nil {
		return nil, fmt.Errorf("web: import upload: %w", err)
	}
	return data, nil
}

// carriedInput returns the document the review's form carries back (data, base64; name)
// with its options (org: the committee it was read for; tones; period); EINVALID, on the
// upload form's field file, when the document cannot be read back.
func carriedInput(form url.Values, orgs []option) (importInput, importForm, error) {
	f := importFormOf(form, orgs)
	f.Text = ""
	var pr congtac.Problems
	in := f.options(&pr)
	data, err := base64.StdEncoding.DecodeString(form.Get("data"))
	if err != nil || len(data) == 0 || len(data) > importMaxBytes {
		pr.Add("file", "Không còn văn bản để lưu: hãy chọn tệp hoặc dán văn bản rồi đọc lại.")
	}
	in.data = data
	in.name = congtac.MaterialName(strings.TrimSpace(form.Get("name")))
	if in.name == "" {
		in.name = pastedName
	}
	return in, f, pr.Err()
}

// handleImportNew shows the upload form: the committees the actor may import into, a
// file or pasted text, the tone placement and the period.
func (s *Server) handleImportNew(w http.ResponseWriter, r *http.Request) {
	orgs, err := s.loadOrgs(r.Context())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	f := importForm{Tones: "keep", Orgs: importableOrgs(actorOf(r), orgs, s.today())}
	s.renderImportForm(w, r, http.StatusOK, f)
}

// renderImportForm renders the upload form f with status.
func (s *Server) renderImportForm(w http.ResponseWriter, r *http.Request, status int, f importForm) {
	s.render(w, r, status, importPage{layout: s.layout(r, "Nhập chương trình, lịch công tác có sẵn"), Form: f})
}

// handleImportCreate reads the uploaded file or the pasted text for the committee chosen
// or named by the masthead ([Server.runImport]) and shows what was understood for review
// (200). Nothing is saved. A form that cannot be read, or a document that cannot, comes
// back with 422 and the messages.
func (s *Server) handleImportCreate(w http.ResponseWriter, r *http.Request) {
	ctx, a := r.Context(), actorOf(r)
	orgs, err := s.loadOrgs(ctx)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	f := importFormOf(r.PostForm, importableOrgs(a, orgs, s.today()))
	in, err := f.input(r)
	var run importRun
	if err == nil {
		run, err = s.runImport(ctx, a, in)
	}
	if err != nil {
		s.importRefused(w, r, f, err)
		return
	}
	rv := s.importReview(run, in, orgs.Can(a, congtac.ManageOrgs, run.into.Committee.ID), nil)
	s.renderImportReview(w, r, http.StatusOK, rv)
}

// importRefused shows the upload form again with why nothing was read: 422 for EINVALID
// (runImport's org_id is the form's org), the error page for anything else.
func (s *Server) importRefused(w http.ResponseWriter, r *http.Request, f importForm, err error) {
	if congtac.ErrorCode(err) != congtac.EINVALID {
		s.fail(w, r, err)
		return
	}
	f.Errors = map[string]string{}
	for k, msg := range congtac.FieldErrors(err) {
		switch k {
		case "org_id", "org":
			f.Errors["org"] = msg
		case "file", "text", "tones", "period":
			f.Errors[k] = msg
		default:
			f.General = append(f.General, msg)
		}
	}
	slices.Sort(f.General)
	s.renderImportForm(w, r, http.StatusUnprocessableEntity, f)
}

// handleImportConfirm saves the document the review's form carries back as its choices
// say. It reads the document again; when the reading differs from the one reviewed (the
// fingerprint: the directory or the vocabulary changed in between), the review comes back
// with 409 asking to check again, the choices kept by name. Otherwise it saves a draft
// program with its meetings, or calendar entries ([Server.saveImport]), and redirects to
// the program or to the calendar's week with a message of what was saved. A choice or a
// save refused (EINVALID 422, ECONFLICT 409: the period has a program) shows the review
// again with the message; creating an org without ManageOrgs on the committee is 403.
func (s *Server) handleImportConfirm(w http.ResponseWriter, r *http.Request) {
	ctx, a := r.Context(), actorOf(r)
	orgs, err := s.loadOrgs(ctx)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	in, f, err := carriedInput(r.PostForm, importableOrgs(a, orgs, s.today()))
	var run importRun
	if err == nil {
		run, err = s.runImport(ctx, a, in)
	}
	if err != nil {
		s.importRefused(w, r, f, err)
		return
	}
	posted := postedChoices(r.PostForm)
	canCreate := orgs.Can(a, congtac.ManageOrgs, run.into.Committee.ID)
	rv := s.importReview(run, in, canCreate, &posted)
	if r.PostFormValue("fingerprint") != rv.Fingerprint {
		rv.Stale = true
		s.renderImportReview(w, r, http.StatusConflict, rv)
		return
	}
	c, err := choicesOf(run, posted, canCreate, s.today())
	var saved congtac.Import
	if err == nil {
		saved, _, err = s.saveImport(ctx, a, run, in.name, c)
	}
	switch congtac.ErrorCode(err) {
	case "":
		s.flash(r, importedMessage(in.name, run, saved, c))
		http.Redirect(w, r, importedPlace(run, saved), http.StatusSeeOther)
	case congtac.EINVALID:
		rv.Errors, rv.General = splitFieldErrors(err, reviewFields(run))
		s.renderImportReview(w, r, http.StatusUnprocessableEntity, rv)
	case congtac.ECONFLICT:
		rv.General = []string{congtac.ErrorMessage(err)}
		if rv.Existing, err = s.existingProgram(r, run); err != nil {
			s.fail(w, r, err)
			return
		}
		s.renderImportReview(w, r, http.StatusConflict, rv)
	default:
		s.fail(w, r, err)
	}
}

// renderImportReview renders the review rv with status.
func (s *Server) renderImportReview(w http.ResponseWriter, r *http.Request, status int, rv importReview) {
	s.render(w, r, status, importReviewPage{layout: s.layout(r, "Xem lại văn bản trước khi lưu"), Review: rv.withErrors()})
}

// withErrors returns rv with each message of rv.Errors on its field.
func (rv importReview) withErrors() importReview {
	rv.Tasks, rv.Names = slices.Clone(rv.Tasks), slices.Clone(rv.Names)
	for i := range rv.Tasks {
		rv.Tasks[i].Lead = newField(rv.Errors, rv.Tasks[i].Lead)
	}
	for j := range rv.Names {
		rv.Names[j].Field = newField(rv.Errors, rv.Names[j].Field)
	}
	return rv
}

// existingProgram returns the link to the program the committee already has for the
// document's period, which the actor may see; nil when none.
func (s *Server) existingProgram(r *http.Request, run importRun) (*programLink, error) {
	per := run.result.Masthead.Period
	if run.result.Kind != importer.KindProgram || per.Kind == "" {
		return nil, nil
	}
	org := run.into.Committee.ID
	ps, _, err := s.st.FindPrograms(r.Context(), visiblePrograms(actorOf(r), congtac.ProgramFilter{OrgID: &org, Period: &per, Limit: 1}))
	if err != nil {
		return nil, fmt.Errorf("web: import: existing program: %w", err)
	}
	if len(ps) == 0 {
		return nil, nil
	}
	return &programLink{Href: fmt.Sprintf("/programs/%d", ps[0].ID), Title: vn.Capitalize(ps[0].Title)}, nil
}

// programLink is a link to a program.
type programLink struct{ Href, Title string }

// importChoices are the review's choices as posted, keyed by what they concern rather
// than by their place on the page, so that they survive a reading that changed: org names
// by their folded name, tasks by their key ([taskKeys]).
type importChoices struct {
	orgs  map[string]string // "" (unassigned), "new" or an org's ID
	leads map[string]string // "" or an org's ID
	skip  map[string]bool
}

// postedChoices reads the review's choices: org.<j> with org.<j>.name, task.<i>.lead and
// task.<i>.skip with task.<i>.key.
func postedChoices(form url.Values) importChoices {
	c := importChoices{orgs: map[string]string{}, leads: map[string]string{}, skip: map[string]bool{}}
	for k := range form {
		if j, ok := strings.CutPrefix(k, "org."); ok && !strings.Contains(j, ".") {
			if name := form.Get("org." + j + ".name"); name != "" {
				c.orgs[vn.Fold(name)] = strings.TrimSpace(form.Get(k))
			}
			continue
		}
		rest, ok := strings.CutPrefix(k, "task.")
		i, what, _ := strings.Cut(rest, ".")
		key := form.Get("task." + i + ".key")
		switch {
		case !ok || key == "":
		case what == "lead":
			c.leads[key] = strings.TrimSpace(form.Get(k))
		case what == "skip":
			c.skip[key] = form.Get(k) != ""
		}
	}
	return c
}

// choicesOf returns the importer's choices from those posted: an org name stands for an
// org of the committee's directory, for none ("") or for a new department of the
// committee ("new", which needs ManageOrgs there: EFORBIDDEN otherwise); a task's lead is
// taken when it differs from what the page proposed (its name's match), so that mapping
// the name is enough; the tasks checked are left out. An ID outside the directory is
// EINVALID on its field (org.<j>, task.<i>.lead).
func choicesOf(run importRun, p importChoices, canCreate bool, today congtac.Date) (importer.Choices, error) {
	r := &run.result
	c := importer.Choices{Orgs: map[string]int64{}, Leads: map[int]int64{}, Skip: map[int]bool{}}
	var pr congtac.Problems
	for j, o := range r.Orgs {
		key := vn.Fold(o.Name)
		v, ok := p.orgs[key]
		switch {
		case !ok:
		case v == "new" && !canCreate:
			return c, congtac.Errorf(congtac.EFORBIDDEN, "Bạn không được tạo cơ quan, đơn vị mới của %s.", run.into.Committee.Name)
		case v == "new":
			id := -int64(len(c.NewOrgs) + 1)
			c.NewOrgs = append(c.NewOrgs, congtac.Org{ID: id, ParentID: run.into.Committee.ID, Kind: congtac.OrgDepartment,
				Name: o.Name, ValidFrom: r.Start(today)})
			c.Orgs[key] = id
		default:
			id, ok := directoryOrg(v, run.into.Orgs)
			if !ok {
				pr.Add(fmt.Sprintf("org.%d", j), "Chọn cơ quan trong danh mục, “tạo mới” hoặc để trống.")
				continue
			}
			c.Orgs[key] = id
		}
	}
	keys := taskKeys(r.Tasks)
	for i, t := range r.Tasks {
		if p.skip[keys[i]] {
			c.Skip[i] = true
		}
		v, ok := p.leads[keys[i]]
		if !ok {
			continue
		}
		id, ok := directoryOrg(v, run.into.Orgs)
		switch {
		case !ok:
			pr.Add(fmt.Sprintf("task.%d.lead", i), "Chọn cơ quan chủ trì trong danh mục.")
		case id != r.OrgOf(t.Lead):
			c.Leads[i] = id
		}
	}
	return c, pr.Err()
}

// directoryOrg returns the org a choice names: 0 for "", or an org of dir.
func directoryOrg(v string, dir []congtac.Org) (int64, bool) {
	if v == "" {
		return 0, true
	}
	id, err := strconv.ParseInt(v, 10, 64)
	ok := err == nil && slices.ContainsFunc(dir, func(o congtac.Org) bool { return o.ID == id })
	return id, ok
}

// taskKeys returns a key for each task that stays the same when the reading changes but
// the task's text does not: a digest of the text and its rank among equal texts.
func taskKeys(tasks []importer.TaskDraft) []string {
	seen := map[string]int{}
	out := make([]string, len(tasks))
	for i, t := range tasks {
		sum := sha256.Sum256([]byte(t.Text))
		k := hex.EncodeToString(sum[:6])
		seen[k]++
		out[i] = fmt.Sprintf("%s-%d", k, seen[k])
	}
	return out
}

// fingerprint returns a digest of a reading: what was understood, as its JSON form says
// it, and the committee it was read for.
func fingerprint(run importRun) string {
	b, err := json.Marshal(run.result.JSON())
	if err != nil {
		return "" // never for these types; an empty print matches no form's
	}
	sum := sha256.Sum256(fmt.Appendf(b, "\n%d", run.into.Committee.ID))
	return hex.EncodeToString(sum[:])
}

// reviewFields returns the names of the review's fields that messages may name.
func reviewFields(run importRun) []string {
	var out []string
	for j := range run.result.Orgs {
		out = append(out, fmt.Sprintf("org.%d", j))
	}
	for i := range run.result.Tasks {
		out = append(out, fmt.Sprintf("task.%d.lead", i))
	}
	return out
}

// importedMessage says what an import saved: the program's items, tasks and meetings and
// how many tasks were left out for want of a lead, or the calendar entries.
func importedMessage(name string, run importRun, saved congtac.Import, c importer.Choices) string {
	what := "tệp “" + name + "”"
	if name == pastedName {
		what = pastedName
	}
	p := saved.Program
	if p == nil {
		return fmt.Sprintf("Đã thêm %d mục vào lịch công tác của %s từ %s.", len(saved.Engagements), run.into.Committee.Name, what)
	}
	msg := fmt.Sprintf("Đã nhập %s thành dự thảo chương trình %s: %d mục, %d nhiệm vụ, %d hội nghị.",
		what, p.Period, len(p.Items), len(p.Tasks), len(saved.Meetings))
	if left := len(run.result.Tasks) - len(c.Skip) - len(p.Tasks); left > 0 {
		msg += fmt.Sprintf(" %d nhiệm vụ chưa có cơ quan chủ trì nên không được lưu.", left)
	}
	if len(saved.Orgs) > 0 {
		msg += fmt.Sprintf(" Đã thêm %d cơ quan, đơn vị mới vào danh mục.", len(saved.Orgs))
	}
	return msg
}

// importedPlace returns where to go after saving: the program, or the calendar of the
// week of the entries.
func importedPlace(run importRun, saved congtac.Import) string {
	if saved.Program != nil {
		return fmt.Sprintf("/programs/%d", saved.Program.ID)
	}
	week := run.result.Schedule.Week
	if week.Kind == "" && len(saved.Engagements) > 0 {
		week = congtac.PeriodOf(congtac.PeriodWeek, saved.Engagements[0].Date)
	}
	place := fmt.Sprintf("/calendar?org=%d", run.into.Committee.ID)
	if week.Kind != "" {
		place += "&week=" + week.Key()
	}
	return place
}

// importSure is the confidence from which a reading is marked sure ("chắc chắn"); below
// it, "cần xem lại".
const importSure = 0.9
