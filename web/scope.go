package web

import (
	"context"
	"fmt"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"congtac"
	"congtac/vn"
)

// visiblePrograms limits a program filter to what a may read: issued programs within its
// ViewPrograms reach, programs not yet issued within its ViewDrafts reach.
func visiblePrograms(a congtac.Actor, f congtac.ProgramFilter) congtac.ProgramFilter {
	f.Reach, f.DraftReach = a.Reach(congtac.ViewPrograms), a.Reach(congtac.ViewDrafts)
	return f
}

// today returns the current civil day in the committee's time zone: the day statuses are
// computed as of.
func (s *Server) today() congtac.Date { return congtac.DateOf(s.cfg.Now(), s.loc) }

// personNames returns the full names of the people with the given IDs, in one read; 0
// and unknown IDs are left out.
func (s *Server) personNames(ctx context.Context, ids ...int64) (map[int64]string, error) {
	ids = slices.DeleteFunc(slices.Clone(ids), func(id int64) bool { return id == 0 })
	names := map[int64]string{}
	if len(ids) == 0 {
		return names, nil
	}
	slices.Sort(ids)
	people, err := s.st.FindPeople(ctx, congtac.PersonFilter{IDs: slices.Compact(ids)})
	if err != nil {
		return nil, fmt.Errorf("web: person names: %w", err)
	}
	for _, p := range people {
		names[p.ID] = p.FullName
	}
	return names, nil
}

// notFoundFor is the ENOTFOUND error of a record that does not exist or that the actor may
// not know exists: both answer alike, so that IDs outside one's reach reveal nothing.
func notFoundFor(what string) error {
	return congtac.Errorf(congtac.ENOTFOUND, "Không tìm thấy %s, hoặc bạn không có quyền xem.", what)
}

// visible returns v when it was found and the actor may see it; notFoundFor(what) when it
// was not found or may not be seen; and any other error as it is.
func visible[T any](v T, err error, ok func() (bool, error), what string) (T, error) {
	var zero T
	if congtac.ErrorCode(err) == congtac.ENOTFOUND {
		return zero, notFoundFor(what)
	} else if err != nil {
		return zero, err
	}
	if see, err := ok(); err != nil {
		return zero, err
	} else if !see {
		return zero, notFoundFor(what)
	}
	return v, nil
}

// findVisibleProgram returns program id with its items and tasks when a may read it (the
// capability of its status, [congtac.ProgramStatus.ViewCapability], reaches its org), and
// ENOTFOUND when it does not exist or a may not read it.
func (s *Server) findVisibleProgram(ctx context.Context, a congtac.Actor, id int64) (congtac.Program, error) {
	p, err := s.st.FindProgramByID(ctx, id)
	return s.seenProgram(ctx, a, p, err, "chương trình")
}

// seenProgram returns p, found with err, when a may read it, and notFoundFor(what) when it
// was not found or a may not read it.
func (s *Server) seenProgram(ctx context.Context, a congtac.Actor, p congtac.Program, err error, what string) (congtac.Program, error) {
	return visible(p, err, func() (bool, error) {
		return s.st.Reaches(ctx, a, p.Status.ViewCapability(), p.OrgID)
	}, what)
}

// findProgramToChange returns program id with its items and tasks for a change that needs
// capability c (DraftPrograms, ReviewPrograms, IssueDocuments) on its issuing org:
// ENOTFOUND when it does not exist or a may not read it, EFORBIDDEN when a may read it but
// c does not reach its org. Whether the program's status allows the change is the store's
// to say.
func (s *Server) findProgramToChange(ctx context.Context, a congtac.Actor, id int64, c congtac.Capability) (congtac.Program, error) {
	p, err := s.st.FindProgramByID(ctx, id)
	return s.programToChange(ctx, a, p, err, c, "chương trình")
}

// programOfItemToChange returns the program of item id, with its own fields only (see
// [store.Store.FindProgramOfItem]), for a change of its content, with the errors of
// [Server.findItemToChange].
func (s *Server) programOfItemToChange(ctx context.Context, a congtac.Actor, id int64) (congtac.Program, error) {
	p, err := s.st.FindProgramOfItem(ctx, id)
	return s.programToChange(ctx, a, p, err, congtac.DraftPrograms, "mục")
}

