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
	"congtac/assemble"
	"congtac/export"
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
	fs.Int64Var(&r.org, "org", 0, "với -register: mã cơ quan ban hành; mặc định Ủy ban nhân dân cấp cao nhất (issuing org; default: the root committee)")
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
	src, err := assemble.Load(ctx, st)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := r.render(ctx, src, k, format, asOf, &buf); err != nil {
		return err
	}
	if err := os.WriteFile(r.out, buf.Bytes(), 0o644); err != nil {
		return fmt.Errorf("ghi tệp %s (write file): %w", r.out, err)
	}
	fmt.Fprintf(c.stdout, "Đã ghi %s (%d byte).\n", r.out, buf.Len())
	return nil
}

// render builds the document the flags ask for and writes it in format to buf.
func (r *renderCmd) render(ctx context.Context, src *assemble.Source, k renderKind, format string,
	asOf congtac.Date, buf *bytes.Buffer) error {
	switch k.name {
	case "tasks":
		t, err := src.Tasks(ctx, r.program, asOf)
		if err != nil {
			return err
		}
		return export.TasksXLSX(buf, t)
	case "register":
		d, err := src.Register(ctx, r.org, r.year)
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
		d, err = src.Program(ctx, r.program)
	case "invitation":
		d, err = src.Invitation(ctx, r.meeting)
	case "conclusion":
		d, err = src.Conclusion(ctx, r.meeting)
	case "report":
		d, err = src.ResultReport(ctx, r.report, asOf)
	}
	if err != nil {
		return err
	}
	if format == "docx" {
		return export.DOCX(buf, d)
	}
	return export.PDF(buf, d)
}
