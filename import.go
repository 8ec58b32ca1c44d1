package congtac

// Import is what an import of a document an office already has saves, all or none
// (store's Import): the orgs the user chose to create for names the directory lacked, and
// either a draft program with the meetings it announces, or the entries of a weekly
// schedule.
//
// A new org carries a temporary negative ID (-1, -2, …). The program's tasks (Lead,
// Support), the meetings' agenda items (Lead, Support) and the entries (PreparerID) may
// refer to it by that ID; the store puts the real one in its place. Program's items and
// tasks use the caller's own keys as for a new program (store's CreateProgram).
type Import struct {
	Name        string // the imported file's name, as the audit log keeps it
	Orgs        []Org
	Program     *Program  // nil for a weekly schedule
	Meetings    []Meeting // announced by Program: the store sets their ProgramID
	Engagements []Engagement
}

// Empty reports whether the import brings nothing to save.
func (imp Import) Empty() bool {
	return imp.Program == nil && len(imp.Meetings) == 0 && len(imp.Engagements) == 0
}
