package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"slices"
	"strings"
	"text/tabwriter"
	"time"

	"congtac"
)

// Exit statuses.
const (
	exitOK      = 0
	exitFailure = 1 // the command ran and failed
	exitUsage   = 2 // the command line or the environment is wrong
)

// cli is one invocation of the program: its standard streams, its environment and, for
// tests, a hook that learns the address serve listens on.
type cli struct {
	stdin     io.Reader
	stdout    io.Writer
	stderr    io.Writer
	lookupEnv func(string) (string, bool)
	listening func(net.Addr) // called by serve once it listens; nil outside tests
	clock     congtac.Clock  // the time for the database and the reminders; nil: the wall clock
}

// now returns the CLI's clock: the test's, or the wall clock.
func (c *cli) now() congtac.Clock {
	if c.clock != nil {
		return c.clock
	}
	return time.Now
}

// command is a subcommand. flags defines its own flags on fs and the configuration flags it
// reads (through cfg.define); run carries it out with the validated configuration.
type command interface {
	flags(fs *flag.FlagSet, cfg *Config)
	run(ctx context.Context, c *cli, cfg Config) error
}

// commandInfo names a subcommand for dispatch and help.
type commandInfo struct {
	name    string
	summary string
	new     func() command
}

// commands lists every subcommand in the order help shows them.
func commands() []commandInfo {
	return []commandInfo{
		{"serve", "chạy ứng dụng web (run the web application)", func() command { return &serveCmd{} }},
		{"demo", "nạp dữ liệu mẫu vào cơ sở dữ liệu trống (seed demo data)", func() command { return &demoCmd{} }},
		{"migrate", "cập nhật lược đồ cơ sở dữ liệu (apply migrations)", func() command { return &migrateCmd{} }},
		{"user add", "tạo tài khoản người dùng (create an account)", func() command { return &userAddCmd{} }},
		{"backup", "sao lưu cơ sở dữ liệu (back up the database)", func() command { return &backupCmd{} }},
		{"restore", "khôi phục cơ sở dữ liệu từ bản sao lưu (restore the database from a backup)", func() command { return &restoreCmd{} }},
		{"render", "xuất văn bản DOCX, PDF, XLSX theo Nghị định 30/2020 (render official documents)", func() command { return &renderCmd{} }},
		{"gen", "sinh dữ liệu tổng hợp để đo hiệu năng (generate a synthetic data set)", func() command { return &genCmd{} }},
		{"loadtest", "mô phỏng người dùng mọi vai trò để đo hiệu năng (simulated users against a server)", func() command { return &loadtestCmd{} }},
		{"crashtest", "kill -9 máy chủ khi đang ghi và kiểm tra không mất dữ liệu (kill the server while it writes)", func() command { return &crashtestCmd{} }},
		{"remind", "nhắc việc: ghi thông báo, gửi thư nhắc việc đến hạn (run the reminders)", func() command { return &remindCmd{} }},
		{"import", "nhập chương trình, lịch công tác tuần có sẵn từ DOCX, PDF, văn bản (import existing documents)", func() command { return &importCmd{} }},
		{"reindex", "lập lại chỉ mục tìm kiếm (rebuild the search index)", func() command { return &reindexCmd{} }},
		{"config", "in cấu hình đang dùng (print the effective configuration)", func() command { return &configCmd{} }},
		{"version", "in phiên bản (print the version)", func() command { return &versionCmd{} }},
	}
}

// findCommand returns the subcommand that args start with and the arguments after its name.
// "user" takes a second word: "user add".
func findCommand(args []string) (commandInfo, []string, error) {
	name, rest := args[0], args[1:]
	if name == "user" {
		if len(rest) == 0 || rest[0] != "add" {
			return commandInfo{}, nil, usagef("lệnh user cần thêm một từ: congtac user add … (missing subcommand)")
		}
		name, rest = "user add", rest[1:]
	}
	for _, ci := range commands() {
		if ci.name == name {
			return ci, rest, nil
		}
	}
	return commandInfo{}, nil, usagef("không có lệnh %q (unknown command)", name)
}

