#!/bin/sh
# A throwaway PostgreSQL server on loopback for the tests of the shared-server store.
#   sh scripts/pg.sh start   installs Debian's postgresql where missing (as root), makes a fresh
#                            cluster under build/pg/ and starts it; a no-op when it already runs
#   sh scripts/pg.sh stop    stops it; harmless when nothing runs
#   sh scripts/pg.sh env     prints build/pg/env, the lines the tests read:
#                            CHILDCARE_TEST_PG (a URL without the password) and PGPASSWORD
# Where no server can be had, `start` says why in one line, writes the reason into build/pg/env
# (CHILDCARE_TEST_PG_REASON) and exits 0: the suite then runs on SQLite alone and skips the
# PostgreSQL tests with that reason. PGPORT_TEST changes the port (default 54329).
set -u
cd "$(dirname "$0")/.."
repo="$PWD"
base="$repo/build/pg"
port="${PGPORT_TEST:-54329}"
role=childcare_test

say() { echo "PostgreSQL for the tests: $*"; }

# The newest Debian server package's programs, else those on PATH.
find_bindir() {
    for initdb in /usr/lib/postgresql/*/bin/initdb; do
        if [ -x "$initdb" ]; then dirname "$initdb"; fi
    done | sort -V | tail -n 1 | grep . && return 0
    initdb=$(command -v initdb) && dirname "$initdb"
}

# postgres refuses to run as root: as root the server's files and processes belong to `postgres`,
# the user Debian's package creates. From / so that a working folder it cannot enter is no bother.
as_server() {
    if [ "$(id -u)" = 0 ]; then
        (cd / && runuser -u postgres -- "$@")
    else
        "$@"
    fi
}

# The cluster's folder as the server sees it: build/pg, or the private folder it links to.
cluster() { (cd "$base" 2>/dev/null && pwd -P); }

running() {
    [ -n "$bindir" ] && real=$(cluster) && [ -f "$real/data/postmaster.pid" ] &&
        as_server "$bindir/pg_ctl" status -D "$real/data" >/dev/null 2>&1
}

give_up() {
    say "$1; its tests are skipped"
    if [ ! -d "$base" ]; then rm -f "$base" && mkdir -p "$base"; fi
    printf "CHILDCARE_TEST_PG_REASON='%s'\n" "$(printf '%s' "$1" | tr -d "'\n")" >"$base/env"
    exit 0
}

# As root with apt: Debian's package, without letting apt start the system's own cluster (a
# policy-rc.d that refuses every service start while apt runs, unless one is there already).
install_packages() {
    say "installing $*"
    policy=/usr/sbin/policy-rc.d
    made_policy=""
    if [ ! -e "$policy" ]; then
        trap 'rm -f "$policy"; exit 1' INT TERM
        printf '#!/bin/sh\nexit 101\n' >"$policy" && chmod 755 "$policy" && made_policy=1
    fi
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null 2>&1
    apt-get install -y -qq --no-install-recommends "$@" >"$repo/build/apt.log" 2>&1
    status=$?
    if [ -n "$made_policy" ]; then rm -f "$policy" && trap - INT TERM; fi
    # Were a cluster started all the same (a policy-rc.d of this machine's that allows it), it
    # is one apt just made, there being no server before: stop it, the tests' server is their own.
    case " $* " in *" postgresql "*)
        pg_lsclusters -h 2>/dev/null | while read -r version name _ state _; do
            if [ "$state" = online ]; then pg_ctlcluster "$version" "$name" stop; fi
        done
        ;;
    esac
    return $status
}

# A fresh, empty build/pg. As root, where `postgres` cannot enter the checkout (a clone in root's
# home), build/pg links to a private folder under TMPDIR instead.
fresh_folder() {
    if [ -L "$base" ]; then
        old=$(readlink "$base")
        case "$old" in */childcare-pg.*) rm -rf "$old" ;; esac
        rm -f "$base"
    fi
    rm -rf "$base"
    mkdir -p "$repo/build"
    if [ "$(id -u)" = 0 ] && ! (cd / && runuser -u postgres -- test -x "$repo/build"); then
        private=$(mktemp -d "${TMPDIR:-/tmp}/childcare-pg.XXXXXX") || return 1
        chmod 755 "$private" && ln -s "$private" "$base"
    else
        mkdir -p "$base"
    fi
}

