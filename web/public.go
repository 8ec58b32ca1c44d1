package web

import (
	"context"
	"fmt"
	"net/http"
	"slices"

	"congtac"
	"congtac/vn"
)

// What the public reads: programs issued and marked public, and weekly calendars published
// and marked public. Anything else answers 404, to visitors and users alike.

// publicPage is the data of public.html.
type publicPage struct {
	layout
	Programs  []programRow
	Calendars []publicCalendar
}

func (publicPage) template() string { return "public" }

// publicCalendar is a link to a public weekly calendar.
type publicCalendar struct {
	Href, Org, Heading string
}

// handlePublicIndex lists the public programs, newest period first, and the public
// calendars of this week and next of every committee.
func (s *Server) handlePublicIndex(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	public := true
	programs, _, err := s.st.FindPrograms(ctx, congtac.ProgramFilter{Public: &public, DraftReach: &congtac.Reach{}, Limit: 100})
	if err != nil {
		s.fail(w, r, fmt.Errorf("web: public programs: %w", err))
		return
	}
	page := publicPage{layout: s.layout(r, "Chương trình và lịch công tác công khai")}
	for _, p := range programs {
		if p.Status.Published() {
			page.Programs = append(page.Programs, newProgramRow(p))
		}
	}
	if page.Calendars, err = s.publicCalendars(ctx); err != nil {
		s.fail(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, page)
}

// publicCalendars returns the calendars of this week and next that are public, of every
// committee active today.
func (s *Server) publicCalendars(ctx context.Context) ([]publicCalendar, error) {
	orgs, err := s.loadOrgs(ctx)
	if err != nil {
		return nil, err
	}
	today := s.today()
	this := congtac.PeriodOf(congtac.PeriodWeek, today)
	var out []publicCalendar
	for _, o := range orgs.Tree(today, func(o congtac.Org) bool { return o.Kind == congtac.OrgCommittee }) {
		for _, week := range []congtac.Period{this, this.Next()} {
			ok, err := s.calendarIsPublic(ctx, o.ID, week)
			if err != nil {
				return nil, err
			}
			if ok {
				out = append(out, publicCalendar{Href: publicCalendarHref(o.ID, week), Org: o.Name,
					Heading: vn.WeekHeading(week)})
			}
		}
	}
	return out, nil
}

// calendarIsPublic reports whether org's calendar of the week is published and public.
func (s *Server) calendarIsPublic(ctx context.Context, org int64, week congtac.Period) (bool, error) {
	c, err := s.st.FindCalendar(ctx, org, week)
	switch congtac.ErrorCode(err) {
	case "":
		return c.Public, nil
	case congtac.ENOTFOUND:
		return false, nil
	}
	return false, fmt.Errorf("web: public calendar: %w", err)
}

// publicCalendarHref returns the address of org's public calendar of the week.
func publicCalendarHref(org int64, week congtac.Period) string {
	return fmt.Sprintf("/public/calendar?org=%d&week=%s", org, week.Key())
}

// handlePublicProgramShow shows an issued program marked public as the official document,
// without statuses or links inside the application; any other program is 404.
func (s *Server) handlePublicProgramShow(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	id, ok := pathID(r, "id")
	if !ok {
		s.fail(w, r, notFoundFor("chương trình"))
		return
	}
	p, err := s.findPublicProgram(ctx, id)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	orgs, err := s.loadOrgs(ctx)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	page, err := s.programPage(r, p, orgs, docReader{public: true, today: s.today()})
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if err = s.styleTaskLeaders(ctx, p, orgs, &page.Doc); err != nil {
		s.fail(w, r, err)
		return
	}
	page.FilesHref = publicProgramFiles(p.ID)
	s.render(w, r, http.StatusOK, page)
}

// findPublicProgram returns program id when it is issued (or amended) and marked public;
// any other program, or none, is ENOTFOUND.
func (s *Server) findPublicProgram(ctx context.Context, id int64) (congtac.Program, error) {
	p, err := s.st.FindProgramByID(ctx, id)
	if congtac.ErrorCode(err) == congtac.ENOTFOUND || err == nil && !(p.Public && p.Status.Published()) {
		return congtac.Program{}, notFoundFor("chương trình")
	}
	return p, err
}

// publicProgramFiles returns the address of the folder of a public program's files.
func publicProgramFiles(id int64) string { return fmt.Sprintf("/public/programs/%d/files/", id) }

// handlePublicProgramFile serves the PDF of a program that [Server.findPublicProgram]
// finds, to anyone, built as signed-in users download it; any other program or file is 404.
func (s *Server) handlePublicProgramFile(w http.ResponseWriter, r *http.Request) {
	id, ok := pathID(r, "id")
	if !ok {
		s.fail(w, r, notFoundFor("chương trình"))
		return
	}
	if _, err := s.findPublicProgram(r.Context(), id); err != nil {
		s.fail(w, r, err)
		return
	}
	files := slices.DeleteFunc(programFiles(), func(d download) bool { return d.name != "chuong-trinh.pdf" })
	s.serveFile(w, r, files, id)
}

// handlePublicCalendarShow shows the weekly calendar of the query's org (by default the
// first committee) for the query's week (by default this week) when it is published and
// public, with links to the weeks before and after that are too; anything else is 404.
func (s *Server) handlePublicCalendarShow(w http.ResponseWriter, r *http.Request) {
	ctx, q, today := r.Context(), r.URL.Query(), s.today()
	orgs, err := s.loadOrgs(ctx)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	var org int64
	if roots := orgs.Tree(today, func(o congtac.Org) bool { return o.Kind == congtac.OrgCommittee }); len(roots) > 0 {
		org = roots[0].ID
	}
	org = orgParam(q, org)
	week, err := parseWeek(q, today)
	public := false
	if err == nil {
		public, err = s.calendarIsPublic(ctx, org, week)
	}
	if congtac.ErrorCode(err) == congtac.EINVALID || err == nil && !public {
		err = notFoundFor("lịch công tác công khai")
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	cal, err := s.calendarView(ctx, orgs, org, week, false)
	if err == nil {
		err = s.styleLeaders(ctx, orgs, org, week, &cal)
	}
	if err == nil {
		cal.Prev, cal.Next, err = s.publicNeighbours(ctx, org, week)
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, calendarPage{layout: s.layout(r, "Lịch công tác tuần"),
		Public: true, Week: week.Key(), Calendar: &cal})
}

// publicNeighbours returns the links to org's public calendars of the weeks before and
// after week, "" for those that are not public.
func (s *Server) publicNeighbours(ctx context.Context, org int64, week congtac.Period) (prev, next string, err error) {
	links := [2]string{}
	for i, p := range []congtac.Period{week.Prev(), week.Next()} {
		ok, err := s.calendarIsPublic(ctx, org, p)
		if err != nil {
			return "", "", err
		}
		if ok {
			links[i] = publicCalendarHref(org, p)
		}
	}
	return links[0], links[1], nil
}

// styleLeaders names each leader of cal, org's calendar of the week, as the public reads
// them: the post in the committee styled before the name ("Chủ tịch UBND tỉnh Sơn Hà Trần
// Quốc Hưng"). The post is the one [Server.calendarView] shows, found by name and title; a
// leader without one keeps the bare name.
func (s *Server) styleLeaders(ctx context.Context, orgs orgIndex, org int64, week congtac.Period, cal *calendarView) error {
	from := week.Start()
	posts, err := s.st.FindPosts(ctx, congtac.PostFilter{OrgID: &org, HeldOn: &from})
	if err != nil {
		return fmt.Errorf("web: public calendar: %w", err)
	}
	ids := make([]int64, len(posts))
	for i, p := range posts {
		ids[i] = p.PersonID
	}
	names, err := s.personNames(ctx, ids...)
	if err != nil {
		return err
	}
	styled := map[[2]string]string{} // name and title as the calendar shows them
	for _, p := range posts {
		o, _ := orgs.Org(p.OrgID)
		styled[[2]string{names[p.PersonID], p.DisplayTitle()}] = p.Styled(o)
	}
	for i := range cal.Days {
		for j := range cal.Days[i].Entries {
			e := &cal.Days[i].Entries[j]
			if post, ok := styled[[2]string{e.Leader, e.Post}]; ok {
				e.Leader, e.Post = post+" "+e.Leader, ""
			}
		}
	}
	return nil
}

// styleTaskLeaders names the leader in charge of each task of doc, the document of issued
// program p, as the public reads them: the post held on the day of issue, styled, before
// the name ("Phó Chủ tịch UBND tỉnh Sơn Hà Lê Minh Đức"); of several posts, the one
// [congtac.ChairPost] picks for p's org. A leader without a post keeps the bare name.
func (s *Server) styleTaskLeaders(ctx context.Context, p congtac.Program, orgs orgIndex, doc *programDoc) error {
	posts := map[int64]string{} // by task
	for _, t := range p.Tasks {
		if t.LeaderID == 0 {
			continue
		}
		held, err := s.st.FindPosts(ctx, congtac.PostFilter{PersonID: &t.LeaderID, HeldOn: &p.IssuedOn})
		if err != nil {
			return fmt.Errorf("web: public program: %w", err)
		}
		if post, ok := congtac.ChairPost(held, p.OrgID); ok {
			o, _ := orgs.Org(post.OrgID)
			posts[t.ID] = post.Styled(o)
		}
	}
	style := func(tasks []docTask) {
		for i, t := range tasks {
			if post := posts[t.id]; post != "" && t.Leader != "" {
				tasks[i].Leader = post + " " + t.Leader
			}
		}
	}
	for i := range doc.Items {
		style(doc.Items[i].Tasks)
	}
	style(doc.Loose)
	return nil
}
