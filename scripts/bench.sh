#!/usr/bin/env bash
# Throughput benchmark for `dyad code`: articles per second on one core, and peak memory.
#
# Builds the release binary, makes a corpus of N articles (default 2000) by varying the
# example articles that ship in examples/articles (dates, numbers and paragraph order change,
# so no two documents are the same text), then codes the whole corpus pinned to one core.
# Throughput per core is articles divided by the process's CPU time (user + system), which
# other work on the machine does not inflate the way it inflates wall time.
#
#   scripts/bench.sh            # 2000 articles
#   scripts/bench.sh 5000       # any count
set -euo pipefail
cd "$(dirname "$0")/.."
count="${1:-2000}"
corpus="$(mktemp -d)"
trap 'rm -rf "$corpus"' EXIT

cargo build --release --quiet -p dyad
binary="${CARGO_TARGET_DIR:-target}/release/dyad"
python3 scripts/make_corpus.py examples/articles "$corpus" "$count"
bytes=$(du -sb "$corpus" | cut -f1)

pin=""
command -v taskset >/dev/null && pin="taskset -c 0"
start=$(date +%s.%N)
/usr/bin/time -f "%M %U %S" -o "$corpus/.rss" $pin "$binary" code "$corpus" --format jsonl --today 2026-01-01 \
    >"$corpus/.events" 2>"$corpus/.stderr"
end=$(date +%s.%N)
events=$(wc -l <"$corpus/.events")
read -r rss_kb user_s sys_s <"$corpus/.rss"
python3 - "$start" "$end" "$count" "$events" "$rss_kb" "$bytes" "$user_s" "$sys_s" <<'PY'
import sys
start, end, count, events, rss_kb, size, user, system = map(float, sys.argv[1:])
seconds = end - start
cpu = user + system
print(f"articles:            {int(count)} ({size / count / 1024:.1f} KiB each on average)")
print(f"events coded:        {int(events)}")
print(f"wall time (1 core):  {seconds:.2f} s  ({count / seconds:.0f} articles/s)")
print(f"CPU time:            {cpu:.2f} s (user {user:.2f}, system {system:.2f}), start-up included")
print(f"throughput:          {count / cpu:.0f} articles/s per core (CPU time)")
print(f"peak memory (RSS):   {rss_kb / 1024:.1f} MiB")
PY
