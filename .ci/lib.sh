# Shared by .ci/start, .ci/test and .ci/run (sourced, not run): installs what this machine
# lacks, skipping what is already there, and runs a project-local PostgreSQL cluster.

set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD="$ROOT/target/sokoni"
export PATH="$HOME/.cargo/bin:$ROOT/node_modules/.bin:$PATH"
CARGO_LEPTOS_VERSION=0.3.10
# cargo-leptos compiles with this set and Leptos reads it at compile time (option_env!): setting
# it for plain cargo runs too lets cargo test, clippy and cargo leptos share one build.
export LEPTOS_OUTPUT_NAME=sokoni

log() { printf '\033[1;32m==>\033[0m %s\n' "$*" >&2; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

ensure_debian_packages() {
  local missing=()
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  command -v brotli >/dev/null || missing+=(brotli)
  ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql postgresql-contrib)
  command -v psql >/dev/null || missing+=(postgresql-client)
  # The Daraja and mail clients use the system OpenSSL (native-tls).
  command -v pkg-config >/dev/null || missing+=(pkg-config)
  [ -f /usr/include/openssl/ssl.h ] || missing+=(libssl-dev)
  if [ ${#missing[@]} -gt 0 ]; then
    log "installing Debian packages: ${missing[*]}"
    local t=$SECONDS
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
    log "Debian packages installed in $((SECONDS - t)) s"
  fi
}

ensure_rust_tools() {
  rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown
  if ! cargo leptos --version 2>/dev/null | grep -q "$CARGO_LEPTOS_VERSION"; then
    # no_downloads: cargo-leptos would otherwise fetch its helpers from GitHub, which is unreachable.
    # --debug: it only orchestrates builds (the compilers, wasm-bindgen and wasm-opt do the work),
    # and its own release profile (fat LTO, one codegen unit) took 19 minutes on 2 cores; the
    # debug build compiles in about a third of the CPU time and builds the site as well (the
    # release bundle in 46 s; precompressing takes 2.5 s instead of 0.3 s).
    log "installing cargo-leptos $CARGO_LEPTOS_VERSION: it orchestrates the builds (about 5 minutes, once per machine)"
    local t=$SECONDS
    cargo install cargo-leptos --version "$CARGO_LEPTOS_VERSION" --locked --features no_downloads --debug
    log "cargo-leptos installed in $((SECONDS - t)) s"
  fi
  # The CLI must match the wasm-bindgen crate in Cargo.lock exactly.
  local want have
  want=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$ROOT/Cargo.lock")
  have=$(wasm-bindgen --version 2>/dev/null | awk '{ print $2 }' || true)
  if [ "$have" != "$want" ]; then
    log "installing wasm-bindgen-cli $want: it writes the browser bundle's JS glue (a few minutes, once)"
    local t=$SECONDS
    cargo install wasm-bindgen-cli --version "$want"
    log "wasm-bindgen-cli installed in $((SECONDS - t)) s"
  fi
}

ensure_node_tools() {
  local stamp="$ROOT/node_modules/.sokoni-package-lock"
  if ! cmp -s "$ROOT/package-lock.json" "$stamp"; then
    log "installing npm tools (tailwindcss, wasm-opt, playwright)"
    # Browsers come from Debian: Playwright cannot download its own here. `npm install
    # --no-save` rather than `npm ci`: npm 11 leaves Tailwind's optional per-platform packages
    # out of the lock file and `npm ci` then refuses it; install still takes the locked versions.
    (cd "$ROOT" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm install --no-save --no-audit --no-fund --loglevel=error)
    cp "$ROOT/package-lock.json" "$stamp"
  fi
}

ensure_tools() {
  ensure_debian_packages
  ensure_rust_tools
  ensure_node_tools
}

# --- project-local PostgreSQL -------------------------------------------------------------

PG_BIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"

# PostgreSQL refuses to run as root; then it runs as the `postgres` system user.
pg_run() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

# The cluster lives in the ignored build area, unless the postgres user cannot reach it
# (a checkout under a private home directory); then under /var/tmp, keyed by checkout path.
pg_dir() {
  local name="$1" dir="$BUILD/pg-$1"
  mkdir -p "$BUILD"
  if [ "$(id -u)" = 0 ] && ! runuser -u postgres -- test -x "$BUILD"; then
    dir="/var/tmp/sokoni-pg-$(printf '%s' "$ROOT" | md5sum | cut -c1-10)/$name"
  fi
  printf '%s' "$dir"
}

# pg_start NAME PORT [extra postgres -c settings...]; exports PG_SOCKET and PG_PORT.
pg_start() {
  local name="$1" port="$2"; shift 2
  local dir; dir="$(pg_dir "$name")"
  if [ ! -f "$dir/data/PG_VERSION" ]; then
    log "creating PostgreSQL cluster in $dir"
    mkdir -p "$dir/data" "$dir/run"
    [ "$(id -u)" = 0 ] && chown -R postgres:postgres "$dir"
    chmod 700 "$dir/data"
    pg_run "$PG_BIN/initdb" -D "$dir/data" -U sokoni --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  fi
  if ! pg_run "$PG_BIN/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
    local opts="-k $dir/run -p $port -c listen_addresses='' -c max_connections=300"
    for setting in "$@"; do opts="$opts -c $setting"; done
    pg_run "$PG_BIN/pg_ctl" -D "$dir/data" -l "$dir/postgres.log" -w -o "$opts" start >/dev/null
    log "PostgreSQL ($name) running on socket $dir/run, port $port"
  fi
  export PG_SOCKET="$dir/run" PG_PORT="$port"
}

pg_stop() {
  local dir; dir="$(pg_dir "$1")"
  if pg_run "$PG_BIN/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
    pg_run "$PG_BIN/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null && log "PostgreSQL ($1) stopped"
  fi
}

# database_url DB: a URL for database DB on the local cluster.
database_url() {
  printf 'postgres://sokoni@localhost:%s/%s?host=%s' "$PG_PORT" "$1" "$PG_SOCKET"
}

# recreate_db DB / ensure_db DB on the local cluster.
pg_psql() {
  psql -X -q -v ON_ERROR_STOP=1 -h "$PG_SOCKET" -p "$PG_PORT" -U sokoni -d postgres "$@"
}
ensure_db() {
  pg_psql -tAc "select 1 from pg_database where datname = '$1'" | grep -q 1 || pg_psql -c "create database $1"
}
recreate_db() {
  pg_psql -c "drop database if exists $1 with (force)" -c "create database $1"
}
