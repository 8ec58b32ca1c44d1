package main

import (
	"context"
	"flag"
	"fmt"
	"maps"
	"slices"
)

// reindexCmd rebuilds the search index: "congtac reindex -db …" makes every search column
// again from its row and rebuilds SQLite's word indexes, then prints how many rows changed
// in each table. The server may run meanwhile.
type reindexCmd struct{}

func (reindexCmd) flags(fs *flag.FlagSet, cfg *Config) {
	cfg.define(fs, "db", "log-level", "log-format")
}

func (reindexCmd) run(ctx context.Context, c *cli, cfg Config) error {
	st, err := openMigrated(ctx, cfg)
	if err != nil {
		return err
	}
	defer st.Close()
	changed, err := st.Reindex(ctx, true)
	if err != nil {
		return fmt.Errorf("lập lại chỉ mục tìm kiếm (reindex): %w", err)
	}
	total := 0
	for _, table := range slices.Sorted(maps.Keys(changed)) {
		fmt.Fprintf(c.stdout, "%s: %d\n", table, changed[table])
		total += changed[table]
	}
	fmt.Fprintf(c.stdout, "Đã lập lại chỉ mục tìm kiếm; %d bản ghi thay đổi.\n", total)
	return nil
}
