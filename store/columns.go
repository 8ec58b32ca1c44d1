package store

import (
	"database/sql"
	"encoding/json"
	"fmt"
	"time"

	"congtac"
)

// Column values: NULL for zero values on the way in, scanners for nullable and JSON
// columns on the way out.

// nullID maps the zero ID to NULL, for optional foreign keys.
func nullID(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}

// nullDate maps the zero Date to NULL.
func nullDate(d congtac.Date) any {
	if d.IsZero() {
		return nil
	}
	return d.String()
}

// nullUnix maps an instant to Unix seconds, and the zero instant to NULL.
func nullUnix(t interface {
	IsZero() bool
	Unix() int64
}) any {
	if t.IsZero() {
		return nil
	}
	return t.Unix()
}

// dateCol scans a nullable date column.
type dateCol struct{ d *congtac.Date }

// Scan implements sql.Scanner.
func (c dateCol) Scan(v any) error {
	switch v := v.(type) {
	case nil:
		*c.d = congtac.Date{}
		return nil
	case string:
		d, err := congtac.ParseDate(v)
		*c.d = d
		return err
	case []byte:
		d, err := congtac.ParseDate(string(v))
		*c.d = d
		return err
	}
	return fmt.Errorf("store: date column holds %T", v)
}

// idCol scans a nullable ID column into an int64 that is 0 for NULL.
type idCol struct{ id *int64 }

// Scan implements sql.Scanner.
func (c idCol) Scan(v any) error {
	var n sql.NullInt64
	if err := n.Scan(v); err != nil {
		return err
	}
	*c.id = n.Int64
	return nil
}

// jsonCol scans a JSON text column into any value.
type jsonCol struct{ v any }

// Scan implements sql.Scanner.
func (c jsonCol) Scan(v any) error {
	var s string
	switch v := v.(type) {
	case nil:
		return nil
	case string:
		s = v
	case []byte:
		s = string(v)
	default:
		return fmt.Errorf("store: json column holds %T", v)
	}
	if s == "" {
		return nil
	}
	return json.Unmarshal([]byte(s), c.v)
}

// mustJSON encodes v; the values given are plain structs that always encode.
func mustJSON(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		panic(fmt.Sprintf("store: encode %T: %v", v, err))
	}
	return string(b)
}

// unixCol scans a nullable Unix-seconds column into a UTC instant, the zero instant for NULL.
type unixCol struct{ t *time.Time }

// Scan implements sql.Scanner.
func (c unixCol) Scan(v any) error {
	var n sql.NullInt64
	if err := n.Scan(v); err != nil {
		return err
	}
	*c.t = time.Time{}
	if n.Valid {
		*c.t = time.Unix(n.Int64, 0).UTC()
	}
	return nil
}

// nullFloat maps a missing value to NULL.
func nullFloat(v *float64) any {
	if v == nil {
		return nil
	}
	return *v
}
