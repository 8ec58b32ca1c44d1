package main

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"syscall"
	"testing"
	"text/template"
	"time"

	"congtac"
	"congtac/clocktest"
	"congtac/loadtest"
	"congtac/store"
	"congtac/store/storetest"
	"congtac/synth"
)

// The accounts of the instance test, by their index in the cast.
const (
	instIssuer     = 0 // 0, 1 and 2 are office heads who issue programs
	instViewer     = 3 // signs in and out on pages
	instReporter   = 4 // revokes its token
	instAdmin      = 5 // disables an account, renames an org
	instDisabled   = 6 // the account the administrator disables
	instLimited    = 7 // the account whose sign-ins fail
	instAccounts   = 8
	instCount      = 3 // instances
	instIssuesEach = 5 // programs each issuer issues
)

// TestThreeInstancesBehindNginx runs three "congtac serve" on one PostgreSQL database
// behind nginx from Debian's package, balancing round-robin, as a province would, and
// checks that nothing depends on which instance answers: a session goes on when the user
// is moved to another instance and ends on all of them at once; numbers taken through
// different instances are unique and gapless; failed sign-ins are limited across the
// instances; and what one instance changes (settings, org names, disabled accounts,
// revoked tokens, ended sessions) the others see at once.
func TestThreeInstancesBehindNginx(t *testing.T) {
	nginx := findNginx(t)
	dsn := storetest.DSN(t, store.Postgres)
	cast := prepareInstances(t, dsn)
	var backends []string
	for range instCount {
		backends = append(backends, startInstance(t, dsn))
	}
	proxy := startNginx(t, nginx, backends)
	client := func(t *testing.T, i int, base string) *loadtest.Client {
		t.Helper()
		c, err := loadtest.NewClient(base, cast.Accounts[i].Token, loadtest.NewTransport(4), loadtest.NewRecorder())
		if err != nil {
			t.Fatal(err)
		}
		return c
	}

	t.Run("session moves between instances", func(t *testing.T) {
		c := client(t, instViewer, proxy)
		a := cast.Accounts[instViewer]
		if err := c.SignIn(t.Context(), a.Login, a.Password); err != nil {
			t.Fatal(err)
		}
		if got := upstreams(t, c, http.StatusOK); len(got) != instCount {
			t.Errorf("signed-in pages came from %v; want every instance", got)
		}
		if _, err := c.PostForm(t.Context(), "POST /logout", "/logout", nil, http.StatusSeeOther); err != nil {
			t.Fatal(err)
		}
		if got := upstreams(t, c, http.StatusSeeOther); len(got) != instCount {
			t.Errorf("pages after signing out came from %v; want every instance to send to sign in", got)
		}
	})

	t.Run("numbers are unique and gapless", func(t *testing.T) {
		var mu sync.Mutex
		var codes []string
		var wg sync.WaitGroup
		for i := range 3 {
			c := client(t, instIssuer+i, proxy)
			wg.Go(func() {
				for w := 1; w <= instIssuesEach; w++ {
					p, err := loadtestIssue(t.Context(), c, cast.Committee, fmt.Sprintf("%04d-W%02d", 3000+i, w))
					if err != nil {
						t.Error(err)
						return
					}
					mu.Lock()
					codes = append(codes, p)
					mu.Unlock()
				}
			})
		}
		wg.Wait()
		docs, err := loadtest.Documents(t.Context(), client(t, instAdmin, proxy), cast.Committee)
		if err != nil {
			t.Fatal(err)
		}
		if gaps := loadtest.RegisterGaps(docs); len(gaps) > 0 || len(docs) != 3*instIssuesEach {
			t.Errorf("register of %d documents: %q; want %d numbered without gaps", len(docs), gaps, 3*instIssuesEach)
		}
		slices.Sort(codes)
		if len(slices.Compact(slices.Clone(codes))) != len(codes) || len(codes) != 3*instIssuesEach {
			t.Errorf("codes %v; want %d distinct", codes, 3*instIssuesEach)
		}
	})

	t.Run("sign-in limits are shared", func(t *testing.T) {
		c := client(t, instLimited, proxy)
		c.SetHeader("X-Forwarded-For", "198.51.100.7") // a client behind nginx, as the proxy reports it
		a := cast.Accounts[instLimited]
		attempt := func(login, password string, want int) {
			t.Helper()
			form := url.Values{"login": {login}, "password": {password}, "next": {"/"}}
			if _, err := c.PostForm(t.Context(), "POST /login", "/login", form, want); err != nil {
				t.Fatalf("sign in as %s: %v", login, err)
			}
		}
		for range congtac.MaxSignInFailuresPerAccount {
			attempt(a.Login, "sai mật khẩu", http.StatusUnauthorized)
		}
		attempt(a.Login, a.Password, http.StatusTooManyRequests) // the account, on whichever instance
		for i := congtac.MaxSignInFailuresPerAccount; i < congtac.MaxSignInFailuresPerAddress; i++ {
			attempt(fmt.Sprintf("khong.co.%d", i), "sai mật khẩu", http.StatusUnauthorized)
		}
		v := cast.Accounts[instViewer]
		attempt(v.Login, v.Password, http.StatusTooManyRequests) // the address, on whichever instance
		c.SetHeader("X-Forwarded-For", "198.51.100.8")
		attempt(v.Login, v.Password, http.StatusSeeOther) // another address signs in
	})

	t.Run("nothing is cached per instance", func(t *testing.T) {
		ctx := t.Context()
		other := backends[1:]
		// Committee settings changed through one instance.
		head := client(t, instIssuer, backends[0])
		var settings struct {
			Version int    `json:"version"`
			Place   string `json:"place"`
		}
		path := fmt.Sprintf("/api/v1/committees/%d/settings", cast.Committee)
		mustAPI(t, head, http.MethodGet, path, nil, &settings, http.StatusOK)
		place := "Thị trấn Kiểm Tra"
		mustAPI(t, head, http.MethodPatch, path, map[string]any{"version": settings.Version, "place": place}, nil, http.StatusOK)
		for _, b := range other {
			mustAPI(t, client(t, instIssuer, b), http.MethodGet, path, nil, &settings, http.StatusOK)
			if settings.Place != place {
				t.Errorf("%s reads the place %q; want %q", b, settings.Place, place)
			}
		}
		// An org renamed through one instance.
		admin := client(t, instAdmin, backends[0])
		org := findByID(t, admin, "/api/v1/orgs?limit=200", cast.Accounts[instReporter].OrgID)
		name := "Phòng Kiểm Tra Đổi Tên"
		mustAPI(t, admin, http.MethodPatch, fmt.Sprintf("/api/v1/orgs/%d", org.ID),
			map[string]any{"version": org.Version, "name": name}, nil, http.StatusOK)
		for _, b := range other {
			if got := findByID(t, client(t, instAdmin, b), "/api/v1/orgs?limit=200", org.ID); got.Name != name {
				t.Errorf("%s reads the org's name %q; want %q", b, got.Name, name)
			}
		}
		// An account disabled through one instance.
		disabled := findByID(t, admin, "/api/v1/users?limit=200", cast.Accounts[instDisabled].UserID)
		mustAPI(t, admin, http.MethodPatch, fmt.Sprintf("/api/v1/users/%d", disabled.ID),
			map[string]any{"version": disabled.Version, "disabled": true}, nil, http.StatusOK)
		for _, b := range other {
			mustAPI(t, client(t, instDisabled, b), http.MethodGet, "/api/v1/me", nil, nil, http.StatusUnauthorized)
		}
		// A token revoked through one instance.
		reporter := client(t, instReporter, backends[0])
		var tokens struct {
			Items []struct {
				ID     int64 `json:"id"`
				Active bool  `json:"active"`
			} `json:"items"`
		}
		mustAPI(t, reporter, http.MethodGet, "/api/v1/tokens", nil, &tokens, http.StatusOK)
		for _, b := range other {
			mustAPI(t, client(t, instReporter, b), http.MethodGet, "/api/v1/me", nil, nil, http.StatusOK)
		}
		for _, tk := range tokens.Items {
			if tk.Active {
				mustAPI(t, reporter, http.MethodDelete, fmt.Sprintf("/api/v1/tokens/%d", tk.ID), nil, nil, http.StatusNoContent)
			}
		}
		for _, b := range other {
			mustAPI(t, client(t, instReporter, b), http.MethodGet, "/api/v1/me", nil, nil, http.StatusUnauthorized)
		}
		// A session ended through one instance.
		viewer := client(t, instViewer, backends[0])
		v := cast.Accounts[instViewer]
		if err := viewer.SignIn(ctx, v.Login, v.Password); err != nil {
			t.Fatal(err)
		}
		for _, b := range other {
			at, _ := viewer.At(b)
			if _, err := at.Get(ctx, "GET /", "/", http.StatusOK); err != nil {
				t.Errorf("%s does not know the session: %v", b, err)
			}
		}
		if _, err := viewer.PostForm(ctx, "POST /logout", "/logout", nil, http.StatusSeeOther); err != nil {
			t.Fatal(err)
		}
		for _, b := range other {
			at, _ := viewer.At(b)
			if _, err := at.Get(ctx, "GET /", "/", http.StatusSeeOther); err != nil {
				t.Errorf("%s still serves the ended session: %v", b, err)
			}
		}
	})
}

