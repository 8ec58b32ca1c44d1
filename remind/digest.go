package remind

import (
	"fmt"
	"html/template"
	"strings"

	"congtac"
	"congtac/vn"
)

// digestGroups are the kinds of notification a digest gathers, in the order it shows
// them, with their headings; any other kind goes last, under [otherHeading].
var digestGroups = []struct{ kind, heading string }{
	{"task_overdue", "Nhiệm vụ quá hạn"},
	{"task_due", "Đến hạn hôm nay"},
	{"task_soon", "Sắp đến hạn"},
	{"materials_due", "Tài liệu hội nghị cần gửi"},
	{"materials_overdue", "Tài liệu hội nghị quá hạn"},
	{"report_returned", "Báo cáo bị trả lại"},
	{"explanation_asked", "Yêu cầu giải trình"},
	{"explanation_overdue", "Giải trình quá hạn"},
	{"program_submitted", "Chương trình chờ duyệt"},
	{"engagement_changed", "Lịch công tác thay đổi"},
}

// otherHeading heads the notifications of kinds a digest does not know.
const otherHeading = "Thông báo khác"

// KindLabel returns the heading of notifications of kind, as a digest shows them:
// "Đến hạn hôm nay" for "task_due", "Thông báo khác" for a kind it does not know.
func KindLabel(kind string) string {
	if i := kindIndex(kind); i < len(digestGroups) {
		return digestGroups[i].heading
	}
	return otherHeading
}

// kindIndex returns the index of kind's group in [digestGroups], len(digestGroups) for
// a kind it does not know.
func kindIndex(kind string) int {
	for i, g := range digestGroups {
		if g.kind == kind {
			return i
		}
	}
	return len(digestGroups)
}

// The footer's fixed words, shared by the text and the HTML.
const (
	systemName   = "Quản lý chương trình công tác"
	optOutChoice = "Nhận thư nhắc việc hằng ngày" // the account page's checkbox
)

// Digest is the daily mail of one person's reminders: its subject, plain text and HTML.
// name is the person's display name; ns are the notifications not yet mailed to them;
// base is the server's public URL ("https://congtac.ubnd.gov.vn", a trailing slash is
// dropped), each notification's Link a path under it ("/tasks/12"); on is the day the
// digest is for.
//
// The subject counts the notifications ("Nhắc việc ngày 07/12/2026: 30 việc cần chú ý").
// The body greets the person ("Kính gửi …,"), then lists the notifications by kind in a
// fixed order (overdue tasks first, unknown kinds last under "Thông báo khác"), each group
// headed with its count and empty groups left out, each notification its title and its
// absolute link, in the order of ns. The footer says the mail is sent automatically, links
// to all notifications (base+"/notifications") and says how to stop the mails (untick the
// choice on base+"/account"). All text is NFC. The HTML escapes every title and uses inline
// styles only: no external resources. A caller sends no digest for an empty ns.
func Digest(name string, ns []congtac.Notification, base string, on congtac.Date) (subject, text, html string) {
	d := newDigest(name, ns, strings.TrimRight(base, "/"), on)
	return d.Subject, d.text(), d.html()
}

// digest is what a digest says, for its text and its HTML.
type digest struct {
	Subject, Name, Lead string
	Groups              []digestGroup
	AllURL, AccountURL  string
	System, OptOut      string
}

// digestGroup is one heading of a digest and its notifications.
type digestGroup struct {
	Heading string // with the count: "Nhiệm vụ quá hạn (3)"
	Items   []digestItem
}

// digestItem is one notification: its title and absolute link ("" without a link).
type digestItem struct{ Title, URL string }

// newDigest gathers ns into the digest of name for day on, links under base.
func newDigest(name string, ns []congtac.Notification, base string, on congtac.Date) digest {
	count := fmt.Sprintf("%d việc cần chú ý", len(ns))
	day := vn.PaddedDate(on)
	return digest{
		Subject:    fmt.Sprintf("Nhắc việc ngày %s: %s", day, count),
		Name:       oneLine(name),
		Lead:       fmt.Sprintf("Ngày %s có %s:", day, count),
		Groups:     groupNotifications(ns, base),
		AllURL:     base + "/notifications",
		AccountURL: base + "/account#tk-nhac-viec",
		System:     systemName,
		OptOut:     optOutChoice,
	}
}

