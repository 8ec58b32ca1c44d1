package importer

import (
	"slices"

	"congtac"
	"congtac/vn"
)

// OrgName is an org name a document writes, with the rows it is written on and the org
// of the directory it was matched to ([MatchOrg]); Matched is false when none was close
// enough, and the user maps it or creates the org.
type OrgName struct {
	Name    string
	Lines   []int
	Match   OrgMatch
	Matched bool
}

// matchOrgs gathers the org names the tasks, the meetings' matters and the schedule's
// entries name, once each (names that fold alike are one), in the order first met, and
// matches each against orgs.
func (r *Result) matchOrgs(orgs []congtac.Org) []OrgName {
	var out []OrgName
	index := map[string]int{}
	add := func(name string, line int) {
		if name == "" {
			return
		}
		key := vn.Fold(name)
		i, seen := index[key]
		if !seen {
			i = len(out)
			index[key] = i
			m, ok := MatchOrg(name, orgs)
			out = append(out, OrgName{Name: name, Match: m, Matched: ok})
		}
		if !slices.Contains(out[i].Lines, line) {
			out[i].Lines = append(out[i].Lines, line)
		}
	}
	for _, t := range r.Tasks {
		add(t.Lead, t.Line)
		for _, s := range t.Support {
			add(s, t.Line)
		}
	}
	for _, m := range r.Meetings {
		for _, a := range m.Agenda {
			add(a.Lead, a.Line)
			for _, s := range a.Support {
				add(s, a.Line)
			}
		}
	}
	for _, e := range r.Schedule.Entries {
		add(e.Preparer, e.Line)
	}
	return out
}

// OrgOf returns the org a name was matched to, or 0.
func (r *Result) OrgOf(name string) int64 {
	key := vn.Fold(name)
	for _, o := range r.Orgs {
		if o.Matched && vn.Fold(o.Name) == key {
			return o.Match.Org.ID
		}
	}
	return 0
}
