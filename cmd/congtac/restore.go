package main

import (
	"context"
	"flag"
	"fmt"

	"congtac/store"
)

// restoreCmd puts a backup back: "congtac restore -db PATH -from FILE". An SQLite database
// is replaced by a checked copy of the backup, refused while a server has it open, and the
// replaced database is kept aside ([store.Restore]); for PostgreSQL the command prints the
// pg_restore command to run, since restoring belongs to the database server's tools.
type restoreCmd struct {
	from string
}

func (rc *restoreCmd) flags(fs *flag.FlagSet, cfg *Config) {
	cfg.define(fs, "db")
	fs.StringVar(&rc.from, "from", "", "tệp sao lưu cần khôi phục, do congtac backup tạo (backup file to restore)")
}

func (rc *restoreCmd) run(ctx context.Context, c *cli, cfg Config) error {
	if rc.from == "" {
		return usagef("cần -from: tệp sao lưu cần khôi phục (missing -from)")
	}
	if store.IsPostgres(cfg.DB) {
		return printPgRestore(c, cfg.DB, rc.from)
	}
	kept, err := store.Restore(ctx, cfg.DB, rc.from)
	if err != nil {
		return err
	}
	fmt.Fprintf(c.stdout, "Đã khôi phục %s từ %s (restored).\n", cfg.DB, rc.from)
	if kept != "" {
		fmt.Fprintf(c.stdout, "Cơ sở dữ liệu trước khi khôi phục được giữ tại %s (the replaced database is kept there).\n", kept)
	}
	return nil
}

// printPgRestore prints the pg_restore command that restores the dump in into the
// PostgreSQL database dsn, replacing what it holds, in one transaction. The URL is printed
// without its password, as [printPgDump] does.
func printPgRestore(c *cli, dsn, in string) error {
	u, err := withoutPassword(dsn)
	if err != nil {
		return usagef("%v", err)
	}
	fmt.Fprintf(c.stdout, "PostgreSQL được khôi phục bằng pg_restore. Dừng mọi máy chủ congtac đang dùng cơ sở dữ liệu, "+
		"rồi chạy lệnh sau (stop every congtac server on the database, then run this command):\n\n"+
		"  pg_restore --clean --if-exists --no-owner --single-transaction --dbname=%s %s\n\n"+
		"Mật khẩu không được in ra; pg_restore đọc nó từ biến PGPASSWORD hoặc tệp ~/.pgpass.\n"+
		"(The password is not printed; pg_restore reads it from PGPASSWORD or ~/.pgpass.)\n",
		shellQuote(u), shellQuote(in))
	return nil
}
