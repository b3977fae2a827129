#!/usr/bin/env bash
# Quick start: install the dependencies, build schemadiff, create two versions of a small "app"
# database with the sqlite3 client, and show what schemadiff says about them.
#
#   bash samples/quickstart/run.sh
#
# SCHEMADIFF_BUILD_DIR chooses the build folder (default: build/, the `ci` preset's).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
sample="$root/samples/quickstart"
build="${SCHEMADIFF_BUILD_DIR:-$root/build}"
work="$build/quickstart"

say() { printf '\n\033[1m==> %s\033[0m\n' "$*"; }
show() { printf '$ %s\n' "$*"; }

say "1. Installing the dependencies (Debian 12 packages)"
"$root/.ci/install-deps"

say "2. Building schemadiff in $build"
cmake --preset ci -B "$build" >/dev/null
cmake --build "$build" --target schemadiff_tool -j "$(nproc)" >/dev/null
schemadiff="$build/schemadiff"
"$schemadiff" --version

say "3. Creating two SQLite databases from $sample/app_v1.sql and app_v2.sql"
rm -rf "$work"
mkdir -p "$work"
cd "$work"
sqlite3 app_v1.db <"$sample/app_v1.sql"
sqlite3 app_v2.db <"$sample/app_v2.sql"
echo "app_v1.db: what production runs today;  app_v2.db: where development has drifted to"
echo "(working folder: $work)"

say "4. What changed from v1 to v2? (exit status 1 = different)"
show "schemadiff diff --from sqlite:///app_v1.db --to sqlite:///app_v2.db"
status=0
"$schemadiff" diff --from sqlite:///app_v1.db --to sqlite:///app_v2.db || status=$?
echo "[exit status $status]"

say "5. The SQL that turns v1 into v2, in SQLite's dialect"
show "schemadiff diff --from sqlite:///app_v1.db --to sqlite:///app_v2.db --format sql > change.sql"
"$schemadiff" diff --from sqlite:///app_v1.db --to sqlite:///app_v2.db --format sql \
    >change.sql || true
cat change.sql

say "6. Applying it to a copy of v1 with the sqlite3 client, then comparing again"
cp app_v1.db app.db
show "sqlite3 app.db < change.sql"
sqlite3 app.db <change.sql
show "schemadiff diff --from sqlite:///app.db --to sqlite:///app_v2.db"
status=0
"$schemadiff" diff --from sqlite:///app.db --to sqlite:///app_v2.db || status=$?
echo "[exit status $status: 0 = no difference left]"
show "sqlite3 app.db 'SELECT id, title FROM posts'"
sqlite3 app.db 'SELECT id, title FROM posts'
echo "(the rows survived the table rebuild)"

say "7. The v2 schema as model JSON (first lines) and as CREATE statements"
show "schemadiff dump sqlite:///app_v2.db > app_v2.json"
"$schemadiff" dump sqlite:///app_v2.db >app_v2.json
head -n 20 app_v2.json
echo "... ($(wc -l <app_v2.json) lines in $work/app_v2.json)"
show "schemadiff dump sqlite:///app_v2.db --format sql"
"$schemadiff" dump sqlite:///app_v2.db --format sql

say "8. A model file is a schema source too"
show "schemadiff diff --from app_v2.json --to sqlite:///app.db"
status=0
"$schemadiff" diff --from app_v2.json --to sqlite:///app.db || status=$?
echo "[exit status $status]"

say "9. The revision workflow: the models (app_v2.json) drift from the database (a copy of v1)"
mkdir -p project
cp app_v1.db project/app.db
cp app_v2.json project/models.json
cd project
show "schemadiff init"
"$schemadiff" init
show "schemadiff autogenerate -m 'move to v2'"
script="$("$schemadiff" autogenerate -m 'move to v2')"
echo "$script"
cat "$script"
show "schemadiff upgrade head"
"$schemadiff" upgrade head
show "schemadiff check"
status=0
"$schemadiff" check || status=$?
echo "[exit status $status: 0 = the database matches the models]"
show "schemadiff history"
"$schemadiff" history
show "schemadiff downgrade -1"
"$schemadiff" downgrade -1
show "sqlite3 app.db 'SELECT id, title FROM posts'"
sqlite3 app.db 'SELECT id, title FROM posts'
echo "(reverted to v1, rows intact; working folder: $work/project)"
cd ..

say "Done. Next: schemadiff --help, docs/cli.md, docs/model-json.md"
