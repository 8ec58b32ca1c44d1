package web

import (
	"maps"
	"net/http"
	"slices"
)

// conflictPage is the data of conflict.html: a save refused because someone saved the same
// record in between. It shows what the user typed beside what is saved now, and offers to
// apply theirs on top of the current version, so that nothing typed is lost.
type conflictPage struct {
	layout
	What    string // "nhiệm vụ", "mục", "thông tin chung của chương trình"
	Action  string // where the user's form posts again
	Version int    // the version saved now
	Rows    []conflictRow
	Fields  []hiddenField // what the user sent, to send again
	Back    string        // the editor, at the record
}

func (conflictPage) template() string { return "conflict" }

// conflictRow is one field: what the user typed and what is saved now.
type conflictRow struct {
	Label, Mine, Saved string
	Differs            bool
}

// hiddenField is a value the user posted, carried by the form that applies it again.
type hiddenField struct{ Name, Value string }

// conflict is what a handler knows of a refused save.
type conflict struct {
	what, action, back string
	version            int // of the record as saved now
	mine, saved        []fieldText
}

// renderConflict answers 409 with the conflict page of c. The form of the page carries
// every value of the refused request but its version, which becomes the current one.
func (s *Server) renderConflict(w http.ResponseWriter, r *http.Request, c conflict) {
	page := conflictPage{layout: s.layout(r, "Có người vừa lưu "+c.what), What: c.what, Action: c.action,
		Version: c.version, Back: c.back}
	for i, m := range c.mine {
		row := conflictRow{Label: m.Label, Mine: m.Value}
		if i < len(c.saved) {
			row.Saved = c.saved[i].Value
		}
		row.Differs = row.Mine != row.Saved
		page.Rows = append(page.Rows, row)
	}
	for _, name := range slices.Sorted(maps.Keys(r.PostForm)) {
		if name == "version" {
			continue
		}
		for _, v := range r.PostForm[name] {
			page.Fields = append(page.Fields, hiddenField{Name: name, Value: v})
		}
	}
	s.render(w, r, http.StatusConflict, page)
}
