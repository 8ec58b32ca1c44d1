package congtac

// Bounds of the texts the system keeps, in characters (runes). The records' Validate
// methods refuse longer texts, and the API's OpenAPI document states the same bounds as
// maxLength, read from here, so that the two cannot drift apart.
const (
	MaxOrgName         = 200   // an org's name, and its name as printed in documents
	MaxShortName       = 30    // an org's short name; a document's type symbol
	MaxPersonName      = 50    // a person's full name; a signer's name
	MaxPhone           = 30    // a phone number
	MaxTitle           = 500   // a program's or meeting's title, a document's summary, an item's heading
	MaxAgendaTitle     = 2000  // what an agenda item presents
	MaxEngagementTitle = 1000  // what a calendar entry says
	MaxLongText        = 20000 // an item's text, a report's text
	MaxFeedName        = 100   // a calendar feed's name
	MaxKeeper          = 200   // who keeps a document's copy ("Lưu: VT, VP")
	MaxSignerTitle     = 100   // a signer's post as printed
	MaxPhrase          = 200   // a phrase the system reads: a deadline as written, a time, a recurrence
	MaxMetric          = 300   // a target's metric and its baseline
	MaxUnit            = 30    // a target's unit
	MaxCommentText     = 4000  // a reviewer's remark
	MaxQueryText       = 500   // a text given in an address: words to search, a phrase to read, a file's name
)
