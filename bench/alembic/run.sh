#!/usr/bin/env bash
# schemadiff vs Alembic: `autogenerate` end to end on the same PostgreSQL database and target.
#
#   bench/alembic/run.sh [--tables N] [--repeat R] [--build DIR] [--url URL] [--keep]
#
# 1. bench_model_json writes the generated schema of N tables (default 1000) and its drifted copy
#    as model JSON (current.json, drifted.json);
# 2. a fresh database schemadiff_bench_alembic_N on the server of --url (default
#    $SCHEMADIFF_TEST_POSTGRES_URL, else .ci/postgres-server url) gets current.json's schema
#    (`schemadiff dump --format sql --dialect postgresql`, one psql transaction), then ANALYZE;
# 3. two projects target drifted.json: schemadiff (schemadiff.toml, [models] json) and Alembic
#    (alembic.ini + env.py building SQLAlchemy MetaData from the same file, compare_type and
#    compare_server_default on);
# 4. R times each (default 3), interleaved, timed as a process on the wall clock:
#    `schemadiff autogenerate -m x` and `python3 -m alembic revision --autogenerate -m x`,
#    deleting the written revision after each run so the database stays at head;
# 5. what each detected: count_ops.py lists both tools' operations in one vocabulary, and the
#    difference between the lists is printed.
# The database and the work folder are removed at the end unless --keep.
# Needs: the binaries schemadiff and bench/bench_model_json in DIR (default build-bench; build
# them with `cmake --build DIR --target schemadiff_tool bench_model_json`), psql, bash 5 and
# Debian's python3-alembic, python3-sqlalchemy and python3-psycopg2 (run by /usr/bin/python3).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
tables=1000
repeat=3
build="$root/build-bench"
url="${SCHEMADIFF_TEST_POSTGRES_URL:-}"
keep=0
python="${PYTHON:-/usr/bin/python3}"
export PYTHONDONTWRITEBYTECODE=1  # no __pycache__ in the source tree

while [[ $# -gt 0 ]]; do
    case "$1" in
        --tables) tables="$2"; shift 2 ;;
        --repeat) repeat="$2"; shift 2 ;;
        --build) build="$(cd "$2" && pwd)"; shift 2 ;;
        --url) url="$2"; shift 2 ;;
        --keep) keep=1; shift ;;
        -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "run.sh: unknown argument '$1' (see --help)" >&2; exit 2 ;;
    esac
done
if [[ -z "$url" ]]; then url="$("$root/.ci/postgres-server" url)"; fi
psql="$(command -v psql || echo /usr/lib/postgresql/15/bin/psql)"
schemadiff="$build/schemadiff"
model_json="$build/bench/bench_model_json"
for binary in "$schemadiff" "$model_json" "$psql"; do
    if [[ ! -x "$binary" ]]; then
        echo "run.sh: $binary not found; build with" \
            "cmake --build $build --target schemadiff_tool bench_model_json" >&2
        exit 2
    fi
done

database="schemadiff_bench_alembic_${tables}"
base="${url%%\?*}"
query=""
if [[ "$url" == *\?* ]]; then query="?${url#*\?}"; fi
database_url="${base%/*}/${database}${query}"
work="$(mktemp -d "${TMPDIR:-/tmp}/schemadiff-alembic.XXXXXX")"

server_sql() { "$psql" -X -q -v ON_ERROR_STOP=1 "$url" -c "$1" >/dev/null; }
cleanup() {
    if [[ "$keep" -eq 0 ]]; then
        server_sql "DROP DATABASE IF EXISTS $database WITH (FORCE)" || true
        rm -rf "$work"
    else
        echo "kept: database $database, folder $work" >&2
    fi
}
trap cleanup EXIT

# Wall clock of one command in ms on stdout; its CPU time (user + system, ms) in $work/last.cpu;
# its output in $work/last.out and $work/last.err. Run it in a subshell of its own, $(time_ms ...):
# the CPU time is that subshell's children's (`times`). The clock is bash's EPOCHREALTIME, so the
# timing adds no process of its own: timing /bin/true this way gives 4 ms here, where forking
# `date` twice and running the command under /usr/bin/time gave 15 ms.
time_ms() {
    local start end
    start="${EPOCHREALTIME/[^0-9]/}"
    if ! "$@" >"$work/last.out" 2>"$work/last.err"; then
        echo "run.sh: failed: $*" >&2
        cat "$work/last.err" >&2
        exit 2
    fi
    end="${EPOCHREALTIME/[^0-9]/}"
    times >"$work/last.times"  # not in a pipe: that would be a subshell with no children
    awk 'NR == 2 { split($1, u, /[ms]/); split($2, s, /[ms]/)
        printf "%d\n", ((u[1] + s[1]) * 60 + u[2] + s[2]) * 1000 }' \
        "$work/last.times" >"$work/last.cpu"
    echo $(((end - start) / 1000))
}
median() { printf '%s\n' "$@" | sort -n | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}'; }

