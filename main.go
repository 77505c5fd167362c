// Command waymark is the adviser's desktop app; given a sub-command it runs headless instead
// (see DESIGN.md, "The command line").
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"waymark/app"
	"waymark/app/cli"
	"waymark/app/message"
	"waymark/locales"
	"waymark/storage"
)

func main() {
	args := os.Args[1:]
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		os.Exit(cli.Main(args, cli.DefaultEnv()))
	}
	os.Exit(openWindow(args))
}

// openWindow runs the desktop app on the vault named by --vault, WAYMARK_VAULT or the default
// place, and returns the exit status.
func openWindow(args []string) int {
	tr := locales.New(cli.Language(os.Getenv))
	fs := flag.NewFlagSet("waymark", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	vault := fs.String("vault", "", "")
	if err := fs.Parse(args); err != nil || fs.NArg() > 0 {
		fmt.Fprintln(os.Stderr, tr.T("main.usage"))
		return 2
	}
	path := *vault
	if path == "" {
		p, err := storage.DefaultPath()
		if err != nil {
			fmt.Fprintln(os.Stderr, message.ForError(tr, err))
			return 1
		}
		path = p
	}
	if err := app.Run(app.Config{VaultPath: path}); err != nil {
		fmt.Fprintln(os.Stderr, message.ForError(tr, err))
		return 1
	}
	return 0
}
