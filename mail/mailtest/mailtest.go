// Package mailtest runs a real SMTP server inside a test, for the code that sends mail:
// it speaks SMTP over TCP on 127.0.0.1 (github.com/emersion/go-smtp), protects the
// session with its own certificate, demands authentication, and keeps what it accepted,
// decoded, for the test to read.
package mailtest

import (
	"crypto/rand"
	"crypto/tls"
	"errors"
	"io"
	"net"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/emersion/go-sasl"
	"github.com/emersion/go-smtp"

	"congtac"
)

// From is the sender address of the configuration [Server.SMTP] returns.
const From = "nhacviec@congtac.test"

// Server is an SMTP server running for one test. Its methods are safe for concurrent use.
type Server struct {
	host, port string
	user, pass string
	security   congtac.SMTPSecurity
	client     *tls.Config // trusts the server's certificate

	mu       sync.Mutex
	messages []Received
	failNext int
}

// Option changes how [Start] runs the server.
type Option func(*Server)

// NoTLS makes the server an intranet relay: no TLS at all (STARTTLS is not offered) and
// no authentication, its configuration being [congtac.SMTPPlain] without a username.
func NoTLS() Option {
	return func(s *Server) { s.security = congtac.SMTPPlain }
}

// ImplicitTLS makes the server speak TLS from the first byte, as on port 465, its
// configuration being [congtac.SMTPTLS]; it still demands authentication.
func ImplicitTLS() Option {
	return func(s *Server) { s.security = congtac.SMTPTLS }
}

// Start starts a server on 127.0.0.1 at a free port; t's cleanup closes it. By default it
// offers STARTTLS with a self-signed ECDSA certificate for 127.0.0.1 and localhost made
// at start, offers AUTH PLAIN only once the session is encrypted, accepts only the
// username and password it made up ([Server.SMTP]), and answers MAIL with 530 until the
// session is both encrypted and authenticated. Start fails t if the server cannot start.
func Start(t testing.TB, opts ...Option) *Server {
	t.Helper()
	s := &Server{user: "nhacviec", pass: rand.Text(), security: congtac.SMTPStartTLS}
	for _, opt := range opts {
		opt(s)
	}
	serverTLS, clientTLS, err := newCertificate(time.Now())
	if err != nil {
		t.Fatalf("mailtest: %v", err)
	}
	s.client = clientTLS
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatalf("mailtest: listen: %v", err)
	}
	s.host, s.port, _ = net.SplitHostPort(l.Addr().String())
	srv := s.newSMTPServer(serverTLS)
	if s.security == congtac.SMTPTLS {
		l = tls.NewListener(l, serverTLS)
	}
	s.serve(t, srv, l)
	return s
}

// newSMTPServer returns the go-smtp server with s as its backend.
func (s *Server) newSMTPServer(serverTLS *tls.Config) *smtp.Server {
	srv := smtp.NewServer(smtp.BackendFunc(func(c *smtp.Conn) (smtp.Session, error) {
		return &session{server: s, conn: c}, nil
	}))
	srv.Domain = "localhost"
	srv.ReadTimeout = 10 * time.Second
	srv.WriteTimeout = 10 * time.Second
	srv.MaxMessageBytes = 10 << 20
	if s.security == congtac.SMTPStartTLS {
		srv.TLSConfig = serverTLS
	}
	return srv
}

// serve runs srv on l until t's cleanup, which waits for it to stop.
func (s *Server) serve(t testing.TB, srv *smtp.Server, l net.Listener) {
	done := make(chan error, 1)
	go func() { done <- srv.Serve(l) }()
	t.Cleanup(func() {
		srv.Close()
		l.Close() // in case Serve had not registered it yet: Close would have missed it
		if err := <-done; err != nil && !errors.Is(err, smtp.ErrServerClosed) {
			t.Errorf("mailtest: serve: %v", err)
		}
	})
}

// SMTP returns a configuration that reaches the server: its address, the credentials it
// accepts and [SMTPStartTLS] security, From being [From]. With [NoTLS] the security is
// [congtac.SMTPPlain] and there are no credentials; with [ImplicitTLS], [congtac.SMTPTLS].
// A sender must also trust [Server.TLSConfig].
func (s *Server) SMTP() congtac.SMTP {
	port, _ := strconv.Atoi(s.port)
	cfg := congtac.SMTP{Host: s.host, Port: port, From: From, Security: s.security}
	if s.requiresAuth() {
		cfg.Username, cfg.Password = s.user, s.pass
	}
	return cfg
}

// TLSConfig returns a new client configuration that trusts the server's certificate and
// nothing else.
func (s *Server) TLSConfig() *tls.Config { return s.client.Clone() }

// Messages returns the messages the server accepted so far, in the order it accepted them.
func (s *Server) Messages() []Received {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Received(nil), s.messages...)
}

// FailNext makes the server answer the next n messages' DATA with 451 (a temporary
// failure, after reading the content) and keep none of them.
func (s *Server) FailNext(n int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.failNext = n
}

// requiresAuth reports whether the server demands TLS and authentication before MAIL.
func (s *Server) requiresAuth() bool { return s.security != congtac.SMTPPlain }

// accept keeps m, or fails it with 451 while [Server.FailNext] says so.
func (s *Server) accept(m Received) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.failNext > 0 {
		s.failNext--
		return &smtp.SMTPError{Code: 451, EnhancedCode: smtp.EnhancedCode{4, 3, 0},
			Message: "Temporary failure, try again later"}
	}
	s.messages = append(s.messages, m)
	return nil
}

// errNotReady answers MAIL before the session is encrypted and authenticated.
var errNotReady = &smtp.SMTPError{Code: 530, EnhancedCode: smtp.EnhancedCode{5, 7, 0},
	Message: "Must issue STARTTLS and AUTH first"}

// session is one SMTP session, from EHLO to QUIT.
type session struct {
	server *Server
	conn   *smtp.Conn
	authed bool
	from   string
	to     []string
}

// AuthMechanisms offers PLAIN on a server that demands authentication; go-smtp offers it
// only once the session is encrypted.
func (ss *session) AuthMechanisms() []string {
	if !ss.server.requiresAuth() {
		return nil
	}
	return []string{sasl.Plain}
}

// Auth checks the credentials the server made up; wrong ones get 535.
func (ss *session) Auth(mech string) (sasl.Server, error) {
	return sasl.NewPlainServer(func(identity, username, password string) error {
		if username != ss.server.user || password != ss.server.pass {
			return smtp.ErrAuthFailed
		}
		ss.authed = true
		return nil
	}), nil
}

func (ss *session) Mail(from string, _ *smtp.MailOptions) error {
	if ss.server.requiresAuth() {
		if _, encrypted := ss.conn.TLSConnectionState(); !encrypted || !ss.authed {
			return errNotReady
		}
	}
	ss.from = from
	return nil
}

func (ss *session) Rcpt(to string, _ *smtp.RcptOptions) error {
	ss.to = append(ss.to, to)
	return nil
}

// Data reads the message and keeps it decoded; one that cannot be decoded gets 554 with
// the reason, so that the sender's test sees it.
func (ss *session) Data(r io.Reader) error {
	raw, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	m, err := parse(raw)
	if err != nil {
		return &smtp.SMTPError{Code: 554, EnhancedCode: smtp.EnhancedCode{5, 6, 0}, Message: err.Error()}
	}
	m.From, m.To = ss.from, ss.to
	return ss.server.accept(m)
}

func (ss *session) Reset() { ss.from, ss.to = "", nil }

func (ss *session) Logout() error { return nil }
