#!/usr/bin/env bash
# The bookshop walkthrough: three releases of a small C++ application whose models are C++
# structs (models/v1.hpp, v2.hpp, v3.hpp), migrated on SQLite the way Alembic's autogenerate
# workflow does it. It prints every command and what happened, and stops with exit status 1 at
# the first unexpected exit status, output or row count, so it doubles as a test (CTest
# `bookshop_walkthrough`, label `sample`).
#
#   bash samples/bookshop/walkthrough.sh [--no-install] [--no-build]
#
#   --no-install   skip .ci/install-deps (Debian 12 packages, needs root or sudo)
#   --no-build     use the programs already built in the build folder
# SCHEMADIFF_BUILD_DIR chooses the build folder (default: build/, the `ci` preset's). The work
# folder is <build>/bookshop-walkthrough, emptied at the start.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
sample="$root/samples/bookshop"
is_install=1
is_build=1
for arg in "$@"; do
    case "$arg" in
        --no-install) is_install=0 ;;
        --no-build) is_build=0 ;;
        -h | --help)
            sed -n '2,14p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
            exit 0
            ;;
        *)
            echo "walkthrough.sh: unknown option '$arg' (options: --no-install --no-build)" >&2
            exit 2
            ;;
    esac
done
build="${SCHEMADIFF_BUILD_DIR:-$root/build}"
mkdir -p "$build"
build="$(cd "$build" && pwd)"
bin="$build/samples/bookshop"
work="$build/bookshop-walkthrough"
stderr_file="$(mktemp)"
trap 'rm -f "$stderr_file"' EXIT

say() { printf '\n\033[1m==> %s\033[0m\n' "$*"; }
note() { printf '    (%s)\n' "$*"; }
fail() {
    printf '\nwalkthrough: FAILED: %s\n' "$*" >&2
    exit 1
}

# The command as one would type it: arguments the shell would split or expand in double quotes.
shell_special='[][[:space:]"'"'"'^$*?;&|()]'
typed() {
    local words=() arg
    for arg in "$@"; do
        if [[ "$arg" =~ $shell_special ]]; then
            words+=("\"${arg//\"/\\\"}\"")
        else
            words+=("$arg")
        fi
    done
    printf '$ %s\n' "${words[*]}"
}

# run EXPECTED_STATUS COMMAND ARGS...: prints the command, runs it (bookshop_vN is the build's
# model program), prints its output and exit status, and stops unless the status is EXPECTED.
# Its standard output stays in $out for the checks that follow.
out=""
run() {
    local expected="$1"
    shift
    local shown
    shown="$(typed "$@")"
    printf '%s\n' "$shown"
    local program="$1"
    shift
    case "$program" in bookshop_v[123]) program="$bin/$program" ;; esac
    local status=0
    out="$("$program" "$@" 2>"$stderr_file")" || status=$?
    if [[ -n "$out" ]]; then printf '%s\n' "$out"; fi
    cat "$stderr_file"
    echo "[exit status $status]"
    if [[ "$status" -ne "$expected" ]]; then
        fail "'${shown#\$ }' exited $status, expected $expected"
    fi
}

# expect PATTERN WHAT: $out (the last command's output) must match the extended regex PATTERN.
expect() {
    if ! grep -qE -- "$1" <<<"$out"; then fail "expected $2 (/$1/) in the output above"; fi
}

# sql STATEMENTS: runs them with the sqlite3 client, printing them first.
sql() {
    typed sqlite3 bookshop.db "$1"
    out="$(sqlite3 -bail bookshop.db "$1" 2>&1)" || fail "sqlite3 failed: $out"
    if [[ -n "$out" ]]; then printf '%s\n' "$out"; fi
}

# sql_rejects STATEMENT ERROR: the database must refuse STATEMENT with an error matching ERROR.
sql_rejects() {
    typed sqlite3 bookshop.db "$1"
    if out="$(sqlite3 -bail bookshop.db "$1" 2>&1)"; then
        fail "the database accepted '$1'; expected: $2"
    fi
    printf '%s\n' "$out"
    grep -qE -- "$2" <<<"$out" || fail "expected /$2/ in sqlite3's error"
    echo "(refused, as the models say it must be)"
}

# The number of rows each table must hold; check_rows compares every one with the database.
declare -A rows=()
check_rows() {
    local table count line=""
    for table in $(printf '%s\n' "${!rows[@]}" | sort); do
        count="$(sqlite3 bookshop.db "SELECT count(*) FROM \"$table\"" 2>&1)" ||
            fail "cannot count the rows of $table: $count"
        line+="$table=$count "
        if [[ "$count" != "${rows[$table]}" ]]; then
            fail "table $table holds $count rows, expected ${rows[$table]}"
        fi
    done
    echo "rows: ${line% } (as expected)"
}

