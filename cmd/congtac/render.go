package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"congtac"
	"congtac/export"
	"congtac/store"
)

// renderCmd writes an official document from the database to a file:
//
//	congtac render -program ID -format docx|pdf -o FILE            the work program
//	congtac render -meeting ID -kind invitation|conclusion -o FILE  giấy mời, thông báo kết luận
//	congtac render -report-program ID [-as-of DATE] -o FILE         báo cáo kết quả thực hiện
//	congtac render -register [-year Y] [-org ID] -format xlsx|pdf   sổ đăng ký văn bản đi
//	congtac render -tasks -program ID -format xlsx                  bảng nhiệm vụ
//
// The format defaults to the extension of -o. A document not yet issued prints as a
// draft: number and date blank, marked "DỰ THẢO".
type renderCmd struct {
	program, meeting, report, org int64
	kind, asOf, format, out       string
	register, tasks               bool
	year                          int
}

func (r *renderCmd) flags(fs *flag.FlagSet, cfg *Config) {
	cfg.define(fs, "db")
	fs.Int64Var(&r.program, "program", 0, "mã chương trình công tác (program ID)")
	fs.Int64Var(&r.meeting, "meeting", 0, "mã hội nghị, dùng với -kind (meeting ID)")
	fs.StringVar(&r.kind, "kind", "", "với -meeting: invitation (giấy mời) hoặc conclusion (thông báo kết luận)")
	fs.Int64Var(&r.report, "report-program", 0, "mã chương trình cần báo cáo kết quả thực hiện (result report of a program)")
	fs.StringVar(&r.asOf, "as-of", "", "ngày tính trạng thái nhiệm vụ, YYYY-MM-DD; mặc định hôm nay (statuses as of)")
	fs.BoolVar(&r.register, "register", false, "sổ đăng ký văn bản đi của một năm (the outgoing register)")
	fs.IntVar(&r.year, "year", 0, "với -register: năm của sổ; mặc định năm nay (register year)")
	fs.Int64Var(&r.org, "org", 0, "với -register: mã cơ quan ban hành; mặc định Ủy ban nhân dân duy nhất (issuing org)")
	fs.BoolVar(&r.tasks, "tasks", false, "với -program: bảng nhiệm vụ dạng xlsx (task table)")
	fs.StringVar(&r.format, "format", "", "docx, pdf hoặc xlsx; mặc định theo phần mở rộng của -o (output format)")
	fs.StringVar(&r.out, "o", "", "tệp cần ghi (output file)")
}

// renderKind is what a render command produces, and the formats it accepts.
type renderKind struct {
	name    string
	formats []string
}

// kindOf returns what the flags ask for, or a usage error when they ask for none or several.
func (r *renderCmd) kindOf() (renderKind, error) {
	var kinds []renderKind
	switch {
	case r.tasks && r.program != 0:
		kinds = append(kinds, renderKind{"tasks", []string{"xlsx"}})
	case r.tasks:
		return renderKind{}, usagef("-tasks cần -program: mã chương trình (missing -program)")
	case r.program != 0:
		kinds = append(kinds, renderKind{"program", []string{"docx", "pdf"}})
	}
	if r.meeting != 0 {
		if r.kind != "invitation" && r.kind != "conclusion" {
			return renderKind{}, usagef("-meeting cần -kind invitation (giấy mời) hoặc conclusion (thông báo kết luận), không phải %q", r.kind)
		}
		kinds = append(kinds, renderKind{r.kind, []string{"docx", "pdf"}})
	} else if r.kind != "" {
		return renderKind{}, usagef("-kind chỉ dùng với -meeting (-kind needs -meeting)")
	}
	if r.report != 0 {
		kinds = append(kinds, renderKind{"report", []string{"docx", "pdf"}})
	}
	if r.register {
		kinds = append(kinds, renderKind{"register", []string{"xlsx", "pdf"}})
	}
	if len(kinds) != 1 {
		return renderKind{}, usagef("chọn đúng một văn bản: -program, -meeting, -report-program, -register hoặc -tasks -program " +
			"(choose exactly one document)")
	}
	return kinds[0], nil
}

