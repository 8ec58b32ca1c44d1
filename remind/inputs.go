package remind

import (
	"context"
	"maps"
	"slices"

	"congtac"
)

// inputs is what the reminders of a day are decided from, read from the store.
type inputs struct {
	daily        bool // the day's deadlines are still to be decided
	users        []congtac.User
	byID         map[int64]congtac.User
	to           Recipients
	orgs         []congtac.Org
	settings     map[int64]congtac.Settings // of each org's committee, by org
	tasks        []congtac.Task
	issuer       map[int64]int64 // the committee of each task, by task
	agenda       []AgendaDue
	reports      []ReturnedReport
	explanations []congtac.Explanation
	programs     []congtac.Program
	engagements  []congtac.Engagement
}

// read returns the inputs of day on: the deadlines' only on the day's first run.
func (r *Runner) read(ctx context.Context, on congtac.Date) (in inputs, err error) {
	st := r.Store
	if in.users, err = st.FindUsers(ctx); err != nil {
		return in, err
	}
	in.byID, in.to = ByID(in.users), NewRecipients(in.users)
	if in.orgs, err = st.FindOrgs(ctx, congtac.OrgFilter{}); err != nil {
		return in, err
	}
	if in.settings, err = st.CommitteeSettingsByOrg(ctx); err != nil {
		return in, err
	}
	decided, err := st.RemindersDecided(ctx, on)
	if err != nil {
		return in, err
	}
	if in.daily = !decided; in.daily {
		if err := r.readDeadlines(ctx, on, &in); err != nil {
			return in, err
		}
	}
	if in.reports, err = r.returnedReports(ctx); err != nil {
		return in, err
	}
	if in.explanations, err = r.openExplanations(ctx, on); err != nil {
		return in, err
	}
	submitted := congtac.ProgramSubmitted
	if in.programs, err = all(func(offset int) ([]congtac.Program, int, error) {
		return st.FindPrograms(ctx, congtac.ProgramFilter{Status: &submitted, Offset: offset})
	}); err != nil {
		return in, err
	}
	in.engagements, err = st.FindEngagements(ctx, congtac.EngagementFilter{From: &on})
	return in, err
}

// readDeadlines reads the tasks and agenda items whose deadlines may call for a reminder on
// day on, with the lead days of every committee.
func (r *Runner) readDeadlines(ctx context.Context, on congtac.Date, in *inputs) (err error) {
	lead, leads := 0, map[int]bool{}
	for _, st := range in.settings {
		lead, leads[st.ReminderLeadDays] = max(lead, st.ReminderLeadDays), true
	}
	if in.tasks, in.issuer, err = r.Store.FindTasksToRemind(ctx, on, slices.Sorted(maps.Keys(leads))); err != nil {
		return err
	}
	due, err := r.Store.FindAgendaDue(ctx, nil, on.AddDays(-1), on.AddDays(lead))
	for _, d := range due {
		in.agenda = append(in.agenda, AgendaDue{Item: d.Item, Meeting: d.Meeting, HasMaterials: d.HasMaterials})
	}
	return err
}

// deadlines returns the reminders of the deadlines of tasks and of meeting materials on day
// on, each with the lead days of its committee.
func (in inputs) deadlines(on congtac.Date) []congtac.Notification {
	tasks := map[int][]congtac.Task{}
	for _, t := range in.tasks {
		lead := in.settings[in.issuer[t.ID]].ReminderLeadDays
		tasks[lead] = append(tasks[lead], t)
	}
	agenda := map[int][]AgendaDue{}
	for _, d := range in.agenda {
		lead := in.settings[d.Meeting.OrgID].ReminderLeadDays
		agenda[lead] = append(agenda[lead], d)
	}
	var out []congtac.Notification
	for _, lead := range slices.Sorted(maps.Keys(tasks)) {
		out = append(out, Tasks(tasks[lead], in.to, on, lead)...)
	}
	for _, lead := range slices.Sorted(maps.Keys(agenda)) {
		out = append(out, Materials(agenda[lead], in.to, on, lead)...)
	}
	return out
}

// returnedReports returns the reports returned to their units, each with its task's text.
func (r *Runner) returnedReports(ctx context.Context) ([]ReturnedReport, error) {
	returned := congtac.ReportReturned
	reports, err := all(func(offset int) ([]congtac.Report, int, error) {
		return r.Store.FindReports(ctx, congtac.ReportFilter{Status: &returned, Offset: offset})
	})
	if err != nil || len(reports) == 0 {
		return nil, err
	}
	ids := make([]int64, len(reports))
	for i, rp := range reports {
		ids[i] = rp.TaskID
	}
	tasks, err := r.Store.FindTasksByID(ctx, ids)
	text := map[int64]string{}
	for _, t := range tasks {
		text[t.ID] = t.Text
	}
	out := make([]ReturnedReport, len(reports))
	for i, rp := range reports {
		out[i] = ReturnedReport{Report: rp, Task: text[rp.TaskID]}
	}
	return out, err
}

// openExplanations returns the requests for explanations not answered as of day on.
func (r *Runner) openExplanations(ctx context.Context, on congtac.Date) ([]congtac.Explanation, error) {
	var out []congtac.Explanation
	for _, state := range []congtac.ExplanationState{congtac.ExplanationOpen, congtac.ExplanationOverdue} {
		list, err := all(func(offset int) ([]congtac.Explanation, int, error) {
			return r.Store.FindExplanations(ctx, congtac.ExplanationFilter{State: &state, AsOf: on, Offset: offset})
		})
		if err != nil {
			return nil, err
		}
		out = append(out, list...)
	}
	return out, nil
}

// all returns every record of a paged finder, page after page.
func all[T any](find func(offset int) ([]T, int, error)) ([]T, error) {
	var out []T
	for {
		page, total, err := find(len(out))
		if err != nil {
			return nil, err
		}
		out = append(out, page...)
		if len(page) == 0 || len(out) >= total {
			return out, nil
		}
	}
}
