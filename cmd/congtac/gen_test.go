package main

import (
	"context"
	"strings"
	"testing"

	"congtac"
	"congtac/demo"
	"congtac/store/storetest"
	"congtac/synth"
)

func TestGen(t *testing.T) {
	for _, e := range storetest.Engines {
		t.Run(string(e), func(t *testing.T) {
			env := map[string]string{"CONGTAC_DB": storetest.DSN(t, e)}
			r := runCLI(t, env, "", "gen", "-scale", "small", "-seed", "7")
			if r.code != exitOK || !strings.Contains(r.stdout, "Đã sinh dữ liệu quy mô small") {
				t.Fatalf("gen = %d, %q, %q", r.code, r.stdout, r.stderr)
			}
			st := openStore(t, env["CONGTAC_DB"])
			_, total, err := st.FindPrograms(context.Background(), congtac.ProgramFilter{Limit: 1})
			if err != nil || total != synth.Small.Programs {
				t.Errorf("programs after gen = %d, %v; want %d", total, err, synth.Small.Programs)
			}
			r = runCLI(t, env, "", "gen", "-scale", "small")
			if r.code != exitFailure || !strings.Contains(r.stderr, "đã có dữ liệu") {
				t.Errorf("gen on a full database = %d, %q; want 1", r.code, r.stderr)
			}
		})
	}
}

func TestDemo(t *testing.T) {
	for _, e := range storetest.Engines {
		t.Run(string(e), func(t *testing.T) {
			env := map[string]string{"CONGTAC_DB": storetest.DSN(t, e)}
			r := runCLI(t, env, "", "demo")
			if r.code != exitOK || !strings.Contains(r.stdout, "Đã nạp dữ liệu mẫu") {
				t.Fatalf("demo on an empty database = %d, %q, %q", r.code, r.stdout, r.stderr)
			}
			st := openStore(t, env["CONGTAC_DB"])
			mustCommittee(t, st)
			for _, login := range demo.Logins {
				if _, err := st.FindUserByLogin(context.Background(), login); err != nil || !strings.Contains(r.stdout, login) {
					t.Errorf("demo account %s: %v (listed: %v)", login, err, strings.Contains(r.stdout, login))
				}
			}
			r = runCLI(t, env, "", "demo")
			if r.code != exitFailure || !strings.Contains(r.stderr, "đã có dữ liệu") {
				t.Errorf("demo on a database with data = %d, %q; want 1", r.code, r.stderr)
			}
		})
	}
}