// programToChange returns p, found with err, for a change that needs capability c:
// notFoundFor(what) when it was not found or a may not read it, EFORBIDDEN when a may read
// it but c does not reach its org.
func (s *Server) programToChange(ctx context.Context, a congtac.Actor, p congtac.Program, err error, c congtac.Capability, what string) (congtac.Program, error) {
	if p, err = s.seenProgram(ctx, a, p, err, what); err != nil {
		return p, err
	}
	if ok, err := s.st.Reaches(ctx, a, c, p.OrgID); err != nil {
		return p, err
	} else if !ok {
		return p, congtac.Forbidden()
	}
	return p, nil
}

// reachable returns v, found with err, when a's capability c reaches the org of v, and
// notFoundFor(what) when it was not found or c does not reach it: a record outside a
// user's reach is one the user does not know of.
func reachable[T any](ctx context.Context, s *Server, a congtac.Actor, c congtac.Capability, v T, err error,
	org func(T) int64, what string) (T, error) {
	if congtac.ErrorCode(err) == congtac.ENOTFOUND {
		return v, notFoundFor(what)
	} else if err != nil {
		return v, err
	}
	x, err := s.loadOrgs(ctx)
	if err != nil {
		return v, err
	}
	if !x.Can(a, c, org(v)) {
		return v, notFoundFor(what)
	}
	return v, nil
}

// only returns the one record a search by ID found, ENOTFOUND when it found none, and the
// search's error as it is.
func only[T any](found []T, err error) (T, error) {
	var zero T
	switch {
	case err != nil:
		return zero, err
	case len(found) != 1:
		return zero, congtac.Errorf(congtac.ENOTFOUND, "Không tìm thấy bản ghi.")
	}
	return found[0], nil
}

// withID returns the record of list (found with err) whose ID, by idOf, is id, and
// notFoundFor(what) when none is: a record read back from a list of what its reader may see.
func withID[T any](list []T, err error, id int64, idOf func(T) int64, what string) (T, error) {
	v, err := only(slices.DeleteFunc(list, func(v T) bool { return idOf(v) != id }), err)
	if congtac.ErrorCode(err) == congtac.ENOTFOUND {
		err = notFoundFor(what)
	}
	return v, err
}

// findVisibleItem returns item id, numbered among its siblings, when a may read its
// program, and not found otherwise.
func (s *Server) findVisibleItem(ctx context.Context, a congtac.Actor, id int64) (congtac.Item, error) {
	it, err := s.st.FindItemByID(ctx, id)
	if congtac.ErrorCode(err) == congtac.ENOTFOUND {
		return it, notFoundFor("mục")
	} else if err != nil {
		return it, err
	}
	p, err := s.st.FindProgramOfItem(ctx, id)
	_, err = s.seenProgram(ctx, a, p, err, "mục")
	return it, err
}

// findItemToChange returns item id and its program, with the program's own fields only,
// for a change of the program's content (DraftPrograms), with the errors of
// [Server.findProgramToChange]; an item of a program a may not read is not found.
func (s *Server) findItemToChange(ctx context.Context, a congtac.Actor, id int64) (congtac.Item, congtac.Program, error) {
	it, err := s.st.FindItemByID(ctx, id)
	if congtac.ErrorCode(err) == congtac.ENOTFOUND {
		return it, congtac.Program{}, notFoundFor("mục")
	} else if err != nil {
		return it, congtac.Program{}, err
	}
	p, err := s.programOfItemToChange(ctx, a, id)
	return it, p, err
}

// findTaskToChange returns task id and its program, with the program's own fields only
// (see [store.Store.FindProgramOfTask]), for a change of the program's content
// (DraftPrograms), as [Server.findItemToChange] does for items. Unlike
// [Server.findVisibleTask], it goes by the program, not by the task's orgs: the office
// drafts tasks for units it does not follow.
func (s *Server) findTaskToChange(ctx context.Context, a congtac.Actor, id int64) (congtac.Task, congtac.Program, error) {
	t, err := s.st.FindTaskByID(ctx, id)
	if congtac.ErrorCode(err) == congtac.ENOTFOUND {
		return t, congtac.Program{}, notFoundFor("nhiệm vụ")
	} else if err != nil {
		return t, congtac.Program{}, err
	}
	p, err := s.st.FindProgramOfTask(ctx, id)
	p, err = s.programToChange(ctx, a, p, err, congtac.DraftPrograms, "nhiệm vụ")
	return t, p, err
}

// findVisibleTask returns task id when a may view it, and ENOTFOUND otherwise: see
// [Server.findVisibleLineage].
func (s *Server) findVisibleTask(ctx context.Context, a congtac.Actor, id int64) (congtac.Task, error) {
	t, _, err := s.findVisibleLineage(ctx, a, id)
	return t, err
}

