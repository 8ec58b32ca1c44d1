package web

import (
	"fmt"
	"net"
	"net/http"
	"net/netip"
	"strings"
)

// ParseTrustedProxies reads the value of "congtac serve -trusted-proxy": IP addresses or
// CIDR prefixes ("10.0.0.5", "10.0.0.0/24", "::1"), separated by commas or spaces. Empty
// means none: X-Forwarded-For is then never honoured.
func ParseTrustedProxies(s string) ([]netip.Prefix, error) {
	var out []netip.Prefix
	for _, f := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ' ' }) {
		if p, err := netip.ParsePrefix(f); err == nil {
			out = append(out, p.Masked())
		} else if a, err := netip.ParseAddr(f); err == nil {
			out = append(out, netip.PrefixFrom(a.Unmap(), a.Unmap().BitLen()))
		} else {
			return nil, fmt.Errorf("%q không phải địa chỉ IP hay dải CIDR (not an IP address or CIDR prefix)", f)
		}
	}
	return out, nil
}

// clientAddress returns the client's IP address: the request's peer, which
// [Server.fromTrustedProxy] has already replaced by the client a trusted proxy forwards for.
func clientAddress(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}

// fromTrustedProxy serves next with the request's peer (RemoteAddr) set to the client's
// address when the peer is one of Config.TrustedProxies: the rightmost address of
// X-Forwarded-For that is not itself a trusted proxy. From any other peer the header is
// ignored, since any client can send it.
func (s *Server) fromTrustedProxy(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		peer, err := netip.ParseAddrPort(r.RemoteAddr)
		if err != nil || !s.trusted(peer.Addr()) || r.Header.Get("X-Forwarded-For") == "" {
			next.ServeHTTP(w, r)
			return
		}
		client := s.forwardedClient(peer.Addr(), r.Header.Values("X-Forwarded-For"))
		r = r.WithContext(r.Context()) // a shallow copy: the caller's request stays as it came
		r.RemoteAddr = netip.AddrPortFrom(client, 0).String()
		next.ServeHTTP(w, r)
	})
}

// trusted reports whether a is one of the configured proxies.
func (s *Server) trusted(a netip.Addr) bool {
	a = a.Unmap()
	for _, p := range s.cfg.TrustedProxies {
		if p.Contains(a) {
			return true
		}
	}
	return false
}

// forwardedClient returns the client a trusted proxy peer forwards for: walking the
// X-Forwarded-For entries from the right (the hop nearest to us), the first one that is
// not a trusted proxy. An entry that is not an address stops the walk at the hop that
// passed it on.
func (s *Server) forwardedClient(peer netip.Addr, headers []string) netip.Addr {
	entries := strings.Split(strings.Join(headers, ","), ",")
	client := peer.Unmap()
	for i := len(entries) - 1; i >= 0; i-- {
		a, err := netip.ParseAddr(strings.TrimSpace(entries[i]))
		if err != nil {
			break
		}
		client = a.Unmap()
		if !s.trusted(client) {
			break
		}
	}
	return client
}