// groupNotifications sorts ns into the digest's groups, keeping their order within a
// group and leaving out empty groups.
func groupNotifications(ns []congtac.Notification, base string) []digestGroup {
	items := make([][]digestItem, len(digestGroups)+1) // the last for unknown kinds
	for _, n := range ns {
		it := digestItem{Title: oneLine(n.Title)}
		if n.Link != "" {
			it.URL = base + n.Link
		}
		i := kindIndex(n.Kind)
		items[i] = append(items[i], it)
	}
	var out []digestGroup
	for i, its := range items {
		if len(its) == 0 {
			continue
		}
		heading := otherHeading
		if i < len(digestGroups) {
			heading = digestGroups[i].heading
		}
		out = append(out, digestGroup{Heading: fmt.Sprintf("%s (%d)", heading, len(its)), Items: its})
	}
	return out
}

// oneLine returns s in NFC with its runs of white space, line breaks included, made one
// space: a title is one line of a list.
func oneLine(s string) string { return strings.Join(strings.Fields(congtac.NFC(s)), " ") }

// text returns the plain-text body: the groups as lists, each link on the line under its
// title, and the footer after the signature separator "-- ".
func (d digest) text() string {
	var b strings.Builder
	fmt.Fprintf(&b, "Kính gửi %s,\n\n%s\n", d.Name, d.Lead)
	for _, g := range d.Groups {
		fmt.Fprintf(&b, "\n%s\n", g.Heading)
		for _, it := range g.Items {
			fmt.Fprintf(&b, "- %s\n", it.Title)
			if it.URL != "" {
				fmt.Fprintf(&b, "  %s\n", it.URL)
			}
		}
	}
	fmt.Fprintf(&b, "\n-- \nThư này do hệ thống %s gửi tự động; xin đừng trả lời thư này.\n", d.System)
	fmt.Fprintf(&b, "Xem tất cả thông báo: %s\n", d.AllURL)
	fmt.Fprintf(&b, "Để không nhận thư nhắc việc nữa: vào %s và bỏ chọn “%s”.\n", d.AccountURL, d.OptOut)
	return b.String()
}

// html returns the HTML body. The template and the digest's types are fixed, so
// executing cannot fail but for a bug, which panics.
func (d digest) html() string {
	var b strings.Builder
	if err := digestHTML.Execute(&b, d); err != nil {
		panic(fmt.Sprintf("remind: digest HTML: %v", err))
	}
	return b.String()
}

// digestHTML is the HTML body: one column, inline styles, nothing loaded from elsewhere.
var digestHTML = template.Must(template.New("digest").Parse(`<!DOCTYPE html>
<html lang="vi">
<head><meta charset="utf-8"><title>{{.Subject}}</title></head>
<body style="margin:0;padding:16px;font-family:Arial,Helvetica,sans-serif;font-size:14px;line-height:1.5;color:#222">
<p>Kính gửi {{.Name}},</p>
<p>{{.Lead}}</p>
{{- range .Groups}}
<h2 style="margin:20px 0 6px;font-size:16px;color:#1a3d6d">{{.Heading}}</h2>
<ul style="margin:0;padding-left:20px">
{{- range .Items}}
<li style="margin:4px 0">{{if .URL}}<a href="{{.URL}}" style="color:#0b57d0">{{.Title}}</a>{{else}}{{.Title}}{{end}}</li>
{{- end}}
</ul>
{{- end}}
<hr style="margin:24px 0 12px;border:none;border-top:1px solid #ccc">
<p style="font-size:12px;color:#666">Thư này do hệ thống {{.System}} gửi tự động; xin đừng trả lời thư này.<br>
<a href="{{.AllURL}}" style="color:#0b57d0">Xem tất cả thông báo</a>.<br>
Để không nhận thư nhắc việc nữa: vào <a href="{{.AccountURL}}" style="color:#0b57d0">trang tài khoản</a> và bỏ chọn “{{.OptOut}}”.</p>
</body>
</html>
`))
