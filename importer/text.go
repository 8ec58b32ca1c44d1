package importer

import "strings"

// ReadText reads a text file or pasted text ([DecodeText]) into a [Source] of one
// paragraph per line, in the body, empty lines kept so that a line's index in
// [Source.Lines] is its number in the file, from 0. It never fails.
func ReadText(data []byte) (Source, Encoding) {
	text, enc := DecodeText(data)
	text = strings.TrimSuffix(text, "\n")
	if text == "" {
		return Source{}, enc
	}
	lines := strings.Split(text, "\n")
	src := Source{Blocks: make([]Block, len(lines))}
	for i, line := range lines {
		src.Blocks[i] = Block{Kind: KindParagraph, Text: line, Part: PartBody}
	}
	return src, enc
}