// check validates the flags and returns what to render, in which format, as of which day.
func (r *renderCmd) check() (renderKind, string, congtac.Date, error) {
	k, err := r.kindOf()
	if err != nil {
		return k, "", congtac.Date{}, err
	}
	if r.out == "" {
		return k, "", congtac.Date{}, usagef("cần -o: tệp cần ghi (missing -o)")
	}
	format := strings.ToLower(r.format)
	if format == "" {
		format = strings.TrimPrefix(strings.ToLower(filepath.Ext(r.out)), ".")
	}
	if !slices.Contains(k.formats, format) {
		return k, "", congtac.Date{}, usagef("định dạng %q không dùng được cho văn bản này; chọn %s (unsupported format; HTML is served by the web application)",
			format, strings.Join(k.formats, " hoặc "))
	}
	asOf := congtac.DateOf(time.Now(), congtac.Location())
	if r.asOf != "" {
		if asOf, err = congtac.ParseDate(r.asOf); err != nil {
			return k, "", congtac.Date{}, usagef("-as-of=%q không hợp lệ: cần dạng năm-tháng-ngày, ví dụ 2026-04-30 (invalid date)", r.asOf)
		}
	}
	if r.year == 0 {
		r.year = asOf.Year
	}
	if r.year < 1900 || r.year > 9999 {
		return k, "", congtac.Date{}, usagef("-year=%d không hợp lệ (invalid year)", r.year)
	}
	return k, format, asOf, nil
}

func (r *renderCmd) run(ctx context.Context, c *cli, cfg Config) error {
	k, format, asOf, err := r.check()
	if err != nil {
		return err
	}
	st, err := openMigrated(ctx, cfg)
	if err != nil {
		return err
	}
	defer st.Close()
	src, err := loadRenderData(ctx, st)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := r.render(ctx, st, src, k, format, asOf, &buf); err != nil {
		return err
	}
	if err := os.WriteFile(r.out, buf.Bytes(), 0o644); err != nil {
		return fmt.Errorf("ghi tệp %s (write file): %w", r.out, err)
	}
	fmt.Fprintf(c.stdout, "Đã ghi %s (%d byte).\n", r.out, buf.Len())
	return nil
}

// render builds the document the flags ask for and writes it in format to buf.
func (r *renderCmd) render(ctx context.Context, st *store.Store, src renderData, k renderKind, format string,
	asOf congtac.Date, buf *bytes.Buffer) error {
	switch k.name {
	case "tasks":
		t, err := src.taskTable(ctx, st, r.program, asOf)
		if err != nil {
			return err
		}
		return export.TasksXLSX(buf, t)
	case "register":
		d, err := src.register(ctx, st, r.org, r.year)
		if err != nil {
			return err
		}
		if format == "xlsx" {
			return export.RegisterXLSX(buf, d)
		}
		return export.PDF(buf, d)
	}
	var d export.Doc
	var err error
	switch k.name {
	case "program":
		d, err = src.program(ctx, st, r.program)
	case "invitation", "conclusion":
		d, err = src.meetingDoc(ctx, st, r.meeting, k.name)
	case "report":
		d, err = src.resultReport(ctx, st, r.report, asOf)
	}
	if err != nil {
		return err
	}
	if format == "docx" {
		return export.DOCX(buf, d)
	}
	return export.PDF(buf, d)
}

// renderData is what every document needs from the database: the settings and the names
// of orgs and people.
type renderData struct {
	settings congtac.Settings
	orgs     map[int64]congtac.Org
	names    map[int64]string // org names
	people   map[int64]string
}

