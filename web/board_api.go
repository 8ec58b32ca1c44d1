package web

import (
	"bytes"
	"cmp"
	"fmt"
	"io"
	"net/http"

	"congtac"
	"congtac/export"
	"congtac/vn"
)

// apiBoard is a status board as the API gives it.
type apiBoard struct {
	Period    apiPeriod       `json:"period"`
	AsOf      string          `json:"as_of"`
	By        string          `json:"by"`
	Committee *int64          `json:"committee"`
	Lead      *int64          `json:"lead"`
	Total     apiBoardCounts  `json:"total"`
	Rows      []apiBoardRow   `json:"rows"`
	Trend     []apiBoardMonth `json:"trend"`
	// Explanations counts the requests for explanations within the board's reach.
	Explanations apiBoardExplanations `json:"explanations"`
}

// apiBoardExplanations counts requests for explanations: waiting, and past their day.
type apiBoardExplanations struct {
	Open    int `json:"open"`
	Overdue int `json:"overdue"`
}

// apiBoardCounts are the counts of a board's line, by status, with the on-time rate.
type apiBoardCounts struct {
	Total      int      `json:"total"`
	DoneOnTime int      `json:"done_on_time"`
	DoneLate   int      `json:"done_late"`
	InProgress int      `json:"in_progress"`
	Overdue    int      `json:"overdue"`
	Deferred   int      `json:"deferred"`
	Cancelled  int      `json:"cancelled"`
	OnTimeRate *float64 `json:"on_time_rate"`
}

type apiBoardRow struct {
	Key    string         `json:"key"`
	Label  string         `json:"label"`
	Counts apiBoardCounts `json:"counts"`
}

type apiBoardMonth struct {
	Period apiPeriod      `json:"period"`
	Counts apiBoardCounts `json:"counts"`
}

func newAPIBoardCounts(c congtac.Counts) apiBoardCounts {
	out := apiBoardCounts{Total: c.Total(), DoneOnTime: c[congtac.StatusDoneOnTime], DoneLate: c[congtac.StatusDoneLate],
		InProgress: c[congtac.StatusInProgress], Overdue: c[congtac.StatusOverdue], Deferred: c[congtac.StatusDeferred],
		Cancelled: c[congtac.StatusCancelled]}
	if rate, ok := c.OnTimeRate(); ok {
		out.OnTimeRate = &rate
	}
	return out
}

func newAPIBoard(b congtac.Board, bq boardQuery) apiBoard {
	out := apiBoard{Period: newAPIPeriod(b.Period), AsOf: b.AsOf.String(), By: string(b.By), Committee: apiID(bq.Committee),
		Lead: apiID(bq.Lead), Total: newAPIBoardCounts(b.Total), Rows: []apiBoardRow{}, Trend: []apiBoardMonth{}}
	for _, r := range b.Rows {
		out.Rows = append(out.Rows, apiBoardRow{Key: r.Key, Label: r.Label, Counts: newAPIBoardCounts(r.Counts)})
	}
	for _, m := range b.Trend {
		out.Trend = append(out.Trend, apiBoardMonth{Period: newAPIPeriod(m.Period), Counts: newAPIBoardCounts(m.Counts)})
	}
	return out
}

