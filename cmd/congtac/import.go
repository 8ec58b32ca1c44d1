package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"congtac"
	"congtac/assemble"
	"congtac/importer"
	"congtac/store"
	"congtac/vn"
)

// importCmd reads a program or a weekly schedule an office already has:
//
//	congtac import FILE                      print what was understood, in Vietnamese
//	congtac import FILE -json                print it as JSON (docs/IMPORT.md)
//	congtac import FILE -db PATH -save       store it as a draft program (or calendar
//	                                         entries) and print its ID (theirs, one a line)
//
// With -db, org names are matched against that database's directory and lost letters
// are restored with the words of its documents. FILE "-" is standard input.
type importCmd struct {
	file               string
	asJSON, save, orgs bool
	org                int64
	tones, period      string
}

func (m *importCmd) flags(fs *flag.FlagSet, cfg *Config) {
	cfg.define(fs, "db")
	fs.BoolVar(&m.asJSON, "json", false, "in kết quả dạng JSON (print the result as JSON)")
	fs.BoolVar(&m.save, "save", false, "lưu thành dự thảo chương trình hoặc mục lịch công tác, in mã (save and print the ID)")
	fs.Int64Var(&m.org, "org", 0, "với -save: mã ủy ban nhận văn bản; mặc định ủy ban mà văn bản ghi (committee ID)")
	fs.BoolVar(&m.orgs, "create-orgs", false, "với -save: tạo cơ quan, đơn vị văn bản có mà danh mục chưa có (create unknown orgs)")
	fs.StringVar(&m.tones, "tones", "keep", "dấu thanh oa, oe, uy: keep (giữ như văn bản), new (hoà → hòa), old (hòa → hoà)")
	fs.StringVar(&m.period, "period", "", "kỳ khi văn bản không ghi, như 2023-04, 2023-Q2, 2023 (the period when the text has none)")
}

// setArgs takes the file to import.
func (m *importCmd) setArgs(args []string) error {
	if len(args) != 1 {
		return usagef("cần đúng một tệp cần nhập: congtac import TỆP (one file)")
	}
	m.file = args[0]
	return nil
}

