package mail

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"io"
	"net"
	"net/textproto"
	"strings"

	gomail "github.com/wneessen/go-mail"
)

// Temporary reports whether sending again later may succeed after err from
// [Sender.Send]: true for a failed or lost connection, a timeout and the server's 4xx
// replies (busy, greylisting, mailbox full for now); false for nil, a cancelled ctx, the
// server's 5xx refusals (unknown recipient, bad credentials, TLS required), a certificate
// that does not verify, a server without STARTTLS or an authentication mechanism, and a
// malformed message or configuration, which only a person can fix.
func Temporary(err error) bool {
	var redacted *redactedError
	switch {
	case err == nil, errors.Is(err, context.Canceled):
		return false
	case errors.As(err, &redacted):
		return redacted.temporary
	case errors.Is(err, context.DeadlineExceeded):
		return true
	}
	if code, ok := replyCode(err); ok {
		return code/100 == 4
	}
	return transient(err)
}

// replyCode returns the SMTP reply code err carries, if any.
func replyCode(err error) (int, bool) {
	var te *textproto.Error
	if errors.As(err, &te) {
		return te.Code, true
	}
	// go-mail's SendError keeps its cause out of the chain but tells its code; a zero
	// code means the transaction failed without a reply: the connection broke.
	var se *gomail.SendError
	if errors.As(err, &se) {
		if code := se.ErrorCode(); code != 0 {
			return code, true
		}
		return 421, true
	}
	return 0, false
}

// transient reports whether err, carrying no SMTP reply, is a network failure or a
// timeout rather than a refusal to connect securely or a misconfiguration.
func transient(err error) bool {
	var certErr *tls.CertificateVerificationError
	var hostErr x509.HostnameError
	var authErr x509.UnknownAuthorityError
	var invalidErr x509.CertificateInvalidError
	var netErr net.Error
	switch {
	case errors.As(err, &certErr), errors.As(err, &hostErr), errors.As(err, &authErr), errors.As(err, &invalidErr):
		return false
	case errors.As(err, &netErr):
		return true
	}
	return errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF)
}

// redactedError is an error whose message contained the SMTP password: it keeps the
// message with the password masked and whether it was temporary, and drops the chain
// that would still hold the password.
type redactedError struct {
	msg       string
	temporary bool
}

func (e *redactedError) Error() string { return e.msg }

// redact returns err, or a [redactedError] when its message contains the non-empty
// password: a server may echo what it was sent.
func redact(err error, password string) error {
	if password == "" || !strings.Contains(err.Error(), password) {
		return err
	}
	return &redactedError{msg: strings.ReplaceAll(err.Error(), password, "***"), temporary: Temporary(err)}
}
