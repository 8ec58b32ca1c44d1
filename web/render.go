package web

import (
	"bytes"
	"embed"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"path"
	"strings"

	"congtac"
	"congtac/vn"
)

// templateFiles holds the page templates: layout.html, which defines "layout", and one file
// per page defining "content" (and reading its page struct).
//
// Pieces shared by several pages (a form, a pager) are in templates/partials, each defining
// a named template, and are parsed with every page.
//
//go:embed templates/*.html templates/partials/*.html
var templateFiles embed.FS

// parsePages parses every page together with the layout, once, at start. A page is
// rendered by executing "layout" with the page's typed struct, which embeds [layout] and
// names its template ([pageData]).
func (s *Server) parsePages() (map[string]*template.Template, error) {
	funcs := template.FuncMap{"asset": s.assets.path}
	files, err := fs.Glob(templateFiles, "templates/*.html")
	if err != nil {
		return nil, fmt.Errorf("templates: %w", err)
	}
	pages := map[string]*template.Template{}
	for _, file := range files {
		name := strings.TrimSuffix(path.Base(file), ".html")
		if name == "layout" {
			continue
		}
		t, err := template.New(name).Funcs(funcs).ParseFS(templateFiles, "templates/layout.html", "templates/partials/*.html", file)
		if err != nil {
			return nil, fmt.Errorf("template %s: %w", name, err)
		}
		if t.Lookup("content") == nil {
			return nil, fmt.Errorf("template %s: no \"content\" block", name)
		}
		pages[name] = t
	}
	return pages, nil
}

// layout is what every page shows around its content; each page struct embeds it.
type layout struct {
	Title string    // the page's subject, first in <title> and the main heading
	Today string    // today's date in Vietnamese, for the header: "Thứ Năm, 27/11/2026"
	User  string    // the signed-in user's name; "" for a visitor
	Role  string    // the user's role in Vietnamese
	Nav   []navItem // the areas the user may open
	Flash string    // a one-time message left by the previous request
	Bare  bool      // a page to print: no header, navigation or footer
	// Unread is how many notifications the signed-in user has not read, beside the link
	// to them; -1 when they could not be counted.
	Unread int
}

// navItem is one entry of the main navigation.
type navItem struct {
	Label, Href string
	Current     bool
}

// areas are the main navigation's entries and the capability each needs.
var areas = []struct {
	label, href string
	need        congtac.Capability
}{
	{"Chương trình", "/programs", congtac.ViewPrograms},
	{"Nhập văn bản", "/imports", congtac.DraftPrograms},
	{"Nhiệm vụ", "/tasks", congtac.ViewTasks},
	{"Theo dõi", "/boards", congtac.ViewTasks},
	{"Hội nghị", "/meetings", congtac.ViewMeetings},
	{"Lịch công tác", "/calendar", congtac.ViewCalendar},
	{"Báo cáo", "/reports", congtac.ViewReports},
	{"Đăng ký nội dung", "/proposals", congtac.ViewPrograms},
	{"Văn bản đi", "/documents", congtac.ViewPrograms},
	{"Tìm kiếm", "/search", congtac.Search},
	{"Danh mục", "/catalog", congtac.ViewCatalog},
	{"Quản trị", "/admin", congtac.ManagePeople},
}

// pageData is the data of one page: a struct embedding [layout] whose type names the
// template that shows it (templates/<name>.html), so that a render call cannot pair data
// with another page's template. TestEveryPageTypeNamesATemplate holds every type with a
// template method to a template that exists, and renders it.
type pageData interface{ template() string }

// render writes page p with the status code. The page is executed into a buffer first, so
// that a template error, or a type naming no template, gives the 500 page instead of half
// a page.
func (s *Server) render(w http.ResponseWriter, r *http.Request, status int, p pageData) {
	var buf bytes.Buffer
	name := p.template()
	t, ok := s.pages[name]
	if !ok {
		s.renderBroken(w, r, fmt.Errorf("web: render: no page %q", name))
		return
	}
	if err := t.ExecuteTemplate(&buf, "layout", p); err != nil {
		s.renderBroken(w, r, fmt.Errorf("web: render %s: %w", name, err))
		return
	}
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	buf.WriteTo(w)
}

// renderBroken answers when a page itself cannot be rendered: a plain Vietnamese message,
// since the error template may be what is broken.
func (s *Server) renderBroken(w http.ResponseWriter, r *http.Request, err error) {
	s.log.ErrorContext(r.Context(), "render failed", "method", r.Method, "path", r.URL.Path, "err", err)
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(http.StatusInternalServerError)
	fmt.Fprintln(w, congtac.InternalMessage)
}

// layout returns the frame of a page titled title for the request's user: the areas its
// role may open, and the flash message left for it.
func (s *Server) layout(r *http.Request, title string) layout {
	now := s.cfg.Now().In(s.loc)
	l := layout{Title: title, Today: vn.Weekday(now.Weekday()) + ", " + now.Format("02/01/2006")}
	a := actorOf(r)
	if !signedIn(a) {
		l.Nav = []navItem{{Label: "Công khai", Href: "/public", Current: strings.HasPrefix(r.URL.Path, "/public")}}
		return l
	}
	l.User, l.Role = a.Name, s.actorRoleLabel(r.Context(), a)
	if n, err := s.st.UnreadCount(r.Context(), a.UserID); err == nil {
		l.Unread = n
	} else {
		l.Unread = -1 // the page shows without its count rather than not at all
		s.log.Warn("không đếm được thông báo (unread count)", "err", err)
	}
	for _, area := range areas {
		if a.Can(area.need) {
			l.Nav = append(l.Nav, navItem{Label: area.label, Href: area.href,
				Current: r.URL.Path == area.href || strings.HasPrefix(r.URL.Path, area.href+"/")})
		}
	}
	if s.sessions != nil {
		l.Flash = s.sessions.PopString(r.Context(), sessionFlash)
	}
	return l
}
