// Package mail sends the application's mail, such as the daily reminders of issue 14: one
// message to one person at a time, through the SMTP server of the installation's
// [congtac.SMTP] settings. It keeps no connection and no state between messages.
package mail

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"net"
	"strconv"
	"time"

	gomail "github.com/wneessen/go-mail"

	"congtac"
)

// timeout bounds one [Sender.Send] as a whole: connecting, TLS, authentication and transfer.
const timeout = 30 * time.Second

// Message is one mail to one person: Vietnamese plain text plus HTML.
type Message struct {
	To      string // the bare address: "an.nguyen@ubnd.gov.vn"
	ToName  string // the display name, any Unicode: "Nguyễn Văn An"; may be empty
	Subject string
	Text    string // the text/plain alternative
	HTML    string // the text/html alternative; empty sends the text alone
}

// Sender sends messages through one SMTP server. It is safe for concurrent use: every
// [Sender.Send] opens its own connection.
type Sender struct {
	cfg congtac.SMTP
	tls *tls.Config // nil: the system's roots
}

// Option changes how a [Sender] reaches its server.
type Option func(*Sender)

// WithTLSConfig makes the sender verify the server with c instead of the system's roots,
// e.g. a test trusting its own certificate; nil keeps the system's roots. The sender
// clones c and fills in ServerName (the configured Host) and a TLS 1.2 minimum when c
// leaves them empty. It applies to STARTTLS and to implicit TLS alike.
func WithTLSConfig(c *tls.Config) Option {
	return func(s *Sender) { s.tls = c }
}

// NewSender returns a sender through the server of cfg. Nothing is checked or dialled
// until [Sender.Send].
func NewSender(cfg congtac.SMTP, opts ...Option) *Sender {
	s := &Sender{cfg: cfg}
	for _, opt := range opts {
		opt(s)
	}
	return s
}

// Send delivers m in one SMTP session, within 30 seconds and no longer than ctx allows:
// cancelling ctx closes the connection at once. The connection is protected as
// cfg.Security says ([congtac.SMTPStartTLS] when empty): STARTTLS is then mandatory and a
// server that does not offer it, or whose certificate does not verify, gets nothing; it
// never falls back to clear text. SMTP AUTH is used only when cfg.Username is set, with the
// strongest mechanism the server offers and never PLAIN or LOGIN without TLS. A zero Port
// means the usual one: 587, 465 for [congtac.SMTPTLS], 25 for [congtac.SMTPPlain].
//
// Errors start with "mail: ", never contain cfg.Password, and tell with [Temporary]
// whether trying again later may succeed. An empty Host (mail is off) is an error.
func (s *Sender) Send(ctx context.Context, m Message) error {
	return s.SendAll(ctx, []Message{m})[0]
}

// SendAll delivers ms in one SMTP session, as [Sender.Send] does one message, and returns
// the error of each (nil for those sent), in the order of ms: a daily run's mails go through
// one connection instead of one each. A message that cannot be written (a malformed
// address) fails alone; a connection or authentication that fails fails them all.
func (s *Sender) SendAll(ctx context.Context, ms []Message) []error {
	errs := s.sendAll(ctx, ms)
	for i, err := range errs {
		if err != nil {
			errs[i] = redact(fmt.Errorf("mail: send to %s via %s: %w", ms[i].To, s.addr(), err), s.cfg.Password)
		}
	}
	return errs
}

// sendAll is [Sender.SendAll] without the errors' context.
func (s *Sender) sendAll(ctx context.Context, ms []Message) []error {
	errs := make([]error, len(ms))
	if s.cfg.Host == "" {
		return fill(errs, errors.New("no mail server configured"))
	}
	var msgs []*gomail.Msg
	var at []int // the index in ms of each of msgs
	for i, m := range ms {
		msg, err := newMsg(s.cfg.From, m)
		if err != nil {
			errs[i] = err
			continue
		}
		msgs, at = append(msgs, msg), append(at, i)
	}
	if len(msgs) == 0 {
		return errs
	}
	ctx, cancel := context.WithTimeout(ctx, timeout+time.Duration(len(msgs))*time.Second)
	defer cancel()
	d := &dialer{ctx: ctx}
	if s.cfg.Security.Or() == congtac.SMTPTLS {
		d.tls = s.tlsConfig()
	}
	defer d.stop()
	client, err := gomail.NewClient(s.cfg.Host, s.clientOptions(d)...)
	if err == nil {
		err = client.DialAndSendWithContext(ctx, msgs...)
	}
	if err != nil && ctx.Err() != nil {
		err = fmt.Errorf("%w: %w", context.Cause(ctx), err)
	}
	for j, msg := range msgs {
		switch {
		case msg.HasSendError():
			errs[at[j]] = msg.SendError()
		case err != nil && !anySent(msgs):
			errs[at[j]] = err // the session failed before any message
		}
	}
	return errs
}

