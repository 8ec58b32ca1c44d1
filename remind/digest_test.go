package remind

import (
	"fmt"
	"html/template"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"

	"congtac"
)

// digestBase is the public URL the digests' links start with.
const digestBase = "https://congtac.ubnd.gov.vn"

// thirtyNotifications returns 30 notifications of every kind a digest knows and one it
// does not, interleaved so that no kind comes in the order of the digest; the first
// title is full of HTML's special characters.
func thirtyNotifications() []congtac.Notification {
	counts := []struct {
		kind string
		n    int
	}{
		{"engagement_changed", 3}, {"task_soon", 5}, {"lịch_riêng", 2}, {"task_overdue", 3},
		{"program_submitted", 2}, {"task_due", 4}, {"explanation_overdue", 2}, {"materials_due", 2},
		{"report_returned", 3}, {"materials_overdue", 2}, {"explanation_asked", 2},
	}
	var ns []congtac.Notification
	for round := 0; len(ns) < 30; round++ {
		for _, c := range counts {
			if round < c.n {
				id := len(ns) + 1
				ns = append(ns, congtac.Notification{Kind: c.kind, Title: fmt.Sprintf("Rà soát đường giao thông số %d", id),
					Link: fmt.Sprintf("/tasks/%d", id)})
			}
		}
	}
	ns[0].Title = `<b>Họp "A&B"</b> ở xã`
	return ns
}

// TestDigest: a digest counts its notifications in the subject, greets the person, lists
// the groups in the fixed order with their counts and no empty group, links every
// notification absolutely, escapes titles in the HTML, writes NFC and tells how to stop.
func TestDigest(t *testing.T) {
	on := congtac.MustDate(2026, 12, 7)
	thirty := thirtyNotifications()
	nfd := norm.NFD.String("Đến hạn hôm nay: Rà soát đường giao thông")
	for _, tt := range []struct {
		name        string
		ns          []congtac.Notification
		wantSubject string
		wantGroups  []string
	}{
		{"thirty of every kind", thirty, "Nhắc việc ngày 07/12/2026: 30 việc cần chú ý", []string{
			"Nhiệm vụ quá hạn (3)", "Đến hạn hôm nay (4)", "Sắp đến hạn (5)", "Tài liệu hội nghị cần gửi (2)",
			"Tài liệu hội nghị quá hạn (2)", "Báo cáo bị trả lại (3)", "Yêu cầu giải trình (2)",
			"Giải trình quá hạn (2)", "Chương trình chờ duyệt (2)", "Lịch công tác thay đổi (3)",
			"Thông báo khác (2)"}},
		{"one due today, decomposed", []congtac.Notification{{Kind: "task_due", Title: nfd, Link: "/tasks/12"}},
			"Nhắc việc ngày 07/12/2026: 1 việc cần chú ý", []string{"Đến hạn hôm nay (1)"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			subject, text, html := Digest(norm.NFD.String("Nguyễn Văn Ân"), tt.ns, digestBase+"/", on)
			if subject != tt.wantSubject {
				t.Errorf("subject: got %q, want %q", subject, tt.wantSubject)
			}
			for _, body := range []struct{ kind, s string }{{"text", text}, {"HTML", html}} {
				checkDigestBody(t, body.kind, body.s, tt.ns, tt.wantGroups)
			}
			if !strings.HasPrefix(text, "Kính gửi Nguyễn Văn Ân,\n") {
				t.Errorf("text does not start with the greeting:\n%s", text)
			}
		})
	}
}

// checkDigestBody checks one body of a digest of ns: NFC, the greeting, every heading
// once in order, and none of the others, each title and absolute link, and the footer.
func checkDigestBody(t *testing.T, kind, body string, ns []congtac.Notification, groups []string) {
	t.Helper()
	if norm.NFC.String(body) != body {
		t.Errorf("%s is not NFC", kind)
	}
	at := -1
	for _, g := range groups {
		i := strings.Index(body, g)
		if i <= at {
			t.Errorf("%s: heading %q at %d, want after %d:\n%s", kind, g, i, at, body)
		}
		at = i
	}
	if n := strings.Count(body, " ("); n != len(groups) {
		t.Errorf("%s: %d headings with a count, want %d", kind, n, len(groups))
	}
	for _, n := range ns {
		title := norm.NFC.String(n.Title)
		if kind == "HTML" {
			title = template.HTMLEscapeString(title)
		}
		if !strings.Contains(body, title) || !strings.Contains(body, digestBase+n.Link) {
			t.Errorf("%s lacks %q or its link %s", kind, title, digestBase+n.Link)
		}
	}
	for _, want := range []string{"Kính gửi Nguyễn Văn Ân,", "gửi tự động", digestBase + "/notifications",
		digestBase + "/account", "bỏ chọn", "Nhận thư nhắc việc"} {
		if !strings.Contains(body, want) {
			t.Errorf("%s lacks %q", kind, want)
		}
	}
}

// TestDigestHTMLIsSelfContained: the HTML escapes what a title could inject and loads
// nothing from elsewhere.
func TestDigestHTMLIsSelfContained(t *testing.T) {
	_, _, html := Digest("An", thirtyNotifications(), digestBase, congtac.MustDate(2026, 12, 7))
	for _, bad := range []string{"<b>", `"A&B"`, "<img", "<script", "<link", "src=", "url(", "@import"} {
		if strings.Contains(html, bad) {
			t.Errorf("HTML contains %q", bad)
		}
	}
	if want := "&lt;b&gt;Họp &#34;A&amp;B&#34;&lt;/b&gt; ở xã"; !strings.Contains(html, want) {
		t.Errorf("HTML lacks the escaped title %q", want)
	}
}

// TestKindLabel: a kind's label is its digest heading; an unknown kind's, "Thông báo khác".
func TestKindLabel(t *testing.T) {
	for kind, want := range map[string]string{"task_due": "Đến hạn hôm nay", "task_overdue": "Nhiệm vụ quá hạn",
		"engagement_changed": "Lịch công tác thay đổi", "lịch_riêng": "Thông báo khác"} {
		if got := KindLabel(kind); got != want {
			t.Errorf("KindLabel(%q) = %q, want %q", kind, got, want)
		}
	}
}