start() {
    bindir=$(find_bindir)
    if running && grep -q '^CHILDCARE_TEST_PG=' "$base/env" 2>/dev/null; then
        say "already running on 127.0.0.1:$port"
        return 0
    fi
    mkdir -p "$repo/build"
    missing=""
    [ -n "$bindir" ] || missing="postgresql"
    command -v openssl >/dev/null 2>&1 || missing="$missing openssl"
    if [ -n "$missing" ]; then
        if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
            give_up "missing here:$missing (installing it needs root and apt-get)"
        fi
        install_packages $missing || give_up "could not install$missing (see build/apt.log)"
        bindir=$(find_bindir)
    fi
    [ -n "$bindir" ] || give_up "no PostgreSQL server programs (initdb) found"
    if running; then as_server "$bindir/pg_ctl" stop -D "$(cluster)/data" -m fast -s; fi
    if [ "$(id -u)" = 0 ] && ! id postgres >/dev/null 2>&1; then
        give_up "as root the server needs the user postgres, and there is none"
    fi
    fresh_folder || give_up "could not make the folder build/pg"
    real=$(cluster)
    mkdir -p "$real/data" "$real/socket"
    : >"$real/log"
    password=$(od -An -tx1 -N24 /dev/urandom | tr -d ' \n')
    umask 077
    printf '%s\n' "$password" >"$real/socket/password"
    umask 022
    chmod 700 "$real/data" "$real/socket"
    if [ "$(id -u)" = 0 ]; then
        chown postgres: "$real/data" "$real/socket" "$real/socket/password" "$real/log"
    fi
    # The C collation sorts as SQLite does, byte by byte.
    if ! as_server "$bindir/initdb" -D "$real/data" -U "$role" --pwfile="$real/socket/password" \
        -A scram-sha-256 -E UTF8 --locale=C >>"$real/log" 2>&1; then
        rm -f "$real/socket/password"
        give_up "initdb failed: $(tail -n 1 "$real/log")"
    fi
    rm -f "$real/socket/password"
    # A self-signed certificate, so that the client's TLS path is the one the tests go through.
    if ! openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 30 \
        -subj "/CN=127.0.0.1" -addext "subjectAltName=IP:127.0.0.1" \
        -keyout "$real/data/server.key" -out "$real/server.crt" >>"$real/log" 2>&1; then
        give_up "openssl could not make the server's certificate (see build/pg/log)"
    fi
    chmod 600 "$real/data/server.key"
    chmod 644 "$real/server.crt"
    if [ "$(id -u)" = 0 ]; then chown postgres: "$real/data/server.key"; fi
    # A Unix socket's path has at most 107 bytes: from a deeper checkout the server has none, and
    # the tests never use it (pg_hba.conf lets in TCP from loopback only).
    socket="$real/socket"
    [ ${#socket} -le 90 ] || socket=""
    # A test cluster: nothing in it needs to survive a crash of the machine.
    cat >>"$real/data/postgresql.conf" <<EOF

listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$socket'
fsync = off
synchronous_commit = off
ssl = on
ssl_cert_file = '$real/server.crt'
ssl_key_file = 'server.key'
password_encryption = 'scram-sha-256'
EOF
    cat >"$real/data/pg_hba.conf" <<EOF
hostssl all all 127.0.0.1/32 scram-sha-256
host    all all 127.0.0.1/32 scram-sha-256
EOF
    if ! as_server "$bindir/pg_ctl" start -D "$real/data" -l "$real/log" -w -t 60 -s \
        >/dev/null 2>&1; then
        why=$(grep -m 1 -E 'could not bind|FATAL|PANIC' "$real/log" |
            sed -E 's/^.*(LOG|FATAL|PANIC): +//')
        give_up "the server did not start on 127.0.0.1:$port: ${why:-see build/pg/log}"
    fi
    umask 077
    cat >"$base/env" <<EOF
CHILDCARE_TEST_PG=postgresql://$role@127.0.0.1:$port/postgres
PGPASSWORD=$password
EOF
    version=$("$bindir/postgres" -V | sed 's/^[^0-9]*\([0-9.]*\).*/\1/')
    say "$version running on 127.0.0.1:$port, with TLS"
}

stop() {
    bindir=$(find_bindir)
    if running; then
        as_server "$bindir/pg_ctl" stop -D "$(cluster)/data" -m fast -w -s && say "stopped"
    fi
    rm -f "$base/env"
}

case "${1:-}" in
start) start ;;
stop) stop ;;
env) cat "$base/env" ;;
*)
    echo "usage: sh scripts/pg.sh start|stop|env" >&2
    exit 2
    ;;
esac
