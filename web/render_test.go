package web

import (
	"go/ast"
	"go/parser"
	"go/token"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"congtac"
	"congtac/store"
	"congtac/store/storetest"
)

// pageSample is a page's data and a string its rendering must contain.
type pageSample struct {
	data pageData
	want string
}

// pageSamples are the functions giving sample data per page; each area's test file adds its
// own in an init function, so that every page of the package is covered.
var pageSamples = []func(s *Server, r *http.Request) []pageSample{coreSamples}

// coreSamples covers the pages of the shell: home, sign-in and errors.
func coreSamples(s *Server, r *http.Request) []pageSample {
	row := programRow{Number: "05/CTr-UBND", IssuedOn: "5/4/2023", Period: "Tháng 4 năm 2023",
		Title: "Công tác tháng 4", Status: "Đã ban hành", StatusKey: "issued"}
	return []pageSample{
		{homePage{layout: s.layout(r, "Chương trình công tác")}, "Chưa có chương trình nào."},
		{homePage{layout: s.layout(r, "Chương trình công tác"), Programs: []programRow{row}, Total: 1}, "05/CTr-UBND"},
		{homePage{layout: s.layout(r, "Việc cần làm"), Programs: []programRow{row}, Total: 1, Panels: []homePanel{
			{Title: "Nhiệm vụ quá hạn", Count: 9, Href: "/tasks?status=overdue", Rows: []homeRow{{Text: "Khởi công đường", Href: "/tasks/3",
				Sub: "Sở Xây dựng — quá hạn 5 ngày", Status: taskStatusView(congtac.StatusOverdue), Action: "Báo cáo", ActionHref: "/tasks/3#h-form"}}},
			{Title: "Báo cáo bị trả lại", Empty: "Không có báo cáo nào bị trả lại."}}}, "Xem tất cả 9"},
		{homePage{layout: s.layout(r, "Chương trình công tác"), Programs: []programRow{row}, Total: 120},
			"1 chương trình mới nhất trong tổng số 120 chương trình."},
		{loginPage{layout: s.layout(r, "Đăng nhập"), Login: "vanphong", Error: "Tên đăng nhập hoặc mật khẩu không đúng."},
			`value="vanphong"`},
		{loginTOTPPage{layout: s.layout(r, "Xác thực hai lớp")}, "Mã xác thực"},
		{loginTOTPPage{layout: s.layout(r, "Xác thực hai lớp"), Error: "Mã xác thực không đúng hoặc đã hết hạn."},
			`aria-describedby="loi-ma"`},
		{errorPage{layout: s.layout(r, "Dữ liệu đã thay đổi"), Status: 409, Message: "Có người vừa sửa."}, "Mã lỗi: 409"},
	}
}

// allPageSamples returns the samples of every area.
func allPageSamples(s *Server) []pageSample {
	r := httptest.NewRequest("GET", "/", nil)
	var out []pageSample
	for _, f := range pageSamples {
		out = append(out, f(s, r)...)
	}
	return out
}

// renderPage renders p as [Server.render] answers a request, failing t unless it is a 200.
func renderPage(t *testing.T, s *Server, p pageData) (string, bool) {
	t.Helper()
	rec := httptest.NewRecorder()
	s.render(rec, httptest.NewRequest("GET", "/", nil), http.StatusOK, p)
	if rec.Code != http.StatusOK {
		t.Errorf("render %T (%s): status %d: %s", p, p.template(), rec.Code, rec.Body)
		return "", false
	}
	return rec.Body.String(), true
}

// TestRenderEveryPage renders each template with typed sample data, so that a template
// error cannot wait for a user to find it, and checks how each ties its fields to their
// messages ([fieldWiring]). A page without a sample fails the test.
func TestRenderEveryPage(t *testing.T) {
	s, _ := newTestServer(t, storetest.Open(t, store.SQLite))
	samples := allPageSamples(s)
	for name := range s.pages {
		if !slices.ContainsFunc(samples, func(c pageSample) bool { return c.data.template() == name }) {
			t.Errorf("page %q has no sample in this test", name)
		}
	}
	for _, c := range samples {
		if body, ok := renderPage(t, s, c.data); ok {
			assertContains(t, body, c.want)
			for _, p := range fieldWiring(html(t, body)) {
				t.Errorf("%s: %s", c.data.template(), p)
			}
		}
	}
}

// TestEveryPageTypeNamesATemplate finds in the package's source every type with a template
// method, the page types that [Server.render] takes, and checks that each names a template
// that exists, that every template is named by a type, and that each type has a sample
// that renders (in [TestRenderEveryPage]).
func TestEveryPageTypeNamesATemplate(t *testing.T) {
	s, _ := newTestServer(t, storetest.Open(t, store.SQLite))
	types := pageTypes(t)
	if len(types) == 0 {
		t.Fatal("no page type found in the package's source")
	}
	sampled := map[string]pageData{}
	for _, c := range allPageSamples(s) {
		sampled[reflect.TypeOf(c.data).Name()] = c.data
	}
	named := map[string]bool{}
	for _, typ := range types {
		p, ok := sampled[typ]
		if !ok {
			t.Errorf("page type %s has no sample", typ)
			continue
		}
		if _, ok := s.pages[p.template()]; !ok {
			t.Errorf("page type %s names template %q, which does not exist", typ, p.template())
		}
		named[p.template()] = true
	}
	for name := range s.pages {
		if !named[name] {
			t.Errorf("template %q is named by no page type", name)
		}
	}
}

// pageTypes returns the names of the package's types that have a template method.
func pageTypes(t *testing.T) []string {
	t.Helper()
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	fset := token.NewFileSet()
	for _, file := range files {
		if strings.HasSuffix(file, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, file, nil, parser.SkipObjectResolution)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range f.Decls {
			fn, ok := d.(*ast.FuncDecl)
			if !ok || fn.Recv == nil || fn.Name.Name != "template" || len(fn.Recv.List) != 1 {
				continue
			}
			typ := fn.Recv.List[0].Type
			if star, ok := typ.(*ast.StarExpr); ok {
				typ = star.X
			}
			if id, ok := typ.(*ast.Ident); ok {
				out = append(out, id.Name)
			}
		}
	}
	return out
}
