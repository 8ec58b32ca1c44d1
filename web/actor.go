package web

import (
	"context"
	"net/http"

	"congtac"
)

// actorKey is the context key of the request's actor.
type actorKey struct{}

// withActor returns a request carrying the actor that [Server.authenticate] found.
func withActor(r *http.Request, a congtac.Actor) *http.Request {
	return r.WithContext(context.WithValue(r.Context(), actorKey{}, a))
}

// actorOf returns who makes the request: a signed-in user, or the anonymous public. Handlers
// pass it explicitly to the store; it is only carried in the request's context from the
// authentication middleware to the handler.
func actorOf(r *http.Request) congtac.Actor {
	if a, ok := r.Context().Value(actorKey{}).(congtac.Actor); ok {
		return a
	}
	return congtac.Actor{Role: congtac.RolePublic, Address: clientAddress(r)}
}

// signedIn reports whether the actor is a user rather than the public.
func signedIn(a congtac.Actor) bool { return a.UserID != 0 }
