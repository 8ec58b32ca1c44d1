package congtac

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"golang.org/x/crypto/argon2"
)

// argon2Params are the cost parameters of an argon2id hash.
type argon2Params struct {
	memory  uint32 // KiB
	time    uint32 // passes
	threads uint8
	keyLen  uint32 // bytes
}

// The cost of new hashes: 64 MiB of memory, 3 passes, 2 lanes, a 16-byte salt and a 32-byte
// key. This is the second recommended option of RFC 9106 §4 with two lanes instead of four,
// since the small servers congtac runs on have two cores; it is well above OWASP's minimum
// (19 MiB, 2 passes). One hash takes about 0.3 s on a two-core server and holds 64 MiB while
// it runs, which is why sign-in must be rate-limited.
const (
	argonMemory  = 64 * 1024 // KiB
	argonTime    = 3
	argonThreads = 2
	argonKeyLen  = 32
	saltLen      = 16
)

// errBadHash is returned by [CheckPassword] for a stored hash it cannot read.
var errBadHash = errors.New("congtac: password hash is not argon2id in PHC form")

// HashPassword returns an argon2id hash of pw in PHC string form,
// "$argon2id$v=19$m=65536,t=3,p=2$<salt>$<key>" (salt and key in unpadded standard
// base64), with a fresh random salt, so that two calls never return the same string. The
// password is put in Unicode NFC by [NFC] first, so that a Vietnamese password typed on any
// system matches (invalid UTF-8 becomes U+FFFD rather than reaching the normaliser). An empty password is refused; any other length policy is the caller's.
func HashPassword(pw string) (string, error) {
	return hashPassword(pw, argon2Params{memory: argonMemory, time: argonTime, threads: argonThreads, keyLen: argonKeyLen})
}

func hashPassword(pw string, p argon2Params) (string, error) {
	if pw == "" {
		return "", errors.New("congtac: hash password: empty password")
	}
	salt := make([]byte, saltLen)
	if _, err := rand.Read(salt); err != nil {
		return "", fmt.Errorf("congtac: hash password: %w", err)
	}
	key := argon2.IDKey([]byte(NFC(pw)), salt, p.time, p.memory, p.threads, p.keyLen)
	b64 := base64.RawStdEncoding
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s", argon2.Version, p.memory, p.time,
		p.threads, b64.EncodeToString(salt), b64.EncodeToString(key)), nil
}

// CheckPassword reports whether pw matches hash, a PHC string as made by [HashPassword]
// with any cost parameters (so that hashes made with older parameters keep working). The
// comparison takes constant time. It returns an error, and false, when hash is not an
// argon2id PHC string of version 19 or asks for an unreasonable cost; a wrong password is
// false with a nil error.
func CheckPassword(hash, pw string) (bool, error) {
	p, salt, want, err := parseHash(hash)
	if err != nil {
		return false, err
	}
	got := argon2.IDKey([]byte(NFC(pw)), salt, p.time, p.memory, p.threads, p.keyLen)
	return subtle.ConstantTimeCompare(got, want) == 1, nil
}

// parseHash splits a PHC argon2id string into its parameters, salt and key. The bounds
// keep a damaged or hostile hash from asking for gigabytes of memory or minutes of work.
func parseHash(hash string) (argon2Params, []byte, []byte, error) {
	var p argon2Params
	parts := strings.Split(hash, "$")
	if len(parts) != 6 || parts[0] != "" || parts[1] != "argon2id" {
		return p, nil, nil, errBadHash
	}
	if parts[2] != fmt.Sprintf("v=%d", argon2.Version) {
		return p, nil, nil, fmt.Errorf("%w: version %q", errBadHash, parts[2])
	}
	m, okM := phcParam(parts[3], 0, "m=", 1<<21)
	t, okT := phcParam(parts[3], 1, "t=", 20)
	l, okP := phcParam(parts[3], 2, "p=", 255)
	if !okM || !okT || !okP || strings.Count(parts[3], ",") != 2 || m < 8*l {
		return p, nil, nil, fmt.Errorf("%w: parameters %q", errBadHash, parts[3])
	}
	p.memory, p.time, p.threads = uint32(m), uint32(t), uint8(l)
	b64 := base64.RawStdEncoding
	salt, err := b64.DecodeString(parts[4])
	if err != nil || len(salt) < 8 {
		return p, nil, nil, fmt.Errorf("%w: salt", errBadHash)
	}
	key, err := b64.DecodeString(parts[5])
	if err != nil || len(key) < 16 || len(key) > 64 {
		return p, nil, nil, fmt.Errorf("%w: key", errBadHash)
	}
	p.keyLen = uint32(len(key))
	return p, salt, key, nil
}

// phcParam returns the i-th comma-separated parameter of a PHC parameter list, which must
// be named by prefix and lie in 1..max.
func phcParam(list string, i int, prefix string, max uint64) (uint64, bool) {
	fields := strings.Split(list, ",")
	if i >= len(fields) || !strings.HasPrefix(fields[i], prefix) {
		return 0, false
	}
	digits := fields[i][len(prefix):]
	if digits == "" || strings.TrimLeft(digits, "0123456789") != "" {
		return 0, false
	}
	n, err := strconv.ParseUint(digits, 10, 64)
	return n, err == nil && n >= 1 && n <= max
}
