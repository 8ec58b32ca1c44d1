package congtac

import "time"

// Limits on failed sign-ins, so that neither one machine nor a botnet guesses passwords
// quickly: within [SignInWindow], [MaxSignInFailuresPerAccount] failures on one account
// (from anywhere) or [MaxSignInFailuresPerAddress] from one client address (on any
// account) hold further attempts off until the oldest failure leaves the window. Only
// failures count: successful sign-ins, however many share an address (an office behind one
// proxy), never lock anyone out.
const (
	MaxSignInFailuresPerAccount = 10
	MaxSignInFailuresPerAddress = 20
	SignInWindow                = 5 * time.Minute
)

// SignInFailure is a failed attempt to prove who one is: a wrong password or second-factor
// code at sign-in, or a wrong current password when changing it. It counts against the
// account and the client address, and is audited.
type SignInFailure struct {
	Login   string // the account tried, as typed; counted folded, as search keys are (vn.Fold)
	UserID  int64  // the account's ID; 0 when the login names none
	Address string // the client's address
	Action  string // the audit action: "sign_in_failed", "set_password_failed"
	Detail  string // what failed, for the audit log; never the secret tried
}

// SignInFailures counts the failures within [SignInWindow] for one attempt's account and
// client address.
type SignInFailures struct {
	Account, Address int
}

// Blocked reports whether an attempt must be held off: the account or the address has
// reached its limit.
func (f SignInFailures) Blocked() bool {
	return f.Account >= MaxSignInFailuresPerAccount || f.Address >= MaxSignInFailuresPerAddress
}
