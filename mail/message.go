package mail

import (
	"fmt"
	netmail "net/mail"
	"time"

	gomail "github.com/wneessen/go-mail"

	"congtac"
)

// newMsg returns m as a message from from ("Nhắc việc <nhacviec@ubnd.gov.vn>" or a bare
// address), dated now in Vietnam's time: UTF-8, quoted-printable, the subject and names encoded as RFC 2047 words, the
// text and the HTML as a multipart/alternative. Texts are NFC-normalised so that the same
// words always travel as the same bytes.
func newMsg(from string, m Message) (*gomail.Msg, error) {
	sender, err := netmail.ParseAddress(from)
	if err != nil {
		return nil, fmt.Errorf("sender address %q: %w", from, err)
	}
	to, err := netmail.ParseAddress(m.To)
	if err != nil {
		return nil, fmt.Errorf("recipient address: %w", err)
	}
	msg := gomail.NewMsg(gomail.WithCharset(gomail.CharsetUTF8), gomail.WithEncoding(gomail.EncodingQP))
	msg.FromMailAddress(sender)
	msg.ToMailAddress(&netmail.Address{Name: congtac.NFC(m.ToName), Address: to.Address})
	msg.Subject(congtac.NFC(m.Subject))
	msg.SetDateWithValue(time.Now().In(congtac.Location())) // readers here see their own hour
	msg.SetBodyString(gomail.TypeTextPlain, congtac.NFC(m.Text))
	if m.HTML != "" {
		msg.AddAlternativeString(gomail.TypeTextHTML, congtac.NFC(m.HTML))
	}
	return msg, nil
}
