package importer

import "strings"

// Source is what every reader returns: the blocks of a document in reading order, before
// any understanding of what they mean. Text in a Source is as the document stored it: not
// normalised, not repaired.
type Source struct {
	Blocks []Block
}

// BlockKind says whether a [Block] is a paragraph or a table.
type BlockKind int

// The kinds of [Block].
const (
	KindParagraph BlockKind = iota // a paragraph: Text, Bold, Center, Number, Level
	KindTable                      // a table: Table
)

// String returns "paragraph" or "table".
func (k BlockKind) String() string {
	switch k {
	case KindParagraph:
		return "paragraph"
	case KindTable:
		return "table"
	}
	return "unknown"
}

// The parts of a document a [Block] comes from. Readers put header blocks first and
// footer blocks last.
const (
	PartHeader = "header"
	PartBody   = "body"
	PartFooter = "footer"
)

// Block is one paragraph or one table of a document.
//
// For a paragraph, Text holds its runs joined, with a tab as "\t" and a line break as
// "\n"; Bold is true when the paragraph has text that is not white space and all of it is
// bold; Center is true when it is centred. Number is the label the document's automatic
// numbering shows before the paragraph ("1.", "1.2.", "a)", "I.", "-"), or "" when it is
// not numbered; the label is not part of Text. Level is the numbering level, from 0.
//
// For a table, Table holds its rows and the paragraph fields are zero.
//
// Part is [PartHeader], [PartBody] or [PartFooter].
type Block struct {
	Kind   BlockKind
	Text   string
	Bold   bool
	Center bool
	Number string
	Level  int
	Table  *Table
	Part   string
}

// Table is a table as rows of cells. Rows may have different numbers of cells: a cell
// spanning columns is one [Cell].
type Table struct {
	Rows [][]Cell
}

// Cell is one cell of a [Table]. Text holds its paragraphs joined with "\n" (a numbered
// paragraph preceded by its label and a space; empty paragraphs left out) and the text of
// any table nested in it, cell by cell. Span is the number of grid columns the cell spans,
// at least 1. Continued is true when the cell continues a vertical merge from the row
// above; its Text is then the text of the cell where the merge started, so that every row
// of a merged day cell in a weekly schedule carries the day.
type Cell struct {
	Text      string
	Span      int
	Continued bool
}

// Lines returns a plain-text view of s: each paragraph gives its lines (its label, a space
// and its text, split at line breaks; an empty paragraph gives an empty line), each table
// row gives one line of its cells' texts joined with " | ", line breaks within a cell
// replaced by spaces.
func (s Source) Lines() []string {
	var lines []string
	for _, b := range s.Blocks {
		switch b.Kind {
		case KindParagraph:
			lines = append(lines, strings.Split(b.label(), "\n")...)
		case KindTable:
			if b.Table != nil {
				lines = append(lines, b.Table.lines()...)
			}
		}
	}
	return lines
}

// label returns the paragraph's number label, a space and its text; or its text alone
// when it is not numbered.
func (b Block) label() string {
	if b.Number == "" {
		return b.Text
	}
	return b.Number + " " + b.Text
}

// lines returns one line per row of t, cells joined with " | ".
func (t *Table) lines() []string {
	lines := make([]string, 0, len(t.Rows))
	for _, row := range t.Rows {
		texts := make([]string, len(row))
		for i, c := range row {
			texts[i] = strings.ReplaceAll(c.Text, "\n", " ")
		}
		lines = append(lines, strings.Join(texts, " | "))
	}
	return lines
}
