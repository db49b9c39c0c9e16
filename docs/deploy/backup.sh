#!/usr/bin/env bash
# Backs up a Motcua installation as one consistent set: the database first,
# then the document store. See docs/OPERATIONS.md, "Backup and restore".
#
#   backup.sh [target folder]          (default /var/backups/motcua)
#
# Reads the nodes' environment file (MOTCUA_ENV_FILE, default
# /etc/motcua/motcua.env) for MOTCUA_DB_URL, MOTCUA_DB_USER,
# MOTCUA_DB_PASSWORD, MOTCUA_DOCUMENTS_STORE and MOTCUA_DOCUMENTS_STORAGE_DIR.
# Writes <target>/motcua-<UTC time>/ with database.dump (pg_dump -Fc),
# documents/ and backup.txt; the nodes keep running.
#
# Why this order is consistent: pg_dump reads one snapshot of the
# database. Every document row in it points to a file that was on disk
# (forced) before the row committed, and no file is deleted while a row
# points to it (only the orphan sweep deletes, and only files no row
# names). So a copy of the store taken after the dump holds every file
# the dump names. Files written after the snapshot come along too; after
# a restore no row names them and the orphan sweep deletes them.
set -euo pipefail

env_file=${MOTCUA_ENV_FILE:-/etc/motcua/motcua.env}
# "." looks a bare name up in PATH, not here
case $env_file in */*) ;; *) env_file=./$env_file ;; esac
if [ -r "$env_file" ]; then
	set -a
	# shellcheck disable=SC1090
	. "$env_file"
	set +a
fi
target=${1:-/var/backups/motcua}
url=${MOTCUA_DB_URL:-jdbc:postgresql://127.0.0.1:5432/motcua}
user=${MOTCUA_DB_USER:-motcua}
store=${MOTCUA_DOCUMENTS_STORE:-filesystem}
documents=${MOTCUA_DOCUMENTS_STORAGE_DIR:-/srv/motcua/documents}

# jdbc:postgresql://host:port/database?parameters -> libpq's URI; the
# JDBC parameters are left out (set PGSSLMODE and the like instead)
pg_uri=${url#jdbc:}
pg_uri=${pg_uri%%\?*}
export PGPASSWORD=${MOTCUA_DB_PASSWORD:-${PGPASSWORD:-}}
export PGUSER=$user
# The highest migration applied (versions compare as numbers: 12.1 > 9.1)
schema_sql="select version from flyway_schema_history where success and version is not null
	order by string_to_array(version, '.')::int[] desc limit 1"

started=$(date -u +%Y%m%dT%H%M%SZ)
set_dir="$target/motcua-$started"
mkdir -p "$target"
umask 077
mkdir "$set_dir.partial"
trap 'rm -rf "$set_dir.partial"' EXIT
seconds() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }
t0=$(seconds)

# 1. The database: one snapshot, custom format (compressed; pg_restore
#    can restore it in parallel and pick single tables)
schema=$(psql -X -At -d "$pg_uri" -c "$schema_sql")
pg_dump -d "$pg_uri" -Fc --no-owner --no-acl -f "$set_dir.partial/database.dump"
t1=$(seconds)

# 2. The documents, after the dump. Content never changes under its hash,
#    so files already in the previous set are hard-linked, not copied.
case "$store" in
filesystem)
	previous=$(find "$target" -maxdepth 1 -type d -name 'motcua-*' \
		! -name '*.partial' | sort | tail -n 1)
	link=()
	if [ -n "$previous" ] && [ -d "$previous/documents" ]; then
		link=(--link-dest="$previous/documents")
	fi
	# Half-written uploads (*.part) and staged files are not documents
	rsync -a "${link[@]}" --exclude='*.part' --exclude='/staging/' \
		"$documents/" "$set_dir.partial/documents/"
	files="$(find "$set_dir.partial/documents" -type f | wc -l) files,"
	files="$files $(du -sh "$documents" | cut -f1)"
	;;
s3)
	bucket=${MOTCUA_DOCUMENTS_S3_BUCKET:?MOTCUA_DOCUMENTS_S3_BUCKET is not set}
	# Objects are named <key prefix><sha256> and never change either. Either
	# keep versioning (and a lifecycle rule for old versions) on the bucket
	# and back it up with the object store's own tools, or copy it here:
	# set MOTCUA_BACKUP_S3=sync to run `aws s3 sync` with the nodes' keys.
	if [ "${MOTCUA_BACKUP_S3:-}" = sync ]; then
		endpoint=()
		if [ -n "${MOTCUA_DOCUMENTS_S3_ENDPOINT:-}" ]; then
			endpoint=(--endpoint-url "$MOTCUA_DOCUMENTS_S3_ENDPOINT")
		fi
		AWS_ACCESS_KEY_ID=$MOTCUA_DOCUMENTS_S3_ACCESS_KEY \
			AWS_SECRET_ACCESS_KEY=$MOTCUA_DOCUMENTS_S3_SECRET_KEY \
			AWS_DEFAULT_REGION=${MOTCUA_DOCUMENTS_S3_REGION:-us-east-1} \
			aws s3 sync "${endpoint[@]}" --only-show-errors \
			"s3://$bucket/${MOTCUA_DOCUMENTS_S3_KEY_PREFIX:-}" \
			"$set_dir.partial/documents-s3/"
		files="$(find "$set_dir.partial/documents-s3" -type f | wc -l) objects"
	else
		files="not copied: bucket $bucket is backed up by the object store"
	fi
	;;
*)
	echo "backup.sh: unknown MOTCUA_DOCUMENTS_STORE '$store'" >&2
	exit 2
	;;
esac
t2=$(seconds)

cat >"$set_dir.partial/backup.txt" <<EOF
started         $started
database        $pg_uri (schema version $schema)
database.dump   $(du -sh "$set_dir.partial/database.dump" | cut -f1), dumped in $(elapsed "$t0" "$t1") s
documents       $store $documents: $files, copied in $(elapsed "$t1" "$t2") s
EOF
mv "$set_dir.partial" "$set_dir"
trap - EXIT
cat "$set_dir/backup.txt"
echo "$set_dir"