// boardSchemas returns the schemas of the DTOs above, for the OpenAPI document.
func boardSchemas() map[string]*oaSchema {
	n := func(doc string) *oaSchema { return schInt(doc) }
	counts := schObject("Số nhiệm vụ theo trạng thái và tỷ lệ hoàn thành đúng hạn.", oaProps{
		"total": n("Tổng số."), "done_on_time": n("Hoàn thành đúng hạn."), "done_late": n("Hoàn thành quá hạn."),
		"in_progress": n("Đang thực hiện trong hạn."), "overdue": n("Quá hạn chưa hoàn thành."),
		"deferred": n("Giãn tiến độ, tạm hoãn."), "cancelled": n("Hủy bỏ."),
		"on_time_rate": schNullable(schNumber("Phần trăm hoàn thành đúng hạn trong số đã đến hạn (đúng hạn, quá hạn, quá hạn chưa hoàn thành); null khi chưa có nhiệm vụ đến hạn.")),
	})
	return map[string]*oaSchema{
		"BoardCounts": counts,
		"Board": schObject("Bảng theo dõi: nhiệm vụ của các chương trình đã ban hành của kỳ, trạng thái tính đến hôm nay.", oaProps{
			"period": schRef("Period"), "as_of": schDate("Ngày tính trạng thái."),
			"by":        schEnum("Nhóm theo.", codesOf(congtac.BoardBys)...),
			"committee": schNullable(schInt("Cơ quan ban hành chương trình.")),
			"lead":      schNullable(schInt("Chỉ cơ quan chủ trì thuộc đơn vị này.")),
			"total":     schRef("BoardCounts"),
			"rows": schArray(schObject("Một nhóm: cơ quan, lĩnh vực hoặc lãnh đạo.", oaProps{
				"key":   schString("Mã cơ quan, mã lĩnh vực hoặc mã cán bộ, như bộ lọc danh sách nhiệm vụ dùng."),
				"label": schString("Tên."), "counts": schRef("BoardCounts"),
			})),
			"trend": schArray(schObject("Một tháng.", oaProps{"period": schRef("Period"), "counts": schRef("BoardCounts")})),
			"explanations": schObject("Yêu cầu giải trình trong phạm vi của bảng.", oaProps{
				"open": schInt("Đang chờ giải trình."), "overdue": schInt("Quá hạn giải trình."),
			}),
		}),
	}
}

// handleAPIBoard answers the board the query asks for (committee, lead, period, by).
func (s *Server) handleAPIBoard(w http.ResponseWriter, r *http.Request) {
	q, ok := s.apiQueryOf(w, r)
	if !ok {
		return
	}
	ctx, a := r.Context(), actorOf(r)
	orgs, err := s.loadOrgs(ctx)
	if err != nil {
		s.apiFail(w, r, err, 0)
		return
	}
	bq, err := s.readBoardQuery(a, q.values, orgs)
	q.addErr(err)
	if q.fail(s, w, r) {
		return
	}
	b, err := s.buildBoard(ctx, a, bq, orgs)
	if err != nil {
		s.apiFail(w, r, fmt.Errorf("web: api board: %w", err), 0)
		return
	}
	out := newAPIBoard(b, bq)
	if out.Explanations.Open, out.Explanations.Overdue, err = s.explanationCounts(ctx, a, bq, orgs); err != nil {
		s.apiFail(w, r, fmt.Errorf("web: api board: %w", err), 0)
		return
	}
	writeJSON(w, http.StatusOK, out)
}

// handleBoardFile sends the board the query asks for as bang-theo-doi.xlsx or .pdf.
func (s *Server) handleBoardFile(w http.ResponseWriter, r *http.Request) {
	var write func(io.Writer, export.BoardDoc) error
	var ctype string
	switch r.PathValue("file") {
	case "bang-theo-doi.xlsx":
		write, ctype = export.BoardXLSX, ctypeXLSX
	case "bang-theo-doi.pdf":
		write, ctype = func(w io.Writer, d export.BoardDoc) error { return export.PDF(w, d) }, ctypePDF
	default:
		s.fail(w, r, notFoundFor("tệp"))
		return
	}
	ctx, a := r.Context(), actorOf(r)
	orgs, err := s.loadOrgs(ctx)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	bq, err := s.readBoardQuery(a, r.URL.Query(), orgs)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	b, err := s.buildBoard(ctx, a, bq, orgs)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	st, err := s.settingsOf(ctx, orgs.CommitteeOf(cmp.Or(bq.Committee, a.OrgID)))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	d := export.BoardDoc{Settings: st, Board: b,
		Heading: fmt.Sprintf("%s, tính đến ngày %s", vn.Capitalize(b.Period.String()), vn.PaddedDate(b.AsOf))}
	var buf bytes.Buffer
	if err := write(&buf, d); err != nil {
		s.fail(w, r, fmt.Errorf("web: board file: %w", err))
		return
	}
	sendFile(w, r, ctype, fmt.Sprintf("bang-theo-doi-%s%s", b.Period.Key(), r.PathValue("file")[len("bang-theo-doi"):]), buf.Bytes())
}
