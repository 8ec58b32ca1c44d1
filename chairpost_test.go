package congtac

import "testing"

func TestPostStyledAndChairPost(t *testing.T) {
	district := Org{ID: 1, Name: "Ủy ban nhân dân huyện Lục Ngạn"}
	finance := Org{ID: 2, Name: "Sở Tài chính"}
	chair := Post{OrgID: 1, Kind: PostChairman}
	if got := chair.Styled(district); got != "Chủ tịch UBND huyện Lục Ngạn" {
		t.Errorf("Styled = %q", got)
	}
	head := Post{OrgID: 2, Kind: PostUnitHead, Title: "Giám đốc"}
	if got := head.Styled(finance); got != "Giám đốc Sở Tài chính" {
		t.Errorf("Styled = %q", got)
	}
	member := Post{OrgID: 3, Kind: PostMember}
	for _, tc := range []struct {
		posts []Post
		org   int64
		want  Post
		ok    bool
	}{
		{[]Post{head, chair}, 1, chair, true},   // the post in the meeting's org
		{[]Post{member, chair}, 9, chair, true}, // else a leader's post
		{[]Post{member, head}, 9, member, true}, // else the first
		{nil, 1, Post{}, false},
	} {
		got, ok := ChairPost(tc.posts, tc.org)
		if ok != tc.ok || got.OrgID != tc.want.OrgID || got.Kind != tc.want.Kind {
			t.Errorf("ChairPost(%v, %d) = %+v, %v; want %+v", tc.posts, tc.org, got, ok, tc.want)
		}
	}
}
