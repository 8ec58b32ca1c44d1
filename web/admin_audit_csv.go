package web

import (
	"encoding/csv"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"congtac"
)

// auditCSVCap is the most events one CSV export holds, newest first; the audit page says
// so, and narrower filters reach older events.
const auditCSVCap = 100_000

// auditCSVBatch is how many events the export reads per query (the store's largest page).
const auditCSVBatch = 1000

// auditCSVHeader is the first line of the export, in Vietnamese.
var auditCSVHeader = []string{"Thời điểm", "Người thực hiện", "Tên đăng nhập", "Thao tác", "Mã thao tác",
	"Đối tượng", "Mã bản ghi", "Cơ quan, đơn vị", "Địa chỉ IP", "Trước khi thay đổi", "Sau khi thay đổi"}

// handleAuditExport streams the events of the audit page's filter as CSV (RFC 4180, UTF-8
// with a byte order mark so that Excel reads the Vietnamese letters), newest first, at
// most [auditCSVCap] rows, as an attachment named after today's date. A filter that cannot
// be read is 422. The period ends at the start of the export, so that events written
// meanwhile do not shift the pages being read.
func (s *Server) handleAuditExport(w http.ResponseWriter, r *http.Request) {
	ctx, a := r.Context(), actorOf(r)
	_, f, p := s.parseAuditQuery(r)
	if err := p.Err(); err != nil {
		s.fail(w, r, err)
		return
	}
	tree, err := s.loadOrgTree(ctx)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	users, err := s.auditUsers(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	now := s.cfg.Now()
	if end := now.Truncate(time.Second).Add(time.Second); f.To == nil || f.To.After(end) {
		f.To = &end
	}
	h := w.Header()
	h.Set("Content-Type", "text/csv; charset=utf-8")
	h.Set("Content-Disposition", fmt.Sprintf(`attachment; filename="nhat-ky-thao-tac-%s.csv"`,
		now.In(s.loc).Format("2006-01-02")))
	h.Set("Cache-Control", "no-store")
	w.Write([]byte("\uFEFF"))
	out := csv.NewWriter(w)
	out.UseCRLF = true
	out.Write(auditCSVHeader)
	for f.Offset = 0; f.Offset < auditCSVCap; f.Offset += auditCSVBatch {
		f.Limit = min(auditCSVBatch, auditCSVCap-f.Offset)
		events, _, err := s.st.FindAuditEvents(ctx, a, f)
		if err != nil {
			// The header is sent: all that is left is to stop and log.
			if !s.leftBeforeAnswer(r, err) {
				s.log.ErrorContext(ctx, "audit export", "err", err)
			}
			break
		}
		for _, e := range events {
			who, login := auditWho(e, users)
			out.Write([]string{e.At.In(s.loc).Format("02/01/2006 15:04:05"), csvCell(who), csvCell(login),
				auditActionLabel(e.Action), e.Action, auditEntityLabel(e.Entity), strconv.FormatInt(e.EntityID, 10),
				csvCell(tree.name(e.OrgID)), csvCell(e.Address), csvCell(e.Before), csvCell(e.After)})
		}
		out.Flush()
		if len(events) < f.Limit || out.Error() != nil {
			break
		}
	}
	out.Flush()
}

// auditUsers returns every account by ID, to name who acted.
func (s *Server) auditUsers(r *http.Request) (map[int64]congtac.User, error) {
	users, err := s.st.FindUsers(r.Context())
	if err != nil {
		return nil, fmt.Errorf("web: audit export: %w", err)
	}
	byID := make(map[int64]congtac.User, len(users))
	for _, u := range users {
		byID[u.ID] = u
	}
	return byID, nil
}

// csvCell guards a cell of text that users typed against spreadsheet formula injection: a
// cell starting with = + - @ or a control character would be run as a formula by Excel,
// so it gets a leading apostrophe, which Excel hides.
func csvCell(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}
