#!/bin/sh
# Stand-in for the official postgres entrypoint: the same variables, a first-start initdb.
set -eu
# As root (the official image does the same, then gosu): make the socket and data
# directories the postgres user's, then run this script again as that user.
if [ "$(id -u)" = 0 ]; then
  mkdir -p /var/run/postgresql "$PGDATA"
  chown -R 999:999 /var/run/postgresql "$PGDATA"
  chmod 3777 /var/run/postgresql
  chmod 700 "$PGDATA"
  exec setpriv --reuid=999 --regid=999 --clear-groups "$0" "$@"
fi
: "${POSTGRES_USER:=postgres}" "${POSTGRES_DB:=$POSTGRES_USER}"
password=$(cat "$POSTGRES_PASSWORD_FILE")
if [ ! -s "$PGDATA/PG_VERSION" ]; then
  printf '%s\n' "$password" > /tmp/pwfile
  initdb --username="$POSTGRES_USER" --pwfile=/tmp/pwfile --auth-local=trust --auth-host=scram-sha-256 >/tmp/initdb.log
  rm -f /tmp/pwfile
  printf "host all all all scram-sha-256\n" >> "$PGDATA/pg_hba.conf"
  if [ "$POSTGRES_DB" != postgres ]; then
    pg_ctl -D "$PGDATA" -o "-c listen_addresses=''" -l /tmp/init.log -w start
    psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres -c "CREATE DATABASE \"$POSTGRES_DB\""
    pg_ctl -D "$PGDATA" -m fast -w stop
  fi
fi
exec "$@" -c listen_addresses='*'
