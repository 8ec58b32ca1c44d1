package web

import (
	"cmp"
	"context"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"congtac"
	"congtac/vn"
)

// Status boards (bảng theo dõi, issue 13): the statuses of a period's issued work for a
// committee or a subtree of lead orgs, by org, sector or leader, with the on-time rate and
// its trend over the months before; every number opens its tasks. /boards, /api/v1/boards
// and the files /boards/files/bang-theo-doi.xlsx and .pdf read the same query.

// boardStatuses are the columns of a board, the four counts first.
var boardStatuses = []congtac.Status{congtac.StatusDoneOnTime, congtac.StatusDoneLate, congtac.StatusInProgress,
	congtac.StatusOverdue, congtac.StatusDeferred, congtac.StatusCancelled}

// trendMonths is how many months a board's trend covers, the board's own last.
const trendMonths = 12

// boardQuery is what a board asks for, read from the query.
type boardQuery struct {
	Committee int64 // the programs' issuing org; 0 for every one within reach
	Lead      int64 // lead orgs within this one's subtree; 0 for all the reader may see
	Period    congtac.Period
	By        congtac.BoardBy
}

// values returns the query as URL parameters, those of the task lists among them.
func (q boardQuery) values() url.Values {
	v := url.Values{"period": {q.Period.Key()}, "by": {string(q.By)}}
	if q.Committee != 0 {
		v.Set("committee", strconv.FormatInt(q.Committee, 10))
	}
	if q.Lead != 0 {
		v.Set("lead", strconv.FormatInt(q.Lead, 10))
	}
	return v
}

// readBoardQuery reads a board's query: committee (default: the reader's committee), lead
// (a subtree of lead orgs), period (a key or a phrase; default this month) and by (org,
// sector, leader). Bad values are EINVALID by parameter.
func (s *Server) readBoardQuery(a congtac.Actor, q url.Values, orgs orgIndex) (boardQuery, error) {
	var pr congtac.Problems
	bq := boardQuery{Period: congtac.PeriodOf(congtac.PeriodMonth, s.today()), By: congtac.BoardByOrg}
	if p := queryPeriod(q, "period", &pr); p != nil {
		bq.Period = *p
	}
	if v := congtac.BoardBy(q.Get("by")); v != "" {
		if v.Label() != "" {
			bq.By = v
		} else {
			pr.Add("by", "Cách nhóm %q không hợp lệ (org, sector, leader).", string(v))
		}
	}
	if id := queryID(q, "committee", &pr); id != nil {
		bq.Committee = *id
	} else {
		bq.Committee = orgs.CommitteeOf(a.OrgID)
	}
	if id := queryID(q, "lead", &pr); id != nil {
		bq.Lead = *id
	}
	return bq, pr.Err()
}

// rollupFilter returns the roll-up of bq for period, within a's ViewTasks reach: the
// committee's programs, their lead orgs within bq.Lead's subtree, or within the reader's
// reach when it does not hold the committee.
func (bq boardQuery) rollupFilter(a congtac.Actor, orgs orgIndex, period congtac.Period) congtac.RollupFilter {
	f := congtac.RollupFilter{Period: period, OrgID: bq.Committee}
	switch {
	case bq.Lead != 0:
		f.Lead = &congtac.Reach{Org: bq.Lead}
	case bq.Committee == 0 || !orgs.Can(a, congtac.ViewTasks, bq.Committee):
		f.Lead = a.Reach(congtac.ViewTasks)
	}
	return f
}

// explanationCounts returns how many requests for explanations within the board's reach
// wait for their answer, and how many are past their day.
func (s *Server) explanationCounts(ctx context.Context, a congtac.Actor, bq boardQuery, orgs orgIndex) (open, overdue int, err error) {
	reach := bq.rollupFilter(a, orgs, bq.Period).Lead
	if reach == nil && bq.Committee != 0 {
		reach = &congtac.Reach{Org: bq.Committee}
	}
	for _, st := range []congtac.ExplanationState{congtac.ExplanationOpen, congtac.ExplanationOverdue} {
		_, n, err := s.st.FindExplanations(ctx, congtac.ExplanationFilter{State: &st, Reach: reach, Limit: 1})
		if err != nil {
			return 0, 0, err
		}
		if st == congtac.ExplanationOpen {
			open = n
		} else {
			overdue = n
		}
	}
	return open, overdue, nil
}

