package web

import "congtac"

// statusView is a computed status as pages show it: its key names the CSS class.
type statusView struct{ Key, Label string }

// taskStatusView returns the view of a task, share or occurrence status.
func taskStatusView(s congtac.Status) statusView { return statusView{string(s), s.Label()} }

// statusCount is one cell of the summary above a list: a status, how many, and the link
// that lists only those.
type statusCount struct {
	statusView
	N       int
	Href    string
	Current bool
}
