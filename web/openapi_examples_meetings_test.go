package web

// meetingExamples are the examples of the meetings, their agenda, sittings, materials and
// conclusions, the calendar and its entries and feeds, explanations, reports and their
// files, and imports.
func meetingExamples(x *exampleRun) {
}