// buildBoard counts bq's board as of today: the period's roll-up by bq.By, named and in
// Vietnamese order ([Server.boardOf]), and the trend of the months up to the period's last,
// the period's own count reused when it is that month.
func (s *Server) buildBoard(ctx context.Context, a congtac.Actor, bq boardQuery, orgs orgIndex) (congtac.Board, error) {
	b, err := s.boardOf(ctx, a, bq, orgs)
	if err != nil {
		return b, err
	}
	months := make([]congtac.Period, trendMonths)
	months[trendMonths-1] = congtac.PeriodOf(congtac.PeriodMonth, bq.Period.End())
	for i := trendMonths - 2; i >= 0; i-- {
		months[i] = months[i+1].Prev()
	}
	for _, m := range months {
		counts := b.Total
		if m.Key() != bq.Period.Key() {
			mr, err := s.st.Rollup(ctx, bq.rollupFilter(a, orgs, m), b.AsOf)
			if err != nil {
				return b, err
			}
			counts = mr.Total
		}
		b.Trend = append(b.Trend, congtac.BoardMonth{Period: m, Counts: counts})
	}
	return b, nil
}

// boardOf counts bq's board of its period alone as of today, without the trend: the
// period's roll-up by bq.By, named and in Vietnamese order. A lead org outside a's reach is
// ENOTFOUND.
func (s *Server) boardOf(ctx context.Context, a congtac.Actor, bq boardQuery, orgs orgIndex) (congtac.Board, error) {
	today := s.today()
	if bq.Lead != 0 && !orgs.Can(a, congtac.ViewTasks, bq.Lead) {
		return congtac.Board{}, notFoundFor("cơ quan, đơn vị")
	}
	r, err := s.st.Rollup(ctx, bq.rollupFilter(a, orgs, bq.Period), today)
	if err != nil {
		return congtac.Board{}, err
	}
	b := congtac.Board{Period: bq.Period, AsOf: today, By: bq.By, Total: r.Total}
	b.Rows, err = s.boardRows(ctx, r, bq.By, orgs)
	return b, err
}

// boardRows returns the groups of roll-up r by by, named, in Vietnamese order of their names.
func (s *Server) boardRows(ctx context.Context, r congtac.Rollup, by congtac.BoardBy, orgs orgIndex) ([]congtac.BoardRow, error) {
	var rows []congtac.BoardRow
	switch by {
	case congtac.BoardBySector:
		for sector, c := range r.BySector {
			rows = append(rows, congtac.BoardRow{Key: string(sector), Label: cmp.Or(sector.Label(), "Chưa phân lĩnh vực"), Counts: c})
		}
	case congtac.BoardByLeader:
		ids := make([]int64, 0, len(r.ByLeader))
		for id := range r.ByLeader {
			ids = append(ids, id)
		}
		names, err := s.personNames(ctx, ids...)
		if err != nil {
			return nil, err
		}
		for id, c := range r.ByLeader {
			rows = append(rows, congtac.BoardRow{Key: optionID(id), Label: cmp.Or(names[id], "Chưa giao lãnh đạo phụ trách"), Counts: c})
		}
	default:
		for id, c := range r.ByOrg {
			rows = append(rows, congtac.BoardRow{Key: optionID(id), Label: cmp.Or(orgs.Name(id), "Chưa giao"), Counts: c})
		}
	}
	slices.SortFunc(rows, func(x, y congtac.BoardRow) int { return strings.Compare(x.Key, y.Key) })
	vn.SortFunc(rows, func(r congtac.BoardRow) string { return r.Label })
	return rows, nil
}

// boardPage is the data of board.html.
type boardPage struct {
	layout
	Filter   []field
	Errors   map[string]string
	Heading  string // "Tháng 12 năm 2026, tính đến ngày 07/12/2026"
	By       string // the grouping's heading
	ByLower  string // the same inside a sentence
	Total    boardLine
	Rows     []boardLine
	Chart    barChart
	Trend    trendChart
	Months   []boardLine
	Files    []fileLink
	Statuses []statusView
	Asked    [2]int // requests for explanations waiting for an answer, and past their day
}

func (boardPage) template() string { return "board" }

// fileLink is a download offered on a page.
type fileLink struct{ Href, Label string }

// boardLine is a row of a board's table: each count with the list of its tasks.
type boardLine struct {
	Label, Href string
	Cells       []boardCell
	Total       int
	Rate        string // "85,7%"; "—" when nothing fell due
}

// boardCell is one count of a board's table.
type boardCell struct {
	N    int
	Href string
}

// newBoardLine returns the line of counts c, each count linking to its tasks: the query of
// the board's task lists with extra (a group's key) and the status.
func newBoardLine(label string, c congtac.Counts, tasks url.Values) boardLine {
	l := boardLine{Label: label, Total: c.Total(), Rate: rateText(c), Href: "/tasks?" + tasks.Encode()}
	for _, st := range boardStatuses {
		v := cloneValues(tasks)
		v.Set("status", string(st))
		l.Cells = append(l.Cells, boardCell{N: c[st], Href: "/tasks?" + v.Encode()})
	}
	return l
}

// rateText writes the on-time rate of c: "85,7%", or "—" when nothing fell due.
func rateText(c congtac.Counts) string {
	rate, ok := c.OnTimeRate()
	if !ok {
		return "—"
	}
	return vn.OneDecimal(rate) + "%"
}