// findVisibleLineage returns task id and the programs it appeared in ([congtac.Appearance],
// oldest first) when a may view it: its lead or a support org is within a's ViewTasks
// reach and, while its program is not issued, a may see the drafts of the program's org.
// Otherwise ENOTFOUND, as for a task that does not exist.
func (s *Server) findVisibleLineage(ctx context.Context, a congtac.Actor, id int64) (congtac.Task, []congtac.Appearance, error) {
	lineage, err := s.st.FindTaskLineage(ctx, id)
	var here congtac.Appearance
	for _, ap := range lineage {
		if ap.Task.ID == id {
			here = ap
		}
	}
	t, err := visible(here.Task, err, func() (bool, error) {
		if !here.Program.Status.Published() {
			if ok, err := s.st.Reaches(ctx, a, congtac.ViewDrafts, here.Program.OrgID); !ok || err != nil {
				return ok, err
			}
		}
		return s.st.Reaches(ctx, a, congtac.ViewTasks, here.Task.OrgIDs()...)
	}, "nhiệm vụ")
	return t, lineage, err
}

// findVisibleReport returns report id when a may view it (its org within a's ViewReports
// reach), and ENOTFOUND otherwise.
func (s *Server) findVisibleReport(ctx context.Context, a congtac.Actor, id int64) (congtac.Report, error) {
	r, err := s.st.FindReportByID(ctx, id)
	return visible(r, err, func() (bool, error) { return s.st.Reaches(ctx, a, congtac.ViewReports, r.OrgID) }, "báo cáo")
}

// findVisibleMeeting returns meeting id with its agenda when a may view it (its holding org
// within a's ViewMeetings reach), and ENOTFOUND otherwise.
func (s *Server) findVisibleMeeting(ctx context.Context, a congtac.Actor, id int64) (congtac.Meeting, error) {
	m, err := s.st.FindMeetingByID(ctx, id)
	return visible(m, err, func() (bool, error) { return s.st.Reaches(ctx, a, congtac.ViewMeetings, m.OrgID) }, "hội nghị")
}

// queryID reads the positive ID in query parameter name: nil when it is absent, a problem
// for pr when it is not an ID.
func queryID(q url.Values, name string, pr *congtac.Problems) *int64 {
	v := strings.TrimSpace(q.Get(name))
	if v == "" {
		return nil
	}
	id, err := strconv.ParseInt(v, 10, 64)
	if err != nil || id <= 0 {
		pr.Add(name, "Mã %q không hợp lệ.", v)
		return nil
	}
	return &id
}

// queryPeriod reads a period in query parameter name, as a key ("2026-11", "2026-Q4") or
// as offices write it ("tháng 11/2026", "Quý IV năm 2026"): nil when it is absent.
func queryPeriod(q url.Values, name string, pr *congtac.Problems) *congtac.Period {
	v := strings.TrimSpace(q.Get(name))
	if v == "" {
		return nil
	}
	if p, err := congtac.ParsePeriodKey(v); err == nil {
		return &p
	}
	p, _, err := vn.ParsePeriod(v)
	if err != nil {
		pr.Add(name, "Không hiểu kỳ %q; hãy ghi như “tháng 11/2026”, “quý IV/2026” hoặc “2026-11”.", v)
		return nil
	}
	return &p
}

// taskQuery is what a task list asks for: the store's filter, limited to the actor's
// ViewTasks reach, with the status to keep.
type taskQuery struct {
	Filter congtac.TaskFilter
	Status congtac.Status // "" for every status
}

