package web

import (
	"bytes"
	"fmt"
	"io"
	"net/http"

	"congtac"
	"congtac/export"
)

// calendarDoc returns the week v of a committee with settings st as the printed document.
func calendarDoc(v calendarView, st congtac.Settings) export.CalendarDoc {
	d := export.CalendarDoc{Settings: st, Heading: v.Heading, Revision: v.Revision, Changes: v.Changes, Draft: !v.Published}
	for _, day := range v.Days {
		dd := export.CalendarDay{Weekday: day.Weekday, Date: day.Date, Lunar: day.Lunar, Off: day.Off}
		for _, e := range day.Entries {
			time := e.Time
			if time == e.part.Label() { // a part of the day alone: the column says it
				time = ""
			}
			leader := e.Leader
			if e.Post != "" && leader != "" {
				leader += ", " + e.Post
			}
			dd.Entries = append(dd.Entries, export.CalendarEntry{Part: e.part, Time: time, Leader: leader, Title: e.Title,
				Place: e.Place, Participants: e.Participants, Preparer: e.Preparer, Accompany: e.Accompany, Note: e.Note,
				Cancelled: e.Cancelled})
		}
		d.Days = append(d.Days, dd)
	}
	return d
}

// handleCalendarFile serves the week the query names, as /calendar shows it, as a DOCX
// (lich-cong-tac.docx) or PDF (lich-cong-tac.pdf) document: landscape, with the masthead
// of the committee; a week not yet published is marked as a draft.
func (s *Server) handleCalendarFile(w http.ResponseWriter, r *http.Request) {
	var write func(io.Writer, export.Doc) error
	var ctype string
	switch r.PathValue("file") {
	case "lich-cong-tac.docx":
		write, ctype = export.DOCX, ctypeDOCX
	case "lich-cong-tac.pdf":
		write, ctype = export.PDF, ctypePDF
	default:
		s.fail(w, r, notFoundFor("tệp"))
		return
	}
	ctx := r.Context()
	orgs, org, err := s.calendarOrg(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	week, err := parseWeek(r.URL.Query(), s.today())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	v, err := s.calendarView(ctx, orgs, org, week, false)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	st, err := s.settingsOf(ctx, org)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	var buf bytes.Buffer
	if err := write(&buf, calendarDoc(v, st)); err != nil {
		s.fail(w, r, fmt.Errorf("web: calendar file: %w", err))
		return
	}
	name := fmt.Sprintf("lich-cong-tac-tuan-%02d-%d%s", week.Number, week.Year, r.PathValue("file")[len("lich-cong-tac"):])
	sendFile(w, r, ctype, name, buf.Bytes())
}
