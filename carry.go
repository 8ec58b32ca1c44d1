package congtac

import "strings"

// CarryPlace says where a task carried from program src goes in program dst, whose items
// are given. The task goes under the same part and section as in src: the deepest headed
// item above (or at) the task's item in src whose heading dst has too (compared without
// case or extra spaces), else the first item of dst of the task's sector, else nowhere
// (Parent 0), which [Program.CheckReady] will point out. When the task's item in src is a
// paragraph of its own (no heading) under that section, Prose is that paragraph, to be
// copied under Parent so that the task prints as it did; otherwise the task goes right
// under Parent and Prose is nil.
type CarryPlace struct {
	Parent int64
	Prose  *Item
}

// PlaceCarried returns the [CarryPlace] of task t of src in dst.
func PlaceCarried(src, dst []Item, t Task) CarryPlace {
	byID := make(map[int64]Item, len(src))
	for _, it := range src {
		byID[it.ID] = it
	}
	own, ok := byID[t.ItemID]
	var prose *Item
	if ok && strings.TrimSpace(own.Heading) == "" {
		p := own
		prose = &p
	}
	for id := t.ItemID; id != 0; id = byID[id].ParentID {
		it, ok := byID[id]
		if !ok {
			break
		}
		if h := headingKey(it.Heading); h != "" {
			for _, d := range dst {
				if headingKey(d.Heading) == h {
					return CarryPlace{Parent: d.ID, Prose: prose}
				}
			}
		}
	}
	for _, d := range dst {
		if d.Sector != "" && d.Sector == t.Sector && strings.TrimSpace(d.Heading) != "" {
			return CarryPlace{Parent: d.ID, Prose: prose}
		}
	}
	return CarryPlace{}
}

// headingKey is a heading as compared across programs: lower case, single spaces.
func headingKey(h string) string { return strings.Join(strings.Fields(strings.ToLower(h)), " ") }
