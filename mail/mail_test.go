package mail_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net"
	netmail "net/mail"
	"net/textproto"
	"strings"
	"testing"

	"congtac"
	"congtac/mail"
	"congtac/mail/mailtest"
)

// reminder is a message with what a round trip may break: diacritics in the subject, the
// name and the bodies, an HTML body, and a line longer than quoted-printable allows.
var reminder = mail.Message{
	To:      "an.nguyen@ubnd.test",
	ToName:  "Nguyễn Văn Ân",
	Subject: "Nhắc việc ngày 07/12/2026",
	Text: "Kính gửi Nguyễn Văn Ân,\n\nĐến hạn hôm nay: Rà soát đường giao thông nông thôn, " +
		"kênh mương nội đồng và các công trình thủy lợi trên địa bàn xã trước mùa mưa lũ năm 2026.\n",
	HTML: `<p>Kính gửi Nguyễn Văn Ân,</p><p>Đến hạn hôm nay: <a href="https://congtac.test/tasks/12">Rà soát đường giao thông</a></p>`,
}

// TestSendVietnamese: a Vietnamese message over STARTTLS and AUTH arrives exactly as sent:
// subject, text, HTML, envelope, and the To header with its display name.
func TestSendVietnamese(t *testing.T) {
	srv := mailtest.Start(t)
	s := mail.NewSender(srv.SMTP(), mail.WithTLSConfig(srv.TLSConfig()))
	if err := s.Send(t.Context(), reminder); err != nil {
		t.Fatalf("Send: %v", err)
	}
	got := only(t, srv)
	for _, c := range []struct{ name, got, want string }{
		{"subject", got.Subject, reminder.Subject},
		{"text", got.Text, reminder.Text},
		{"HTML", got.HTML, reminder.HTML},
		{"envelope from", got.From, mailtest.From},
		{"envelope to", strings.Join(got.To, ","), reminder.To},
		{"To header", toHeader(t, got.Raw), fmt.Sprintf("%s <%s>", reminder.ToName, reminder.To)},
	} {
		if c.got != c.want {
			t.Errorf("%s: got %q, want %q", c.name, c.got, c.want)
		}
	}
}

// TestSendImplicitTLS: with TLS from the first byte (port 465) the sender authenticates
// and delivers.
func TestSendImplicitTLS(t *testing.T) {
	srv := mailtest.Start(t, mailtest.ImplicitTLS())
	s := mail.NewSender(srv.SMTP(), mail.WithTLSConfig(srv.TLSConfig()))
	if err := s.Send(t.Context(), reminder); err != nil {
		t.Fatalf("Send: %v", err)
	}
	if got := only(t, srv); got.Subject != reminder.Subject {
		t.Errorf("subject: got %q, want %q", got.Subject, reminder.Subject)
	}
}

// TestSendPlain: to an intranet relay without TLS or AUTH, SMTPPlain delivers.
func TestSendPlain(t *testing.T) {
	srv := mailtest.Start(t, mailtest.NoTLS())
	cfg := srv.SMTP()
	if cfg.Security != congtac.SMTPPlain || cfg.Username != "" {
		t.Fatalf("NoTLS config: %+v", cfg)
	}
	if err := mail.NewSender(cfg).Send(t.Context(), reminder); err != nil {
		t.Fatalf("Send: %v", err)
	}
	if got := only(t, srv); got.Text != reminder.Text {
		t.Errorf("text: got %q, want %q", got.Text, reminder.Text)
	}
}

// TestSendNoFallback: STARTTLS is mandatory. A certificate the sender does not trust, or
// a server that does not offer STARTTLS, fails permanently before anything is sent.
func TestSendNoFallback(t *testing.T) {
	untrusted := mailtest.Start(t)
	noTLS := mailtest.Start(t, mailtest.NoTLS())
	noTLSCfg := noTLS.SMTP()
	noTLSCfg.Security = "" // reads as STARTTLS
	for _, tt := range []struct {
		name string
		srv  *mailtest.Server
		cfg  congtac.SMTP
	}{
		{"untrusted certificate", untrusted, untrusted.SMTP()},
		{"no STARTTLS offered", noTLS, noTLSCfg},
	} {
		t.Run(tt.name, func(t *testing.T) {
			err := mail.NewSender(tt.cfg).Send(t.Context(), reminder)
			if err == nil {
				t.Fatal("Send succeeded")
			}
			if mail.Temporary(err) {
				t.Errorf("Temporary(%v) = true, want false", err)
			}
			if n := len(tt.srv.Messages()); n != 0 {
				t.Errorf("server received %d messages", n)
			}
		})
	}
}

