package web

import (
	"context"

	"congtac"
)

// settingsOf returns the settings of the committee of org ([congtac.CommitteeOf]): its
// lead times, days off and masthead, never another committee's.
func (s *Server) settingsOf(ctx context.Context, org int64) (congtac.Settings, error) {
	c, err := s.st.FindCommittee(ctx, org)
	return c.Settings, err
}