// run dispatches args and turns the outcome into an exit status and messages on stderr.
func (c *cli) run(ctx context.Context, args []string) int {
	if len(args) == 0 {
		c.printUsage(c.stderr)
		return exitUsage
	}
	switch args[0] {
	case "help", "-h", "-help", "--help":
		return c.help(args[1:])
	}
	ci, rest, err := findCommand(args)
	if err != nil {
		fmt.Fprintf(c.stderr, "congtac: %v\nXem danh sách lệnh: congtac help\n", err)
		return exitUsage
	}
	cmd, fs, cfg := c.prepare(ci)
	if err := fs.Parse(rest); errors.Is(err, flag.ErrHelp) {
		c.printCommandHelp(c.stdout, ci)
		return exitOK
	} else if err != nil {
		return c.report(ci, usagef("%v", vietnameseFlagError(err)))
	}
	if err := takeArgs(cmd, fs); err != nil {
		return c.report(ci, err)
	}
	if err := cfg.load(fs, c.lookupEnv); err != nil {
		return c.report(ci, err)
	}
	if err := cfg.Validate(); err != nil {
		return c.report(ci, err)
	}
	return c.report(ci, cmd.run(ctx, c, *cfg))
}

// argsCommand is a command that takes arguments besides its flags: congtac import FILE.
type argsCommand interface {
	setArgs(args []string) error
}

// takeArgs gives the arguments left after the flags to a command that takes them, reading
// the flags that follow an argument too ("congtac import FILE -json"); a command that
// takes none refuses them.
func takeArgs(cmd command, fs *flag.FlagSet) error {
	ac, ok := cmd.(argsCommand)
	if !ok {
		if fs.NArg() > 0 {
			return usagef("thừa đối số %q (unexpected arguments)", strings.Join(fs.Args(), " "))
		}
		return nil
	}
	var args []string
	for fs.NArg() > 0 {
		args = append(args, fs.Arg(0))
		if err := fs.Parse(fs.Args()[1:]); err != nil {
			return usagef("%v", vietnameseFlagError(err))
		}
	}
	return ac.setArgs(args)
}

// prepare makes the command, its flag set and the default configuration bound to it.
func (c *cli) prepare(ci commandInfo) (command, *flag.FlagSet, *Config) {
	cmd, cfg := ci.new(), defaultConfig()
	fs := flag.NewFlagSet("congtac "+ci.name, flag.ContinueOnError)
	fs.SetOutput(io.Discard) // messages are ours, in Vietnamese
	cmd.flags(fs, cfg)
	return cmd, fs, cfg
}

// report prints err, if any, and returns the exit status it calls for: 2 for a usage error
// or an invalid value ([congtac.EINVALID]), 1 for any other failure.
func (c *cli) report(ci commandInfo, err error) int {
	var ue *usageError
	var ce *congtac.Error
	switch {
	case err == nil:
		return exitOK
	case errors.As(err, &ue):
		fmt.Fprintf(c.stderr, "congtac %s: %v\nXem hướng dẫn: congtac help %s\n", ci.name, err, ci.name)
		return exitUsage
	case errors.As(err, &ce) && ce.Code == congtac.EINVALID:
		fmt.Fprintf(c.stderr, "congtac %s: %s\nXem hướng dẫn: congtac help %s\n", ci.name, userMessage(err), ci.name)
		return exitUsage
	case errors.As(err, &ce):
		fmt.Fprintf(c.stderr, "congtac %s: %s\n", ci.name, userMessage(err))
		return exitFailure
	}
	fmt.Fprintf(c.stderr, "congtac %s: lỗi (error): %v\n", ci.name, err)
	return exitFailure
}

// userMessage returns the Vietnamese messages of a [congtac.Error] or a
// [congtac.ValidationError], one a line, naming the field when there is one.
func userMessage(err error) string {
	var lines []string
	for field, msg := range congtac.FieldErrors(err) {
		if field != "" {
			msg = field + ": " + msg
		}
		lines = append(lines, msg)
	}
	if len(lines) == 0 {
		return congtac.ErrorMessage(err)
	}
	slices.Sort(lines)
	return strings.Join(lines, "\n")
}

