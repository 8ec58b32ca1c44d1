package web

import (
	"cmp"
	"context"
	"fmt"
	"net/url"
	"slices"
	"strconv"
	"time"

	"congtac"
	"congtac/vn"
)

// Each role's home (issue 13): what needs doing first, as panels of a few rows each with a
// link to the whole list. A unit sees its own work, the office what it chases, a leader
// what awaits him and how his sectors stand, an administrator what needs setting up.

// homePanelRows is how many rows a panel shows.
const homePanelRows = 6

// homePanel is one panel of a home page.
type homePanel struct {
	Title string
	Count int    // how many in all
	Href  string // the whole list
	Rows  []homeRow
	Empty string // said when there are none
}

// homeRow is one thing to do, with where to do it.
type homeRow struct {
	Text, Href string
	Sub        string // what it belongs to, when it is due
	Status     statusView
	Action     string // a link straight to the doing: "Báo cáo"
	ActionHref string
}

// homePanels returns the panels of a's home, as of today.
func (s *Server) homePanels(ctx context.Context, a congtac.Actor, orgs orgIndex) ([]homePanel, error) {
	switch a.Role {
	case congtac.RoleReporter, congtac.RoleUnitHead:
		return s.unitPanels(ctx, a, orgs)
	case congtac.RoleDrafter, congtac.RoleOfficeHead:
		return s.officePanels(ctx, a, orgs)
	case congtac.RoleLeader:
		return s.leaderPanels(ctx, a, orgs)
	case congtac.RoleAdmin:
		return s.adminPanels(ctx, orgs)
	}
	return nil, nil
}

// taskPanel returns the panel of the tasks f keeps as of today, a row each with its days
// overdue or its deadline, each with a link to report on it when report is set.
func (s *Server) taskPanel(ctx context.Context, title, empty, href string, f congtac.TaskFilter, orgs orgIndex, report bool) (homePanel, error) {
	today := s.today()
	f.AsOf, f.Limit = today, homePanelRows
	list, err := s.st.FindTaskList(ctx, f)
	if err != nil {
		return homePanel{}, err
	}
	p := homePanel{Title: title, Count: list.Matched, Href: href, Empty: empty}
	for _, t := range list.Tasks {
		row := homeRow{Text: shortText(t.Text, taskTitleLength), Href: fmt.Sprintf("/tasks/%d", t.ID),
			Status: taskStatusView(t.Status(today)), Sub: orgs.Name(t.Lead) + " — thời hạn " + t.Due.Label()}
		if n := t.DaysOverdue(today); n > 0 {
			row.Sub = fmt.Sprintf("%s — quá hạn %d ngày", orgs.Name(t.Lead), n)
		}
		if report {
			row.Action, row.ActionHref = "Báo cáo", fmt.Sprintf("/tasks/%d#h-form", t.ID)
		}
		p.Rows = append(p.Rows, row)
	}
	return p, nil
}

// tasksHref is the task list of the query v.
func tasksHref(v url.Values) string { return "/tasks?" + v.Encode() }

// unitPanels are a unit's: its tasks overdue and due this week, its reports returned, the
// shares it owes as a supporting org, the explanations asked of it, its open proposals.
func (s *Server) unitPanels(ctx context.Context, a congtac.Actor, orgs orgIndex) ([]homePanel, error) {
	today, org := s.today(), a.OrgID
	orgQ := url.Values{"org": {strconv.FormatInt(org, 10)}}
	overdue := congtac.StatusOverdue
	late, err := s.taskPanel(ctx, "Nhiệm vụ quá hạn", "Không có nhiệm vụ quá hạn.",
		tasksHref(url.Values{"org": orgQ["org"], "status": {string(overdue)}}),
		congtac.TaskFilter{OrgID: &org, Status: &overdue}, orgs, true)
	if err != nil {
		return nil, err
	}
	monday := congtac.PeriodOf(congtac.PeriodWeek, today).Start()
	sunday := monday.AddDays(6)
	week, err := s.taskPanel(ctx, "Đến hạn trong tuần này", "Không có nhiệm vụ đến hạn trong tuần.", tasksHref(orgQ),
		congtac.TaskFilter{OrgID: &org, DueFrom: &monday, DueTo: &sunday, Open: true}, orgs, true)
	if err != nil {
		return nil, err
	}
	returned, err := s.reportPanel(ctx, "Báo cáo bị trả lại", "Không có báo cáo nào bị trả lại.", org, congtac.ReportReturned, orgs)
	if err != nil {
		return nil, err
	}
	shares, err := s.sharePanel(ctx, org, orgs)
	if err != nil {
		return nil, err
	}
	asked, err := s.explanationPanel(ctx, "Yêu cầu giải trình", congtac.ExplanationFilter{OrgID: &org}, orgs,
		congtac.ExplanationOverdue, congtac.ExplanationOpen)
	if err != nil {
		return nil, err
	}
	open := congtac.ProposalOpen
	props, err := s.st.FindProposals(ctx, congtac.ProposalFilter{OrgID: &org, Status: &open, Limit: 100})
	if err != nil {
		return nil, err
	}
	proposals := homePanel{Title: "Đề xuất đang chờ xử lý", Count: len(props), Href: "/proposals", Empty: "Không có đề xuất đang chờ."}
	for _, p := range props[:min(len(props), homePanelRows)] {
		proposals.Rows = append(proposals.Rows, homeRow{Text: shortText(p.Text, taskTitleLength), Href: "/proposals",
			Sub: vn.Capitalize(p.Period.String())})
	}
	return []homePanel{late, week, returned, shares, asked, proposals}, nil
}

