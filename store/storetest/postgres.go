package storetest

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // the "pgx" driver for the admin connection
)

// cluster is the PostgreSQL server of this test binary: started on first use, or the
// server of CONGTAC_TEST_POSTGRES.
type cluster struct {
	once    sync.Once
	err     error
	dir     string // data directory of a cluster we started; "" for an external server
	admin   *url.URL
	mu      sync.Mutex
	dbs     []string
	counter int
	stopFn  func()
}

var shared = &cluster{}

// newDatabase creates an empty database and returns its URL.
func (c *cluster) newDatabase() (string, error) {
	c.once.Do(func() { c.err = c.start() })
	if c.err != nil {
		return "", c.err
	}
	c.mu.Lock()
	c.counter++
	name := fmt.Sprintf("congtac_test_%d_%d", os.Getpid(), c.counter)
	c.dbs = append(c.dbs, name)
	c.mu.Unlock()
	if err := c.exec("CREATE DATABASE " + name); err != nil {
		return "", err
	}
	u := *c.admin
	u.Path = "/" + name
	return u.String(), nil
}

// exec runs one statement on the admin database. Database names are made here from
// digits, never from input.
func (c *cluster) exec(stmt string) error {
	db, err := sql.Open("pgx", c.admin.String())
	if err != nil {
		return err
	}
	defer db.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	_, err = db.ExecContext(ctx, stmt)
	return err
}

func (c *cluster) start() error {
	if env := os.Getenv("CONGTAC_TEST_POSTGRES"); env != "" {
		u, err := url.Parse(env)
		if err != nil {
			return fmt.Errorf("CONGTAC_TEST_POSTGRES: %w", err)
		}
		c.admin = u
		return c.exec("SELECT 1")
	}
	bin, err := findPostgresBin()
	if err != nil {
		return err
	}
	return c.startCluster(bin)
}

// findPostgresBin returns the directory holding initdb and pg_ctl: the newest
// /usr/lib/postgresql/N/bin (Debian), or else the one on PATH.
func findPostgresBin() (string, error) {
	dirs, _ := filepath.Glob("/usr/lib/postgresql/*/bin")
	sort.Slice(dirs, func(i, j int) bool { return pgMajor(dirs[i]) > pgMajor(dirs[j]) })
	for _, d := range dirs {
		if _, err := os.Stat(filepath.Join(d, "pg_ctl")); err == nil {
			return d, nil
		}
	}
	if p, err := exec.LookPath("pg_ctl"); err == nil {
		return filepath.Dir(p), nil
	}
	return "", errors.New("initdb and pg_ctl not found")
}

func pgMajor(dir string) int {
	n, _ := strconv.Atoi(filepath.Base(filepath.Dir(dir)))
	return n
}

// startCluster creates a cluster in a temporary directory that listens only on a Unix
// socket in that directory. initdb and postgres refuse to run as root, so as root they run
// as the postgres user, which must own the directory.
func (c *cluster) startCluster(bin string) error {
	dir, err := os.MkdirTemp("", "congtac-pg-")
	if err != nil {
		return err
	}
	c.dir = dir
	var runAs *user.User
	if os.Geteuid() == 0 {
		if runAs, err = user.Lookup("postgres"); err != nil {
			return fmt.Errorf("running as root needs the postgres user: %w", err)
		}
		uid, _ := strconv.Atoi(runAs.Uid)
		gid, _ := strconv.Atoi(runAs.Gid)
		if err := os.Chown(dir, uid, gid); err != nil {
			return err
		}
	}
	data := filepath.Join(dir, "data")
	run := func(name string, args ...string) error {
		path := filepath.Join(bin, name)
		cmd := exec.Command(path, args...)
		if runAs != nil {
			cmd = exec.Command("runuser", append([]string{"-u", "postgres", "--", path}, args...)...)
		}
		cmd.Dir = dir
		if out, err := cmd.CombinedOutput(); err != nil {
			return fmt.Errorf("%s: %v: %s", name, err, strings.TrimSpace(string(out)))
		}
		return nil
	}
	if err := run("initdb", "-D", data, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--locale=C", "--no-sync"); err != nil {
		return err
	}
	opts := "-k " + dir + " -c listen_addresses='' -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200"
	if err := run("pg_ctl", "-D", data, "-o", opts, "-l", filepath.Join(dir, "log"), "-w", "-t", "60", "start"); err != nil {
		return err
	}
	c.admin = &url.URL{Scheme: "postgres", User: url.User("postgres"), Path: "/postgres",
		RawQuery: url.Values{"host": {dir}, "sslmode": {"disable"}}.Encode()}
	c.stopFn = func() { run("pg_ctl", "-D", data, "-m", "immediate", "-w", "stop") }
	return nil
}

// stop drops the databases made on an external server, or stops and removes our cluster.
func (c *cluster) stop() {
	if c.admin == nil {
		return
	}
	if c.dir == "" {
		for _, name := range c.dbs {
			c.exec("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)")
		}
		return
	}
	if c.stopFn != nil {
		c.stopFn()
	}
	os.RemoveAll(c.dir)
}
