// Package clocktest is the one clock of the test suite. Every test that needs "today" or
// "now" asks it, so that the whole suite can be run as of any day:
//
//	CONGTAC_TEST_TODAY=2028-02-29 go test ./...
//
// Without the variable the suite runs as of a fixed day, Friday 27/11/2026, so that a run
// never depends on the day it happens on.
package clocktest

import (
	"fmt"
	"os"
	"time"

	"congtac"
)

// EnvToday names the environment variable that sets the suite's today (YYYY-MM-DD).
const EnvToday = "CONGTAC_TEST_TODAY"

// Today returns the suite's today. A malformed CONGTAC_TEST_TODAY panics: a run that
// silently fell back to another day would test something else than was asked.
func Today() congtac.Date {
	v := os.Getenv(EnvToday)
	if v == "" {
		return congtac.MustDate(2026, 11, 27)
	}
	d, err := congtac.ParseDate(v)
	if err != nil {
		panic(fmt.Sprintf("%s=%q: want YYYY-MM-DD: %v", EnvToday, v, err))
	}
	return d
}

// Now returns 09:00 of [Today] in Vietnam: office hours, so that "today" is the same day
// in every time zone the code converts through. It is a congtac.Clock.
func Now() time.Time { return Today().In(congtac.Location(), 9, 0) }
