package export

// grid returns a bordered table: a shaded bold header row repeated on every page, then the
// rows, in size half-points. aligns gives each column's alignment (left by default).
func grid(cols []int, size int, header []string, rows [][]string, aligns []align) *table {
	t := &table{cols: cols, grid: true, repeat: 1}
	t.rows = append(t.rows, gridHead(cols, size, header))
	for _, r := range rows {
		row := make([]cell, len(cols))
		for j := range cols {
			al := alignLeft
			if j < len(aligns) {
				al = aligns[j]
			}
			row[j] = cell{paras: []para{text(at(r, j), regular, size, al)}}
		}
		t.rows = append(t.rows, row)
	}
	return t
}

// gridHead returns the header row of a grid: shaded, bold, centred.
func gridHead(cols []int, size int, header []string) []cell {
	head := make([]cell, len(cols))
	for j := range cols {
		head[j] = cell{paras: []para{text(at(header, j), bold, size, alignCenter)}, fill: true}
	}
	return head
}

// at returns xs[i], or "" past its end.
func at(xs []string, i int) string {
	if i < len(xs) {
		return xs[i]
	}
	return ""
}

// spread returns widths proportional to weights that add up to total twips.
func spread(total int, weights ...int) []int {
	sum := 0
	for _, w := range weights {
		sum += w
	}
	out := make([]int, len(weights))
	used := 0
	for i, w := range weights {
		out[i] = total * w / max(sum, 1)
		used += out[i]
	}
	if len(out) > 0 {
		out[len(out)-1] += total - used
	}
	return out
}
