package web

import (
	"fmt"
	"net/http"
	"strings"

	"congtac"
	"congtac/vn"
)

// homeLimit is how many programs the home page lists, newest first.
const homeLimit = 50

// homePage is the data of home.html.
type homePage struct {
	layout
	Panels   []homePanel // what the reader's role has to do first
	Programs []programRow
	Total    int  // programs in the store; more than len(Programs) when the list is cut
	CanDraft bool // the reader may draft programs: the page offers to start a new one
}

func (homePage) template() string { return "home" }

// programRow is one program as lists show it.
type programRow struct {
	ID        int64
	Number    string // "05/CTr-UBND"; "" until issued
	IssuedOn  string // "5/4/2023"; "" until issued
	Period    string // "Tháng 4 năm 2023"; extra periods follow: "… và quý II năm 2023"
	Title     string
	Status    string // the Vietnamese label
	StatusKey string // the status in code, for styling
}

// newProgramRow returns the row of a program.
func newProgramRow(p congtac.Program) programRow {
	row := programRow{ID: p.ID, Period: periodText(p), Title: p.Title, Status: p.Status.Label(),
		StatusKey: string(p.Status)}
	if p.Number > 0 {
		row.Number = congtac.FormatNumber(p.Number, p.Symbol)
		row.IssuedOn = vn.ShortDate(p.IssuedOn)
	}
	return row
}

// periodText names a program's period and the extra periods it covers, in sentence case.
func periodText(p congtac.Program) string {
	parts := []string{p.Period.String()}
	for _, a := range p.Also {
		parts = append(parts, a.String())
	}
	return vn.Capitalize(strings.Join(parts, " và "))
}

// handleHomeShow shows what the reader's role has to do first ([Server.homePanels]), then
// the newest programs, with an empty-state message when there are none; a reader who may
// draft programs is offered to start a new one.
func (s *Server) handleHomeShow(w http.ResponseWriter, r *http.Request) {
	f := visiblePrograms(actorOf(r), congtac.ProgramFilter{Limit: homeLimit})
	programs, total, err := s.st.FindPrograms(r.Context(), f)
	if err != nil {
		s.fail(w, r, fmt.Errorf("web: home: %w", err))
		return
	}
	page := homePage{layout: s.layout(r, "Chương trình công tác"), Total: total,
		CanDraft: actorOf(r).Can(congtac.DraftPrograms)}
	for _, p := range programs {
		page.Programs = append(page.Programs, newProgramRow(p))
	}
	orgs, err := s.loadOrgs(r.Context())
	if err == nil {
		page.Panels, err = s.homePanels(r.Context(), actorOf(r), orgs)
	}
	if err != nil {
		s.fail(w, r, fmt.Errorf("web: home: %w", err))
		return
	}
	if len(page.Panels) > 0 {
		page.layout = s.layout(r, "Việc cần làm")
	}
	s.render(w, r, http.StatusOK, page)
}
