package loadtest

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"

	"congtac"
)

// action is one thing a user does, and how often relative to the user's other actions.
type action struct {
	name   string
	weight int
	do     func(*user, context.Context) error
}

// actions names every action a user can take, with the role that takes it when a run does
// that action only ([Config.Only]).
var actions = map[string]struct {
	role congtac.Role
	do   func(*user, context.Context) error
}{
	"home":        {congtac.RoleViewer, (*user).home},
	"tasks":       {congtac.RoleViewer, (*user).taskList},
	"programs":    {congtac.RoleViewer, (*user).programList},
	"program":     {congtac.RoleViewer, (*user).program},
	"reports":     {congtac.RoleLeader, (*user).reportList},
	"documents":   {congtac.RoleViewer, (*user).documentList},
	"calendar":    {congtac.RoleLeader, (*user).calendar},
	"task":        {congtac.RoleReporter, (*user).task},
	"search":      {congtac.RoleViewer, (*user).search},
	"api-search":  {congtac.RoleViewer, (*user).apiSearch},
	"api-tasks":   {congtac.RoleViewer, (*user).apiTasks},
	"download":    {congtac.RoleViewer, (*user).download},
	"report":      {congtac.RoleReporter, (*user).writeReport},
	"report-page": {congtac.RoleReporter, (*user).writeReportPage},
	"review":      {congtac.RoleOfficeHead, (*user).reviewReport},
	"editor":      {congtac.RoleDrafter, (*user).editor},
	"task-create": {congtac.RoleDrafter, (*user).addTask},
	"task-edit":   {congtac.RoleDrafter, (*user).editTask},
	"issue":       {congtac.RoleOfficeHead, (*user).issue},
	"audit":       {congtac.RoleAdmin, (*user).audit},
	"accounts":    {congtac.RoleAdmin, (*user).accounts},
	"orgs":        {congtac.RoleAdmin, (*user).orgs},
}

// ActionNames lists the actions a run may be limited to, sorted.
func ActionNames() []string {
	names := make([]string, 0, len(actions))
	for n := range actions {
		names = append(names, n)
	}
	slices.Sort(names)
	return names
}

// ActionRole returns the role that takes action name alone, or an error naming the actions
// there are.
func ActionRole(name string) (congtac.Role, error) {
	a, ok := actions[name]
	if !ok {
		return "", congtac.Errorf(congtac.EINVALID, "Không có thao tác %q; chọn một trong: %s.", name,
			strings.Join(ActionNames(), ", "))
	}
	return a.role, nil
}

// mixes is each role's day: which actions it takes and how often. Reporters and unit heads
// read their tasks and write reports; the office reviews reports, drafts and issues;
// leaders and viewers read, search and download.
var mixes = map[congtac.Role][]struct {
	name   string
	weight int
}{
	congtac.RoleReporter: {{"home", 3}, {"tasks", 3}, {"task", 2}, {"report", 3}, {"report-page", 1},
		{"search", 1}, {"program", 1}},
	congtac.RoleUnitHead: {{"home", 3}, {"tasks", 2}, {"reports", 2}, {"report", 2}, {"search", 1},
		{"program", 1}, {"api-tasks", 1}},
	congtac.RoleViewer: {{"home", 3}, {"programs", 2}, {"tasks", 2}, {"program", 2}, {"search", 2},
		{"api-search", 1}, {"download", 1}, {"documents", 1}},
	congtac.RoleDrafter: {{"home", 2}, {"editor", 1}, {"task-create", 3}, {"task-edit", 1}, {"review", 2},
		{"programs", 1}},
	congtac.RoleOfficeHead: {{"home", 2}, {"review", 3}, {"issue", 1}, {"programs", 1}, {"search", 1},
		{"reports", 1}},
	congtac.RoleLeader: {{"home", 3}, {"reports", 1}, {"program", 2}, {"calendar", 1}, {"tasks", 1},
		{"search", 1}, {"download", 1}},
	congtac.RoleAdmin: {{"audit", 2}, {"accounts", 1}, {"orgs", 1}, {"api-search", 1}},
}

// mixOf returns the actions of role r, or only the action named only when it is not "".
func mixOf(r congtac.Role, only string) []action {
	if only != "" {
		return []action{{only, 1, actions[only].do}}
	}
	var out []action
	for _, m := range mixes[r] {
		out = append(out, action{m.name, m.weight, actions[m.name].do})
	}
	return out
}

// choose returns an action of mix at random, by weight.
func choose(rng *rand.Rand, mix []action) action {
	total := 0
	for _, a := range mix {
		total += a.weight
	}
	n := rng.IntN(total)
	for _, a := range mix {
		if n < a.weight {
			return a
		}
		n -= a.weight
	}
	panic(fmt.Sprintf("loadtest: choose: weights of %d actions add up to %d", len(mix), total))
}