# The revision id in a script's header.
revision_of() { sed -n 's/^-- Revision ID: *//p' "$1" | head -n 1; }

if [[ "$is_install" -eq 1 ]]; then
    say "Installing the dependencies (Debian 12 packages)"
    "$root/.ci/install-deps"
fi

if [[ "$is_build" -eq 1 ]]; then
    say "Building the bookshop's model programs in $build"
    log="$build/bookshop-build.log"
    if ! { cmake --preset ci -B "$build" &&
        cmake --build "$build" --target bookshop_v1 bookshop_v2 bookshop_v3 -j "$(nproc)"; } \
        >"$log" 2>&1; then
        tail -n 40 "$log"
        fail "the build failed (log: $log)"
    fi
    echo "bookshop_v1, bookshop_v2, bookshop_v3: samples/bookshop/main.cpp compiled with"
    echo "models/v1.hpp, v2.hpp and v3.hpp; each is schemadiff's command line with its models."
fi
for version in 1 2 3; do
    if [[ ! -x "$bin/bookshop_v$version" ]]; then
        fail "$bin/bookshop_v$version is not built (cmake --build $build --target bookshop_v1" \
            "bookshop_v2 bookshop_v3, or run without --no-build)"
    fi
done
command -v sqlite3 >/dev/null || fail "the sqlite3 client is not installed (.ci/install-deps)"

say "1. A new project folder: schemadiff.toml and migrations/versions/"
rm -rf "$work"
mkdir -p "$work"
cd "$work"
typed cp "$sample/schemadiff.toml" .
cp "$sample/schemadiff.toml" .
cat schemadiff.toml
typed mkdir -p migrations/versions
mkdir -p migrations/versions
note "working folder: $work; a new application would run \`schemadiff init --cpp\` instead"

say "2. Release 1: create the bookshop's tables from the v1 models"
run 0 bookshop_v1 autogenerate -m "create bookshop"
script1="$out"
[[ -f "$script1" ]] || fail "autogenerate printed '$script1', which is not a file"
out="$(cat "$script1")"
expect '^-- migrate:up' "the upgrade section"
expect '^-- migrate:down' "the downgrade section"
for table in authors books customers orders order_lines newsletter_signups; do
    expect "CREATE TABLE \"?$table\"? " "CREATE TABLE $table"
done
typed grep '^CREATE' "${script1#"$work"/}"
grep '^CREATE' "$script1"
run 0 bookshop_v1 upgrade head
run 0 bookshop_v1 check
note "exit 0: the database matches the v1 models"

say "3. The shop opens: a few rows with the sqlite3 client"
sql "INSERT INTO authors (id, name, bio) VALUES
       (1, 'Ursula K. Le Guin', 'Wrote the Earthsea books.'), (2, 'Italo Calvino', NULL);
     INSERT INTO books (id, author_id, title, isbn, price_cents) VALUES
       (1, 1, 'A Wizard of Earthsea', '9780547773742', 1299),
       (2, 1, 'The Left Hand of Darkness', '9780441478125', 1099),
       (3, 2, 'Invisible Cities', '9780156453806', 1450);
     INSERT INTO customers (id, email, name, fax) VALUES
       (1, 'ada@example.com', 'Ada Lovelace', '+44 20 7946 0000'),
       (2, 'alan@example.com', 'Alan Turing', NULL);
     INSERT INTO orders (id, customer_id, status) VALUES (1, 1, 'paid'), (2, 2, NULL);
     INSERT INTO order_lines (order_id, book_id, quantity, unit_price_cents) VALUES
       (1, 1, 1, 1299), (1, 3, 2, 1450), (2, 2, 1, 1099);
     INSERT INTO newsletter_signups (email) VALUES ('ada@example.com'), ('grace@example.com');"
rows=([authors]=2 [books]=3 [customers]=2 [orders]=2 [order_lines]=3 [newsletter_signups]=2)
check_rows

say "4. Release 2 (models/v2.hpp): reviews, a renamed column, a dropped column, stricter orders"
run 1 bookshop_v2 check
note "exit 1: the v2 models differ from the database; check lists the operations"
run 0 bookshop_v2 autogenerate -m "reviews and customer names"
script2="$out"
[[ -f "$script2" ]] || fail "autogenerate printed '$script2', which is not a file"
typed cat "${script2#"$work"/}"
out="$(cat "$script2")"
printf '%s\n' "$out"
expect 'CREATE TABLE "?reviews"? ' "the new table reviews"
# customers is rebuilt (SQLite cannot add a UNIQUE constraint with ALTER TABLE), so the rename
# is the rebuild's copy of name into full_name rather than a RENAME COLUMN.
expect 'RENAME COLUMN "?name"? TO "?full_name"?|^SELECT id, email, "?name"?$' \
    "the rename of customers.name to full_name"
