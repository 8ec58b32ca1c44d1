package main

import (
	"bytes"
	"testing"
	"time"

	"congtac"
	"congtac/clocktest"
	"congtac/loadtest"
	"congtac/store/storetest"
)

// TestCrashLosesNoAcknowledgedWrite kills a server with SIGKILL three times on each
// engine while writers write reports (through the API and the report form), tasks, drafts
// and issued programs: after every restart each acknowledged write reads back as written,
// the database passes its integrity check, and the register is numbered without gaps.
// "congtac crashtest" runs the same check for as many rounds as asked.
func TestCrashLosesNoAcknowledgedWrite(t *testing.T) {
	for _, e := range storetest.Engines {
		t.Run(string(e), func(t *testing.T) {
			today := clocktest.Today()
			var progress, serverLog bytes.Buffer
			res, err := loadtest.CrashCheck(t.Context(), loadtest.CrashConfig{DB: storetest.DSN(t, e), Rounds: 3,
				Launch: serveProcess, Seed: 11, MinUp: 300 * time.Millisecond, MaxUp: time.Second,
				End:      congtac.Period{Kind: congtac.PeriodMonth, Year: today.Year, Number: int(today.Month)},
				Progress: &progress, ServerLog: &serverLog})
			var report bytes.Buffer
			loadtest.WriteCrashReport(&report, res)
			t.Log("\n" + progress.String() + report.String())
			if err != nil {
				t.Fatalf("%v\nserver output:\n%s", err, serverLog.String())
			}
			if !res.OK() {
				t.Errorf("lost %q, problems %q", res.Lost, res.Problems)
			}
			if res.Rounds != 3 || res.Acked["report"] == 0 || res.Acked["report-page"] == 0 || res.Acked["task"] == 0 ||
				res.Acked["issue"] == 0 || res.Numbers < res.Acked["issue"] {
				t.Errorf("rounds %d, acknowledged %v, %d numbers: want every kind written in 3 rounds", res.Rounds, res.Acked, res.Numbers)
			}
			if res.Engine != e {
				t.Errorf("engine %s, want %s", res.Engine, e)
			}
		})
	}
}
