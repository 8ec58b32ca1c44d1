package congtac

import (
	"strings"
	"time"
)

// Session is a signed-in browser session as its owner sees it under "your sessions". The
// session token itself is a bearer secret: it is never stored, shown or logged, only its
// SHA-256.
type Session struct {
	// ID is the first 16 hex digits of the SHA-256 of the token: a handle that names the
	// session in pages and forms (to end it) but cannot be turned back into the token.
	ID         string
	UserID     int64
	CreatedAt  time.Time
	LastSeenAt time.Time // the last time the session's data was saved
	Expiry     time.Time // the session ends then unless it is used again first
	Address    string    // client address at sign-in
	Agent      string    // browser (User-Agent) at sign-in, shortened
}

// Limits on personal API tokens, checked by [APIToken.Validate] and the store.
const (
	MaxAPITokenName    = 100 // characters of a token's name
	MaxActiveAPITokens = 20  // tokens a user may hold that are not revoked
)

// APIToken is a personal bearer token with which a user's programs call /api/v1/ with the
// user's own permissions. The token is shown once, when it is created; only its SHA-256 is
// kept, so a lost token is revoked and replaced, never recovered.
type APIToken struct {
	ID         int64
	UserID     int64
	Name       string // what the user calls it: "Bảng tính tổng hợp báo cáo"
	CreatedAt  time.Time
	LastUsedAt time.Time // zero if never used; kept to the minute, not to the request
	RevokedAt  time.Time // zero while the token works
}

// Active reports whether the token still authenticates: it has not been revoked. (A token
// of a disabled account does not authenticate either, but stays active.)
func (t APIToken) Active() bool { return t.RevokedAt.IsZero() }

// Validate checks the name the user gave the token: present and at most
// [MaxAPITokenName] characters.
func (t APIToken) Validate() error {
	if err := CheckText("name", "Tên mã truy cập", t.Name); err != nil {
		return err
	}
	switch n := len([]rune(strings.TrimSpace(t.Name))); {
	case n == 0:
		return FieldError("name", "Chưa đặt tên cho mã truy cập.")
	case n > MaxAPITokenName:
		return FieldError("name", "Tên mã truy cập dài quá %d ký tự.", MaxAPITokenName)
	}
	return nil
}

// UserUpdate holds the account fields an administrator changes; nil fields stay as they are.
// The login never changes; the password and the second factor change through their own use
// cases, which are audited without the secret.
type UserUpdate struct {
	DisplayName *string
	Role        *Role
	OrgID       *int64
	PersonID    *int64 // a pointer to 0 unlinks the account from its person
	Disabled    *bool
}

// Apply returns u with the update's fields applied.
func (up UserUpdate) Apply(u User) User {
	setIf(&u.DisplayName, up.DisplayName)
	setIf(&u.Role, up.Role)
	setIf(&u.OrgID, up.OrgID)
	setIf(&u.PersonID, up.PersonID)
	setIf(&u.Disabled, up.Disabled)
	return u
}

// PersonUpdate holds the fields of a [Person] to change; nil fields stay as they are. Posts
// change through their own use cases.
type PersonUpdate struct {
	FullName *string
	OrgID    *int64 // a pointer to 0 leaves the person without an org
	Email    *string
	Phone    *string
}

// Apply returns p with the update's fields applied.
func (up PersonUpdate) Apply(p Person) Person {
	setIf(&p.FullName, up.FullName)
	setIf(&p.OrgID, up.OrgID)
	setIf(&p.Email, up.Email)
	setIf(&p.Phone, up.Phone)
	return p
}