// findNginx returns the path of nginx, or skips the test naming the Debian package.
func findNginx(t *testing.T) string {
	t.Helper()
	for _, p := range []string{"nginx", "/usr/sbin/nginx"} {
		if path, err := exec.LookPath(p); err == nil {
			return path
		}
	}
	storetest.Skip(t, "nginx not found (install the Debian package nginx)")
	return ""
}

// prepareInstances fills the database with the small data set and makes the test's
// accounts ([instAccounts]).
func prepareInstances(t *testing.T, dsn string) loadtest.Cast {
	t.Helper()
	st := openStore(t, dsn)
	today := clocktest.Today()
	if _, err := synth.Generate(t.Context(), st, synth.Config{Seed: 5, Scale: synth.Small,
		End: congtac.Period{Kind: congtac.PeriodMonth, Year: today.Year, Number: int(today.Month)}}); err != nil {
		t.Fatal(err)
	}
	roles := []congtac.Role{congtac.RoleOfficeHead, congtac.RoleOfficeHead, congtac.RoleOfficeHead, congtac.RoleViewer,
		congtac.RoleReporter, congtac.RoleAdmin, congtac.RoleViewer, congtac.RoleReporter}
	cast, err := loadtest.PrepareCast(t.Context(), st, roles[:instAccounts])
	if err != nil {
		t.Fatal(err)
	}
	st.Close()
	return cast
}

