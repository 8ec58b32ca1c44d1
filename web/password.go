package web

import (
	"context"
	"fmt"

	"congtac"
)

// passwordGate admits one argon2id hash at a time. A hash holds 64 MiB and both cores of a
// small server for about 0.3 s, so hashes running side by side take as long in all as in
// turn while their memory adds up: sixteen sign-ins at once would hold 1 GiB. Waiting in
// line keeps the server's memory flat whatever the burst.
type passwordGate chan struct{}

// newPasswordGate returns a gate that admits one hash at a time.
func newPasswordGate() passwordGate { return make(passwordGate, 1) }

// enter waits for the gate, or returns ctx's error when ctx ends first.
func (g passwordGate) enter(ctx context.Context) error {
	select {
	case g <- struct{}{}:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// leave lets the next hash in.
func (g passwordGate) leave() { <-g }

// dummyHash is checked against when the login does not exist, so that an unknown login
// takes as long to refuse as a wrong password.
const dummyHash = "$argon2id$v=19$m=65536,t=3,p=2$c2FsdHNhbHRzYWx0c2FsdA$8OuU9X2vMgqqBIDeYW0f5Kc8D3c9B1xYb3JwbGVhc2Vzbw"

// checkPassword reports whether password matches hash (the dummy hash when empty), in
// turn with every other hash of the server. It is false when the request ends before its
// turn: the caller's next store call then fails with the request's context.
func (s *Server) checkPassword(ctx context.Context, hash, password string) bool {
	if hash == "" {
		hash = dummyHash
	}
	if s.hashing.enter(ctx) != nil {
		return false
	}
	defer s.hashing.leave()
	ok, err := congtac.CheckPassword(hash, password)
	return ok && err == nil
}

// hashPassword returns the argon2id hash of pw ([congtac.HashPassword]), in turn with
// every other hash of the server.
func (s *Server) hashPassword(ctx context.Context, pw string) (string, error) {
	if err := s.hashing.enter(ctx); err != nil {
		return "", fmt.Errorf("web: hash password: %w", err)
	}
	defer s.hashing.leave()
	return congtac.HashPassword(pw)
}
