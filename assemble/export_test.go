package assemble

import (
	"context"

	"congtac"
	"congtac/export"
)

// LiveProgram returns program p as a document read from the store as it is now, printed as
// issued: what the snapshot taken at its issue must equal.
func (s *Source) LiveProgram(ctx context.Context, p congtac.Program) (export.ProgramDoc, error) {
	return s.program(ctx, p, true)
}

// Counts returns how many orgs and people the source knows.
func (s *Source) Counts() (orgs, people int) { return len(s.names), len(s.people) }