// startInstance starts "congtac serve" on dsn, trusting the proxy on loopback, and
// returns its address; it is stopped when the test ends.
func startInstance(t *testing.T, dsn string) string {
	t.Helper()
	addr, err := loadtest.FreeAddr()
	if err != nil {
		t.Fatal(err)
	}
	var out syncBuffer
	p, err := loadtest.StartServer(t.Context(), serveProcess, addr, &out, "-db", dsn, "-log-level", "warn",
		"-trusted-proxy", "127.0.0.1")
	if err != nil {
		t.Fatalf("%v\n%s", err, out.String())
	}
	t.Cleanup(func() {
		if err := p.Stop(30 * time.Second); err != nil {
			t.Errorf("instance %s: %v\n%s", addr, err, out.String())
		}
	})
	return p.URL
}

// nginxConf is the proxy's configuration: one worker in the foreground, everything it
// writes in its directory, round-robin over the instances, the instance that answered in
// the header X-Upstream, and no retry of a request on another instance.
var nginxConf = template.Must(template.New("nginx.conf").Parse(`{{if .Root}}user root;
{{end}}worker_processes 1;
daemon off;
pid {{.Dir}}/nginx.pid;
error_log {{.Dir}}/error.log warn;
events { worker_connections 256; }
http {
	access_log off;
	client_body_temp_path {{.Dir}}/body;
	proxy_temp_path {{.Dir}}/proxy;
	fastcgi_temp_path {{.Dir}}/fastcgi;
	uwsgi_temp_path {{.Dir}}/uwsgi;
	scgi_temp_path {{.Dir}}/scgi;
	upstream congtac {
{{range .Backends}}		server {{.}};
{{end}}	}
	server {
		listen {{.Listen}};
		location / {
			proxy_pass http://congtac;
			proxy_http_version 1.1;
			proxy_set_header Connection "";
			proxy_set_header Host $http_host;
			proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
			proxy_set_header X-Forwarded-Proto $scheme;
			proxy_next_upstream off;
			add_header X-Upstream $upstream_addr always;
		}
	}
}
`))

