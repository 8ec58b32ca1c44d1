package store_test

import (
	"bytes"
	"image"
	"image/png"
	"testing"

	"congtac"
	"congtac/store"
	"congtac/store/storetest"
)

func TestStamps(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		f := newFixture(t, s)
		var b bytes.Buffer
		png.Encode(&b, image.NewNRGBA(image.Rect(0, 0, 200, 80)))
		sig := congtac.Stamp{Kind: congtac.StampSignature, OwnerID: f.leader.ID, PNG: b.Bytes()}
		if err := s.SaveStamp(ctx, f.drafter, sig); congtac.ErrorCode(err) != congtac.EFORBIDDEN {
			t.Errorf("the drafter saves a signature: %v, want EFORBIDDEN", err)
		}
		if err := s.SaveStamp(ctx, congtac.System, congtac.Stamp{Kind: congtac.StampSeal, OwnerID: f.committee.ID,
			PNG: []byte("GIF89a")}); congtac.ErrorCode(err) != congtac.EINVALID {
			t.Errorf("a GIF as a seal: %v, want EINVALID", err)
		}
		if err := s.SaveStamp(ctx, congtac.System, congtac.Stamp{Kind: congtac.StampSignature, OwnerID: 999999, PNG: b.Bytes()}); congtac.ErrorCode(err) != congtac.ENOTFOUND {
			t.Errorf("a signature of nobody: %v, want ENOTFOUND", err)
		}
		if err := s.SaveStamp(ctx, congtac.System, sig); err != nil {
			t.Fatal(err)
		}
		if err := s.SaveStamp(ctx, congtac.System, sig); err != nil {
			t.Fatalf("replacing: %v", err)
		}
		got, err := s.FindStamp(ctx, congtac.StampSignature, f.leader.ID)
		if err != nil || !bytes.Equal(got.PNG, sig.PNG) {
			t.Errorf("FindStamp: %d bytes, %v", len(got.PNG), err)
		}
		if _, err := s.FindStamp(ctx, congtac.StampSeal, f.committee.ID); congtac.ErrorCode(err) != congtac.ENOTFOUND {
			t.Errorf("missing seal: %v, want ENOTFOUND", err)
		}
		if err := s.DeleteStamp(ctx, congtac.System, congtac.StampSignature, f.leader.ID); err != nil {
			t.Fatal(err)
		}
		if _, err := s.FindStamp(ctx, congtac.StampSignature, f.leader.ID); congtac.ErrorCode(err) != congtac.ENOTFOUND {
			t.Errorf("after delete: %v, want ENOTFOUND", err)
		}
	})
}
