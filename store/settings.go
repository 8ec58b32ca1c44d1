package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"

	"congtac"
)

// globalSettingsKey is the one row of the settings table holding [congtac.GlobalSettings] as
// JSON. Before every committee had its own settings that row held them all; the fields that
// moved to committee_settings are ignored when it is read.
const globalSettingsKey = "settings"

// globalSettingsTx reads the global settings; the defaults when none were saved.
func globalSettingsTx(ctx context.Context, q queryer) (congtac.GlobalSettings, error) {
	g := congtac.DefaultGlobalSettings()
	err := q.QueryRowContext(ctx, "SELECT value FROM settings WHERE key = $1", globalSettingsKey).Scan(jsonCol{&g})
	if err != nil && err != sql.ErrNoRows {
		return g, fmt.Errorf("store: global settings: %w", err)
	}
	return g, nil
}

// GlobalSettings returns the installation-wide settings (mail, security), or the defaults
// when none were saved. Anyone may read them: the SMTP password is in them, so callers
// never show it.
func (s *Store) GlobalSettings(ctx context.Context) (congtac.GlobalSettings, error) {
	return globalSettingsTx(ctx, s.read)
}

// SaveGlobalSettings validates and stores the installation-wide settings. Only an actor whose
// [congtac.ManageSettings] reaches every org may (EFORBIDDEN). The change is audited as
// entity "settings" without the SMTP password ([redactSettings]).
func (s *Store) SaveGlobalSettings(ctx context.Context, a congtac.Actor, g congtac.GlobalSettings) error {
	if congtac.ScopeOf(a.Role, congtac.ManageSettings) != congtac.ScopeAll {
		return congtac.Forbidden()
	}
	if err := g.Validate(); err != nil {
		return err
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		before, err := globalSettingsTx(ctx, tx)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO settings (key, value, version, updated_at) VALUES ($1, $2, 1, $3)
			ON CONFLICT (key) DO UPDATE SET value = excluded.value, version = settings.version + 1,
			updated_at = excluded.updated_at`, globalSettingsKey, mustJSON(g), s.now().Unix()); err != nil {
			return fmt.Errorf("store: save global settings: %w", err)
		}
		return s.audit(ctx, tx, a, "update", "settings", 0, 0, redactSettings(before), redactSettings(g))
	})
}

// redactSettings returns g without the SMTP password, for the audit log: the log is read
// and exported by more people than may read the password. Whether a password is set still
// shows; no digest of it does, since a short digest of a guessable password would let the
// reader test guesses.
func redactSettings(g congtac.GlobalSettings) congtac.GlobalSettings {
	if g.SMTP.Password != "" {
		g.SMTP.Password = "(đã ẩn)"
	}
	return g
}

// committeePathSQL selects the org of $1 and its ancestors, nearest first, each with its
// saved committee settings (NULL when none), in one round trip.
const committeePathSQL = `WITH RECURSIVE up(id, parent_id, depth) AS (
		SELECT id, parent_id, 0 FROM orgs WHERE id = $1
		UNION ALL SELECT o.id, o.parent_id, up.depth + 1 FROM orgs o JOIN up ON o.id = up.parent_id
		WHERE up.depth < 64)
	SELECT o.id, o.parent_id, o.kind, o.name, o.short_name, o.valid_from, o.valid_to, o.successor_id,
		o.position, o.version, cs.value, cs.version
	FROM up JOIN orgs o ON o.id = up.id LEFT JOIN committee_settings cs ON cs.org_id = o.id
	ORDER BY up.depth`

// committeeTx returns the committee of org ([congtac.CommitteeOf]) with its settings, and
// the path of org (its ID first) for scope checks. An unknown org is ENOTFOUND.
func committeeTx(ctx context.Context, q queryer, orgID int64) (congtac.Committee, []int64, error) {
	rows, err := q.QueryContext(ctx, committeePathSQL, orgID)
	if err != nil {
		return congtac.Committee{}, nil, fmt.Errorf("store: committee: %w", err)
	}
	defer rows.Close()
	var path []congtac.Org
	saved := map[int64]savedSettings{}
	for rows.Next() {
		var o congtac.Org
		var row savedSettings
		if err := rows.Scan(&o.ID, idCol{&o.ParentID}, &o.Kind, &o.Name, &o.ShortName, dateCol{&o.ValidFrom},
			dateCol{&o.ValidTo}, idCol{&o.Successor}, &o.Position, &o.Version, &row.value, &row.version); err != nil {
			return congtac.Committee{}, nil, fmt.Errorf("store: committee: %w", err)
		}
		path = append(path, o)
		saved[o.ID] = row
	}
	if err := rows.Err(); err != nil {
		return congtac.Committee{}, nil, fmt.Errorf("store: committee: %w", err)
	}
	if len(path) == 0 {
		return congtac.Committee{}, nil, notFound("cơ quan, đơn vị")
	}
	ids := make([]int64, len(path))
	for i, o := range path {
		ids[i] = o.ID
	}
	org := congtac.CommitteeOf(path)
	c, err := saved[org.ID].committee(org)
	return c, ids, err
}

// savedSettings is a committee_settings row as read, NULL when the committee has none.
type savedSettings struct {
	value   sql.NullString
	version sql.NullInt64
}

// committee returns committee org with the settings of the row: the saved ones over the
// defaults of its name, so that a field added since they were saved has its default.
func (r savedSettings) committee(org congtac.Org) (congtac.Committee, error) {
	c := congtac.Committee{Org: org, Settings: congtac.CommitteeSettings(org)}
	if !r.value.Valid {
		return c, nil
	}
	if err := json.Unmarshal([]byte(r.value.String), &c.Settings); err != nil {
		return c, fmt.Errorf("store: settings of committee %d: %w", org.ID, err)
	}
	c.Version = int(r.version.Int64)
	return c, nil
}

// settingsOf returns the settings of org's committee.
func settingsOf(ctx context.Context, q queryer, orgID int64) (congtac.Settings, error) {
	c, _, err := committeeTx(ctx, q, orgID)
	return c.Settings, err
}

// FindCommittee returns the committee of org, the org itself when it is one
// ([congtac.CommitteeOf]), with its settings: the saved ones, else the defaults of its name
// ([congtac.CommitteeSettings]). An unknown org is ENOTFOUND. Reading needs no right: the
// settings are what the committee's documents print.
func (s *Store) FindCommittee(ctx context.Context, orgID int64) (congtac.Committee, error) {
	c, _, err := committeeTx(ctx, s.read, orgID)
	return c, err
}

// SaveCommitteeSettings validates and stores the settings of committee id, which must be
// its own committee (an org of kind committee, or a root without one above it; else
// EINVALID). The actor's [congtac.ManageCommittee] must reach it (EFORBIDDEN); version is
// the version read ([congtac.Committee.Version], 0 before the first save), ECONFLICT when it
// moved. Only this committee's documents, numbering and calendar change. The change is
// audited as entity "committee_settings" of the committee, with before and after.
func (s *Store) SaveCommitteeSettings(ctx context.Context, a congtac.Actor, id int64, version int, st congtac.Settings) (congtac.Committee, error) {
	var c congtac.Committee
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		before, path, err := committeeTx(ctx, tx, id)
		if err != nil {
			return err
		}
		if !a.CanOn(congtac.ManageCommittee, path) {
			return congtac.Forbidden()
		}
		if before.Org.ID != id {
			return congtac.Errorf(congtac.EINVALID, "Đơn vị này không phải là cơ quan ban hành; cấu hình thuộc về %s.", before.Org.Name)
		}
		if err := st.Validate(); err != nil {
			return err
		}
		if before.Version != version {
			return conflict("Cấu hình")
		}
		if err := saveCommitteeRow(ctx, tx, id, version, st, s.now().Unix()); err != nil {
			return err
		}
		c = congtac.Committee{Org: before.Org, Settings: st, Version: version + 1}
		return s.audit(ctx, tx, a, "update", "committee_settings", id, id, before.Settings, st)
	})
	return c, err
}

// saveCommitteeRow inserts (version 0) or updates (version moved on by one) the settings row
// of committee id; ECONFLICT when another save came first.
func saveCommitteeRow(ctx context.Context, tx *sql.Tx, id int64, version int, st congtac.Settings, now int64) error {
	var res sql.Result
	var err error
	if version == 0 {
		res, err = tx.ExecContext(ctx, `INSERT INTO committee_settings (org_id, value, version, updated_at)
			VALUES ($1, $2, 1, $3) ON CONFLICT (org_id) DO NOTHING`, id, mustJSON(st), now)
	} else {
		res, err = tx.ExecContext(ctx, `UPDATE committee_settings SET value = $1, version = version + 1,
			updated_at = $2 WHERE org_id = $3 AND version = $4`, mustJSON(st), now, id, version)
	}
	if err != nil {
		return fmt.Errorf("store: save committee settings: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return conflict("Cấu hình")
	}
	return nil
}

// FindCommittees returns the committees whose settings the actor may change
// ([congtac.ManageCommittee]), in the order of [Store.FindOrgs], with their settings: the
// orgs of kind committee, and the roots, which are the committee of a tree without one
// ([congtac.CommitteeOf]).
func (s *Store) FindCommittees(ctx context.Context, a congtac.Actor) ([]congtac.Committee, error) {
	var out []congtac.Committee
	err := s.inReadTx(ctx, func(tx *sql.Tx) error {
		orgs, byID, saved, err := orgsWithSettings(ctx, tx)
		if err != nil {
			return err
		}
		for _, o := range orgs {
			path := pathIn(byID, o.ID)
			ownCommittee := o.Kind == congtac.OrgCommittee || o.ParentID == 0
			if !ownCommittee || !a.CanOn(congtac.ManageCommittee, path) {
				continue
			}
			c, err := saved[o.ID].committee(o)
			if err != nil {
				return err
			}
			out = append(out, c)
		}
		return nil
	})
	return out, err
}

// CommitteeSettingsByOrg returns, for every org, the settings of its committee
// ([congtac.CommitteeOf]): lead days and digest times by the org a task or a user is in.
func (s *Store) CommitteeSettingsByOrg(ctx context.Context) (map[int64]congtac.Settings, error) {
	out := map[int64]congtac.Settings{}
	err := s.inReadTx(ctx, func(tx *sql.Tx) error {
		orgs, byID, saved, err := orgsWithSettings(ctx, tx)
		if err != nil {
			return err
		}
		committees := map[int64]congtac.Settings{}
		for _, o := range orgs {
			var path []congtac.Org
			for _, id := range pathIn(byID, o.ID) {
				path = append(path, byID[id])
			}
			c := congtac.CommitteeOf(path)
			st, ok := committees[c.ID]
			if !ok {
				cm, err := saved[c.ID].committee(c)
				if err != nil {
					return err
				}
				st, committees[c.ID] = cm.Settings, cm.Settings
			}
			out[o.ID] = st
		}
		return nil
	})
	return out, err
}

// orgsWithSettings returns every org in the order of [Store.FindOrgs], the same by ID, and
// the saved settings of every committee.
func orgsWithSettings(ctx context.Context, tx *sql.Tx) ([]congtac.Org, map[int64]congtac.Org, map[int64]savedSettings, error) {
	orgs, err := findOrgsTx(ctx, tx)
	if err != nil {
		return nil, nil, nil, err
	}
	saved, err := allSavedSettings(ctx, tx)
	if err != nil {
		return nil, nil, nil, err
	}
	byID := make(map[int64]congtac.Org, len(orgs))
	for _, o := range orgs {
		byID[o.ID] = o
	}
	return orgs, byID, saved, nil
}

// pathIn returns the path of org id (its ID, then its ancestors') in an index of every org.
func pathIn(byID map[int64]congtac.Org, id int64) []int64 {
	var path []int64
	for o, ok := byID[id]; ok && len(path) <= len(byID); o, ok = byID[o.ParentID] {
		path = append(path, o.ID)
	}
	return path
}

// allSavedSettings returns every committee_settings row by committee.
func allSavedSettings(ctx context.Context, tx *sql.Tx) (map[int64]savedSettings, error) {
	rows, err := tx.QueryContext(ctx, "SELECT org_id, value, version FROM committee_settings")
	if err != nil {
		return nil, fmt.Errorf("store: committee settings: %w", err)
	}
	defer rows.Close()
	out := map[int64]savedSettings{}
	for rows.Next() {
		var id int64
		var r savedSettings
		if err := rows.Scan(&id, &r.value, &r.version); err != nil {
			return nil, fmt.Errorf("store: committee settings: %w", err)
		}
		out[id] = r
	}
	return out, rows.Err()
}

// findOrgsTx returns every org in the order of [Store.FindOrgs].
func findOrgsTx(ctx context.Context, tx *sql.Tx) ([]congtac.Org, error) {
	rows, err := tx.QueryContext(ctx, "SELECT "+orgColumns+" FROM orgs ORDER BY coalesce(parent_id, 0), position, id")
	if err != nil {
		return nil, fmt.Errorf("store: orgs: %w", err)
	}
	defer rows.Close()
	var out []congtac.Org
	for rows.Next() {
		o, err := scanOrg(rows)
		if err != nil {
			return nil, fmt.Errorf("store: orgs: %w", err)
		}
		out = append(out, o)
	}
	return out, rows.Err()
}
