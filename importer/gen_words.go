//go:build ignore

// gen_words writes words.txt, the phrases of Vietnamese that congtac's own texts use
// (the web's templates and messages, the demo data, the domain documents), one a line:
// the base of the vocabulary that restores letters lost from a PDF's headings before the
// office has stored documents of its own. Run by go generate in package importer.
package main

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"unicode"
)

// phrase matches a run of words and the spaces and hyphens between them.
var phrase = regexp.MustCompile(`[\p{L}\d]+(?:[ \-–/,]+[\p{L}\d]+)*`)

func main() {
	var files []string
	for _, pattern := range []string{"../web/templates/*.html", "../web/*.go", "../demo/*.go", "../*.go",
		"../vn/*.go", "../export/*.go", "../docs/DOMAIN.md", "../docs/GLOSSARY.md"} {
		m, err := filepath.Glob(pattern)
		if err != nil {
			panic(err)
		}
		for _, f := range m {
			if !strings.HasSuffix(f, "_test.go") {
				files = append(files, f)
			}
		}
	}
	seen := map[string]bool{}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			panic(err)
		}
		for _, p := range phrase.FindAllString(string(data), -1) {
			if vietnamese(p) && len(strings.Fields(p)) >= 2 {
				seen[p] = true
			}
		}
	}
	lines := slices.Sorted(func(yield func(string) bool) {
		for p := range seen {
			if !yield(p) {
				return
			}
		}
	})
	out, err := os.Create("words.txt")
	if err != nil {
		panic(err)
	}
	w := bufio.NewWriter(out)
	for _, l := range lines {
		fmt.Fprintln(w, l)
	}
	if err := w.Flush(); err != nil {
		panic(err)
	}
	if err := out.Close(); err != nil {
		panic(err)
	}
}

// vietnamese reports whether s holds a letter only Vietnamese uses (a letter with a
// diacritic, or đ).
func vietnamese(s string) bool {
	return strings.ContainsFunc(s, func(r rune) bool { return r > unicode.MaxASCII && unicode.IsLetter(r) })
}
