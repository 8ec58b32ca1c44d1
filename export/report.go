package export

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"congtac"
	"congtac/vn"
)

// ResultReportDoc is the report (báo cáo, BC) on how a work program was carried out as of
// a day: its tasks counted by status in total and by lead org, every overdue task with its
// progress and the reason its lead org gave, and the tasks deferred or cancelled with
// theirs. Statuses come from [congtac.Tally], so the report agrees with every screen.
type ResultReportDoc struct {
	Settings congtac.Settings
	Program  congtac.Program  // with its Tasks; its number and date are cited when it has them
	Reports  []congtac.Report // the orgs' progress reports on the program's tasks
	AsOf     congtac.Date     // the day the statuses are counted on
	// Document is the report as registered (see [InvitationDoc.Document]); an empty
	// Summary reads "Kết quả thực hiện Chương trình công tác <period>".
	Document congtac.Document
	Orgs     map[int64]string
	People   map[int64]string
	Draft    bool // print a blank number and date and the "DỰ THẢO" mark, without images
	Options  Options
}

// layout implements [Doc].
func (d ResultReportDoc) layout(m *metrics) (*sheet, error) {
	summary := cmp.Or(oneLine(d.Document.Summary), "Kết quả thực hiện Chương trình công tác "+d.Program.Period.String())
	year := cmp.Or(d.Document.IssuedOn.Year, d.AsOf.Year, d.Program.Period.Year)
	l := docLetter(d.Settings, congtac.DocReport, d.Document, year, d.Draft, d.Options, summary)
	width := portrait(d.Options.Margins).textWidth()
	return l.sheet(m, d.body(width))
}

// body returns the report's text: the counts, the overdue tasks, the deferred and
// cancelled ones.
func (d ResultReportDoc) body(width int) []block {
	r := congtac.Tally(d.Program.Tasks, d.AsOf)
	out := []block{bodyPara(plain(d.intro()))}
	out = append(out, partHeading("I. Kết quả chung"), bodyPara(plain(totalSentence(r.Total))))
	out = append(out, statusTable(r.Total, width), spacer())
	out = append(out, partHeading("II. Kết quả theo cơ quan chủ trì"), d.orgTable(r, width), spacer())
	out = append(out, partHeading("III. Nhiệm vụ quá hạn chưa hoàn thành"))
	out = append(out, d.taskList(func(s congtac.Status) bool { return s == congtac.StatusOverdue },
		"Không có nhiệm vụ quá hạn chưa hoàn thành.")...)
	out = append(out, partHeading("IV. Nhiệm vụ giãn tiến độ, tạm hoãn, hủy bỏ"))
	out = append(out, d.taskList(func(s congtac.Status) bool {
		return s == congtac.StatusDeferred || s == congtac.StatusCancelled
	}, "Không có nhiệm vụ giãn tiến độ, tạm hoãn hoặc hủy bỏ.")...)
	return append(out, bodyPara(plain("Trên đây là báo cáo kết quả thực hiện Chương trình công tác "+
		d.Program.Period.String()+".")))
}

// intro returns the first sentence: which program, counted as of which day.
func (d ResultReportDoc) intro() string {
	p := d.Program
	s := "Thực hiện Chương trình"
	if p.Number > 0 && !p.IssuedOn.IsZero() {
		s += " số " + congtac.FormatNumber(p.Number, oneLine(p.Symbol)) + " ngày " + vn.PaddedDate(p.IssuedOn)
	}
	if t := oneLine(p.Title); t != "" {
		s += " về " + vn.LowerFirst(t)
	}
	return s + ", tính đến ngày " + vn.PaddedDate(d.AsOf) + ", kết quả thực hiện như sau:"
}

// partHeading returns a bold part heading kept with what follows.
func partHeading(s string) para {
	p := bodyPara(strong(upper(s)))
	p.keepNext = true
	return p
}

// spacer returns an empty line after a table.
func spacer() para { return para{size: pt14, line: lineFor(pt14) / 2} }

// totalSentence returns the counts in a sentence: "Chương trình có 21 nhiệm vụ; trong đó:
// hoàn thành đúng hạn 12 (57,1%); …".
func totalSentence(c congtac.Counts) string {
	total := c.Total()
	parts := make([]string, 0, len(congtac.Statuses))
	for _, s := range congtac.Statuses {
		if c[s] > 0 {
			parts = append(parts, fmt.Sprintf("%s %d (%s%%)", strings.ToLower(s.Label()), c[s], percent(c[s], total)))
		}
	}
	if total == 0 {
		return "Chương trình không có nhiệm vụ được giao."
	}
	return fmt.Sprintf("Chương trình có %d nhiệm vụ; trong đó: %s.", total, strings.Join(parts, "; "))
}

// percent returns n of total as a Vietnamese percentage with one decimal: "57,1", "100".
func percent(n, total int) string {
	if total == 0 {
		return "0"
	}
	return vn.OneDecimal(100 * float64(n) / float64(total))
}

