package web

import (
	"bytes"
	"fmt"
	"net/http"

	"congtac"
	"congtac/export"
	"congtac/vn"
)

// maxTaskFileRows is the most tasks one download of a task list holds; a list that matches
// more asks for a narrower filter.
const maxTaskFileRows = 50000

// taskFilePage is how many tasks the download reads at a time.
const taskFilePage = 2000

// handleTaskListFile sends the task list the query asks for, as /tasks shows it (the same
// filters, order and statuses as of today), as a spreadsheet of every matching task:
// /tasks/files/nhiem-vu.xlsx?status=overdue&org=12.
func (s *Server) handleTaskListFile(w http.ResponseWriter, r *http.Request) {
	ctx, a, today := r.Context(), actorOf(r), s.today()
	tq, err := parseTaskQuery(a, r.URL.Query())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	var tasks []congtac.Task
	var after *congtac.TaskKey
	for {
		list, err := s.findTasksAsOf(ctx, tq, today, 0, taskFilePage, after)
		if err != nil {
			s.fail(w, r, err)
			return
		}
		if list.Matched > maxTaskFileRows {
			s.fail(w, r, congtac.Errorf(congtac.EINVALID,
				"Danh sách có %d nhiệm vụ, quá %d dòng của một tệp: hãy lọc hẹp hơn (theo cơ quan, kỳ hoặc trạng thái).",
				list.Matched, maxTaskFileRows))
			return
		}
		tasks = append(tasks, list.Tasks...)
		if after = list.Next; after == nil {
			break
		}
	}
	orgs, err := s.loadOrgs(ctx)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	var leaders []int64
	names := map[int64]string{}
	for _, t := range tasks {
		leaders = append(leaders, t.LeaderID)
		names[t.Lead] = orgs.Name(t.Lead)
		for _, sp := range t.Support {
			names[sp.OrgID] = orgs.Name(sp.OrgID)
		}
	}
	people, err := s.personNames(ctx, leaders...)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	title := "Danh sách nhiệm vụ"
	if tq.Status != "" {
		title += " " + vn.LowerFirst(tq.Status.Label())
	}
	var buf bytes.Buffer
	table := export.TaskTable{Title: title + " (tính đến ngày " + vn.PaddedDate(today) + ")", Tasks: tasks,
		Orgs: names, People: people, AsOf: today}
	if err := export.TasksXLSX(&buf, table); err != nil {
		s.fail(w, r, fmt.Errorf("web: task list file: %w", err))
		return
	}
	sendFile(w, r, ctypeXLSX, "nhiem-vu-"+today.String()+".xlsx", buf.Bytes())
}
