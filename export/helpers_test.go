package export

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"flag"
	"io"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"congtac/store/storetest"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata")

// need skips the test, naming the Debian package to install, when a tool is missing; with
// CONGTAC_REQUIRE_ALL=1 that is a failure.
func need(t testing.TB, tool, pkg string) string {
	t.Helper()
	path, err := exec.LookPath(tool)
	if err != nil {
		storetest.Skip(t, "%s is missing: apt-get install %s", tool, pkg)
	}
	return path
}

// artifacts returns the directory where tests leave files for people to look at:
// $CONGTAC_ARTIFACTS, or congtac-artifacts in the temporary directory.
func artifacts(t testing.TB) string {
	t.Helper()
	dir := os.Getenv("CONGTAC_ARTIFACTS")
	if dir == "" {
		dir = filepath.Join(os.TempDir(), "congtac-artifacts")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

// render writes d in a format ("docx" or "pdf") and fails the test on error.
func render(t testing.TB, d Doc, format string) []byte {
	t.Helper()
	var b bytes.Buffer
	write := DOCX
	if format == "pdf" {
		write = PDF
	}
	if err := write(&b, d); err != nil {
		t.Fatalf("%s: %v", format, err)
	}
	return b.Bytes()
}

// unzip returns the files of a zip archive by name, failing the test if it is not one.
func unzip(t testing.TB, data []byte) map[string][]byte {
	t.Helper()
	parts, err := readZip(data)
	if err != nil {
		t.Fatal(err)
	}
	return parts
}

// readZip returns the files of a zip archive by name.
func readZip(data []byte) (map[string][]byte, error) {
	z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, err
	}
	out := map[string][]byte{}
	for _, f := range z.File {
		r, err := f.Open()
		if err != nil {
			return nil, err
		}
		b, err := io.ReadAll(r)
		r.Close()
		if err != nil {
			return nil, err
		}
		out[f.Name] = b
	}
	return out, nil
}

// node is an element of a parsed XML part, names with their prefixes ("w:p").
type node struct {
	name  string
	attrs map[string]string
	kids  []*node
	text  string
}

// parseXML parses a part into a tree, keeping prefixes as written.
func parseXML(data []byte) (*node, error) {
	d := xml.NewDecoder(bytes.NewReader(data))
	root := &node{name: "#root"}
	stack := []*node{root}
	for {
		tok, err := d.RawToken()
		if err == io.EOF {
			return root, nil
		}
		if err != nil {
			return nil, err
		}
		top := stack[len(stack)-1]
		switch tok := tok.(type) {
		case xml.StartElement:
			n := &node{name: qname(tok.Name), attrs: map[string]string{}}
			for _, a := range tok.Attr {
				n.attrs[qname(a.Name)] = a.Value
			}
			top.kids = append(top.kids, n)
			stack = append(stack, n)
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		case xml.CharData:
			top.text += string(tok)
		}
	}
}

func qname(n xml.Name) string {
	if n.Space == "" {
		return n.Local
	}
	return n.Space + ":" + n.Local
}

// all returns the descendants of n named name, in document order.
func (n *node) all(name string) []*node {
	var out []*node
	for _, k := range n.kids {
		if k.name == name {
			out = append(out, k)
		}
		out = append(out, k.all(name)...)
	}
	return out
}

// first returns the first descendant named name, or an empty node.
func (n *node) first(name string) *node {
	if all := n.all(name); len(all) > 0 {
		return all[0]
	}
	return &node{attrs: map[string]string{}}
}

// has reports whether n has a descendant named name.
func (n *node) has(name string) bool { return len(n.all(name)) > 0 }

// textOf returns the text of a paragraph: its w:t elements joined.
func (n *node) textOf() string {
	var b strings.Builder
	for _, t := range n.all("w:t") {
		b.WriteString(t.text)
	}
	return b.String()
}

// indentXML returns a part re-indented one element a line, for golden files whose diffs
// a reviewer can read.
func indentXML(data []byte) ([]byte, error) {
	root, err := parseXML(data)
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	var write func(n *node, depth int)
	write = func(n *node, depth int) {
		b.WriteString(strings.Repeat("  ", depth) + "<" + n.name)
		for _, k := range sortedKeys(n.attrs) {
			b.WriteString(" " + k + `="`)
			xml.EscapeText(&b, []byte(n.attrs[k]))
			b.WriteString(`"`)
		}
		switch {
		case len(n.kids) == 0 && n.text == "":
			b.WriteString("/>\n")
			return
		case len(n.kids) == 0:
			b.WriteString(">")
			xml.EscapeText(&b, []byte(n.text))
			b.WriteString("</" + n.name + ">\n")
			return
		}
		b.WriteString(">\n")
		for _, k := range n.kids {
			write(k, depth+1)
		}
		b.WriteString(strings.Repeat("  ", depth) + "</" + n.name + ">\n")
	}
	for _, k := range root.kids {
		write(k, 0)
	}
	return b.Bytes(), nil
}

func sortedKeys(m map[string]string) []string { return slices.Sorted(maps.Keys(m)) }

// golden compares got with the golden file testdata/name, or rewrites it with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./export -run %s -update to create it)", err, t.Name())
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file; first difference:\n%s\nrun with -update after reviewing the change",
			name, firstDiff(string(got), string(want)))
	}
}

// firstDiff returns the first differing line of two texts, as got and want.
func firstDiff(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := 0; i < len(g) || i < len(w); i++ {
		var a, b string
		if i < len(g) {
			a = g[i]
		}
		if i < len(w) {
			b = w[i]
		}
		if a != b {
			return "line " + strconv.Itoa(i+1) + ":\n got  " + a + "\n want " + b
		}
	}
	return ""
}
