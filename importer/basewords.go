package importer

import (
	_ "embed"
	"strings"
)

//go:generate go run gen_words.go

// baseWords are the phrases congtac's own texts use (words.txt, written by gen_words.go):
// its screens and messages, its demo data, the domain documents.
//
//go:embed words.txt
var baseWords string

// BaseVocabulary returns a new vocabulary of the words congtac's own texts use: what
// [Restore] knows before the office has stored documents of its own. Callers add the
// office's documents to it.
func BaseVocabulary() *Vocabulary {
	v := &Vocabulary{}
	for line := range strings.Lines(baseWords) {
		v.Add(line)
	}
	return v
}
