package web

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"congtac"
	"congtac/assemble"
)

// apiFeed is a calendar feed as its owner sees it: the token only when just created.
type apiFeed struct {
	ID        int64   `json:"id"`
	Kind      string  `json:"kind"`
	KindLabel string  `json:"kind_label"`
	SubjectID int64   `json:"subject_id"`
	Name      string  `json:"name"`
	CreatedAt *string `json:"created_at"`
	RevokedAt *string `json:"revoked_at"`
	Active    bool    `json:"active"`
}

func newAPIFeed(f congtac.Feed) apiFeed {
	return apiFeed{ID: f.ID, Kind: string(f.Kind), KindLabel: f.Kind.Label(), SubjectID: f.SubjectID, Name: f.Name,
		CreatedAt: apiTime(f.CreatedAt), RevokedAt: apiTime(f.RevokedAt), Active: f.Active()}
}

// apiNewFeed is a feed just created, with its address shown this once.
type apiNewFeed struct {
	apiFeed
	URL string `json:"url"`
}

// apiFeedCreate is the body of POST /api/v1/feeds.
type apiFeedCreate struct {
	Kind      string `json:"kind"`
	SubjectID int64  `json:"subject_id"`
	Name      string `json:"name"`
}

// feedSchemas returns the schemas of the feed DTOs above, for the OpenAPI document.
func feedSchemas() map[string]*oaSchema {
	feed := schObject("Lịch đăng ký cho ứng dụng lịch (iCalendar); không kèm địa chỉ bí mật.", oaProps{
		"id": schInt("Mã."), "kind": schEnum("Loại lịch.", codesOf(congtac.FeedKinds)...),
		"kind_label": schString("Tên loại lịch."),
		"subject_id": schInt("Lãnh đạo (mã cán bộ), cơ quan hoặc Ủy ban của lịch."), "name": schString("Tên."),
		"created_at": schNullable(schDateTime("Tạo lúc")), "revoked_at": schNullable(schDateTime("Thu hồi lúc")),
		"active": schBool("Còn dùng được."),
	})
	return map[string]*oaSchema{
		"Feed": feed,
		"NewFeed": schExtend(feed, "Lịch vừa tạo, kèm địa chỉ chỉ hiển thị một lần này.", oaProps{
			"url": schString("Đường dẫn /feeds/….ics để thêm vào ứng dụng lịch; ai có nó đều đọc được lịch. Không xem lại được."),
		}),
		"FeedCreate": schInput("Lịch đăng ký mới.", []string{"kind", "subject_id", "name"}, oaProps{
			"kind":       schEnum("person: lịch của một lãnh đạo; org: của một cơ quan; committee: của Ủy ban.", codesOf(congtac.FeedKinds)...),
			"subject_id": schInt("Mã cán bộ (person) hoặc mã cơ quan (org, committee)."),
			"name":       schMax(schString("Tên hiện trong ứng dụng lịch."), congtac.MaxFeedName),
		}),
	}
}

// feedPath is where a feed's calendar is read.
func feedPath(raw string) string { return "/feeds/" + raw + ".ics" }

// handleAPIFeedList lists the caller's own feeds, newest first, revoked ones included.
func (s *Server) handleAPIFeedList(w http.ResponseWriter, r *http.Request) {
	q, ok := s.apiQueryOf(w, r)
	if !ok {
		return
	}
	limit, offset := q.page()
	if q.fail(s, w, r) {
		return
	}
	feeds, err := s.st.FindFeeds(r.Context(), actorOf(r).UserID)
	if err != nil {
		s.apiFail(w, r, fmt.Errorf("web: api feeds: %w", err), 0)
		return
	}
	writeJSON(w, http.StatusOK, pageOf(feeds, limit, offset, newAPIFeed))
}

// handleAPIFeedCreate gives the caller a new feed of a leader, org or committee within its
// ViewCalendar reach and answers 201 with its address, never shown again.
func (s *Server) handleAPIFeedCreate(w http.ResponseWriter, r *http.Request) {
	var body apiFeedCreate
	if !s.readJSON(w, r, &body) {
		return
	}
	f, raw, err := s.st.CreateFeed(r.Context(), actorOf(r), congtac.Feed{Kind: congtac.FeedKind(body.Kind),
		SubjectID: body.SubjectID, Name: body.Name})
	if err != nil {
		s.apiFail(w, r, fmt.Errorf("web: api create feed: %w", onField(err, "subject_id")), 0)
		return
	}
	w.Header().Set("Location", "/api/v1/feeds/"+strconv.FormatInt(f.ID, 10))
	writeJSON(w, http.StatusCreated, apiNewFeed{apiFeed: newAPIFeed(f), URL: feedPath(raw)})
}

// handleAPIFeedShow answers one of the caller's feeds.
func (s *Server) handleAPIFeedShow(w http.ResponseWriter, r *http.Request) {
	f, ok := apiRecord(s, w, r, "lịch đăng ký", func(ctx context.Context, a congtac.Actor, id int64) (congtac.Feed, error) {
		feeds, err := s.st.FindFeeds(ctx, a.UserID)
		return withID(feeds, err, id, func(f congtac.Feed) int64 { return f.ID }, "lịch đăng ký")
	})
	if ok {
		writeJSON(w, http.StatusOK, newAPIFeed(f))
	}
}

// handleAPIFeedRevoke ends one of the caller's feeds for good.
func (s *Server) handleAPIFeedRevoke(w http.ResponseWriter, r *http.Request) {
	id, ok := s.apiPathID(w, r, "lịch đăng ký")
	if !ok {
		return
	}
	if err := s.st.RevokeFeed(r.Context(), actorOf(r), id); err != nil {
		s.apiFail(w, r, fmt.Errorf("web: api revoke feed: %w", err), 0)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// handleFeedShow answers a calendar application reading /feeds/{token}.ics, without a
// session: the feed's calendar as its owner may see it today. An unknown or revoked token,
// a disabled owner, or an owner who no longer reaches the feed's org, all get the same 404.
func (s *Server) handleFeedShow(w http.ResponseWriter, r *http.Request) {
	raw, ok := strings.CutSuffix(r.PathValue("file"), ".ics")
	if !ok {
		s.fail(w, r, notFoundFor("lịch đăng ký"))
		return
	}
	ctx := r.Context()
	f, owner, org, err := s.st.FeedByToken(ctx, raw)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	a, err := s.actorFor(ctx, owner, clientAddress(r))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if ok, err := s.st.Reaches(ctx, a, congtac.ViewCalendar, org); err != nil {
		s.fail(w, r, err)
		return
	} else if !ok {
		s.fail(w, r, notFoundFor("lịch đăng ký"))
		return
	}
	src, err := assemble.Load(ctx, s.st)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	var buf bytes.Buffer
	if err := src.FeedICS(ctx, f, a.Reach(congtac.ViewCalendar), s.today(), &buf); err != nil {
		s.fail(w, r, fmt.Errorf("web: feed: %w", err))
		return
	}
	h := w.Header()
	h.Set("Content-Type", ctypeICS)
	h.Set("Cache-Control", "no-store")
	h.Set("X-Robots-Tag", "noindex")
	w.Write(buf.Bytes())
}