// usageError is a mistake in the command line or the environment; it exits with status 2.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

// usagef returns a [usageError] with a formatted message, Vietnamese first.
func usagef(format string, args ...any) error {
	return &usageError{msg: fmt.Sprintf(format, args...)}
}

// vietnameseFlagError puts the flag package's English message after a Vietnamese one.
func vietnameseFlagError(err error) string {
	msg := err.Error()
	switch {
	case strings.HasPrefix(msg, "flag provided but not defined"):
		return "không có cờ " + strings.TrimPrefix(msg, "flag provided but not defined: ") + " (unknown flag)"
	case strings.HasPrefix(msg, "flag needs an argument"):
		return "cờ thiếu giá trị (" + msg + ")"
	case strings.HasPrefix(msg, "invalid"):
		return "giá trị không hợp lệ (" + msg + ")"
	}
	return "dòng lệnh không hợp lệ (" + msg + ")"
}

// help prints the list of commands, or one command's flags: "congtac help serve".
func (c *cli) help(args []string) int {
	if len(args) == 0 {
		c.printUsage(c.stdout)
		return exitOK
	}
	ci, _, err := findCommand(args)
	if err != nil {
		fmt.Fprintf(c.stderr, "congtac help: %v\n", err)
		return exitUsage
	}
	c.printCommandHelp(c.stdout, ci)
	return exitOK
}

// printUsage prints the list of commands.
func (c *cli) printUsage(w io.Writer) {
	fmt.Fprint(w, "congtac — quản lý chương trình công tác của Ủy ban nhân dân\n"+
		"(work programs of Vietnamese People's Committees)\n\n"+
		"Cách dùng (usage): congtac <lệnh> [cờ]\n\nLệnh (commands):\n")
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	for _, ci := range commands() {
		fmt.Fprintf(tw, "  %s\t%s\n", ci.name, ci.summary)
	}
	fmt.Fprintf(tw, "  help [lệnh]\tin hướng dẫn (print help)\n")
	tw.Flush()
	fmt.Fprint(w, "\nCờ của một lệnh (a command's flags): congtac help <lệnh>\n"+
		"Cờ cấu hình có biến môi trường CONGTAC_* tương ứng; cờ trên dòng lệnh được ưu tiên.\n"+
		"(Configuration flags fall back to CONGTAC_* environment variables; the command line wins.)\n")
}

// printCommandHelp prints one command's summary and flags, with their defaults and, for
// configuration flags, their environment variables.
func (c *cli) printCommandHelp(w io.Writer, ci commandInfo) {
	_, fs, cfg := c.prepare(ci)
	fmt.Fprintf(w, "congtac %s — %s\n", ci.name, ci.summary)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	n := 0
	fs.VisitAll(func(f *flag.Flag) {
		if n++; n == 1 {
			fmt.Fprint(w, "\nCờ (flags):\n")
		}
		extra := []string{}
		if f.DefValue != "" && f.DefValue != "0" && f.DefValue != "false" {
			extra = append(extra, "mặc định "+f.DefValue)
		}
		if cfg.isSetting(f.Name) {
			extra = append(extra, "biến môi trường "+envName(f.Name))
		}
		line := "  -" + f.Name + "\t" + f.Usage
		if len(extra) > 0 {
			line += " [" + strings.Join(extra, "; ") + "]"
		}
		fmt.Fprintln(tw, line)
	})
	tw.Flush()
}

// logger returns the logger of a command: on stderr, at the configured level and format.
func (c *cli) logger(cfg Config) *slog.Logger {
	opts := &slog.HandlerOptions{Level: cfg.LogLevel}
	if cfg.LogFormat == "json" {
		return slog.New(slog.NewJSONHandler(c.stderr, opts))
	}
	return slog.New(slog.NewTextHandler(c.stderr, opts))
}
