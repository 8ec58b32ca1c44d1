package main

import (
	"context"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"strings"
	"testing"
	"time"

	"congtac"
	"congtac/store"
	"congtac/store/storetest"
)

// startServe runs "congtac serve" with args in the background and returns its base URL,
// a function that stops it and returns its exit status, and its log.
func startServe(t *testing.T, args ...string) (string, func() int, *syncBuffer) {
	t.Helper()
	c, _, logs := newCLI(nil, "")
	return startServeCLI(t, c, logs, args...)
}

// startServeCLI is [startServe] with the invocation c, whose log is logs.
func startServeCLI(t *testing.T, c *cli, logs *syncBuffer, args ...string) (string, func() int, *syncBuffer) {
	t.Helper()
	addrs := make(chan net.Addr, 1)
	c.listening = func(a net.Addr) { addrs <- a }
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan int, 1)
	go func() { done <- c.run(ctx, append([]string{"serve", "-addr", "127.0.0.1:0"}, args...)) }()
	select {
	case a := <-addrs:
		stop := func() int {
			cancel()
			select {
			case code := <-done:
				return code
			case <-time.After(30 * time.Second):
				t.Fatalf("serve did not stop; log:\n%s", logs)
				return -1
			}
		}
		return "http://" + a.String(), stop, logs
	case code := <-done:
		cancel()
		t.Fatalf("serve exited with %d before listening; log:\n%s", code, logs)
	case <-time.After(60 * time.Second):
		cancel()
		t.Fatalf("serve did not listen; log:\n%s", logs)
	}
	return "", nil, nil
}

// fetch GETs url and returns the status and body.
func fetch(t *testing.T, url string) (int, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatalf("GET %s: %v", url, err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("GET %s: %v", url, err)
	}
	return resp.StatusCode, string(body)
}

func TestServe(t *testing.T) {
	for _, e := range storetest.Engines {
		t.Run(string(e), func(t *testing.T) {
			dsn := storetest.DSN(t, e)
			st := openStore(t, dsn)
			org := mustCommittee(t, st)
			if _, err := st.CreateProgram(context.Background(), congtac.System, congtac.Program{OrgID: org.ID,
				Period: congtac.Period{Kind: congtac.PeriodMonth, Year: 2026, Number: 11},
				Title:  "Công tác tháng 11 năm 2026 về đường giao thông nông thôn"}); err != nil {
				t.Fatal(err)
			}
			hash, err := congtac.HashPassword("mật khẩu an toàn")
			if err != nil {
				t.Fatal(err)
			}
			if _, err := st.CreateUser(context.Background(), congtac.System, congtac.User{Login: "vanphong",
				Role: congtac.RoleDrafter, OrgID: org.ID, PasswordHash: hash}); err != nil {
				t.Fatal(err)
			}
			st.Close()

			base, stop, logs := startServe(t, "-db", dsn, "-demo")
			if code, body := fetch(t, base+"/healthz"); code != http.StatusOK || body != "ok" {
				t.Errorf("GET /healthz = %d %q, want 200 \"ok\"", code, body)
			}
			if code, body := fetch(t, base+"/"); code != http.StatusOK || !strings.Contains(body, `name="password"`) {
				t.Errorf("anonymous GET / = %d, want the sign-in form; body:\n%s", code, body)
			}
			jar, _ := cookiejar.New(nil)
			browser := &http.Client{Jar: jar}
			resp, err := browser.PostForm(base+"/login", url.Values{"login": {"vanphong"}, "password": {"mật khẩu an toàn"}})
			if err != nil {
				t.Fatal(err)
			}
			body, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode != http.StatusOK || !strings.Contains(string(body), "Công tác tháng 11 năm 2026 về đường giao thông nông thôn") {
				t.Errorf("signed-in home = %d, want 200 listing the program; body:\n%s", resp.StatusCode, body)
			}
			if code := stop(); code != exitOK {
				t.Errorf("serve exited with %d, want 0; log:\n%s", code, logs)
			}
			for _, want := range []string{"congtac đang phục vụ", "demo data skipped", "đã dừng"} {
				if !strings.Contains(logs.String(), want) {
					t.Errorf("log lacks %q:\n%s", want, logs)
				}
			}
		})
	}
}

// TestServeTrustsItsProxy: with -trusted-proxy naming the proxy in front of it, serve counts
// a failed sign-in against the client X-Forwarded-For names, not against the proxy, and
// audits that address; the header of a peer it does not trust is ignored.
func TestServeTrustsItsProxy(t *testing.T) {
	dsn := storetest.DSN(t, store.SQLite)
	st := openStore(t, dsn)
	mustCommittee(t, st)
	base, stop, logs := startServe(t, "-db", dsn, "-trusted-proxy", "192.0.2.1, 127.0.0.0/8")
	defer stop()
	for _, client := range []string{"203.0.113.9", "198.51.100.4"} {
		req, _ := http.NewRequest("POST", base+"/login", strings.NewReader("login=vanphong&password=sai"))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.Header.Set("X-Forwarded-For", "10.9.9.9, "+client) // the client's own claim, then the client
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusUnauthorized {
			t.Fatalf("wrong password from %s = %d, want 401; log:\n%s", client, resp.StatusCode, logs)
		}
	}
	for address, want := range map[string]int{"203.0.113.9": 1, "198.51.100.4": 1, "127.0.0.1": 0, "10.9.9.9": 0} {
		if f, err := st.FindSignInFailures(context.Background(), "vanphong", address); err != nil || f.Address != want {
			t.Errorf("failures from %s = %+v, %v; want %d", address, f, err, want)
		}
	}
}

func TestServeRefusesBusyAddress(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	env := safeEnv(t)
	r := runCLI(t, env, "", "serve", "-addr", ln.Addr().String())
	if r.code != exitFailure || !strings.Contains(r.stderr, "không mở được địa chỉ") {
		t.Errorf("serve on a busy port = %d, %q; want 1", r.code, r.stderr)
	}
}

func TestWarnIfExposed(t *testing.T) {
	tests := []struct {
		addr string
		warn bool
	}{
		{"127.0.0.1:8080", false},
		{"[::1]:8080", false},
		{"0.0.0.0:8080", true},
		{"192.168.1.10:8080", true},
	}
	for _, tt := range tests {
		var logs syncBuffer
		addr, err := net.ResolveTCPAddr("tcp", tt.addr)
		if err != nil {
			t.Fatal(err)
		}
		warnIfExposed(slog.New(slog.NewTextHandler(&logs, nil)), addr)
		if got := strings.Contains(logs.String(), "level=WARN"); got != tt.warn {
			t.Errorf("warnIfExposed(%s) warned = %v, want %v", tt.addr, got, tt.warn)
		}
	}
}