// TestSendWrongPassword: bad credentials fail permanently, and the error does not give
// the password away.
func TestSendWrongPassword(t *testing.T) {
	srv := mailtest.Start(t)
	cfg := srv.SMTP()
	right := cfg.Password
	cfg.Password = "sai-mat-khau-" + right
	err := mail.NewSender(cfg, mail.WithTLSConfig(srv.TLSConfig())).Send(t.Context(), reminder)
	if err == nil {
		t.Fatal("Send succeeded")
	}
	if mail.Temporary(err) {
		t.Errorf("Temporary(%v) = true, want false", err)
	}
	if msg := err.Error(); strings.Contains(msg, cfg.Password) || strings.Contains(msg, right) {
		t.Errorf("error gives the password away: %v", err)
	}
	if !strings.HasPrefix(err.Error(), "mail: ") {
		t.Errorf("error %q lacks the package prefix", err)
	}
}

// TestSendRetry: a 451 answer to DATA is temporary, and sending again succeeds.
func TestSendRetry(t *testing.T) {
	srv := mailtest.Start(t)
	s := mail.NewSender(srv.SMTP(), mail.WithTLSConfig(srv.TLSConfig()))
	srv.FailNext(1)
	err := s.Send(t.Context(), reminder)
	if err == nil {
		t.Fatal("first Send succeeded despite FailNext")
	}
	if !mail.Temporary(err) {
		t.Errorf("Temporary(%v) = false, want true", err)
	}
	if err := s.Send(t.Context(), reminder); err != nil {
		t.Fatalf("second Send: %v", err)
	}
	only(t, srv)
}

// TestSendCancelled: a cancelled context sends nothing and is not worth retrying.
func TestSendCancelled(t *testing.T) {
	srv := mailtest.Start(t)
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	err := mail.NewSender(srv.SMTP(), mail.WithTLSConfig(srv.TLSConfig())).Send(ctx, reminder)
	if !errors.Is(err, context.Canceled) || mail.Temporary(err) {
		t.Errorf("Send: %v (temporary %v), want a permanent context.Canceled", err, mail.Temporary(err))
	}
	if n := len(srv.Messages()); n != 0 {
		t.Errorf("server received %d messages", n)
	}
}

// TestSendRedactsPassword: even an error whose text happens to contain the password
// shows it masked, and stays temporary.
func TestSendRedactsPassword(t *testing.T) {
	addr := closedAddr(t)
	host, _, _ := net.SplitHostPort(addr.String())
	cfg := congtac.SMTP{Host: host, Port: addr.Port, Username: "u", Password: host, From: mailtest.From}
	err := mail.NewSender(cfg).Send(t.Context(), reminder)
	if err == nil {
		t.Fatal("Send to a closed port succeeded")
	}
	if strings.Contains(err.Error(), cfg.Password) {
		t.Errorf("error gives the password away: %v", err)
	}
	if !mail.Temporary(err) {
		t.Errorf("Temporary(%v) = false, want true (connection refused)", err)
	}
}

// TestSendInvalid: a message or configuration a person must fix fails permanently.
func TestSendInvalid(t *testing.T) {
	srv := mailtest.Start(t)
	for _, tt := range []struct {
		name string
		cfg  func(*congtac.SMTP)
		msg  mail.Message
	}{
		{"mail off", func(c *congtac.SMTP) { c.Host = "" }, reminder},
		{"bad sender", func(c *congtac.SMTP) { c.From = "nhacviec" }, reminder},
		{"bad recipient", func(*congtac.SMTP) {}, mail.Message{To: "an@", Subject: "x", Text: "x"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			cfg := srv.SMTP()
			tt.cfg(&cfg)
			err := mail.NewSender(cfg, mail.WithTLSConfig(srv.TLSConfig())).Send(t.Context(), tt.msg)
			if err == nil || mail.Temporary(err) {
				t.Errorf("Send: %v (temporary %v), want a permanent error", err, mail.Temporary(err))
			}
		})
	}
	if n := len(srv.Messages()); n != 0 {
		t.Errorf("server received %d messages", n)
	}
}