// sharePanel is the panel of the tasks org supports and has not finished its part of.
func (s *Server) sharePanel(ctx context.Context, org int64, orgs orgIndex) (homePanel, error) {
	today := s.today()
	list, err := s.st.FindTaskList(ctx, congtac.TaskFilter{OrgID: &org, Open: true, AsOf: today, Limit: 200})
	if err != nil {
		return homePanel{}, err
	}
	p := homePanel{Title: "Phần việc phối hợp", Href: tasksHref(url.Values{"org": {strconv.FormatInt(org, 10)}}),
		Empty: "Không có phần việc phối hợp đang thực hiện."}
	for _, t := range list.Tasks {
		i := slices.IndexFunc(t.Support, func(sp congtac.Support) bool { return sp.OrgID == org })
		if t.Lead == org || i < 0 || !t.Support[i].DoneOn.IsZero() {
			continue
		}
		p.Count++
		if len(p.Rows) < homePanelRows {
			st, _ := t.SupportStatus(org, today)
			p.Rows = append(p.Rows, homeRow{Text: shortText(t.Text, taskTitleLength), Href: fmt.Sprintf("/tasks/%d", t.ID),
				Sub: "Chủ trì: " + orgs.Name(t.Lead) + " — thời hạn " + t.Due.Label(), Status: taskStatusView(st),
				Action: "Báo cáo", ActionHref: fmt.Sprintf("/tasks/%d#h-form", t.ID)})
		}
	}
	return p, nil
}

// reportPanel is the panel of the reports of org (0: within the reader's reach, as f.Reach
// says) with status st, newest first.
func (s *Server) reportPanel(ctx context.Context, title, empty string, org int64, st congtac.ReportStatus, orgs orgIndex) (homePanel, error) {
	f := congtac.ReportFilter{Status: &st, Limit: homePanelRows}
	href := "/reports?status=" + string(st)
	if org != 0 {
		f.OrgID = &org
		href += "&org=" + strconv.FormatInt(org, 10)
	}
	return s.reportRows(ctx, title, empty, href, f, orgs)
}

// reportRows is the panel of the reports f finds.
func (s *Server) reportRows(ctx context.Context, title, empty, href string, f congtac.ReportFilter, orgs orgIndex) (homePanel, error) {
	reports, n, err := s.st.FindReports(ctx, f)
	if err != nil {
		return homePanel{}, err
	}
	p := homePanel{Title: title, Count: n, Href: href, Empty: empty}
	for _, rep := range reports {
		row := homeRow{Text: fmt.Sprintf("%s — %d%%", orgs.Name(rep.OrgID), rep.Percent), Href: fmt.Sprintf("/reports/%d", rep.ID),
			Sub: "Gửi lúc " + instantText(rep.SubmittedAt, s.loc), Status: statusView{string(rep.Status), rep.Status.Label()}}
		if rep.ReviewNote != "" {
			row.Sub += " — " + shortText(rep.ReviewNote, 80)
		}
		p.Rows = append(p.Rows, row)
	}
	return p, nil
}

