package importer

import (
	"strings"

	"congtac"
	"congtac/vn"
)

// OrgMatch is the org of the directory an imported name stands for, and how sure the
// match is: 1 when the name, display name or short name is written the same (case,
// diacritics and abbreviations aside), less as fewer of their words agree.
type OrgMatch struct {
	Org   congtac.Org
	Score float64
}

// minOrgScore is the least score [MatchOrg] accepts: most words agree, a typo or a word
// left out aside ("Phòng Nông ngiệp và PTNT").
const minOrgScore = 0.75

// orgAbbreviations expands the abbreviations offices write in org names, folded
// ([vn.Fold]), so that "Phòng Tài chính - KH" meets "Phòng Tài chính - Kế hoạch".
var orgAbbreviations = map[string]string{
	"ubnd": "uy ban nhan dan", "hdnd": "hoi dong nhan dan", "vp": "van phong", "kh": "ke hoach",
	"tc": "tai chinh", "ptnt": "phat trien nong thon", "nn": "nong nghiep", "tnmt": "tai nguyen va moi truong",
	"gddt": "giao duc va dao tao", "ldtbxh": "lao dong thuong binh va xa hoi", "vhtt": "van hoa va thong tin",
	"kt": "kinh te", "ht": "ha tang", "tp": "tu phap", "nv": "noi vu", "ttr": "thanh tra", "ca": "cong an",
	"mttq": "mat tran to quoc", "bchqs": "ban chi huy quan su", "bql": "ban quan ly", "khcn": "khoa hoc va cong nghe",
}

// MatchOrg returns the org of orgs that name (as a document writes it) stands for, or
// false when none is close enough: then the review page offers to map it or to create
// it. Names are compared as their folded words with abbreviations expanded, by the share
// of words they have in common (the Dice coefficient); a name equal to an org's name,
// display name or short name scores 1.
func MatchOrg(name string, orgs []congtac.Org) (OrgMatch, bool) {
	want := orgWords(name)
	if len(want) == 0 {
		return OrgMatch{}, false
	}
	var best OrgMatch
	for _, o := range orgs {
		score := 0.0
		for _, n := range []string{o.Name, o.DisplayName, o.ShortName} {
			if n == "" {
				continue
			}
			if vn.Fold(n) == vn.Fold(name) {
				score = 1
				break
			}
			score = max(score, dice(want, orgWords(n)))
		}
		if score > best.Score {
			best = OrgMatch{Org: o, Score: score}
		}
	}
	return best, best.Score >= minOrgScore
}

// orgWords returns the folded words of an org's name, abbreviations expanded; an
// abbreviation written with marks inside ("TN&MT", "LĐ-TB&XH") is read whole first.
func orgWords(name string) []string {
	var out []string
	for _, field := range strings.Fields(name) {
		words := vn.SearchWords(field)
		if exp, ok := orgAbbreviations[strings.Join(words, "")]; ok && len(words) > 1 {
			out = append(out, strings.Fields(exp)...)
			continue
		}
		for _, w := range words {
			if exp, ok := orgAbbreviations[w]; ok && isAbbreviation(field) {
				out = append(out, strings.Fields(exp)...)
			} else {
				out = append(out, w)
			}
		}
	}
	return out
}

// isAbbreviation reports whether a word of a name is written in capitals, as
// abbreviations are ("KH", "PTNT"), unlike words that happen to spell one ("Ca").
func isAbbreviation(field string) bool { return isCapitals(field) && len([]rune(field)) > 1 }

// dice returns the Dice coefficient of two lists of words: twice the words they share
// (each as often as both have it) over the words of both.
func dice(a, b []string) float64 {
	if len(a)+len(b) == 0 {
		return 0
	}
	count := map[string]int{}
	for _, w := range a {
		count[w]++
	}
	shared := 0
	for _, w := range b {
		if count[w] > 0 {
			count[w]--
			shared++
		}
	}
	return 2 * float64(shared) / float64(len(a)+len(b))
}
