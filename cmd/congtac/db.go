package main

import (
	"context"
	"flag"
	"fmt"

	"congtac"
	"congtac/assemble"
	"congtac/store"
)

// openMigrated opens the database of cfg and brings its schema to the newest version, as
// every command that reads or writes data does first, then makes the snapshots of the
// documents issued before snapshots existed ([assemble.Backfill]), so that from the first
// start of this version on every issued document shows one state. The caller closes the
// store.
func openMigrated(ctx context.Context, cfg Config) (*store.Store, error) {
	st, err := store.Open(ctx, cfg.DB)
	if err != nil {
		return nil, fmt.Errorf("mở cơ sở dữ liệu %s (open database): %w", maskDSN(cfg.DB), err)
	}
	if err := st.Migrate(ctx); err != nil {
		st.Close()
		return nil, fmt.Errorf("cập nhật lược đồ (migrate): %w", err)
	}
	if _, err := assemble.Backfill(ctx, st); err != nil {
		st.Close()
		return nil, fmt.Errorf("lập bản lưu cho văn bản đã ban hành (snapshot issued documents): %w", err)
	}
	return st, nil
}

// hasData reports whether the database holds any organisation, the root of all other data.
func hasData(ctx context.Context, st *store.Store) (bool, error) {
	orgs, err := st.FindOrgs(ctx, congtac.OrgFilter{Limit: 1})
	if err != nil {
		return false, err
	}
	return len(orgs) > 0, nil
}

// migrateCmd applies the migrations and prints the schema version: "congtac migrate".
type migrateCmd struct{}

func (*migrateCmd) flags(fs *flag.FlagSet, cfg *Config) { cfg.define(fs, "db") }

func (*migrateCmd) run(ctx context.Context, c *cli, cfg Config) error {
	st, err := openMigrated(ctx, cfg)
	if err != nil {
		return err
	}
	defer st.Close()
	v, err := st.SchemaVersion(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(c.stdout, "Đã cập nhật lược đồ %s, phiên bản %d (schema version %d).\n", st.Engine(), v, v)
	return nil
}