# --- 1 and 2: the models and the database ------------------------------------------------------
edits="$("$model_json" --tables "$tables" --out "$work")"
server_sql "DROP DATABASE IF EXISTS $database WITH (FORCE)"
server_sql "CREATE DATABASE $database"
"$schemadiff" dump "$work/current.json" --format sql --dialect postgresql >"$work/current.sql"
start="$(date +%s%N)"
"$psql" -X -q -1 -v ON_ERROR_STOP=1 "$database_url" -f "$work/current.sql" >/dev/null
"$psql" -X -q -v ON_ERROR_STOP=1 "$database_url" -c "ANALYZE" >/dev/null
create_ms=$((($(date +%s%N) - start) / 1000000))

# --- 3: the two projects ---------------------------------------------------------------------
mkdir -p "$work/schemadiff/migrations/versions" "$work/alembic/versions"
cat >"$work/schemadiff/schemadiff.toml" <<EOF
[database]
url = "$database_url"

[migrations]
directory = "migrations"

[models]
json = "$work/drifted.json"

[autogenerate]
exclude_tables = ["alembic_version"]
EOF
cp "$here/env.py" "$here/models_from_json.py" "$here/script.py.mako" "$work/alembic/"
sed -e "s|@URL@|$database_url|" -e "s|@MODELS@|$work/drifted.json|" \
    "$here/alembic.ini.in" >"$work/alembic/alembic.ini"

# --- 4: timing, interleaved ------------------------------------------------------------------
schemadiff_ms=()
alembic_ms=()
schemadiff_cpu=()
alembic_cpu=()
for ((run = 1; run <= repeat; run++)); do
    rm -f "$work/schemadiff/migrations/versions/"*
    schemadiff_ms+=("$(cd "$work/schemadiff" && time_ms "$schemadiff" autogenerate -m x)")
    schemadiff_cpu+=("$(cat "$work/last.cpu")")
    schemadiff_script="$(ls "$work/schemadiff/migrations/versions/"*)"
    cp "$schemadiff_script" "$work/schemadiff-revision.sql"
    rm -f "$work/alembic/versions/"*.py
    alembic_ms+=("$(cd "$work/alembic" && time_ms "$python" -m alembic revision --autogenerate -m x)")
    alembic_cpu+=("$(cat "$work/last.cpu")")
    cp "$work/alembic/versions/"*.py "$work/alembic-revision.py"
    echo "run $run: schemadiff ${schemadiff_ms[-1]} ms (CPU ${schemadiff_cpu[-1]})," \
        "alembic ${alembic_ms[-1]} ms (CPU ${alembic_cpu[-1]})" >&2
done
schemadiff_median="$(median "${schemadiff_ms[@]}")"
alembic_median="$(median "${alembic_ms[@]}")"

# --- 5: what each detected -------------------------------------------------------------------
set +e
"$schemadiff" diff --from "$database_url" --to "$work/drifted.json" --format json \
    >"$work/plan.json"
set -e
(cd "$here" && "$python" count_ops.py schemadiff "$work/plan.json") >"$work/schemadiff-ops.txt"
(cd "$here" && "$python" count_ops.py alembic "$database_url" "$work/drifted.json") \
    >"$work/alembic-ops.txt"
statements="$(grep -c ';$' <(sed -n '/^-- migrate:up/,/^-- migrate:down/p' \
    "$work/schemadiff-revision.sql") || true)"
op_calls="$(sed -n '/^def upgrade/,/^def downgrade/p' "$work/alembic-revision.py" |
    grep -c '^    op\.' || true)"

by_kind() { awk '{n[$1]++} END {for (k in n) printf "%s %d, ", k, n[k]}' "$1" | sed 's/, $//'; }
echo
echo "schemadiff vs Alembic $("$python" -c 'import alembic; print(alembic.__version__)')," \
    "$tables tables, drift of $edits edits; median of $repeat runs, wall clock"
echo "(database created in $create_ms ms, not timed)"
echo
echo "| tool | runs (ms) | median (ms) | client CPU median (ms) | operations | written |"
echo "| --- | --- | ---: | ---: | ---: | --- |"
echo "| schemadiff autogenerate | ${schemadiff_ms[*]} | $schemadiff_median |" \
    "$(median "${schemadiff_cpu[@]}") | $(wc -l <"$work/schemadiff-ops.txt") |" \
    "$statements statements |"
echo "| alembic revision --autogenerate | ${alembic_ms[*]} | $alembic_median |" \
    "$(median "${alembic_cpu[@]}") | $(wc -l <"$work/alembic-ops.txt") | $op_calls op.* calls |"
echo
awk -v a="$alembic_median" -v s="$schemadiff_median" \
    'BEGIN {printf "ratio (alembic / schemadiff): %.1fx\n", a / s}'
echo "schemadiff by kind: $(by_kind "$work/schemadiff-ops.txt")"
echo "alembic by kind:    $(by_kind "$work/alembic-ops.txt")"
echo
echo "Only schemadiff (<) / only Alembic (>), as kind table object:"
differences="$(diff "$work/schemadiff-ops.txt" "$work/alembic-ops.txt" | grep '^[<>]' || true)"
echo "${differences:-(none)}"