// startNginx runs nginx in front of backends and returns its address; it is stopped when
// the test ends.
func startNginx(t *testing.T, nginx string, backends []string) string {
	t.Helper()
	dir := t.TempDir()
	listen, err := loadtest.FreeAddr()
	if err != nil {
		t.Fatal(err)
	}
	var hosts []string
	for _, b := range backends {
		hosts = append(hosts, strings.TrimPrefix(b, "http://"))
	}
	var conf bytes.Buffer
	if err := nginxConf.Execute(&conf, map[string]any{"Root": os.Geteuid() == 0, "Dir": dir, "Backends": hosts,
		"Listen": listen}); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "nginx.conf")
	if err := os.WriteFile(path, conf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	var out syncBuffer
	cmd := exec.Command(nginx, "-p", dir, "-c", path, "-e", filepath.Join(dir, "error.log"))
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan struct{})
	go func() { cmd.Wait(); close(done) }()
	t.Cleanup(func() {
		cmd.Process.Signal(syscall.SIGTERM)
		<-done
	})
	base := "http://" + listen
	for deadline := time.Now().Add(30 * time.Second); ; {
		if resp, err := http.Get(base + "/healthz"); err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return base
			}
		}
		select {
		case <-done:
			log, _ := os.ReadFile(filepath.Join(dir, "error.log"))
			t.Fatalf("nginx ended: %s\n%s", out.String(), log)
		case <-time.After(50 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			t.Fatal("nginx did not answer within 30 s")
		}
	}
}

// upstreams gets the home page instCount*2 times and returns the distinct instances that
// answered (nginx's X-Upstream), each answer having status want.
func upstreams(t *testing.T, c *loadtest.Client, want int) []string {
	t.Helper()
	var seen []string
	for range 2 * instCount {
		resp, err := c.Get(t.Context(), "GET /", "/", want)
		if err != nil {
			t.Fatalf("home page: %v", err)
		}
		if u := resp.Header.Get("X-Upstream"); !slices.Contains(seen, u) {
			seen = append(seen, u)
		}
	}
	return seen
}

// loadtestIssue takes a week program of org from draft to issued and returns its code.
func loadtestIssue(ctx context.Context, c *loadtest.Client, org int64, period string) (string, error) {
	var p struct {
		ID      int64   `json:"id"`
		Version int     `json:"version"`
		Code    *string `json:"code"`
	}
	if _, err := c.API(ctx, "POST /api/v1/programs", http.MethodPost, "/api/v1/programs",
		map[string]any{"org_id": org, "period": period}, &p, http.StatusCreated); err != nil {
		return "", err
	}
	for _, action := range []string{"submit", "approve"} {
		if _, err := c.API(ctx, "transition", http.MethodPost, fmt.Sprintf("/api/v1/programs/%d/transitions", p.ID),
			map[string]any{"version": p.Version, "action": action}, &p, http.StatusOK); err != nil {
			return "", err
		}
	}
	if _, err := c.API(ctx, "issue", http.MethodPost, fmt.Sprintf("/api/v1/programs/%d/issue", p.ID),
		map[string]any{"version": p.Version}, &p, http.StatusOK); err != nil {
		return "", err
	}
	if p.Code == nil {
		return "", fmt.Errorf("program %d issued without a code", p.ID)
	}
	return *p.Code, nil
}

// mustAPI calls the API and fails the test on an unexpected answer.
func mustAPI(t *testing.T, c *loadtest.Client, method, path string, body, out any, want int) {
	t.Helper()
	if _, err := c.API(t.Context(), method+" "+path, method, path, body, out, want); err != nil {
		t.Fatalf("%s %s at %s: %v", method, path, c.Base(), err)
	}
}

// record is an entry of an API list with its name and version.
type record struct {
	ID      int64  `json:"id"`
	Name    string `json:"name"`
	Version int    `json:"version"`
}

// findByID reads the list at path and returns its entry id.
func findByID(t *testing.T, c *loadtest.Client, path string, id int64) record {
	t.Helper()
	var list struct {
		Items []record `json:"items"`
	}
	mustAPI(t, c, http.MethodGet, path, nil, &list, http.StatusOK)
	for _, r := range list.Items {
		if r.ID == id {
			return r
		}
	}
	t.Fatalf("%s at %s lists no %d", path, c.Base(), id)
	return record{}
}
