package main

import (
	"context"
	"strings"
	"testing"
	"time"

	"congtac"
	"congtac/clocktest"
	"congtac/demo"
	"congtac/mail/mailtest"
	"congtac/store"
)

// demoWithMail returns the environment of a demo database as of the suite's today whose
// mail goes to a test SMTP server, its store, the server, and the commune reporter who
// chose the mail.
func demoWithMail(t *testing.T) (map[string]string, *store.Store, *mailtest.Server, congtac.User) {
	t.Helper()
	ctx := context.Background()
	env := safeEnv(t)
	st := openStore(t, env["CONGTAC_DB"])
	st.SetClock(clocktest.Now)
	if _, err := demo.Seed(ctx, st, clocktest.Today()); err != nil {
		t.Fatal(err)
	}
	smtp := mailtest.Start(t, mailtest.NoTLS())
	if err := st.SaveGlobalSettings(ctx, congtac.System, congtac.GlobalSettings{SMTP: smtp.SMTP()}); err != nil {
		t.Fatal(err)
	}
	u, err := st.FindUserByLogin(ctx, "xabaocao")
	if err != nil {
		t.Fatal(err)
	}
	if err := st.SetEmailReminders(ctx, congtac.Actor{UserID: u.ID, Role: u.Role, OrgID: u.OrgID}, true); err != nil {
		t.Fatal(err)
	}
	return env, st, smtp, u
}

// TestRemindOnce: "congtac remind -once -dry-run" prints what it would record and mail
// and leaves nothing behind; "congtac remind -once" records it, mails the digest of the
// demo reporter who chose it, and a second run sends nothing again.
func TestRemindOnce(t *testing.T) {
	ctx := context.Background()
	env, st, smtp, u := demoWithMail(t)
	remind := func(args ...string) result {
		t.Helper()
		c, out, errb := newCLI(env, "")
		c.clock = clocktest.Now
		code := c.run(t.Context(), append([]string{"remind", "-once", "-base-url", "https://congtac.example/"}, args...))
		return result{code, out.String(), errb.String()}
	}

	dry := remind("-dry-run")
	if dry.code != exitOK || !strings.Contains(dry.stdout, "Sẽ ghi ") || !strings.Contains(dry.stdout, "Sẽ soạn thư nhắc việc cho xabaocao@congtac.example") {
		t.Fatalf("dry run = %d\n%s\n%s", dry.code, dry.stdout, dry.stderr)
	}
	if ns, _, _ := st.FindNotifications(ctx, u.ID, false, 10); len(ns) != 0 || len(smtp.Messages()) != 0 {
		t.Fatalf("a dry run left %d notifications and sent %d mails", len(ns), len(smtp.Messages()))
	}

	run := remind()
	if run.code != exitOK || !strings.Contains(run.stdout, "Đã ghi ") || !strings.Contains(run.stdout, "Đã gửi thư nhắc việc cho xabaocao@congtac.example") {
		t.Fatalf("remind -once = %d\n%s\n%s", run.code, run.stdout, run.stderr)
	}
	msgs := smtp.Messages()
	if len(msgs) != 1 || !strings.Contains(msgs[0].Text, "https://congtac.example/tasks/") {
		t.Fatalf("the server got %d mails, want the reporter's digest linking to the tasks: %+v", len(msgs), msgs)
	}
	if again := remind(); again.code != exitOK || !strings.Contains(again.stdout, "Đã ghi 0 thông báo") || len(smtp.Messages()) != 1 {
		t.Errorf("a second run = %d\n%s; the server has %d mails", again.code, again.stdout, len(smtp.Messages()))
	}
	if bad := remind("-dry-run", "-remind-every", "10s"); bad.code != exitUsage {
		t.Errorf("an interval under a minute = %d, want a usage error", bad.code)
	}
}

// TestServeRunsTheReminders: serve runs the reminders by itself, mailing the digest of the
// demo reporter who chose it with links to -base-url.
func TestServeRunsTheReminders(t *testing.T) {
	env, _, smtp, _ := demoWithMail(t)
	c, _, logs := newCLI(env, "")
	c.clock = clocktest.Now
	_, stop, _ := startServeCLI(t, c, logs, "-base-url", "https://congtac.example")
	defer stop()
	for deadline := time.Now().Add(30 * time.Second); len(smtp.Messages()) == 0; time.Sleep(50 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("serve sent no reminder mail in 30 s; log:\n%s", logs)
		}
	}
	if m := smtp.Messages()[0]; m.To[0] != "xabaocao@congtac.example" || !strings.Contains(m.Text, "https://congtac.example/") {
		t.Errorf("serve mailed %v:\n%s", m.To, m.Text)
	}
}
