package web

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"fmt"
	"io/fs"
	"net/http"
	"path"
	"strings"
	"time"
)

// staticFiles holds the files served under /static/: stylesheets, scripts, images.
//
//go:embed static
var staticFiles embed.FS

// asset is one static file, served under a name that carries a hash of its content, so that
// browsers may cache it for a year and still get a new version after an upgrade.
type asset struct {
	hashed string // "app.3f9a1c2b7d4e.css"
	etag   string
	body   []byte
}

// assets are the static files by their plain name ("app.css") and by their hashed name.
type assets struct {
	byName   map[string]*asset
	byHashed map[string]*asset
}

// loadAssets reads and hashes every file in static/.
func loadAssets() (assets, error) {
	a := assets{byName: map[string]*asset{}, byHashed: map[string]*asset{}}
	err := fs.WalkDir(staticFiles, "static", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		body, err := staticFiles.ReadFile(p)
		if err != nil {
			return err
		}
		sum := sha256.Sum256(body)
		hash := hex.EncodeToString(sum[:6])
		name := strings.TrimPrefix(p, "static/")
		ext := path.Ext(name)
		f := &asset{hashed: strings.TrimSuffix(name, ext) + "." + hash + ext, etag: `"` + hash + `"`, body: body}
		a.byName[name], a.byHashed[f.hashed] = f, f
		return nil
	})
	if err != nil {
		return a, fmt.Errorf("static files: %w", err)
	}
	return a, nil
}

// path returns the URL of the static file called name ("app.css"); templates call it as
// {{asset "app.css"}}. An unknown name is an error, so a typo fails the page's render test.
func (a assets) path(name string) (string, error) {
	f, ok := a.byName[name]
	if !ok {
		return "", fmt.Errorf("no static file %q", name)
	}
	return "/static/" + f.hashed, nil
}

// handleStaticShow serves a static file by its hashed name, cacheable for a year. Any other
// name, the plain one included, is not found: a page must link the hashed path.
func (s *Server) handleStaticShow(w http.ResponseWriter, r *http.Request) {
	f, ok := s.assets.byHashed[r.PathValue("name")]
	if !ok {
		s.handleNotFound(w, r)
		return
	}
	w.Header().Set("Cache-Control", "public, max-age=31536000, immutable")
	w.Header().Set("ETag", f.etag)
	http.ServeContent(w, r, f.hashed, time.Time{}, bytes.NewReader(f.body))
}
