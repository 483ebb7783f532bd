#!/usr/bin/env bash
# PostgreSQL for the store tests: installs Debian's `postgresql` if absent (CI runs as root),
# starts the cluster, creates a role and a database, and prints the SQLAlchemy URL on stdout.
# Everything else goes to stderr. .ci/run exports the URL as EVENTWIRE_TEST_PG_URL; without it
# (a laptop, or when this fails) the PostgreSQL tests skip and say why.
set -euo pipefail
log() { echo "postgres.sh: $*" >&2; }

if ! command -v pg_ctlcluster >/dev/null 2>&1; then
  log "installing Debian's postgresql"
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
fi

version=$(ls /usr/lib/postgresql | sort -V | tail -1)
if ! pg_lsclusters -h | awk '{print $1" "$2}' | grep -qx "$version main"; then
  log "creating cluster $version main"
  pg_createcluster "$version" main >&2
fi
pg_ctlcluster "$version" main start >&2 2>/dev/null || true  # already running is fine
port=$(pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main" {print $3}')
pg_isready -q -h 127.0.0.1 -p "$port" -t 30

psql_admin() { runuser -u postgres -- psql -p "$port" -v ON_ERROR_STOP=1 -qtAc "$1"; }
if [ -z "$(psql_admin "SELECT 1 FROM pg_roles WHERE rolname = 'eventwire'")" ]; then
  psql_admin "CREATE ROLE eventwire LOGIN PASSWORD 'eventwire' CREATEDB" >&2
fi
# DROP DATABASE ... WITH (FORCE) at a test's teardown may have to stop an autovacuum worker that
# started on the fresh database: that takes pg_signal_backend (granting it again is harmless)
psql_admin "GRANT pg_signal_backend TO eventwire" >&2
if [ -z "$(psql_admin "SELECT 1 FROM pg_database WHERE datname = 'eventwire_test'")" ]; then
  psql_admin "CREATE DATABASE eventwire_test OWNER eventwire" >&2
fi
log "PostgreSQL $version ready on port $port"
echo "postgresql+psycopg://eventwire:eventwire@127.0.0.1:${port}/eventwire_test"
