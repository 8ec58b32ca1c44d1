package web

import "strings"

// bodyOrganEnd ends the organ's part of an issuing body's name; what follows is the place
// the organ governs ("TỈNH SƠN HÀ"), which a line must not break.
const bodyOrganEnd = "NHÂN DÂN "

// BodyOrgan returns the organ's part of the issuing body's name, up to its place:
// "ỦY BAN NHÂN DÂN" of "ỦY BAN NHÂN DÂN TỈNH SƠN HÀ"; the whole name when it names no
// People's Committee.
func (d programDoc) BodyOrgan() string {
	organ, _ := d.bodyParts()
	return organ
}

// BodyPlace returns the place of the issuing body's name, which the masthead keeps on one
// line: "TỈNH SƠN HÀ"; "" when the name is not of a People's Committee.
func (d programDoc) BodyPlace() string {
	_, place := d.bodyParts()
	return place
}

// bodyParts splits Body into its organ and its place; the place is "" when Body has no
// place after [bodyOrganEnd].
func (d programDoc) bodyParts() (organ, place string) {
	before, after, ok := strings.Cut(d.Body, bodyOrganEnd)
	if !ok || strings.TrimSpace(after) == "" {
		return d.Body, ""
	}
	return strings.TrimSpace(before + bodyOrganEnd), strings.TrimSpace(after)
}
