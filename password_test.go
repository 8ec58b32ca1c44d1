package congtac

import (
	"regexp"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"
)

// cheap are parameters that keep tests fast; CheckPassword reads them from the hash.
var cheap = argon2Params{memory: 64, time: 1, threads: 1, keyLen: 32}

func TestHashPasswordForm(t *testing.T) {
	h, err := HashPassword("mật khẩu đủ dài")
	if err != nil {
		t.Fatal(err)
	}
	phc := regexp.MustCompile(`^\$argon2id\$v=19\$m=65536,t=3,p=2\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$`)
	if !phc.MatchString(h) {
		t.Errorf("HashPassword = %q, want PHC argon2id with m=65536,t=3,p=2, 16-byte salt, 32-byte key", h)
	}
	ok, err := CheckPassword(h, "mật khẩu đủ dài")
	if err != nil || !ok {
		t.Errorf("CheckPassword(right) = %v, %v; want true, nil", ok, err)
	}
}

func TestCheckPassword(t *testing.T) {
	h, err := hashPassword("Đường-giao-thông-2026", cheap)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		pw   string
		want bool
	}{
		{"Đường-giao-thông-2026", true},
		{norm.NFD.String("Đường-giao-thông-2026"), true}, // typed on a system that decomposes
		{"Duong-giao-thong-2026", false},
		{"Đường-giao-thông-2026 ", false},
		{"", false},
	}
	for _, tt := range tests {
		got, err := CheckPassword(h, tt.pw)
		if err != nil || got != tt.want {
			t.Errorf("CheckPassword(%q) = %v, %v; want %v, nil", tt.pw, got, err, tt.want)
		}
	}
}

func TestHashPasswordSaltsEachHash(t *testing.T) {
	a, _ := hashPassword("cùng một mật khẩu", cheap)
	b, _ := hashPassword("cùng một mật khẩu", cheap)
	if a == b {
		t.Errorf("two hashes of one password are equal: %q", a)
	}
}

func TestHashPasswordRefusesEmpty(t *testing.T) {
	if h, err := HashPassword(""); err == nil {
		t.Errorf("HashPassword(\"\") = %q, nil; want an error", h)
	}
}

// TestCheckPasswordReferenceVector checks a hash made by the reference implementation
// (phc-winner-argon2: password "password", salt "somesalt", t=2, m=64 MiB, p=1).
func TestCheckPasswordReferenceVector(t *testing.T) {
	const ref = "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc"
	if ok, err := CheckPassword(ref, "password"); err != nil || !ok {
		t.Errorf("CheckPassword(reference, password) = %v, %v; want true, nil", ok, err)
	}
	if ok, err := CheckPassword(ref, "passwore"); err != nil || ok {
		t.Errorf("CheckPassword(reference, passwore) = %v, %v; want false, nil", ok, err)
	}
}

func TestCheckPasswordRefusesBadHashes(t *testing.T) {
	good, _ := hashPassword("x", cheap)
	parts := strings.Split(good, "$")
	with := func(i int, v string) string {
		p := append([]string(nil), parts...)
		p[i] = v
		return strings.Join(p, "$")
	}
	bad := []string{
		"",
		"plain text",
		"$2y$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy", // bcrypt
		with(1, "argon2i"),
		with(2, "v=16"),
		with(3, "m=64,t=1"),
		with(3, "m=64,t=1,p=1,k=2"),
		with(3, "t=1,m=64,p=1"),
		with(3, "m=4194304,t=1,p=1"), // 4 GiB
		with(3, "m=64,t=0,p=1"),
		with(3, "m=64,t=1000,p=1"),
		with(3, "m=64,t=1,p=0"),
		with(3, "m=64,t=+1,p=1"),
		with(3, "m=4,t=1,p=1"),
		with(4, "!!!"),
		with(4, "c2FsdA"),  // 4-byte salt
		with(5, "c2hvcnQ"), // 7-byte key
		good + "$extra",
	}
	for _, h := range bad {
		if ok, err := CheckPassword(h, "x"); err == nil || ok {
			t.Errorf("CheckPassword(%q) = %v, %v; want false and an error", h, ok, err)
		}
	}
}

func TestCheckPasswordInvalidUTF8(t *testing.T) {
	h, err := hashPassword("mật\xffkhẩu", cheap)
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		pw   string
		want bool
	}{
		{"mật\xffkhẩu", true},
		{"mật\xfe\xffkhẩu", true}, // a run of invalid bytes is one U+FFFD, as vn.NFC makes it
		{"mật\uFFFDkhẩu", true},
		{"mậtkhẩu", false},
	} {
		got, err := CheckPassword(h, tt.pw)
		if err != nil || got != tt.want {
			t.Errorf("CheckPassword(%q) = %v, %v; want %v, nil", tt.pw, got, err, tt.want)
		}
	}
}