// parseTaskQuery reads a task list's query parameters: status (a [congtac.Status]), org
// (lead or support), lead, sector, leader (a person), period (see [queryPeriod]), program,
// committee (the programs' issuing org), unreported (1: no report sent on it), listed (1: the tasks as the period's issued
// programs list them, carried copies included, as boards count them) and q (words,
// diacritics ignored). The filter is limited to a's ViewTasks reach. Bad values
// give an EINVALID error naming each parameter (see [congtac.FieldErrors]) together with the
// query of the good ones. Both the pages and the JSON API read task lists through it.
func parseTaskQuery(a congtac.Actor, q url.Values) (taskQuery, error) {
	var pr congtac.Problems
	tq := taskQuery{Filter: congtac.TaskFilter{Reach: a.Reach(congtac.ViewTasks), Query: strings.TrimSpace(q.Get("q"))}}
	f := &tq.Filter
	f.OrgID, f.Lead = queryID(q, "org", &pr), queryID(q, "lead", &pr)
	f.LeaderID, f.ProgramID = queryID(q, "leader", &pr), queryID(q, "program", &pr)
	f.Period = queryPeriod(q, "period", &pr)
	f.Issuer = queryID(q, "committee", &pr)
	switch q.Get("unreported") {
	case "", "0":
	case "1":
		f.Unreported = true
	default:
		pr.Add("unreported", "Giá trị unreported %q không hợp lệ (1 hoặc 0).", q.Get("unreported"))
	}
	switch q.Get("listed") {
	case "", "0":
	case "1":
		if f.Period == nil {
			pr.Add("listed", "Chỉ dùng listed=1 cùng với kỳ (period).")
		}
		f.Listed = true
	default:
		pr.Add("listed", "Giá trị listed %q không hợp lệ (1 hoặc 0).", q.Get("listed"))
	}
	if v := congtac.Sector(q.Get("sector")); v != "" {
		if v.Valid() {
			f.Sector = &v
		} else {
			pr.Add("sector", "Lĩnh vực %q không hợp lệ.", string(v))
		}
	}
	if v := congtac.Status(q.Get("status")); v != "" {
		if v.Label() != "" {
			tq.Status = v
		} else {
			pr.Add("status", "Trạng thái %q không hợp lệ.", string(v))
		}
	}
	return tq, pr.Err()
}

// findTasksAsOf returns the page of q's task list with statuses as of asOf: limit tasks
// of q.Status (every status when "") from offset, or after the task after names, by
// deadline, with the number of tasks of each status among those matching the other
// filters. The database filters and counts ([store.Store.FindTaskList]): a page costs
// what its rows cost, however many tasks match.
func (s *Server) findTasksAsOf(ctx context.Context, q taskQuery, asOf congtac.Date, offset, limit int, after *congtac.TaskKey) (congtac.TaskList, error) {
	f := q.Filter
	f.AsOf, f.Offset, f.Limit, f.After = asOf, offset, limit, after
	if q.Status != "" {
		f.Status = &q.Status
	}
	list, err := s.st.FindTaskList(ctx, f)
	if err != nil {
		return list, fmt.Errorf("web: find tasks: %w", err)
	}
	return list, nil
}

// parseProgramQuery reads a program list's query parameters: kind (a period kind), year,
// status (a program status), org (the issuing org) and q; the filter is limited by
// [visiblePrograms]. Bad values give an EINVALID error naming each parameter, with the
// filter of the good ones.
func parseProgramQuery(a congtac.Actor, q url.Values) (congtac.ProgramFilter, error) {
	var pr congtac.Problems
	f := congtac.ProgramFilter{OrgID: queryID(q, "org", &pr), Query: strings.TrimSpace(q.Get("q"))}
	if v := congtac.PeriodKind(q.Get("kind")); v != "" {
		if slices.Contains(programKinds, v) {
			f.Kind = &v
		} else {
			pr.Add("kind", "Loại kỳ %q không hợp lệ.", string(v))
		}
	}
	if v := strings.TrimSpace(q.Get("year")); v != "" {
		if y, err := strconv.Atoi(v); err == nil && y >= 1900 && y <= 9999 {
			f.Year = &y
		} else {
			pr.Add("year", "Năm %q không hợp lệ.", v)
		}
	}
	if v := congtac.ProgramStatus(q.Get("status")); v != "" {
		if v.Label() != "" {
			f.Status = &v
		} else {
			pr.Add("status", "Trạng thái %q không hợp lệ.", string(v))
		}
	}
	return visiblePrograms(a, f), pr.Err()
}

// programKinds are the kinds of program periods, longest first.
var programKinds = []congtac.PeriodKind{congtac.PeriodYear, congtac.PeriodHalf, congtac.PeriodQuarter,
	congtac.PeriodMonth, congtac.PeriodWeek}

// parseReportQuery reads a report list's query parameters: status (a report status), org
// (the reporting org) and task; the filter is limited to a's ViewReports reach. Bad values
// give an EINVALID error naming each parameter, with the filter of the good ones.
func parseReportQuery(a congtac.Actor, q url.Values) (congtac.ReportFilter, error) {
	var pr congtac.Problems
	f := congtac.ReportFilter{OrgID: queryID(q, "org", &pr), TaskID: queryID(q, "task", &pr),
		Reach: a.Reach(congtac.ViewReports)}
	if v := congtac.ReportStatus(q.Get("status")); v != "" {
		if v.Label() != "" {
			f.Status = &v
		} else {
			pr.Add("status", "Trạng thái %q không hợp lệ.", string(v))
		}
	}
	return f, pr.Err()
}
