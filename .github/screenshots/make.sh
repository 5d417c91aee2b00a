#!/usr/bin/env bash
# Remakes the README screenshots from the running app: `go run . --demo` in a
# private tmux server (100x30), each screen captured with `tmux capture-pane -e
# -p` (text with its colours) and rendered to PNG by charmbracelet/freeze.
#
#   go install github.com/charmbracelet/freeze@v0.2.2
#   bash .github/screenshots/make.sh
#
# Needs tmux and freeze ($(go env GOPATH)/bin is searched too). Works offline
# once the Go modules are in the module cache (freeze embeds its font). The demo account is fake; only the `host` field of
# prod/db/postgres is revealed. --demo keeps its audit log in a temporary file.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
PATH=$PATH:$(go env GOPATH)/bin
command -v freeze >/dev/null || { echo "make.sh: freeze not found: go install github.com/charmbracelet/freeze@v0.2.2" >&2; exit 1; }
command -v tmux >/dev/null || { echo "make.sh: tmux not found" >&2; exit 1; }

sock=smtui-shots-$$
tm() { tmux -L "$sock" "$@"; }
trap 'tm kill-server 2>/dev/null || true; rm -f "$here"/*.ansi' EXIT

keys() { tm send-keys -t shots "$@"; sleep 0.4; }
# wait_for TEXT [SECONDS]: until the screen shows TEXT.
wait_for() {
	local i
	for ((i = 0; i < ${2:-20} * 5; i++)); do
		tm capture-pane -p -t shots | grep -qF -- "$1" && return 0
		sleep 0.2
	done
	echo "make.sh: the screen never showed \"$1\"; it shows:" >&2
	tm capture-pane -p -t shots >&2
	exit 1
}
# shot NAME: the screen as it is, to NAME.png.
shot() {
	sleep 0.5
	tm capture-pane -e -p -t shots >"$here/$1.ansi"
	freeze --language ansi --font.size 8 --padding 20 -o "$here/$1.png" "$here/$1.ansi" >/dev/null
	echo "wrote .github/screenshots/$1.png"
}

(cd "$root" && go build -o /dev/null .) # compile first: the first run takes minutes
tm new-session -d -s shots -x 100 -y 30 -c "$root" "go run . --demo"
wait_for "prod/db/postgres" 300
# The list, fuzzy-filtered to production (the font freeze embeds has no CJK
# glyphs for the demo's team/café-ünicode-名前).
keys /
tm send-keys -t shots -l prod/
wait_for "/ prod/"
shot list
keys Escape

# The value screen: masked, with one field (host) revealed.
keys /
tm send-keys -t shots -l prod/db/postgres
sleep 0.4
keys Enter
keys Enter
wait_for "Staging labels"
keys Enter
wait_for "masked · AWSCURRENT"
keys Down
keys Space
wait_for "prod-db.cluster"
shot value

# The rollback review: AWSPREVIOUS back to AWSCURRENT, with its masked diff.
keys Escape
wait_for "Staging labels"
keys b
wait_for "What changes"
shot rollback

# The rotation watch, followed to the end.
keys Escape
wait_for "Staging labels"
keys o
wait_for "Rotate now"
keys y
wait_for "Rotation complete" 30
shot rotation
