#!/usr/bin/env bash
# Starts the Debian PostgreSQL server on 127.0.0.1:5432 and creates the role and database the tests use
# (observatory/observatory). Idempotent. Prints the connection URL, and nothing else, on stdout: every
# other message goes to stderr so that `$(scripts/start-postgres.sh)` captures the URL alone.
set -euo pipefail
exec 3>&1 1>&2

version=$(ls /usr/lib/postgresql 2>/dev/null | sort -n | tail -n 1)
if [[ -z "$version" ]]; then
  echo "PostgreSQL is not installed: apt-get install postgresql" >&2
  exit 1
fi
cluster=main
if ! pg_lsclusters -h | awk '{print $1, $2}' | grep -q "^$version $cluster$"; then
  pg_createcluster "$version" "$cluster" >/dev/null 3>&-
fi
if ! pg_lsclusters -h | awk -v v="$version" -v c="$cluster" '$1 == v && $2 == c {print $4}' | grep -q online; then
  # A cluster left running by an earlier machine start says "Removed stale pid file." here.
  pg_ctlcluster "$version" "$cluster" start 3>&-
fi
for _ in $(seq 1 30); do
  pg_isready -h 127.0.0.1 -p 5432 -q && break
  sleep 1
done
pg_isready -h 127.0.0.1 -p 5432 -q || { echo "PostgreSQL did not start on 127.0.0.1:5432" >&2; exit 1; }

as_postgres() { if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi; }
as_postgres psql -q -v ON_ERROR_STOP=1 <<'SQL'
DO $$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'observatory') THEN
    CREATE ROLE observatory LOGIN PASSWORD 'observatory';
  END IF;
END $$;
SQL
if ! as_postgres psql -tAc "SELECT 1 FROM pg_database WHERE datname = 'observatory'" | grep -q 1; then
  as_postgres createdb -O observatory observatory
fi
echo "postgres://observatory:observatory@127.0.0.1:5432/observatory" >&3
