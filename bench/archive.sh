#!/usr/bin/env bash
# Archive benchmarks (issue 4): ingest rate, and search / filtered list / people on a large
# archive. Release build; numbers are medians of RUNS runs, in milliseconds, process start
# included.
#
#   bench/archive.sh [N_INGEST] [N_ARCHIVE] [RUNS]     # defaults: 20000 100000 11
#
# Needs: cargo, GNU date, /usr/bin/time. Writes to a temporary folder, removed at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
N_INGEST=${1:-20000}
N_ARCHIVE=${2:-100000}
RUNS=${3:-11}
BIN=target/release/newsarc
cargo build --release --quiet --bin newsarc --example gen-corpus --example gen-archive
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

echo "== ingest: $N_INGEST generated articles (gen-corpus), fresh archive"
target/release/examples/gen-corpus "$N_INGEST" "$WORK/corpus" >/dev/null
# CPU seconds are printed too: on a shared machine they say more than the wall time.
CPU='   %e s wall, %U s user, %S s sys, %M KB peak'
for jobs in 1 2; do
    rm -f "$WORK/ingest.db"*
    /usr/bin/time -f "$CPU" "$BIN" ingest --quiet --jobs "$jobs" --archive "$WORK/ingest.db" "$WORK/corpus" 2>&1 |
        sed "s/^newsarc/jobs $jobs: newsarc/"
done
echo "   again (all duplicates):"
/usr/bin/time -f "$CPU" "$BIN" ingest --quiet --archive "$WORK/ingest.db" "$WORK/corpus" 2>&1
echo "   load average: $(cut -d' ' -f1-3 /proc/loadavg)"

echo "== archive of $N_ARCHIVE analysed records (gen-archive)"
target/release/examples/gen-archive "$N_ARCHIVE" "$WORK/big.db"
ls -l "$WORK/big.db" | awk '{printf "   size: %.0f MB\n", $5 / 1048576}'

median_ms() {
    local times=()
    for _ in $(seq "$RUNS"); do
        local t0 t1
        t0=$(date +%s%N)
        "$@" >/dev/null 2>&1 || true
        t1=$(date +%s%N)
        times+=($(( (t1 - t0) / 1000000 )))
    done
    printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'
}

bench() {
    local label=$1
    shift
    printf '%-58s %6s ms   (%s)\n' "$label" "$(median_ms "$BIN" "$@" --archive "$WORK/big.db")" "$(
        "$BIN" "$@" --archive "$WORK/big.db" 2>/dev/null | wc -l) lines"
}

echo "== queries on $N_ARCHIVE articles: median of $RUNS runs (load average: $(cut -d' ' -f1-3 /proc/loadavg))"
bench "search 'sanctions NEAR/5 oil' --limit 20" search 'sanctions NEAR/5 oil' --limit 20
bench "search '\"crude oil\" pipeline' --limit 20" search '"crude oil" pipeline' --limit 20
bench "search drought --agency reuters --limit 20" search drought --agency reuters --limit 20
bench "search 'ferry NOT storm' --person 'Anna Kowalski' --limit 20" search 'ferry NOT storm' --person 'Anna Kowalski' --limit 20
bench "search officials --limit 20 (a word in every article)" search officials --limit 20
bench "list --country CU --since 2025-06-01 --limit 20" list --country CU --since 2025-06-01 --limit 20
bench "list --agency reuters --person 'Anna Kowalski' --limit 20" list --agency reuters --person 'Anna Kowalski' --limit 20
bench "list --since 2025-03-01 --until 2025-03-31 (all rows)" list --since 2025-03-01 --until 2025-03-31
bench "people --top 20" people --top 20
bench "people --top 20 --since 2025-06-01" people --top 20 --since 2025-06-01
bench "countries" countries
bench "stats" stats
bench "show <prefix>" show "$("$BIN" list --limit 1 --archive "$WORK/big.db" | cut -c8-13)"