// explanationPanel is the panel of the requests f keeps in the given states, those to
// answer soonest first.
func (s *Server) explanationPanel(ctx context.Context, title string, f congtac.ExplanationFilter, orgs orgIndex,
	states ...congtac.ExplanationState) (homePanel, error) {
	today := s.today()
	p := homePanel{Title: title, Href: "/explanations?state=" + string(states[0]), Empty: "Không có yêu cầu giải trình."}
	for _, st := range states {
		g := f
		g.State, g.AsOf, g.Limit = &st, today, homePanelRows
		list, n, err := s.st.FindExplanations(ctx, g)
		if err != nil {
			return p, err
		}
		p.Count += n
		for _, e := range list {
			if len(p.Rows) == homePanelRows {
				break
			}
			row := newExplanationRow(e, orgs, today)
			p.Rows = append(p.Rows, homeRow{Text: shortText(e.Question, taskTitleLength), Href: fmt.Sprintf("/tasks/%d#giai-trinh", e.TaskID),
				Sub: row.Org + " — hạn " + row.Due, Status: row.State})
		}
	}
	return p, nil
}

// programPanel is the panel of the programs within a's reach with status st.
func (s *Server) programPanel(ctx context.Context, a congtac.Actor, title, empty string, statuses ...congtac.ProgramStatus) (homePanel, error) {
	p := homePanel{Title: title, Empty: empty, Href: "/programs?status=" + string(statuses[0])}
	for _, st := range statuses {
		ps, n, err := s.st.FindPrograms(ctx, visiblePrograms(a, congtac.ProgramFilter{Status: &st, Limit: homePanelRows}))
		if err != nil {
			return p, err
		}
		p.Count += n
		for _, pr := range ps {
			if len(p.Rows) < homePanelRows {
				p.Rows = append(p.Rows, homeRow{Text: vn.Capitalize(pr.Title), Href: fmt.Sprintf("/programs/%d", pr.ID),
					Sub: periodText(pr), Status: statusView{string(pr.Status), pr.Status.Label()}})
			}
		}
	}
	return p, nil
}

// officePanels are the office's: reports waiting to be accepted, tasks overdue without a
// report, explanations overdue, drafts in progress, this week's meetings with materials
// missing.
func (s *Server) officePanels(ctx context.Context, a congtac.Actor, orgs orgIndex) ([]homePanel, error) {
	waiting, err := s.reportRows(ctx, "Báo cáo chờ tiếp nhận", "Không có báo cáo chờ tiếp nhận.", "/reports?status=submitted",
		congtac.ReportFilter{Status: ptr(congtac.ReportSubmitted), Reach: a.Reach(congtac.ReviewReports), Limit: homePanelRows}, orgs)
	if err != nil {
		return nil, err
	}
	overdue := congtac.StatusOverdue
	silent, err := s.taskPanel(ctx, "Nhiệm vụ quá hạn chưa có báo cáo", "Mọi nhiệm vụ quá hạn đều đã có báo cáo.",
		"/tasks?status=overdue&unreported=1", congtac.TaskFilter{Status: &overdue, Unreported: true, Reach: a.Reach(congtac.ViewTasks)},
		orgs, false)
	if err != nil {
		return nil, err
	}
	asked, err := s.explanationPanel(ctx, "Giải trình quá hạn", congtac.ExplanationFilter{Reach: a.Reach(congtac.ViewTasks)}, orgs,
		congtac.ExplanationOverdue)
	if err != nil {
		return nil, err
	}
	drafts, err := s.programPanel(ctx, a, "Dự thảo đang soạn", "Không có dự thảo đang soạn.", congtac.ProgramDraft, congtac.ProgramReturned)
	if err != nil {
		return nil, err
	}
	meetings, err := s.materialsPanel(ctx, a, orgs)
	if err != nil {
		return nil, err
	}
	return []homePanel{waiting, silent, asked, drafts, meetings}, nil
}

