// Package vn is the Vietnamese language of congtac: normalisation and repair of damaged
// text ([NFC], [Repair], [DecodeTCVN3]), the search key ([Fold], [Contains]), collation
// ([Collator], [Sort], [SortPeople]), the official ways of writing dates and times
// ([DateLine], [WeekHeading], [FormatClock]) and the parsers that read deadlines, periods
// and times of day as offices write them ([ParseDue], [ParsePeriod], [ParseClock]).
//
// Every string this package returns is valid UTF-8 in NFC. Every parser accepts any input,
// including invalid UTF-8, NFD text, text in capitals and text without diacritics, and
// never panics. Errors are *congtac.Error values with code congtac.EINVALID and a message
// in Vietnamese that can be shown to users.
//
// The package holds no mutable state: values that are not safe for concurrent use
// ([Collator]) are made by a constructor and owned by the caller.
package vn