expect 'CREATE INDEX "?ix_books_title"?' "the new index ix_books_title"
expect 'WARNING.*fax' "a data-loss warning for the dropped column customers.fax"
note "review it: customers.name is copied into full_name; the WARNINGs say which tables are"
note "rebuilt, that customers.fax loses its data and that NULL statuses become 'new'"
run 0 bookshop_v2 upgrade head
check_rows
sql "SELECT id, full_name FROM customers ORDER BY id;
     SELECT id, status FROM orders ORDER BY id;"
[[ "$out" == *"1|Ada Lovelace"*"2|Alan Turing"*"1|paid"*"2|new"* ]] ||
    fail "expected the names kept under full_name and order 2's NULL status become 'new'"
note "the names moved to full_name; order 2's missing status became the default 'new'"
run 0 bookshop_v2 check
note "exit 0: the database matches the v2 models"
sql "INSERT INTO reviews (book_id, customer_id, rating, body) VALUES
       (1, 1, 5, 'Read it twice.'), (3, 2, 4, NULL);"
rows[reviews]=2
sql_rejects "INSERT INTO reviews (book_id, rating) VALUES (2, 6);" "CHECK constraint failed"
sql_rejects "INSERT INTO customers (email, full_name) VALUES ('ada@example.com', 'Ada again');" \
    "UNIQUE constraint failed"
check_rows

say "5. Release 3 (models/v3.hpp): the newsletter becomes a customer setting, prices grow"
run 0 bookshop_v3 autogenerate -m "newsletter setting, 64-bit prices"
script3="$out"
[[ -f "$script3" ]] || fail "autogenerate printed '$script3', which is not a file"
typed cat "${script3#"$work"/}"
out="$(cat "$script3")"
printf '%s\n' "$out"
expect 'wants_newsletter' "the new column customers.wants_newsletter"
expect 'DROP TABLE "?newsletter_signups"?' "the dropped table newsletter_signups"
expect 'WARNING.*newsletter_signups' "a data-loss warning for the dropped table"
expect 'ON DELETE CASCADE' "the foreign key order_lines -> orders ON DELETE CASCADE"
expect 'quantity > 0' "the CHECK on order_lines.quantity"
run 0 bookshop_v3 upgrade head
unset 'rows[newsletter_signups]'
check_rows
sql "SELECT id, wants_newsletter FROM customers ORDER BY id;"
[[ "$out" == $'1|0\n2|0' ]] || fail "expected wants_newsletter 0 (the server default) for both"
run 0 bookshop_v3 check
note "exit 0: the database matches the v3 models"
sql_rejects "INSERT INTO order_lines (order_id, book_id, quantity, unit_price_cents)
             VALUES (2, 3, 0, 1450);" "CHECK constraint failed"
sql "PRAGMA foreign_keys = ON; DELETE FROM orders WHERE id = 2;"
rows[orders]=1
rows[order_lines]=2
check_rows
note "deleting order 2 deleted its line too (ON DELETE CASCADE)"

say "6. The history of the database"
run 0 bookshop_v3 history
for message in "create bookshop" "reviews and customer names" "newsletter setting"; do
    expect "$message" "the revision '$message'"
done
run 0 bookshop_v3 current
expect "$(revision_of "$script3")" "the v3 revision as current"

say "7. Reverting release 3: downgrade -1"
run 0 bookshop_v3 downgrade -1
run 0 bookshop_v3 current
expect "$(revision_of "$script2")" "the v2 revision as current"
rows[newsletter_signups]=0
check_rows
note "every row survived; newsletter_signups is back, empty: its rows were lost by the drop"
typed bookshop_v2 dump models '>' v2.json
"$bin/bookshop_v2" dump models >v2.json || fail "bookshop_v2 dump models failed"
run 0 bookshop_v2 diff --from sqlite:///bookshop.db --to v2.json
note "exit 0: the downgraded database is exactly the v2 schema"

say "8. And forward again"
run 0 bookshop_v3 upgrade head
unset 'rows[newsletter_signups]'
check_rows
run 0 bookshop_v3 check

say "Done: every step did what it should (working folder: $work)"
echo "Next: samples/bookshop/models/v*.hpp for the models, docs/model-api.md, docs/cli.md"
