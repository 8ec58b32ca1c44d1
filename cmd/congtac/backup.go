package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"strings"

	"congtac/store"
)

// backupCmd copies the database: "congtac backup -db PATH -o FILE". An SQLite database is
// copied online, while it is in use, into a new file; for PostgreSQL the command prints the
// pg_dump command to run, since the dump belongs to the database server's tools.
type backupCmd struct {
	out string
}

func (b *backupCmd) flags(fs *flag.FlagSet, cfg *Config) {
	cfg.define(fs, "db")
	fs.StringVar(&b.out, "o", "", "tệp sao lưu cần tạo; không được trùng tệp đã có (output file, must not exist)")
}

func (b *backupCmd) run(ctx context.Context, c *cli, cfg Config) error {
	if b.out == "" {
		return usagef("cần -o: tên tệp sao lưu (missing -o)")
	}
	if store.IsPostgres(cfg.DB) {
		return printPgDump(c, cfg.DB, b.out)
	}
	if _, err := os.Stat(cfg.DB); errors.Is(err, fs.ErrNotExist) {
		return usagef("không có tệp cơ sở dữ liệu %s (database file not found)", cfg.DB)
	}
	if _, err := os.Stat(b.out); err == nil {
		return usagef("tệp %s đã có; chọn tên khác (output file exists)", b.out)
	}
	st, err := store.Open(ctx, cfg.DB)
	if err != nil {
		return fmt.Errorf("mở cơ sở dữ liệu %s (open database): %w", cfg.DB, err)
	}
	defer st.Close()
	if err := st.Backup(ctx, b.out); err != nil {
		return fmt.Errorf("sao lưu (backup): %w", err)
	}
	info, err := os.Stat(b.out)
	if err != nil {
		return err
	}
	fmt.Fprintf(c.stdout, "Đã sao lưu %s vào %s (%d byte).\n", cfg.DB, b.out, info.Size())
	return nil
}

// printPgDump prints the pg_dump command that backs up a PostgreSQL database into out. The
// URL is printed without its password: pg_dump reads it from PGPASSWORD or ~/.pgpass.
func printPgDump(c *cli, dsn, out string) error {
	u, err := withoutPassword(dsn)
	if err != nil {
		return usagef("%v", err)
	}
	fmt.Fprintf(c.stdout, "PostgreSQL được sao lưu bằng pg_dump; chạy lệnh sau (run this command):\n\n"+
		"  pg_dump --format=custom --no-owner --file=%s %s\n\n"+
		"Mật khẩu không được in ra; pg_dump đọc nó từ biến PGPASSWORD hoặc tệp ~/.pgpass.\n"+
		"(The password is not printed; pg_dump reads it from PGPASSWORD or ~/.pgpass.)\n"+
		"Khôi phục (restore): congtac restore -db <URL> -from %s\n",
		shellQuote(out), shellQuote(u), shellQuote(out))
	return nil
}

// shellQuote quotes s for a POSIX shell.
func shellQuote(s string) string {
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