// taskValues returns the query of the task lists of board bq for period: its tasks as its
// programs list them.
func (bq boardQuery) taskValues(period congtac.Period) url.Values {
	v := url.Values{"period": {period.Key()}, "listed": {"1"}}
	if bq.Committee != 0 {
		v.Set("committee", strconv.FormatInt(bq.Committee, 10))
	}
	return v
}

// groupValues adds to v the filter of the task lists of row key of a board grouped by by.
func groupValues(v url.Values, by congtac.BoardBy, key string) url.Values {
	v = cloneValues(v)
	switch by {
	case congtac.BoardBySector:
		v.Set("sector", key)
	case congtac.BoardByLeader:
		v.Set("leader", key)
	default:
		v.Set("lead", key)
	}
	return v
}

// cloneValues returns a copy of v.
func cloneValues(v url.Values) url.Values {
	out := make(url.Values, len(v))
	for k, vs := range v {
		out[k] = slices.Clone(vs)
	}
	return out
}

// handleBoard shows a status board: the filter form, the counts with their rate, the chart
// and table by group, the trend over the months before.
func (s *Server) handleBoard(w http.ResponseWriter, r *http.Request) {
	ctx, a := r.Context(), actorOf(r)
	orgs, err := s.loadOrgs(ctx)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	bq, qerr := s.readBoardQuery(a, r.URL.Query(), orgs)
	page := boardPage{layout: s.layout(r, "Bảng theo dõi thực hiện nhiệm vụ"), Errors: congtac.FieldErrors(qerr)}
	page.Filter = s.boardFilter(a, r.URL.Query(), bq, orgs, page.Errors)
	for _, st := range boardStatuses {
		page.Statuses = append(page.Statuses, taskStatusView(st))
	}
	if qerr != nil {
		s.render(w, r, http.StatusUnprocessableEntity, page)
		return
	}
	b, err := s.buildBoard(ctx, a, bq, orgs)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	page.Heading = fmt.Sprintf("%s, tính đến ngày %s", vn.Capitalize(b.Period.String()), vn.PaddedDate(b.AsOf))
	page.By, page.ByLower = b.By.Label(), vn.LowerFirst(b.By.Label())
	tasks := bq.taskValues(b.Period)
	page.Total = newBoardLine("Tổng số", b.Total, tasks)
	for _, row := range b.Rows {
		page.Rows = append(page.Rows, newBoardLine(row.Label, row.Counts, groupValues(tasks, b.By, row.Key)))
	}
	page.Chart = newBarChart(page.Rows)
	for _, m := range b.Trend {
		page.Months = append(page.Months, newBoardLine(vn.Capitalize(m.Period.String()), m.Counts, bq.taskValues(m.Period)))
	}
	page.Trend = newTrendChart(b.Trend)
	if page.Asked[0], page.Asked[1], err = s.explanationCounts(ctx, a, bq, orgs); err != nil {
		s.fail(w, r, err)
		return
	}
	q := bq.values().Encode()
	page.Files = []fileLink{{"/boards/files/bang-theo-doi.xlsx?" + q, "Tải bảng (Excel)"},
		{"/boards/files/bang-theo-doi.pdf?" + q, "Tải bảng (PDF)"}}
	s.render(w, r, http.StatusOK, page)
}

// boardFilter returns the fields of the board's filter form as the query filled them: the
// committees and lead orgs within the reader's reach, the period, the grouping.
func (s *Server) boardFilter(a congtac.Actor, q url.Values, bq boardQuery, orgs orgIndex, errs map[string]string) []field {
	today := s.today()
	var committees []option
	for _, n := range orgs.Tree(today, func(o congtac.Org) bool { return o.Kind == congtac.OrgCommittee }) {
		committees = append(committees, option{Value: optionID(n.ID), Label: n.Name, Selected: n.ID == bq.Committee})
	}
	leads := orgOptions(orgs.Within(a, congtac.ViewTasks, today), optionID(bq.Lead))
	period := q.Get("period")
	if period == "" {
		period = bq.Period.String()
	}
	return boardFilterFields(committees, leads, period, string(bq.By), errs)
}

// boardFilterFields returns the fields of the board's filter form with their messages.
func boardFilterFields(committees, leads []option, period, by string, errs map[string]string) []field {
	return []field{
		newField(errs, field{Kind: fieldSelect, ID: "b-committee", Name: "committee", Label: "Chương trình của",
			Blank: "Mọi cơ quan ban hành", Options: committees}),
		newField(errs, field{Kind: fieldSelect, ID: "b-lead", Name: "lead", Label: "Cơ quan chủ trì thuộc",
			Blank: "Tất cả", OrgPicker: true, Options: leads}),
		newField(errs, field{ID: "b-period", Name: "period", Label: "Kỳ", Placeholder: "tháng 12/2026", Value: period}),
		newField(errs, field{Kind: fieldSelect, ID: "b-by", Name: "by", Label: "Nhóm theo",
			Options: optionsOf(congtac.BoardBys, congtac.BoardBy.Label, by)}),
	}
}