// anySent reports whether go-mail got as far as the messages: once it did, each failed
// message carries its own error.
func anySent(msgs []*gomail.Msg) bool {
	for _, m := range msgs {
		if m.HasSendError() {
			return true
		}
	}
	return false
}

// fill sets every element of errs to err and returns errs.
func fill(errs []error, err error) []error {
	for i := range errs {
		errs[i] = err
	}
	return errs
}

// clientOptions returns the go-mail options for the server's port, protection and
// credentials, dialling with d.
func (s *Sender) clientOptions(d *dialer) []gomail.Option {
	opts := []gomail.Option{
		gomail.WithPort(s.port()),
		gomail.WithTimeout(timeout),
		gomail.WithDialContextFunc(d.dial),
		gomail.WithTLSConfig(s.tlsConfig()),
	}
	switch s.cfg.Security.Or() {
	case congtac.SMTPTLS:
		// The dialer speaks TLS from the first byte; go-mail must not try STARTTLS on top.
		opts = append(opts, gomail.WithSSL())
	case congtac.SMTPPlain:
		opts = append(opts, gomail.WithTLSPolicy(gomail.NoTLS))
	default:
		opts = append(opts, gomail.WithTLSPolicy(gomail.TLSMandatory))
	}
	if s.cfg.Username != "" {
		opts = append(opts, gomail.WithUsername(s.cfg.Username), gomail.WithPassword(s.cfg.Password),
			s.authOption())
	}
	return opts
}

// authOption chooses how to authenticate. go-mail only knows a connection is encrypted
// when it made the TLS itself, so with implicit TLS (dialled here) it is told which
// mechanisms to prefer; go-mail's PLAIN and LOGIN still refuse a connection without TLS.
// Otherwise it discovers the strongest mechanism fit for the connection.
func (s *Sender) authOption() gomail.Option {
	if s.cfg.Security.Or() == congtac.SMTPTLS {
		return gomail.WithOpportunisticSMTPAuth(gomail.SMTPAuthSCRAMSHA256, gomail.SMTPAuthSCRAMSHA1,
			gomail.SMTPAuthPlain, gomail.SMTPAuthLogin)
	}
	return gomail.WithSMTPAuth(gomail.SMTPAuthAutoDiscover)
}

// tlsConfig returns the TLS configuration verifying the server: a clone of the one given
// to [WithTLSConfig], or the system's roots, for the name cfg.Host.
func (s *Sender) tlsConfig() *tls.Config {
	c := &tls.Config{}
	if s.tls != nil {
		c = s.tls.Clone()
	}
	if c.ServerName == "" {
		c.ServerName = s.cfg.Host
	}
	if c.MinVersion == 0 {
		c.MinVersion = tls.VersionTLS12
	}
	return c
}

// port returns the configured port, or the usual one for the protection.
func (s *Sender) port() int {
	if s.cfg.Port != 0 {
		return s.cfg.Port
	}
	switch s.cfg.Security.Or() {
	case congtac.SMTPTLS:
		return 465
	case congtac.SMTPPlain:
		return 25
	}
	return 587
}

// addr returns the server's address as errors name it.
func (s *Sender) addr() string {
	return net.JoinHostPort(s.cfg.Host, strconv.Itoa(s.port()))
}

// dialer connects to the server for one Send and closes the connection as soon as ctx
// is done, so that a cancelled Send does not wait for a command's timeout.
type dialer struct {
	ctx   context.Context
	tls   *tls.Config // non-nil: TLS from the first byte
	stops []func() bool
}

// dial is a [gomail.DialContextFunc].
func (d *dialer) dial(ctx context.Context, network, addr string) (net.Conn, error) {
	nd := &net.Dialer{}
	var conn net.Conn
	var err error
	if d.tls != nil {
		conn, err = (&tls.Dialer{NetDialer: nd, Config: d.tls}).DialContext(ctx, network, addr)
	} else {
		conn, err = nd.DialContext(ctx, network, addr)
	}
	if err != nil {
		return nil, err
	}
	d.stops = append(d.stops, context.AfterFunc(d.ctx, func() { conn.Close() }))
	return conn, nil
}

// stop releases the watch on the connections.
func (d *dialer) stop() {
	for _, stop := range d.stops {
		stop()
	}
}