// statusTable returns the counts by status with their shares.
func statusTable(c congtac.Counts, width int) *table {
	var rows [][]string
	for i, s := range congtac.Statuses {
		rows = append(rows, []string{strconv.Itoa(i + 1), s.Label(), strconv.Itoa(c[s]), percent(c[s], c.Total())})
	}
	rows = append(rows, []string{"", "Tổng số", strconv.Itoa(c.Total()), percent(c.Total(), c.Total())})
	return grid(spread(width, 8, 50, 20, 20), pt12, []string{"STT", "Tình trạng", "Số nhiệm vụ", "Tỷ lệ (%)"}, rows,
		[]align{alignCenter, alignLeft, alignCenter, alignCenter})
}

// orgTable returns the counts by lead org, orgs in Vietnamese order.
func (d ResultReportDoc) orgTable(r congtac.Rollup, width int) *table {
	ids := make([]int64, 0, len(r.ByOrg))
	for id := range r.ByOrg {
		ids = append(ids, id)
	}
	name := func(id int64) string { return cmp.Or(oneLine(d.Orgs[id]), "Chưa giao") }
	slices.Sort(ids)
	vn.SortFunc(ids, name)
	var rows [][]string
	for i, id := range ids {
		c := r.ByOrg[id]
		other := c[congtac.StatusDeferred] + c[congtac.StatusCancelled]
		rows = append(rows, []string{strconv.Itoa(i + 1), name(id), strconv.Itoa(c.Total()),
			strconv.Itoa(c[congtac.StatusDoneOnTime]), strconv.Itoa(c[congtac.StatusDoneLate]),
			strconv.Itoa(c[congtac.StatusInProgress]), strconv.Itoa(c[congtac.StatusOverdue]), strconv.Itoa(other)})
	}
	head := []string{"STT", "Cơ quan chủ trì", "Tổng số", "Hoàn thành đúng hạn", "Hoàn thành quá hạn",
		"Đang thực hiện trong hạn", "Quá hạn chưa hoàn thành", "Giãn, hoãn, hủy"}
	return grid(spread(width, 7, 29, 9, 11, 11, 11, 11, 11), pt11, head, rows,
		[]align{alignCenter, alignLeft, alignCenter, alignCenter, alignCenter, alignCenter, alignCenter, alignCenter})
}

// taskList returns the tasks whose status matches, numbered, each with its assignment,
// its progress and the reason given, or a sentence saying there are none.
func (d ResultReportDoc) taskList(match func(congtac.Status) bool, none string) []block {
	latest := latestReports(d.Reports)
	var out []block
	n := 0
	for _, t := range d.Program.Tasks {
		s := t.Status(d.AsOf)
		if !match(s) {
			continue
		}
		n++
		out = append(out, bodyPara(plain(fmt.Sprintf("%d. %s", n, strings.TrimRight(oneLine(t.Text), ". "))),
			em(" ("+assignment(t, d.Orgs)+")."), plain(" "+reason(t, s, latest[taskOrg{t.ID, t.Lead}]))))
	}
	if n == 0 {
		out = append(out, bodyPara(em(none)))
	}
	return out
}

// reason returns what is known of why a task is where it is: the deferral's or the
// cancellation's reason, or the progress and text of the lead org's latest report.
func reason(t congtac.Task, s congtac.Status, r *congtac.Report) string {
	switch {
	case s == congtac.StatusDeferred && t.Deferral != nil && oneLine(t.Deferral.Reason) != "":
		return "Lý do giãn tiến độ: " + strings.TrimRight(oneLine(t.Deferral.Reason), ".") + "."
	case s == congtac.StatusCancelled && t.Cancellation != nil && oneLine(t.Cancellation.Reason) != "":
		return "Lý do hủy bỏ: " + strings.TrimRight(oneLine(t.Cancellation.Reason), ".") + "."
	case r == nil:
		return "Cơ quan chủ trì chưa báo cáo tiến độ."
	}
	return fmt.Sprintf("Tiến độ: %d%%. Lý do, khó khăn: %s.", r.Percent, strings.TrimRight(oneLine(r.Text), "."))
}

// taskOrg keys an org's reports on a task.
type taskOrg struct{ task, org int64 }

// latestReports returns by task and org the latest report that was sent (submitted,
// accepted or returned, not a draft): the one sent last, then the one with the highest ID.
func latestReports(reports []congtac.Report) map[taskOrg]*congtac.Report {
	out := map[taskOrg]*congtac.Report{}
	for i := range reports {
		r := &reports[i]
		if r.Status == congtac.ReportDraft {
			continue
		}
		k := taskOrg{r.TaskID, r.OrgID}
		if cur, ok := out[k]; !ok || r.SubmittedAt.After(cur.SubmittedAt) ||
			(r.SubmittedAt.Equal(cur.SubmittedAt) && r.ID > cur.ID) {
			out[k] = r
		}
	}
	return out
}
