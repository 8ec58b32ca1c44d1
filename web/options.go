package web

import (
	"slices"
	"strconv"
)

// option is one choice of a select, with whether the request chose it.
type option struct {
	Value, Label string
	Selected     bool
}

// optionsOf returns the choices of a select from values and labels, marking chosen.
func optionsOf[T ~string](values []T, label func(T) string, chosen string) []option {
	out := make([]option, len(values))
	for i, v := range values {
		out[i] = option{Value: string(v), Label: label(v), Selected: string(v) == chosen}
	}
	return out
}

// orgOptions returns the orgs of nodes as choices, indented by depth with em spaces, since a
// select can hold no markup.
func orgOptions(nodes []orgNode, chosen string) []option {
	out := make([]option, len(nodes))
	for i, n := range nodes {
		id := strconv.FormatInt(n.ID, 10)
		indent := ""
		for range n.Depth {
			indent += "\u2003"
		}
		out[i] = option{Value: id, Label: indent + n.Name, Selected: id == chosen}
	}
	return out
}

// containsOption reports whether opts has one of value v.
func containsOption(opts []option, v string) bool {
	return slices.ContainsFunc(opts, func(o option) bool { return o.Value == v })
}