// materialsPanel is the panel of the matters of this week's meetings within a's reach
// whose materials were due and have not come.
func (s *Server) materialsPanel(ctx context.Context, a congtac.Actor, orgs orgIndex) (homePanel, error) {
	today := s.today()
	week := congtac.PeriodOf(congtac.PeriodWeek, today)
	from, to := week.Start(), week.End()
	p := homePanel{Title: "Hội nghị trong tuần còn thiếu tài liệu", Href: "/meetings", Empty: "Các nội dung trình đã đủ tài liệu."}
	meetings, err := s.st.FindMeetings(ctx, congtac.MeetingFilter{From: &from, To: &to, Reach: a.Reach(congtac.ManageMeetings), Limit: 100})
	if err != nil {
		return p, err
	}
	for _, m := range meetings {
		files, err := s.st.FindMaterials(ctx, m.ID)
		if err != nil {
			return p, err
		}
		for _, it := range m.Agenda {
			if it.MaterialsDue.IsZero() || it.MaterialsDue.After(today) ||
				slices.ContainsFunc(files, func(f congtac.Material) bool { return f.ItemID == it.ID }) {
				continue
			}
			p.Count++
			if len(p.Rows) < homePanelRows {
				p.Rows = append(p.Rows, homeRow{Text: shortText(it.Title, taskTitleLength), Href: meetingHref(m.ID),
					Sub: fmt.Sprintf("%s — %s; hạn gửi %s; %s chuẩn bị", m.Title, dayText(m.Date), vn.ShortDate(it.MaterialsDue), orgs.Name(it.Lead))})
			}
		}
	}
	return p, nil
}

// leaderPanels are a leader's: programs waiting for his approval, the board of his
// sectors this month, the late tasks he is in charge of, the explanations answered.
func (s *Server) leaderPanels(ctx context.Context, a congtac.Actor, orgs orgIndex) ([]homePanel, error) {
	waiting, err := s.programPanel(ctx, a, "Chương trình chờ duyệt", "Không có chương trình chờ duyệt.", congtac.ProgramSubmitted)
	if err != nil {
		return nil, err
	}
	person, err := s.personOf(ctx, a)
	if err != nil {
		return nil, err
	}
	board, err := s.sectorPanel(ctx, a, person, orgs)
	if err != nil {
		return nil, err
	}
	overdue := congtac.StatusOverdue
	f := congtac.TaskFilter{Status: &overdue, Reach: a.Reach(congtac.ViewTasks)}
	href := url.Values{"status": {string(overdue)}}
	if person != 0 {
		f.LeaderID = &person
		href.Set("leader", strconv.FormatInt(person, 10))
	}
	late, err := s.taskPanel(ctx, "Nhiệm vụ chậm tiến độ do đồng chí phụ trách", "Không có nhiệm vụ chậm tiến độ.", tasksHref(href), f, orgs, false)
	if err != nil {
		return nil, err
	}
	answered, err := s.explanationPanel(ctx, "Giải trình đã nhận", congtac.ExplanationFilter{Reach: a.Reach(congtac.ViewTasks)}, orgs,
		congtac.ExplanationAnswered)
	if err != nil {
		return nil, err
	}
	return []homePanel{waiting, board, late, answered}, nil
}

// personOf returns the person of a's account; 0 for an account that is not a person's.
func (s *Server) personOf(ctx context.Context, a congtac.Actor) (int64, error) {
	u, err := s.st.FindUserByID(ctx, a.UserID)
	if congtac.ErrorCode(err) == congtac.ENOTFOUND {
		return 0, nil
	}
	return u.PersonID, err
}

// sectorPanel is this month's board of a's committee by sector, limited to the sectors of
// a's posts when they name any (a vice chairman's), each linking to its tasks.
func (s *Server) sectorPanel(ctx context.Context, a congtac.Actor, person int64, orgs orgIndex) (homePanel, error) {
	bq := boardQuery{Committee: orgs.CommitteeOf(a.OrgID), Period: congtac.PeriodOf(congtac.PeriodMonth, s.today()),
		By: congtac.BoardBySector}
	p := homePanel{Title: "Bảng theo dõi tháng này theo lĩnh vực", Href: "/boards?" + bq.values().Encode(),
		Empty: "Chưa có nhiệm vụ của các chương trình đã ban hành tháng này."}
	b, err := s.boardOf(ctx, a, bq, orgs) // the month alone: the home shows no trend
	if err != nil {
		return p, err
	}
	mine, err := s.sectorsOf(ctx, person)
	if err != nil {
		return p, err
	}
	tasks := bq.taskValues(bq.Period)
	for _, row := range b.Rows {
		if len(mine) > 0 && !slices.Contains(mine, congtac.Sector(row.Key)) {
			continue
		}
		p.Count += row.Counts.Total()
		p.Rows = append(p.Rows, homeRow{Text: row.Label, Href: tasksHref(groupValues(tasks, b.By, row.Key)),
			Sub: fmt.Sprintf("%d nhiệm vụ; quá hạn chưa hoàn thành %d; đúng hạn %s", row.Counts.Total(),
				row.Counts[congtac.StatusOverdue], rateText(row.Counts))})
	}
	return p, nil
}

