// Package loadtest is congtac's harness: simulated users of every role working against a
// running server (the load run), and a check that acknowledged writes survive the server
// being killed (the crash check). It talks to the server only over HTTP, as people and
// scripts do: pages with a session cookie (signed in through the sign-in form, posting
// forms with the headers a browser sends, which is what the cross-origin protection
// checks), and the JSON API with personal tokens (Authorization: Bearer), which carries
// most writes.
//
// The one exception is preparing the cast: [PrepareCast] opens the database to create the
// accounts the simulated users sign in with and their API tokens, since a data set from
// package synth has none and there is no default password.
//
// Nothing here reads the wall clock for "today"; durations and latencies use the monotonic
// clock, and the periods the users draft are chosen from a seed.
package loadtest
