package vn

import (
	"bytes"
	"slices"
	"strings"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"
)

// Collator compares Vietnamese text in dictionary order: letters a ă â b c d đ e ê g h i k
// l m n o ô ơ p q r s t u ư v x y, and after the letters the tones none, huyền, hỏi, ngã,
// sắc, nặng; case matters last. Canonically equivalent strings (NFC and NFD) compare equal.
//
// A Collator keeps working buffers and is not safe for concurrent use: make one per
// goroutine with [NewCollator], or use the package functions [Compare], [Sort],
// [SortFunc], [SortPeople] and [SortPeopleFunc], which make their own.
type Collator struct {
	c   *collate.Collator
	buf collate.Buffer
}

// NewCollator returns a Vietnamese [Collator]. Making one costs a few microseconds.
func NewCollator() *Collator {
	return &Collator{c: collate.New(language.Vietnamese)}
}

// Compare returns -1, 0 or +1 as a sorts before, with or after b.
func (c *Collator) Compare(a, b string) int {
	return c.c.CompareString(NFC(a), NFC(b))
}

// ComparePeople compares two personal names as lists of people are sorted: by given name
// (the last word) first, then by the rest (family and middle names) as written.
func (c *Collator) ComparePeople(a, b string) int {
	ga, ra := splitName(a)
	gb, rb := splitName(b)
	if n := c.Compare(ga, gb); n != 0 {
		return n
	}
	return c.Compare(ra, rb)
}

// Compare returns -1, 0 or +1 as a sorts before, with or after b in Vietnamese order
// (see [Collator]). It makes a Collator for each call; to compare many strings, use
// [Sort] or a [Collator] of your own.
func Compare(a, b string) int { return NewCollator().Compare(a, b) }

// Sort sorts xs in Vietnamese order (see [Collator]), stably.
func Sort(xs []string) { SortFunc(xs, func(s string) string { return s }) }

// SortFunc sorts xs in Vietnamese order of key(x), stably. key is called once per element.
func SortFunc[T any](xs []T, key func(T) string) {
	sortKeyed(xs, func(x T) (string, string) { return key(x), "" })
}

// SortPeople sorts personal names by given name (the last word) first, then by the rest:
// "Nguyễn Văn An" before "Trần Thị Bình", "Lê An" before "Nguyễn An".
func SortPeople(names []string) { SortPeopleFunc(names, func(s string) string { return s }) }

// SortPeopleFunc sorts xs as [SortPeople] sorts the names name(x), stably. name is called
// once per element.
func SortPeopleFunc[T any](xs []T, name func(T) string) {
	sortKeyed(xs, func(x T) (string, string) { return splitName(name(x)) })
}

// sortKey is the precomputed order of one element: by the first string, then the second,
// each by collation key and then, as [Collator.Compare] does, by its bytes.
type sortKey struct {
	s1, s2 string
	k1, k2 []byte
}

func (a *sortKey) compare(b *sortKey) int {
	if n := bytes.Compare(a.k1, b.k1); n != 0 {
		return n
	}
	if n := strings.Compare(a.s1, b.s1); n != 0 {
		return n
	}
	if n := bytes.Compare(a.k2, b.k2); n != 0 {
		return n
	}
	return strings.Compare(a.s2, b.s2)
}

// sortKeyed sorts xs, stably, by the pair of strings parts returns for each element.
// Comparing precomputed keys is many times faster than collating strings n log n times,
// and sorting indices moves no pointers.
func sortKeyed[T any](xs []T, parts func(T) (string, string)) {
	c := NewCollator()
	ks := make([]sortKey, len(xs))
	order := make([]int, len(xs))
	for i, x := range xs {
		s1, s2 := parts(x)
		s1, s2 = NFC(s1), NFC(s2)
		ks[i] = sortKey{s1, s2, c.c.KeyFromString(&c.buf, s1), c.c.KeyFromString(&c.buf, s2)}
		order[i] = i
	}
	slices.SortFunc(order, func(i, j int) int {
		if n := ks[i].compare(&ks[j]); n != 0 {
			return n
		}
		return i - j // stable
	})
	sorted := make([]T, len(xs))
	for i, k := range order {
		sorted[i] = xs[k]
	}
	copy(xs, sorted)
}

// splitName splits a personal name into its given name (the last word) and the rest.
func splitName(name string) (given, rest string) {
	f := strings.Fields(name)
	if len(f) == 0 {
		return "", ""
	}
	return f[len(f)-1], strings.Join(f[:len(f)-1], " ")
}
