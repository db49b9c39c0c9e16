#!/usr/bin/env bash
# Restores a backup set written by backup.sh: the database, then the
# documents, then checks that every document row has its file. See
# docs/OPERATIONS.md, "Backup and restore".
#
#   restore.sh <backup set folder>     (e.g. /var/backups/motcua/motcua-20261207T120000Z)
#
# Stop every node first. The database named in the environment file
# (MOTCUA_ENV_FILE, default /etc/motcua/motcua.env) must exist and be
# empty (dropdb/createdb as in the guide): this script never overwrites
# a database that has tables. Documents are copied into the store folder
# beside what is there (content never changes under its hash); files no
# restored row names are deleted by the orphan sweep after an hour.
# MOTCUA_RESTORE_CHECK_HASHES=yes also reads every file and compares its
# SHA-256 with its name (slow on a large store).
set -euo pipefail

set_dir=${1:?usage: restore.sh <backup set folder>}
set_dir=${set_dir%/}
env_file=${MOTCUA_ENV_FILE:-/etc/motcua/motcua.env}
# "." looks a bare name up in PATH, not here
case $env_file in */*) ;; *) env_file=./$env_file ;; esac
if [ -r "$env_file" ]; then
	set -a
	# shellcheck disable=SC1090
	. "$env_file"
	set +a
fi
url=${MOTCUA_DB_URL:-jdbc:postgresql://127.0.0.1:5432/motcua}
user=${MOTCUA_DB_USER:-motcua}
store=${MOTCUA_DOCUMENTS_STORE:-filesystem}
documents=${MOTCUA_DOCUMENTS_STORAGE_DIR:-/srv/motcua/documents}
owner=${MOTCUA_USER:-motcua}
pg_uri=${url#jdbc:}
pg_uri=${pg_uri%%\?*}
export PGPASSWORD=${MOTCUA_DB_PASSWORD:-${PGPASSWORD:-}}
export PGUSER=$user
# The highest migration applied (versions compare as numbers: 12.1 > 9.1)
schema_sql="select version from flyway_schema_history where success and version is not null
	order by string_to_array(version, '.')::int[] desc limit 1"
sql() { psql -X -At -v ON_ERROR_STOP=1 -d "$pg_uri" -c "$1"; }

[ -f "$set_dir/database.dump" ] || { echo "restore.sh: no database.dump in $set_dir" >&2; exit 2; }
cat "$set_dir/backup.txt" 2>/dev/null || true

others=$(sql "select count(*) from pg_stat_activity
	where datname = current_database() and pid <> pg_backend_pid()")
if [ "$others" != 0 ]; then
	echo "restore.sh: $others other connection(s) to $pg_uri: stop every node first" >&2
	exit 3
fi
tables=$(sql "select count(*) from information_schema.tables where table_schema = 'public'")
if [ "$tables" != 0 ]; then
	echo "restore.sh: $pg_uri has $tables tables; restore only into an empty database" \
		"(as postgres: dropdb, then createdb -O $user)" >&2
	exit 3
fi

# 1. The database
pg_restore -d "$pg_uri" --no-owner --no-acl --exit-on-error -j 2 "$set_dir/database.dump"
echo "database restored: schema version $(sql "$schema_sql"),"\
	"$(sql "select count(*) from dossier") dossiers, $(sql "select count(*) from document") documents"

# 2. The documents
case "$store" in
filesystem)
	[ -d "$set_dir/documents" ] || { echo "restore.sh: no documents/ in $set_dir" >&2; exit 2; }
	mkdir -p "$documents"
	rsync -a "$set_dir/documents/" "$documents/"
	if [ "$(id -u)" = 0 ] && id "$owner" >/dev/null 2>&1; then
		chown -R "$owner:$owner" "$documents"
	fi
	# 3. Every row's file is there (and, on request, has its hash)
	missing=0
	while read -r sha; do
		file="$documents/${sha:0:2}/$sha"
		if [ ! -f "$file" ]; then
			echo "missing: $sha" >&2
			missing=$((missing + 1))
		elif [ "${MOTCUA_RESTORE_CHECK_HASHES:-}" = yes ] &&
			[ "$(sha256sum "$file" | cut -d' ' -f1)" != "$sha" ]; then
			echo "damaged: $sha" >&2
			missing=$((missing + 1))
		fi
	done < <(sql "select distinct sha256 from document")
	if [ "$missing" != 0 ]; then
		echo "restore.sh: $missing document file(s) missing or damaged in $documents" >&2
		exit 4
	fi
	echo "documents restored to $documents: every document row has its file"
	;;
s3)
	bucket=${MOTCUA_DOCUMENTS_S3_BUCKET:?MOTCUA_DOCUMENTS_S3_BUCKET is not set}
	if [ -d "$set_dir/documents-s3" ]; then
		endpoint=()
		if [ -n "${MOTCUA_DOCUMENTS_S3_ENDPOINT:-}" ]; then
			endpoint=(--endpoint-url "$MOTCUA_DOCUMENTS_S3_ENDPOINT")
		fi
		AWS_ACCESS_KEY_ID=$MOTCUA_DOCUMENTS_S3_ACCESS_KEY \
			AWS_SECRET_ACCESS_KEY=$MOTCUA_DOCUMENTS_S3_SECRET_KEY \
			AWS_DEFAULT_REGION=${MOTCUA_DOCUMENTS_S3_REGION:-us-east-1} \
			aws s3 sync "${endpoint[@]}" --only-show-errors "$set_dir/documents-s3/" \
			"s3://$bucket/${MOTCUA_DOCUMENTS_S3_KEY_PREFIX:-}"
		echo "documents copied back to bucket $bucket"
	else
		echo "documents are in bucket $bucket: restore them with the object" \
			"store's tools (versions as of $(sed -n 's/^started *//p' "$set_dir/backup.txt"))"
	fi
	;;
*)
	echo "restore.sh: unknown MOTCUA_DOCUMENTS_STORE '$store'" >&2
	exit 2
	;;
esac
echo "Now start one node, wait for /actuator/health/readiness, look a dossier up, then start the others."