func (m *importCmd) run(ctx context.Context, c *cli, cfg Config) error {
	opt, err := m.options()
	if err != nil {
		return err
	}
	data, err := m.read(c)
	if err != nil {
		return err
	}
	dbGiven := cfg.origins["db"] != fromDefault
	if m.save && !dbGiven {
		return usagef("-save cần -db (-save needs -db)")
	}
	var st *store.Store
	if dbGiven {
		if st, err = openMigrated(ctx, cfg); err != nil {
			return err
		}
		defer st.Close()
		if opt.Vocabulary, err = assemble.Vocabulary(ctx, st, importVocabulary); err != nil {
			return err
		}
	}
	// A first reading finds the committee; a second one matches names in its directory.
	r, err := importer.Import(data, opt)
	if err != nil {
		return err
	}
	var im assemble.Importing
	if st != nil {
		if im, err = m.importing(ctx, c, st, r); err != nil && m.save {
			return err
		}
		if im.Committee.ID != 0 {
			opt.Orgs, opt.Leaders = im.Orgs, im.Leaders
			if r, err = importer.Import(data, opt); err != nil {
				return err
			}
		}
	}
	if m.save {
		return m.store(ctx, c, st, &r, im)
	}
	if m.asJSON {
		enc := json.NewEncoder(c.stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(r.JSON())
	}
	printImport(c, &r)
	return nil
}

// importVocabulary is how many stored texts of each kind an import learns words from.
const importVocabulary = 20000

// options returns the import's options from the flags.
func (m *importCmd) options() (importer.Options, error) {
	var opt importer.Options
	switch m.tones {
	case "keep":
		opt.Tones = vn.ToneKeep
	case "new":
		opt.Tones = vn.ToneNew
	case "old":
		opt.Tones = vn.ToneOld
	default:
		return opt, usagef("-tones phải là keep, new hoặc old (-tones: keep, new or old)")
	}
	if m.period != "" {
		p, err := congtac.ParsePeriodKey(m.period)
		if err != nil {
			return opt, usagef("-period %q: %s", m.period, congtac.ErrorMessage(err))
		}
		opt.Period = p
	}
	return opt, nil
}

// read returns the file's bytes, or standard input's for "-".
func (m *importCmd) read(c *cli) ([]byte, error) {
	if m.file == "-" {
		return readAllLimited(c.stdin)
	}
	f, err := os.Open(m.file)
	if err != nil {
		return nil, fmt.Errorf("đọc tệp %s (read file): %w", m.file, err)
	}
	defer f.Close()
	return readAllLimited(f)
}

// importing returns what importing into the committee needs: the one -org names, or the
// committee whose name the masthead gives.
func (m *importCmd) importing(ctx context.Context, c *cli, st *store.Store, r importer.Result) (assemble.Importing, error) {
	today := congtac.DateOf(c.now()(), congtac.Location())
	id := m.org
	if id == 0 {
		kind := congtac.OrgCommittee
		committees, err := st.FindOrgs(ctx, congtac.OrgFilter{Kind: &kind, ActiveOn: &today})
		if err != nil {
			return assemble.Importing{}, err
		}
		issuer := strings.TrimSpace(r.Masthead.Issuer.Text)
		o, ok := assemble.CommitteeOf(issuer, committees)
		if !ok {
			return assemble.Importing{}, congtac.Errorf(congtac.EINVALID,
				"Không tìm thấy ủy ban “%s” trong cơ sở dữ liệu; hãy chọn ủy ban bằng -org.", issuer)
		}
		id = o.ID
	}
	return assemble.LoadImporting(ctx, st, id, today)
}

// store saves the import into the committee of im and prints the IDs it got.
func (m *importCmd) store(ctx context.Context, c *cli, st *store.Store, r *importer.Result, im assemble.Importing) error {
	var choices importer.Choices
	if m.orgs {
		choices = r.CreatingUnknown(im.Committee.ID, congtac.DateOf(c.now()(), congtac.Location()))
	}
	imp, problems, err := r.Draft(im.Committee.ID, im.Leaders, choices)
	if err != nil {
		return err
	}
	imp.Name = filepath.Base(m.file)
	for _, p := range append(r.Problems, problems...) {
		fmt.Fprintf(c.stderr, "%s: %s\n", lineName(p.Line), p.Message)
	}
	saved, err := st.Import(ctx, congtac.System, imp)
	if err != nil {
		return err
	}
	if saved.Program != nil {
		fmt.Fprintln(c.stdout, saved.Program.ID)
		return nil
	}
	for _, e := range saved.Engagements {
		fmt.Fprintln(c.stdout, e.ID)
	}
	return nil
}

// lineName names a line of the document for a message: "dòng 12", or "văn bản".
func lineName(line int) string {
	if line < 0 {
		return "văn bản"
	}
	return fmt.Sprintf("dòng %d", line+1)
}

// printImport prints what was understood, in Vietnamese, for a person to read.
func printImport(c *cli, r *importer.Result) {
	w := c.stdout
	m := r.Masthead
	fmt.Fprintf(w, "Định dạng: %s; loại: %s\n", r.Format, map[importer.Kind]string{
		importer.KindProgram: "chương trình công tác", importer.KindSchedule: "lịch công tác tuần"}[r.Kind])
	if r.Kind == importer.KindSchedule {
		for _, e := range r.Schedule.Entries {
			fmt.Fprintf(w, "  %s %s  %s\n", vn.ShortDate(e.Date), vn.FormatClock(e.Start), e.Title)
		}
	} else {
		fmt.Fprintf(w, "Cơ quan ban hành: %s\nTrích yếu: %s\nKỳ: %s\n", m.Issuer.Text, m.Summary.Text, m.Period)
		fmt.Fprintf(w, "Mục: %d; nhiệm vụ: %d; hội nghị: %d; nơi nhận: %d\n", len(r.Items), len(r.Tasks),
			len(r.Meetings), len(r.Closing.Recipients))
	}
	for _, o := range r.Orgs {
		if !o.Matched {
			fmt.Fprintf(w, "Chưa có trong danh mục: %s\n", o.Name)
		}
	}
	for _, x := range r.Restorations {
		fmt.Fprintf(w, "%s: sửa “%s” thành “%s” (độ tin cậy %.0f%%)\n", lineName(x.Line), x.Before, x.After, x.Confidence*100)
	}
	for _, p := range r.Problems {
		fmt.Fprintf(w, "%s: %s\n", lineName(p.Line), p.Message)
	}
}

// maxImport is the largest file an import reads: a PDF of some hundred pages.
const maxImport = 64 << 20

// readAllLimited reads r whole, refusing more than maxImport bytes.
func readAllLimited(r io.Reader) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, maxImport+1))
	if err != nil {
		return nil, fmt.Errorf("đọc đầu vào chuẩn (read standard input): %w", err)
	}
	if len(data) > maxImport {
		return nil, congtac.Errorf(congtac.EINVALID, "Tệp lớn quá %d MB.", maxImport>>20)
	}
	return data, nil
}