// loadRenderData reads the settings, every org (ended ones too: history keeps their
// names) and every person.
func loadRenderData(ctx context.Context, st *store.Store) (renderData, error) {
	d := renderData{orgs: map[int64]congtac.Org{}, names: map[int64]string{}, people: map[int64]string{}}
	var err error
	if d.settings, err = st.Settings(ctx); err != nil {
		return d, err
	}
	orgs, err := st.FindOrgs(ctx, congtac.OrgFilter{})
	if err != nil {
		return d, err
	}
	for _, o := range orgs {
		d.orgs[o.ID], d.names[o.ID] = o, o.Name
	}
	people, err := st.FindPeople(ctx, congtac.PersonFilter{})
	if err != nil {
		return d, err
	}
	for _, p := range people {
		d.people[p.ID] = p.FullName
	}
	return d, nil
}

// symbol returns the symbol of a document of type t issued by org: "GM-UBND".
func (d renderData) symbol(t congtac.DocType, org int64) string {
	return congtac.Symbol(t, d.orgs[org].ShortName, "")
}

// program returns a work program as a document; a program not yet issued is a draft.
func (d renderData) program(ctx context.Context, st *store.Store, id int64) (export.ProgramDoc, error) {
	p, err := st.FindProgramByID(ctx, id)
	if err != nil {
		return export.ProgramDoc{}, err
	}
	meetings, err := st.FindMeetings(ctx, congtac.MeetingFilter{ProgramID: &id})
	if err != nil {
		return export.ProgramDoc{}, err
	}
	if p.Symbol == "" {
		p.Symbol = d.symbol(congtac.DocProgram, p.OrgID)
	}
	return export.ProgramDoc{Settings: d.settings, Program: p, Orgs: d.names, People: d.people, Meetings: meetings,
		Draft: !p.Status.Published()}, nil
}

// meetingDoc returns a meeting's invitation or notice of conclusions: the registered
// document when there is one, else a draft signed as the meeting's program is.
func (d renderData) meetingDoc(ctx context.Context, st *store.Store, id int64, kind string) (export.Doc, error) {
	m, err := st.FindMeetingByID(ctx, id)
	if err != nil {
		return nil, err
	}
	t, recipients := congtac.DocInvitation, []string{"Như thành phần mời;"}
	if kind == "conclusion" {
		t, recipients = congtac.DocNotice, nil
	}
	doc, found, err := findDocument(ctx, st, m.OrgID, t, func(doc congtac.Document) bool { return doc.MeetingID == m.ID })
	if err != nil {
		return nil, err
	}
	if !found {
		if doc, err = d.draftDocument(ctx, st, t, m.OrgID, m.ProgramID, recipients); err != nil {
			return nil, err
		}
	}
	if kind == "conclusion" {
		return export.ConclusionDoc{Settings: d.settings, Meeting: m, Document: doc, Orgs: d.names, People: d.people,
			Draft: !found}, nil
	}
	return export.InvitationDoc{Settings: d.settings, Meeting: m, Document: doc, Orgs: d.names, People: d.people,
		Draft: !found}, nil
}

// draftDocument returns the register data of a document not yet issued: its symbol, and
// the signature and recipients of the program it belongs to, if any.
func (d renderData) draftDocument(ctx context.Context, st *store.Store, t congtac.DocType, org, program int64,
	recipients []string) (congtac.Document, error) {
	doc := congtac.Document{OrgID: org, Type: t, Symbol: d.symbol(t, org), Place: d.settings.Place}
	if program != 0 {
		p, err := st.FindProgramByID(ctx, program)
		if err != nil {
			return doc, err
		}
		doc.Signature, doc.Recipients = p.Signature, p.Recipients
	}
	if recipients != nil {
		doc.Recipients = append(recipients, "Lưu: VT.")
	}
	return doc, nil
}

