#!/usr/bin/env bash
# A consumer that adds schemadiff with add_subdirectory(<repository root>) builds, links
# schemadiff::schemadiff and runs: `consumer_models dump models` prints its two tables as model
# JSON that the program reads back. Builds the library from source (Debug, no tests, no bench,
# only the consumer target) in a scratch folder removed at exit. Exit 0 only when all of it works.
#
#   tests/package/add_subdirectory_test.sh      (SCHEMADIFF_JOBS sets the parallelism)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
jobs="${SCHEMADIFF_JOBS:-$(nproc)}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

fail() { echo "add_subdirectory test: FAILED: $*" >&2; exit 1; }

cmake -S "$here/add_subdirectory_consumer" -B "$work/build" -DSCHEMADIFF_SOURCE_DIR="$root" \
    -DCMAKE_BUILD_TYPE=Debug -DSCHEMADIFF_BUILD_TESTS=OFF -DSCHEMADIFF_BUILD_BENCH=OFF \
    >"$work/configure.log" 2>&1 || { cat "$work/configure.log"; fail "configure"; }
cmake --build "$work/build" --target consumer_models -j "$jobs" >"$work/build.log" 2>&1 ||
    { tail -50 "$work/build.log"; fail "build"; }

program="$work/build/consumer_models"
"$program" dump models >"$work/models.json" || fail "consumer_models dump models exited $?"
for table in customers order; do
    grep -q "^      \"name\": \"$table\",\$" "$work/models.json" ||
        { cat "$work/models.json"; fail "table $table missing from dump models"; }
done
grep -q '"name": "Total Amount"' "$work/models.json" || fail "column \"Total Amount\" missing"
# The JSON is model JSON: the program reads it back, and it compares equal to the models.
"$program" dump "$work/models.json" >"$work/again.json" || fail "dump of the dumped JSON"
cmp -s "$work/models.json" "$work/again.json" || fail "the dumped JSON does not read back the same"
status=0
"$program" diff --from "$work/models.json" --to models >/dev/null || status=$?
[[ "$status" -eq 0 ]] || fail "diff --from <dump> --to models exited $status, expected 0"
echo "add_subdirectory test: passed"
