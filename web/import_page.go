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
				Name: o.Name, ValidFrom: newOrgsFrom(r, today)})
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

// newOrgsFrom returns the day the orgs an import creates are valid from: the first day of
// the document's period (or week, or year), so that they may lead its tasks; today when
// the document gives none.
func newOrgsFrom(r *importer.Result, today congtac.Date) congtac.Date {
	switch {
	case r.Masthead.Period.Kind != "":
		return r.Masthead.Period.Start()
	case r.Schedule.Week.Kind != "":
		return r.Schedule.Week.Start()
	case r.Masthead.Year > 0:
		return congtac.MustDate(r.Masthead.Year, 1, 1)
	}
	return today
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

// importReviewPage is the data of import_review.html: what a document was understood to
// say, beside its lines, with the choices to make before saving.
type importReviewPage struct {
	layout
	Review importReview
}

func (importReviewPage) template() string { return "import_review" }

// importReview is the review of one reading. Lines are numbered from 1 (the importer's
// from 0); a Line of 0 links nowhere (the whole document).
type importReview struct {
	// What the form carries back to the confirmation.
	Data, Name, Org, Tones, Period, Fingerprint string

	About     string // where the document came from and for which committee
	KindLabel string // "Chương trình công tác", "Lịch công tác tuần"
	Schedule  bool
	Button    string
	CanSave   bool
	Cannot    string // why it cannot be saved from the page, when it cannot
	Stale     bool   // the reading changed since the page was shown
	General   []string
	Errors    map[string]string // by field: org.<j>, task.<i>.lead
	Existing  *programLink      // the program the period already has, on a conflict

	Lines      []sourceLine
	Masthead   []mastheadRow
	Items      []outlineRow
	Tasks      []taskReview
	Meetings   []meetingReview
	Week       string
	Entries    []entryReview
	Recipients []string
	Signature  []string
	Names      []nameReview
	Problems   []lineNote // what the reading could not understand
	Left       []lineNote // what saving as chosen leaves out
	Unsure     []lineNote // letters put back without certainty
}

// sourceLine is a line of the document; Title says what a restoration changed.
type sourceLine struct {
	N                int
	Text             string
	Restored, Unsure bool
	Title            string
}

// mastheadRow is a field of the masthead with how sure its reading is.
type mastheadRow struct {
	Label, Text string
	Line        int
	Sure        bool
}

// outlineRow is a numbered item of the program.
type outlineRow struct {
	Label, Heading, Text string
	Depth, Line          int
}

// taskReview is a task read, with the choice of its lead and of leaving it out.
type taskReview struct {
	Index                                  int
	Key                                    string
	Text, Sector, Due, Reading, DueProblem string
	Target, Source, Written, Verb, Support string
	Line                                   int
	Lead                                   field
	Skip                                   bool
}

// meetingReview is a meeting the program announces, with its agenda.
type meetingReview struct {
	Kind, Title, When, Recurrence, Place string
	Line                                 int
	Agenda                               []matterReview
}

// matterReview is a matter of a meeting's agenda and who prepares it.
type matterReview struct {
	Title, Lead, Support string
	Line                 int
}

// entryReview is an entry of a weekly schedule.
type entryReview struct {
	Day, Time, Leaders, Title, Place, Participants, Preparer, Note string
	Postponed, Sure                                                bool
	Line                                                           int
}

// nameReview is an org name the document writes, its lines, and the choice of the org it
// stands for.
type nameReview struct {
	Index int
	Name  string
	Lines []int
	Field field
}

// lineNote is a message about a line.
type lineNote struct {
	Line    int
	Message string
}

// importReview returns the review of run, read from in. posted, when not nil, are the
// choices of a review posted before, shown again where they still apply. The "new" choice
// of an org name is offered when canCreate.
func (s *Server) importReview(run importRun, in importInput, canCreate bool, posted *importChoices) importReview {
	r := &run.result
	j := r.JSON()
	rv := importReview{Name: in.name, Org: strconv.FormatInt(run.into.Committee.ID, 10), Tones: toneCode(in.tones),
		Fingerprint: fingerprint(run), CanSave: true, Errors: map[string]string{},
		Schedule: r.Kind == importer.KindSchedule, Lines: sourceLines(j), Recipients: j.Recipients}
	if in.period.Kind != "" {
		rv.Period = in.period.Key()
	}
	if len(in.data) <= importCarryBytes {
		rv.Data = base64.StdEncoding.EncodeToString(in.data)
	} else {
		rv.CanSave = false
		rv.Cannot = fmt.Sprintf("Tệp lớn hơn %d MB: trang này chỉ đọc thử được. Hãy lưu bằng lệnh congtac import hoặc API (POST /api/v1/imports).", importCarryBytes>>20)
	}
	rv.KindLabel, rv.Button = "Chương trình công tác", "Lưu thành dự thảo"
	if rv.Schedule {
		rv.KindLabel, rv.Button = "Lịch công tác tuần", "Lưu vào lịch công tác"
	}
	rv.About = aboutImport(in, j, run.into.Committee.Name)
	rv.Masthead = mastheadRows(j, in, rv.Schedule)
	rv.Items = outlineRows(j.Items)
	dir := directoryOptions(run.into.Orgs)
	rv.Tasks = taskReviews(r, j, dir, posted)
	rv.Meetings = meetingReviews(r, j, run.into.Orgs)
	rv.Week, rv.Entries = weekLabel(r.Schedule.Week), entryReviews(j.Entries, run.into.Orgs)
	for _, l := range append(slices.Clone(j.Signature.Lines), j.Signature.Title, j.Signature.Name) {
		if l != "" {
			rv.Signature = append(rv.Signature, l)
		}
	}
	rv.Names = nameReviews(j.Orgs, dir, canCreate, posted)
	for _, p := range j.Problems {
		rv.Problems = append(rv.Problems, lineNote{lineNo(p.Line), p.Message})
	}
	for _, x := range j.Restorations {
		if x.Confidence < importSure {
			rv.Unsure = append(rv.Unsure, lineNote{lineNo(x.Line), fmt.Sprintf("“%s” đọc thành “%s” (độ tin cậy %s).",
				strings.TrimSpace(x.Before), x.After, percent(x.Confidence))})
		}
	}
	rv.Left = s.leftOut(run, canCreate, posted, &rv)
	return rv
}

// leftOut returns what saving as chosen would leave out: the tasks without a lead, the
// deadlines outside the program's periods. A program whose period is unknown cannot be
// saved: rv says so.
func (s *Server) leftOut(run importRun, canCreate bool, posted *importChoices, rv *importReview) []lineNote {
	var c importer.Choices
	if posted != nil {
		if cc, err := choicesOf(run, *posted, canCreate, s.today()); err == nil {
			c = cc
		}
	}
	_, problems, err := run.result.Draft(run.into.Committee.ID, run.into.Leaders, c)
	if err != nil {
		rv.CanSave = false
		rv.Cannot = congtac.ErrorMessage(err) + " Hãy quay lại trang nhập, ghi kỳ rồi đọc lại."
	}
	var out []lineNote
	for _, p := range problems {
		out = append(out, lineNote{lineNo(p.Line), p.Message})
	}
	return out
}

// toneCode returns the form's code of a tone style.
func toneCode(style vn.ToneStyle) string {
	for _, t := range importTones {
		if t.style == style {
			return t.code
		}
	}
	return ""
}

// lineNo returns a line's number for people (from 1), or 0 for none (-1).
func lineNo(line int) int {
	if line < 0 {
		return 0
	}
	return line + 1
}

// percent returns a confidence as a percentage: "93%".
func percent(x float64) string { return fmt.Sprintf("%.0f%%", x*100) }

// aboutImport says where a document came from, how it was read and for which committee.
func aboutImport(in importInput, j importer.JSONResult, committee string) string {
	from := "Đọc từ " + pastedName
	if in.name != pastedName {
		from = fmt.Sprintf("Đọc từ tệp “%s” (%s)", in.name, map[importer.Format]string{importer.FormatDOCX: "DOCX",
			importer.FormatPDF: "PDF", importer.FormatText: "văn bản thuần"}[j.Format])
	}
	if j.Legacy != "" {
		from += fmt.Sprintf(", đã chuyển từ bảng mã %s sang Unicode", strings.ToUpper(string(j.Legacy)))
	}
	return from + ", nhập vào " + committee + ". Chưa có gì được lưu."
}

// sourceLines returns the document's lines, those whose lost letters were put back
// marked with what they were.
func sourceLines(j importer.JSONResult) []sourceLine {
	restored := map[int]importer.JSONRestoration{}
	for _, x := range j.Restorations {
		if _, ok := restored[x.Line]; !ok {
			restored[x.Line] = x
		}
	}
	out := make([]sourceLine, len(j.Lines))
	for i, text := range j.Lines {
		out[i] = sourceLine{N: i + 1, Text: text}
		if x, ok := restored[i]; ok {
			out[i].Restored, out[i].Unsure = true, x.Confidence < importSure
			out[i].Title = fmt.Sprintf("Đã khôi phục chữ bị mất (độ tin cậy %s). Trước: %s — Sau: %s",
				percent(x.Confidence), strings.TrimSpace(x.Before), x.After)
		}
	}
	return out
}

// mastheadRows returns the fields of the masthead, each with its line and how sure.
func mastheadRows(j importer.JSONResult, in importInput, schedule bool) []mastheadRow {
	m := j.Masthead
	row := func(label string, f importer.JSONField) mastheadRow {
		text := f.Text
		if text == "" {
			text = "Không ghi"
		}
		return mastheadRow{Label: label, Text: text, Line: lineNo(f.Line), Sure: f.Confidence >= importSure}
	}
	var out []mastheadRow
	if m.Parent.Text != "" {
		out = append(out, row("Cơ quan cấp trên", m.Parent))
	}
	out = append(out, row("Cơ quan ban hành", m.Issuer))
	number := m.Symbol
	if number.Text != "" {
		n := "…"
		if m.Number > 0 {
			n = strconv.Itoa(m.Number)
		}
		number.Text = n + "/" + number.Text
	}
	out = append(out, row("Số, ký hiệu", number), row("Địa danh", m.Place))
	date := m.Place
	date.Text = "Chưa ghi ngày"
	if d, err := congtac.ParseDate(m.Date); err == nil && !d.IsZero() {
		date.Text = vn.PaddedDate(d)
	} else if m.Year > 0 {
		date.Text += fmt.Sprintf(" (năm %d)", m.Year)
	}
	out = append(out, row("Ngày ban hành", date), row("Loại văn bản", m.Type), row("Trích yếu", m.Summary))
	if !schedule {
		out = append(out, periodRow(m, in))
	}
	return out
}

// periodRow returns the program's period as the summary names it, or as the form gave it.
func periodRow(m importer.JSONMasthead, in importInput) mastheadRow {
	p, err := congtac.ParsePeriodKey(m.Period)
	if m.Period == "" || err != nil {
		return mastheadRow{Label: "Kỳ", Text: "Không đọc được: hãy ghi kỳ ở trang nhập"}
	}
	row := mastheadRow{Label: "Kỳ", Text: vn.Capitalize(p.String()), Line: lineNo(m.Summary.Line),
		Sure: m.Summary.Confidence >= importSure}
	for _, k := range m.Also {
		if a, err := congtac.ParsePeriodKey(k); err == nil {
			row.Text += ", cùng " + a.String()
		}
	}
	if p == in.period && m.Summary.Text == "" {
		row.Text, row.Sure = row.Text+" (theo kỳ bạn ghi)", true
	}
	return row
}

// outlineRows returns the numbered items, each at its depth (at most 4).
func outlineRows(items []importer.JSONItem) []outlineRow {
	depth := map[int64]int{}
	out := make([]outlineRow, 0, len(items))
	for _, it := range items {
		d := 0
		if it.ParentID != 0 {
			d = depth[it.ParentID] + 1
		}
		depth[it.ID] = d
		out = append(out, outlineRow{Label: it.Label, Heading: it.Heading, Text: firstWords(it.Text, 24),
			Depth: min(d, 4), Line: lineNo(it.Line)})
	}
	return out
}

// firstWords returns the first n words of text, with an ellipsis when there are more.
func firstWords(text string, n int) string {
	words := strings.Fields(text)
	if len(words) <= n {
		return strings.Join(words, " ")
	}
	return strings.Join(words[:n], " ") + " …"
}

// directoryOptions returns the committee's directory as the options of a select.
func directoryOptions(dir []congtac.Org) []option {
	out := make([]option, len(dir))
	for i, o := range dir {
		out[i] = option{Value: strconv.FormatInt(o.ID, 10), Label: o.Name}
	}
	return out
}

// taskReviews returns the tasks read, each with its lead's select (the choice posted, or
// its name's match) and whether it is left out.
func taskReviews(r *importer.Result, j importer.JSONResult, dir []option, posted *importChoices) []taskReview {
	keys := taskKeys(r.Tasks)
	out := make([]taskReview, len(r.Tasks))
	for i, t := range r.Tasks {
		lead := ""
		if id := r.OrgOf(t.Lead); id != 0 {
			lead = strconv.FormatInt(id, 10)
		}
		var skip bool
		if posted != nil {
			if v, ok := posted.leads[keys[i]]; ok {
				lead = v
			}
			skip = posted.skip[keys[i]]
		}
		phrase, reading := dueReading(t)
		tr := taskReview{Index: i, Key: keys[i], Text: t.Text, Sector: t.Sector.Label(), Due: phrase, Reading: reading,
			DueProblem: t.DueProblem, Source: t.Source, Written: t.Lead, Verb: t.Verb, Support: strings.Join(t.Support, ", "),
			Line: lineNo(j.Tasks[i].Line), Skip: skip}
		if t.Target != nil {
			tr.Target = t.Target.String()
		}
		tr.Lead = field{Kind: fieldSelect, ID: fmt.Sprintf("task-%d-lead", i), Name: fmt.Sprintf("task.%d.lead", i),
			Label: "Cơ quan chủ trì", Blank: "— chưa chọn —", Options: chosenOption(dir, lead), Wrapped: true, OrgPicker: true}
		out[i] = tr
	}
	return out
}

// dueReading returns a task's deadline phrase as written and what it was read as.
func dueReading(t importer.TaskDraft) (phrase, reading string) {
	switch {
	case t.Recurrence != nil:
		reading = vn.FormatRecurrence(*t.Recurrence)
	case !t.Due.Date.IsZero():
		reading = t.Due.String()
	}
	return t.Due.Text, reading
}

// meetingReviews returns the meetings the program announces, their matters' orgs as
// written and as matched in dir.
func meetingReviews(r *importer.Result, j importer.JSONResult, dir []congtac.Org) []meetingReview {
	out := make([]meetingReview, len(r.Meetings))
	for i, d := range r.Meetings {
		m := d.Meeting
		mr := meetingReview{Kind: m.Kind.Label(), Title: m.Title, When: meetingWhen(m), Place: m.Place, Line: lineNo(d.Line)}
		if m.Recurrence != nil {
			mr.Recurrence = vn.FormatRecurrence(*m.Recurrence)
			if !m.Date.IsZero() {
				mr.Recurrence += ", từ ngày " + vn.PaddedDate(m.Date)
			}
		}
		for _, a := range j.Meetings[i].Agenda {
			mr.Agenda = append(mr.Agenda, matterReview{Title: a.Title, Lead: orgRefText(a.Lead, dir),
				Support: orgRefsText(a.Support, dir), Line: lineNo(a.Line)})
		}
		out[i] = mr
	}
	return out
}

// meetingWhen returns a meeting's day with its weekday, and its time or part of the day:
// "Thứ Sáu, 21/04/2023, 14 giờ 00"; "Chưa định ngày" when the program gives none.
func meetingWhen(m congtac.Meeting) string {
	if m.Date.IsZero() {
		return "Chưa định ngày"
	}
	when := vn.Weekday(m.Date.Weekday()) + ", " + vn.PaddedDate(m.Date)
	return joinWhen(when, m.Start, m.Part)
}

// joinWhen adds a time, or else a part of the day, to a day.
func joinWhen(day string, start congtac.ClockTime, part congtac.DayPart) string {
	if t := vn.FormatClock(start); t != "" {
		return day + ", " + t
	}
	if label := part.Label(); label != "" {
		return day + ", " + strings.ToLower(label)
	}
	return day
}

// orgRefText returns an org as written and, when it differs, the org it was matched to:
// "Phòng Tài chính - KH → Phòng Tài chính - Kế hoạch".
func orgRefText(ref *importer.JSONOrgRef, dir []congtac.Org) string {
	if ref == nil {
		return ""
	}
	if ref.OrgID == 0 {
		return ref.Name + " (chưa có trong danh mục)"
	}
	for _, o := range dir {
		if o.ID == ref.OrgID && o.Name != ref.Name {
			return ref.Name + " → " + o.Name
		}
	}
	return ref.Name
}

// orgRefsText returns orgs as [orgRefText] writes each, joined.
func orgRefsText(refs []importer.JSONOrgRef, dir []congtac.Org) string {
	out := make([]string, len(refs))
	for i := range refs {
		out[i] = orgRefText(&refs[i], dir)
	}
	return strings.Join(out, "; ")
}

// weekLabel returns a schedule's week as headings name it, or "".
func weekLabel(week congtac.Period) string {
	if week.Kind == "" {
		return ""
	}
	return vn.WeekHeading(week)
}

// entryReviews returns the entries of a weekly schedule.
func entryReviews(entries []importer.JSONEntry, dir []congtac.Org) []entryReview {
	out := make([]entryReview, len(entries))
	for i, e := range entries {
		day := e.Date
		if d, err := congtac.ParseDate(e.Date); err == nil && !d.IsZero() {
			day = vn.Weekday(d.Weekday()) + ", " + vn.PaddedDate(d)
		}
		start, _, _ := vn.ParseClock(e.Start)
		if e.Start == "" {
			start = congtac.NoTime
		}
		out[i] = entryReview{Day: day, Time: strings.TrimPrefix(joinWhen("", start, congtac.DayPart(e.Part)), ", "),
			Leaders: strings.Join(e.Leaders, "; "), Title: e.Title, Place: e.Place, Participants: e.Participants,
			Preparer: orgRefText(e.Preparer, dir), Note: e.Note, Postponed: e.Postponed,
			Sure: e.Confidence >= importSure, Line: lineNo(e.Line)}
	}
	return out
}

// nameReviews returns the org names the document writes, each with its select: the
// choice posted, or its match; "new" offered when canCreate.
func nameReviews(names []importer.JSONOrgName, dir []option, canCreate bool, posted *importChoices) []nameReview {
	out := make([]nameReview, len(names))
	for j, n := range names {
		chosen := ""
		if n.OrgID != 0 {
			chosen = strconv.FormatInt(n.OrgID, 10)
		}
		if v, ok := posted.org(n.Name); ok && (v != "new" || canCreate) {
			chosen = v
		}
		opts := slices.Clone(dir)
		if canCreate {
			opts = append(opts, option{Value: "new", Label: "Tạo mới: " + n.Name + " (đơn vị thuộc ủy ban)"})
		}
		lines := make([]int, len(n.Lines))
		for k, l := range n.Lines {
			lines[k] = lineNo(l)
		}
		out[j] = nameReview{Index: j, Name: n.Name, Lines: lines, Field: field{Kind: fieldSelect,
			ID: fmt.Sprintf("org-%d", j), Name: fmt.Sprintf("org.%d", j), Label: "Cơ quan trong danh mục",
			Blank: "— để trống, không giao —", Options: chosenOption(opts, chosen), Wrapped: true, OrgPicker: true}}
	}
	return out
}

// org returns the choice posted for an org name; ok is false when none was, or c is nil.
func (c *importChoices) org(name string) (string, bool) {
	if c == nil {
		return "", false
	}
	v, ok := c.orgs[vn.Fold(name)]
	return v, ok
}