// findDocument returns the first registered document of type t of org that match accepts.
func findDocument(ctx context.Context, st *store.Store, org int64, t congtac.DocType,
	match func(congtac.Document) bool) (congtac.Document, bool, error) {
	docs, err := allDocuments(ctx, st, congtac.DocumentFilter{OrgID: &org, Type: &t})
	if err != nil {
		return congtac.Document{}, false, err
	}
	for _, doc := range docs {
		if match(doc) {
			return doc, true, nil
		}
	}
	return congtac.Document{}, false, nil
}

// allDocuments returns every document matching f, page by page.
func allDocuments(ctx context.Context, st *store.Store, f congtac.DocumentFilter) ([]congtac.Document, error) {
	var out []congtac.Document
	for f.Limit = 1000; ; f.Offset += f.Limit {
		docs, total, err := st.FindDocuments(ctx, f)
		if err != nil {
			return nil, err
		}
		out = append(out, docs...)
		if len(docs) == 0 || len(out) >= total {
			return out, nil
		}
	}
}

// resultReport returns the report on a program as of a day, with the reports its orgs
// sent on its tasks.
func (d renderData) resultReport(ctx context.Context, st *store.Store, id int64, asOf congtac.Date) (export.ResultReportDoc, error) {
	p, err := st.FindProgramByID(ctx, id)
	if err != nil {
		return export.ResultReportDoc{}, err
	}
	var reports []congtac.Report
	for _, t := range p.Tasks {
		rs, _, err := st.FindReports(ctx, congtac.ReportFilter{TaskID: &t.ID})
		if err != nil {
			return export.ResultReportDoc{}, err
		}
		reports = append(reports, rs...)
	}
	doc, found, err := findDocument(ctx, st, p.OrgID, congtac.DocReport,
		func(doc congtac.Document) bool { return doc.ProgramID == p.ID })
	if err != nil {
		return export.ResultReportDoc{}, err
	}
	if !found {
		doc = congtac.Document{OrgID: p.OrgID, Type: congtac.DocReport, Symbol: d.symbol(congtac.DocReport, p.OrgID),
			Place: p.Place, Signature: p.Signature, Recipients: p.Recipients}
	}
	return export.ResultReportDoc{Settings: d.settings, Program: p, Reports: reports, AsOf: asOf, Document: doc,
		Orgs: d.names, People: d.people, Draft: !found}, nil
}

// register returns the outgoing register of an org for a year; org 0 means the only
// committee of the database.
func (d renderData) register(ctx context.Context, st *store.Store, org int64, year int) (export.RegisterDoc, error) {
	if org == 0 {
		var committees []int64
		for id, o := range d.orgs {
			if o.Kind == congtac.OrgCommittee {
				committees = append(committees, id)
			}
		}
		if len(committees) != 1 {
			return export.RegisterDoc{}, usagef("có %d Ủy ban nhân dân; chọn cơ quan ban hành bằng -org (choose the issuing org)", len(committees))
		}
		org = committees[0]
	} else if _, ok := d.orgs[org]; !ok {
		return export.RegisterDoc{}, usagef("không có cơ quan -org=%d (unknown org)", org)
	}
	docs, err := allDocuments(ctx, st, congtac.DocumentFilter{OrgID: &org, Year: &year})
	if err != nil {
		return export.RegisterDoc{}, err
	}
	return export.RegisterDoc{Settings: d.settings, Year: year, Documents: docs}, nil
}

// taskTable returns a program's tasks as a table, statuses as of a day.
func (d renderData) taskTable(ctx context.Context, st *store.Store, id int64, asOf congtac.Date) (export.TaskTable, error) {
	p, err := st.FindProgramByID(ctx, id)
	if err != nil {
		return export.TaskTable{}, err
	}
	return export.TaskTable{Title: "Nhiệm vụ - Chương trình " + p.Title, Tasks: p.Tasks, Items: p.Items,
		Orgs: d.names, People: d.people, AsOf: asOf}, nil
}
