// Package congtac is the domain of a work-program system for Vietnamese People's
// Committees (Ủy ban nhân dân) at any level: province, commune and the former districts.
//
// A committee plans a [Program] for a [Period]; the program's [Item] tree carries [Task]
// values, each with a lead [Org], supporting orgs, a [Due] date with a precision, an optional
// [Recurrence], a [Target] and its legal source. Meetings ([Meeting], [AgendaItem]) and the
// leaders' weekly calendar ([Engagement]) belong to the same period. A program is issued as a
// [Document] numbered from a [Register]; execution is followed through [Report] values and the
// computed [Status] of every task.
//
// This package holds types, validation, transitions, permission predicates and deadline
// arithmetic only. It imports nothing else of this module and touches no database, network or
// file. The Vietnamese term for each concept is in docs/GLOSSARY.md.
package congtac

import (
	"sync"
	"time"
)

// Clock returns the current instant. Code that needs "now" takes a Clock so that tests can
// fix it.
type Clock func() time.Time

// Location returns the time zone in which dates are shown and deadlines fall:
// Asia/Ho_Chi_Minh, or a fixed UTC+7 where the zone database is missing (main imports
// time/tzdata so that it never is, even on Windows).
func Location() *time.Location { return location() }

// location loads the zone once; Vietnam has kept UTC+7 since 1975, so the fallback is exact
// for every date the system handles.
var location = sync.OnceValue(func() *time.Location {
	loc, err := time.LoadLocation("Asia/Ho_Chi_Minh")
	if err != nil {
		return time.FixedZone("ICT", 7*3600)
	}
	return loc
})
