// Package export writes congtac's official documents and files from domain values, with
// no database and no HTTP: work programs (CTr), invitations (GM), notices of conclusions
// (TB), result reports (BC) and the outgoing register as DOCX and PDF ([DOCX], [PDF]), the
// register and task tables as XLSX ([RegisterXLSX], [TasksXLSX]). Callers build the input
// of each document ([ProgramDoc], [InvitationDoc], [ConclusionDoc], [ResultReportDoc],
// [RegisterDoc], [TaskTable]) from the store.
//
// The layout is that of Decree 30/2020 (Phụ lục I; DOMAIN.md §1): A4 (11906 × 16838
// twips, 595.3 × 841.9 pt), margins 20/20/30/15 mm by default (1134/1134/1701/850 twips;
// [Margins] within the legal ranges), Times New Roman; the borderless two-column masthead
// (left 70 mm: parent body 13 pt, issuing body 13 pt bold with a rule of 0.4 of its width,
// "Số:" 13 pt; right: the national name 12 pt bold, the motto 13 pt bold with a rule as long
// as it, the place and date 13 pt italic on the line of "Số:"); the document type 14 pt bold
// and the summary 14 pt bold with a rule of 0.4 of its width; body 14 pt justified, first
// line indented 1.27 cm, lines exactly 17 pt apart, 6 pt after each paragraph, closed with
// "./."; "Nơi nhận:" 12 pt bold italic and its 11 pt lines; the authority lines, title and
// name 14 pt bold with 30 mm left for signature and seal; page numbers 13 pt centred in the
// top margin from page 2; "DỰ THẢO" boxed at the top right of a draft's first page.
//
// Each document is laid out once into a format-free model (paragraphs with runs, sizes,
// indents, exact line heights and rules; tables) that both writers render: the DOCX writer
// as WordprocessingML of its own, the PDF writer with github.com/signintech/gopdf and a
// line breaker of its own that justifies and mixes bold and italic runs. Both measure text
// with the embedded Liberation Serif, whose advance widths are those of Times New Roman, so
// Word, LibreOffice and the PDF break lines and pages alike. All text is NFC
// ([congtac/vn.NFC]) before layout; characters XML cannot carry become U+FFFD, characters the
// PDF font lacks print as "?".
package export