// sectorsOf returns the sectors of the posts person holds today; none for a leader in
// charge of everything, or an account that is no person's (0).
func (s *Server) sectorsOf(ctx context.Context, person int64) ([]congtac.Sector, error) {
	if person == 0 {
		return nil, nil
	}
	today := s.today()
	posts, err := s.st.FindPosts(ctx, congtac.PostFilter{PersonID: &person, HeldOn: &today})
	if err != nil {
		return nil, err
	}
	var out []congtac.Sector
	for _, p := range posts {
		out = append(out, p.Sectors...)
	}
	return out, nil
}

// adminPanels are an administrator's: the accounts, the failed sign-ins of the last week,
// the committees whose settings are missing what documents need and a mail server not set,
// the reminder mails given up.
func (s *Server) adminPanels(ctx context.Context, orgs orgIndex) ([]homePanel, error) {
	users, err := s.st.FindUsers(ctx)
	if err != nil {
		return nil, err
	}
	accounts := homePanel{Title: "Tài khoản", Count: len(users), Href: "/admin/users", Empty: "Chưa có tài khoản."}
	disabled := 0
	for _, u := range users {
		if u.Disabled {
			disabled++
		}
	}
	accounts.Rows = append(accounts.Rows, homeRow{Text: fmt.Sprintf("%d tài khoản đang dùng, %d đã khóa", len(users)-disabled, disabled),
		Href: "/admin/users"})
	since := s.cfg.Now().Add(-7 * 24 * time.Hour)
	events, _, err := s.st.FindAuditEvents(ctx, congtac.System, congtac.AuditFilter{Entity: "user", From: &since, Limit: 200})
	if err != nil {
		return nil, err
	}
	failed := homePanel{Title: "Đăng nhập không thành công trong 7 ngày", Href: "/admin/audit", Empty: "Không có lần đăng nhập không thành công."}
	for _, e := range events {
		if e.Action != "sign_in_failed" {
			continue
		}
		failed.Count++
		if len(failed.Rows) < homePanelRows {
			failed.Rows = append(failed.Rows, homeRow{Text: cmp.Or(e.Address, "không rõ địa chỉ"), Sub: instantText(e.At, s.loc)})
		}
	}
	setup := homePanel{Title: "Cần thiết lập", Href: "/admin/settings", Empty: "Các ủy ban đã có đủ thiết lập để ban hành văn bản."}
	for _, n := range orgs.Tree(s.today(), func(o congtac.Org) bool { return o.Kind == congtac.OrgCommittee }) {
		c, err := s.st.FindCommittee(ctx, n.ID)
		if err != nil {
			return nil, err
		}
		var missing []string
		if c.Settings.Place == "" {
			missing = append(missing, "địa danh")
		}
		if c.Settings.Signature.Name == "" {
			missing = append(missing, "người ký")
		}
		if len(missing) > 0 {
			setup.Count++
			if len(setup.Rows) < homePanelRows {
				setup.Rows = append(setup.Rows, homeRow{Text: n.Name, Href: fmt.Sprintf("/admin/settings?committee=%d", n.ID),
					Sub: "Chưa có " + joinVietnamese(missing)})
			}
		}
	}
	mail, err := s.mailPanel(ctx)
	if err != nil {
		return nil, err
	}
	g, err := s.st.GlobalSettings(ctx)
	if err != nil {
		return nil, err
	}
	if g.SMTP.Host == "" {
		setup.Count++
		setup.Rows = append(setup.Rows, homeRow{Text: "Máy chủ thư", Href: "/admin/settings#smtp_host",
			Sub: "Chưa thiết lập: thư nhắc việc chưa gửi được"})
	}
	return []homePanel{accounts, failed, setup, mail}, nil
}

// joinVietnamese joins words as a sentence lists them: "a, b và c".
func joinVietnamese(words []string) string {
	switch len(words) {
	case 0:
		return ""
	case 1:
		return words[0]
	}
	out := words[0]
	for _, w := range words[1 : len(words)-1] {
		out += ", " + w
	}
	return out + " và " + words[len(words)-1]
}
