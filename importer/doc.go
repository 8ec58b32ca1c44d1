// Package importer brings the work programs and weekly schedules an office already has
// into congtac: Word documents, PDF files and plain or pasted text.
//
// Importing happens in stages. First a reader turns a file into a [Source], the same
// format-neutral view for every format: paragraphs and tables in reading order, with what
// the layout tells (bold, centred, list labels, merged cells, header and footer). Readers
// return text as the file stores it; repairing it (invalid UTF-8, NFD, TCVN3 and VNI, "ƣ",
// letters dropped from bold headings) is the next stage's work, and understanding the
// repaired text into a draft program or calendar entries the stage after that.
//
// [ReadDOCX] reads WordprocessingML (.docx) with the standard library only. [ReadPDF]
// reads the text layer of a PDF with its own fonts, CMaps and content interpreter over
// rsc.io/pdf's file structure (cross-reference tables and streams, object streams,
// Flate), putting a two-column masthead back in reading order. [ReadText] reads text files
// and pasted text. [Clean] repairs what they read, [Restore] puts back letters a PDF lost,
// and [ReadMasthead] reads the top of an official document.
//
// Errors meant for users are *congtac.Error values of code congtac.EINVALID with a message
// in Vietnamese, wrapping their cause. Readers never panic, whatever the input, and refuse
// inputs that would take unreasonable memory.
//
// The package imports only congtac and congtac/vn of this module.
package importer
