package mailtest

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"mime/quotedprintable"
	"net/mail"
	"strings"
)

// Received is a message the server accepted.
type Received struct {
	From    string   // the envelope sender (MAIL FROM)
	To      []string // the envelope recipients (RCPT TO), in order
	Subject string   // the Subject header, RFC 2047 words decoded
	Text    string   // the text/plain part, transfer encoding undone, line breaks "\n"
	HTML    string   // the text/html part, likewise; "" without one
	Raw     []byte   // the message as it came, headers included, for the rest
}

// parse decodes raw: its subject, and its text and HTML from a multipart/alternative or
// a single text part. Parts are taken to be UTF-8, as the application sends them.
func parse(raw []byte) (Received, error) {
	msg, err := mail.ReadMessage(bytes.NewReader(raw))
	if err != nil {
		return Received{}, fmt.Errorf("message: %w", err)
	}
	subject, err := new(mime.WordDecoder).DecodeHeader(msg.Header.Get("Subject"))
	if err != nil {
		return Received{}, fmt.Errorf("subject: %w", err)
	}
	m := Received{Subject: subject, Raw: raw}
	err = readBody(&m, msg.Header.Get("Content-Type"), msg.Header.Get("Content-Transfer-Encoding"), msg.Body)
	return m, err
}

// readBody sets m's text and HTML from a body of the content type and transfer encoding,
// going into multipart bodies.
func readBody(m *Received, contentType, encoding string, body io.Reader) error {
	media, params, err := mime.ParseMediaType(contentType)
	if err != nil {
		return fmt.Errorf("content type %q: %w", contentType, err)
	}
	if strings.HasPrefix(media, "multipart/") {
		return readParts(m, multipart.NewReader(body, params["boundary"]))
	}
	text, err := decode(encoding, body)
	if err != nil {
		return fmt.Errorf("%s part: %w", media, err)
	}
	switch media {
	case "text/plain":
		m.Text = text
	case "text/html":
		m.HTML = text
	}
	return nil
}

// readParts reads every part of a multipart body into m.
func readParts(m *Received, r *multipart.Reader) error {
	for {
		// NextRawPart: the transfer encoding is undone by decode, whichever it is.
		p, err := r.NextRawPart()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fmt.Errorf("multipart: %w", err)
		}
		if err := readBody(m, p.Header.Get("Content-Type"), p.Header.Get("Content-Transfer-Encoding"), p); err != nil {
			return err
		}
	}
}

// decode undoes a Content-Transfer-Encoding (quoted-printable, base64, or none) and
// turns the CRLF line breaks of MIME text into "\n", as a mail reader does.
func decode(encoding string, r io.Reader) (string, error) {
	switch strings.ToLower(strings.TrimSpace(encoding)) {
	case "quoted-printable":
		r = quotedprintable.NewReader(r)
	case "base64":
		r = base64.NewDecoder(base64.StdEncoding, r) // line breaks are ignored
	}
	b, err := io.ReadAll(r)
	return strings.ReplaceAll(string(b), "\r\n", "\n"), err
}