// TestTemporary: network failures and 4xx replies are worth retrying; 5xx replies,
// certificate failures, cancellation and other errors are not.
func TestTemporary(t *testing.T) {
	refused := &net.OpError{Op: "dial", Net: "tcp", Err: errors.New("connection refused")}
	for _, tt := range []struct {
		err  error
		want bool
	}{
		{nil, false},
		{fmt.Errorf("mail: %w", &textproto.Error{Code: 451, Msg: "try later"}), true},
		{fmt.Errorf("mail: %w", &textproto.Error{Code: 421, Msg: "closing"}), true},
		{fmt.Errorf("mail: %w", &textproto.Error{Code: 535, Msg: "bad credentials"}), false},
		{fmt.Errorf("mail: %w", &textproto.Error{Code: 550, Msg: "no such user"}), false},
		{fmt.Errorf("mail: %w", refused), true},
		{fmt.Errorf("mail: %w", context.DeadlineExceeded), true},
		{fmt.Errorf("mail: %w", context.Canceled), false},
		{errors.New("mail: server does not support STARTTLS"), false},
	} {
		if got := mail.Temporary(tt.err); got != tt.want {
			t.Errorf("Temporary(%v) = %v, want %v", tt.err, got, tt.want)
		}
	}
}

// only returns the one message srv received, failing t otherwise.
func only(t *testing.T, srv *mailtest.Server) mailtest.Received {
	t.Helper()
	ms := srv.Messages()
	if len(ms) != 1 {
		t.Fatalf("server received %d messages, want 1", len(ms))
	}
	return ms[0]
}

// toHeader returns the decoded To header of raw as "Name <address>".
func toHeader(t *testing.T, raw []byte) string {
	t.Helper()
	msg, err := netmail.ReadMessage(bytes.NewReader(raw))
	if err != nil {
		t.Fatalf("read message: %v", err)
	}
	to, err := msg.Header.AddressList("To")
	if err != nil || len(to) != 1 {
		t.Fatalf("To header %q: %v", msg.Header.Get("To"), err)
	}
	return fmt.Sprintf("%s <%s>", to[0].Name, to[0].Address)
}

// closedAddr returns a local address nothing listens on.
func closedAddr(t *testing.T) *net.TCPAddr {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().(*net.TCPAddr)
	l.Close()
	return addr
}

// TestSendAllOneSession: several messages go through one session, each with its own
// outcome: a malformed address and a temporary refusal fail alone, the others arrive.
func TestSendAllOneSession(t *testing.T) {
	srv := mailtest.Start(t)
	s := mail.NewSender(srv.SMTP(), mail.WithTLSConfig(srv.TLSConfig()))
	ms := []mail.Message{reminder, reminder, reminder, reminder}
	ms[0].To, ms[1].To, ms[2].To, ms[3].To = "mot@ubnd.test", "khong-hop-le", "ba@ubnd.test", "bon@ubnd.test"
	srv.FailNext(1)
	errs := s.SendAll(t.Context(), ms)
	if errs[0] == nil || !mail.Temporary(errs[0]) || errs[1] == nil || mail.Temporary(errs[1]) || errs[2] != nil || errs[3] != nil {
		t.Fatalf("SendAll = %v; want a temporary refusal, a malformed address, two sent", errs)
	}
	var to []string
	for _, m := range srv.Messages() {
		to = append(to, m.To...)
	}
	if strings.Join(to, ",") != "ba@ubnd.test,bon@ubnd.test" {
		t.Errorf("the server got mail to %v, want ba and bon", to)
	}
}
