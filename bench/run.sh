#!/usr/bin/env bash
# End-to-end throughput and peak memory of newsarc on a generated corpus.
#
#   bench/run.sh [N]        (default N=20000 articles; REPEAT=k runs each row k times, default 3)
#
# Builds the release binary and the generator, writes N articles to a temporary folder, then
# times each command with /usr/bin/time -v (wall time, peak resident memory) and prints a
# Markdown table. The machine should be otherwise idle.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-20000}
cores=$(nproc)
cargo build --release --quiet --bin newsarc --example gen-corpus
bin=target/release/newsarc
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
target/release/examples/gen-corpus "$n" "$work/corpus" 2>/dev/null
bytes=$(find "$work/corpus" -type f -name '*.txt' -print0 | du -cb --files0-from=- | tail -1 | cut -f1)
# Warm the page cache so every row reads from memory, as the floor does.
find "$work/corpus" -type f -name '*.txt' -print0 | xargs -0 cat > /dev/null

# Each row is the fastest of $REPEAT runs (default 3: other work on a shared machine only ever
# slows a run down) with the highest peak memory seen in any of them.
repeat=${REPEAT:-3}
measure() { # label, command...
  local label=$1; shift
  local best="" peak=0 wall rss
  for _ in $(seq "$repeat"); do
    /usr/bin/time -v -o "$work/time" "$@" > /dev/null 2> "$work/err" || { echo "failed: $label" >&2; cat "$work/err" >&2; }
    wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,a,":"); s=0; for(i=1;i<=n;i++) s=s*60+a[i]; print s}' "$work/time")
    rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/time")
    if [ -z "$best" ] || awk -v a="$wall" -v b="$best" 'BEGIN { exit !(a < b) }'; then best=$wall; fi
    if [ "$rss" -gt "$peak" ]; then peak=$rss; fi
  done
  awk -v l="$label" -v w="$best" -v b="$bytes" -v n="$n" -v r="$peak" 'BEGIN {
    if (w <= 0) w = 0.001;
    printf "| %-34s | %7.2f | %8.1f | %9.0f | %7.1f |\n", l, w, b / w / 1e6, n / w, r / 1024 }'
}

printf 'corpus: %d articles, %.1f MB; %d cores; %s; best of %d runs\n\n' "$n" "$(echo "$bytes / 1000000" | bc -l)" "$cores" "$($bin --version)" "$repeat"
echo "| command                            |  wall s |     MB/s | articles/s | peak MB |"
echo "|------------------------------------|--------:|---------:|-----------:|--------:|"
measure "cat (floor)" sh -c "find '$work/corpus' -type f -name '*.txt' -print0 | xargs -0 cat"
for jobs in 1 "$cores"; do
  measure "parse --no-analysis --jobs $jobs" $bin parse --format ndjson --no-analysis --jobs "$jobs" "$work/corpus"
  measure "parse --jobs $jobs" $bin parse --format ndjson --jobs "$jobs" "$work/corpus"
done
if $bin ingest --help > /dev/null 2>&1; then
  for jobs in 1 "$cores"; do
    measure "ingest --jobs $jobs (fresh archive)" sh -c \
      "rm -f '$work'/archive.db*; exec $bin ingest --quiet --jobs $jobs --archive '$work/archive.db' '$work/corpus'"
  done
fi
