package importer

import (
	"regexp"
	"strconv"
	"strings"

	"congtac/vn"
)

// Assignment is who carries out an item, as its text says in parentheses at or near its
// end: "(Phòng Tài chính - KH chuẩn bị)", "(Văn phòng HĐND và UBND huyện chủ trì, Phòng
// Nội vụ phối hợp)", "(Phòng Kinh tế và Hạ tầng chuẩn bị nội dung 2, 3)". Names are as
// written; matching them to the directory is a later step.
type Assignment struct {
	Lead    []string // the orgs that lead ("chủ trì", "chuẩn bị", "tham mưu", "thực hiện")
	Support []string // the orgs that coordinate ("phối hợp")
	Verb    string   // the lead's verb as written: "chủ trì", "chuẩn bị" …
	Refers  []int    // "nội dung 2, 3": the numbers of the other items it covers too
	Start   int      // byte offset of "(" in the text
	End     int      // byte offset after ")"
}

// leadVerbs and supportVerbs end a clause naming orgs, folded ([vn.Fold]).
var (
	leadVerbs    = []string{"chu tri", "chuan bi", "tham muu", "thuc hien"}
	supportVerbs = []string{"phoi hop"}
	refersTo     = regexp.MustCompile(`(?i)\s*(?:các\s+)?nội dung\s+(\d+(?:\s*(?:,|và)\s*\d+)*)`)
	numberIn     = regexp.MustCompile(`\d+`)
)

// ReadAssignment finds the last parenthesis of text that assigns it, and reads it: its
// clauses (split at commas and semicolons) each end with a verb, and the clauses without
// one name orgs for the verb of the next ("Phòng Nội vụ, Phòng Tư pháp phối hợp"). An org
// name may hold "và" ("Phòng Kinh tế và Hạ tầng"), so names are never split there. It
// reports false when no parenthesis names a lead.
func ReadAssignment(text string) (Assignment, bool) {
	for end := len(text); end > 0; {
		closing := strings.LastIndexByte(text[:end], ')')
		if closing < 0 {
			break
		}
		opening := strings.LastIndexByte(text[:closing], '(')
		if opening < 0 {
			break
		}
		if a, ok := readParenthesis(text[opening+1 : closing]); ok {
			a.Start, a.End = opening, closing+1
			return a, true
		}
		end = opening
	}
	return Assignment{}, false
}

// readParenthesis reads the inside of one parenthesis.
func readParenthesis(inside string) (Assignment, bool) {
	var a Assignment
	if g := refersTo.FindStringSubmatchIndex(inside); g != nil {
		for _, n := range numberIn.FindAllString(inside[g[2]:g[3]], -1) {
			k, _ := strconv.Atoi(n)
			a.Refers = append(a.Refers, k)
		}
		inside = inside[:g[0]] + inside[g[1]:]
	}
	var waiting []string // names whose clause had no verb
	for _, clause := range strings.FieldsFunc(inside, func(r rune) bool { return r == ',' || r == ';' }) {
		clause = strings.TrimSpace(clause)
		name, verb, lead := splitVerb(clause)
		if verb == "" {
			if clause != "" {
				waiting = append(waiting, clause)
			}
			continue
		}
		names := append(waiting, name)
		waiting = nil
		if name == "" {
			names = names[:len(names)-1]
		}
		names = joinNameParts(names)
		if lead {
			a.Lead = append(a.Lead, names...)
			if a.Verb == "" {
				a.Verb = verb
			}
		} else {
			a.Support = append(a.Support, names...)
		}
	}
	return a, len(a.Lead) > 0
}

// orgStarts are the first words of org names, folded: what a piece of a list split at
// commas starts with when it is an org of its own.
var orgStarts = []string{"so", "phong", "ban", "ubnd", "uy", "van phong", "vp", "cong an", "trung tam", "doan",
	"hoi", "chi cuc", "cuc", "bo", "kho bac", "thue", "bao hiem", "ngan hang", "dai", "bao", "cac", "hdnd", "mttq",
	"ub", "cong chuc", "bo phan", "thanh tra", "toa an", "vien", "bch", "lien doan", "hop tac xa", "htx", "thon",
	"to", "truong", "benh vien", "tt", "hoi dong", "chi nhanh", "cong ty", "tong", "lanh dao", "chu tich", "pho",
	"quan", "xa", "phuong", "huyen", "tinh", "thi tran", "dang", "mat tran", "khoi", "nganh", "don vi", "co quan"}

// joinNameParts puts back together an org name that holds a comma ("Sở Văn hóa, Thể thao
// và Du lịch"): a piece that does not start like an org name goes on the name before it.
func joinNameParts(names []string) []string {
	var out []string
	for _, n := range names {
		if len(out) > 0 && !startsLikeOrg(n) {
			out[len(out)-1] += ", " + n
			continue
		}
		out = append(out, n)
	}
	return out
}

// startsLikeOrg reports whether a name starts with one of [orgStarts].
func startsLikeOrg(name string) bool {
	f := vn.Fold(name) + " "
	for _, w := range orgStarts {
		if strings.HasPrefix(f, w+" ") {
			return true
		}
	}
	return false
}

// splitVerb splits a clause into the org names before its final verb and the verb as
// written, and says whether the verb leads; verb is "" when the clause ends with none.
func splitVerb(clause string) (name, verb string, lead bool) {
	words := strings.Fields(clause)
	if len(words) < 2 {
		return clause, "", false
	}
	last := vn.Fold(strings.Join(words[len(words)-2:], " "))
	for _, set := range []struct {
		verbs []string
		lead  bool
	}{{leadVerbs, true}, {supportVerbs, false}} {
		for _, v := range set.verbs {
			if last == v {
				return strings.Join(words[:len(words)-2], " "), strings.Join(words[len(words)-2:], " "), set.lead
			}
		}
	}
	return clause, "", false
}
