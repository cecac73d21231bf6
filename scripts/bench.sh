#!/usr/bin/env bash
# Throughput benchmark for `dyad code`: articles per second on one core, and peak memory.
#
# Builds the release binary, makes a corpus of N articles (default 2000) by varying the
# example articles that ship in examples/articles (dates, numbers and paragraph order change,
# so no two documents are the same text), then codes the whole corpus pinned to one core.
# Throughput per core is articles divided by the process's CPU time (user + system), which
# other work on the machine does not inflate the way it inflates wall time.
#
# With a second argument, a peer binary (an earlier build, say) codes the same corpus in the
# same run, alternating with this build over ROUNDS rounds (default 3), so both see the same
# machine load; the medians are compared at the end.
#
#   scripts/bench.sh                          # 2000 articles, this build
#   scripts/bench.sh 5000                     # any count
#   scripts/bench.sh 2000 /path/to/old/dyad   # this build against a peer, 3 alternating rounds
set -euo pipefail
cd "$(dirname "$0")/.."
count="${1:-2000}"
peer="${2:-}"
rounds="${ROUNDS:-3}"
corpus="$(mktemp -d)"
trap 'rm -rf "$corpus"' EXIT

cargo build --release --quiet -p dyad
binary="${CARGO_TARGET_DIR:-target}/release/dyad"
mkdir -p "$corpus/articles"
python3 scripts/make_corpus.py examples/articles "$corpus/articles" "$count"
bytes=$(du -sb "$corpus/articles" | cut -f1)

pin=""
command -v taskset >/dev/null && pin="taskset -c 0"

# Codes the corpus once with binary $2, labelled $1; appends "label cpu_seconds rss_kb events" to results.
run_once() {
    local label="$1" program="$2"
    /usr/bin/time -f "%M %U %S" -o "$corpus/.rss" $pin "$program" code "$corpus/articles" --format jsonl \
        --today 2026-01-01 >"$corpus/.events" 2>"$corpus/.stderr"
    local events rss_kb user_s sys_s
    events=$(wc -l <"$corpus/.events")
    read -r rss_kb user_s sys_s <"$corpus/.rss"
    echo "$label $(python3 -c "print($user_s + $sys_s)") $rss_kb $events" >>"$corpus/.results"
}

if [ -z "$peer" ]; then
    rounds=1
fi
for _ in $(seq "$rounds"); do
    run_once this "$binary"
    if [ -n "$peer" ]; then
        run_once peer "$peer"
    fi
done

python3 - "$count" "$bytes" "$corpus/.results" <<'PY'
import statistics, sys
count, size, results = int(sys.argv[1]), float(sys.argv[2]), sys.argv[3]
runs = {}
for line in open(results):
    label, cpu, rss_kb, events = line.split()
    runs.setdefault(label, []).append((float(cpu), float(rss_kb), int(events)))
print(f"articles:            {count} ({size / count / 1024:.1f} KiB each on average)")
for label, measured in runs.items():
    rates = [count / cpu for cpu, _, _ in measured]
    print(f"{label}:")
    print(f"  events coded:      {measured[0][2]}")
    print(f"  CPU time per run:  {', '.join(f'{cpu:.2f} s' for cpu, _, _ in measured)} (start-up included)")
    print(f"  throughput:        {', '.join(f'{rate:.0f}' for rate in rates)} articles/s per core; median {statistics.median(rates):.0f}")
    print(f"  peak memory (RSS): {max(rss for _, rss, _ in measured) / 1024:.1f} MiB")
if "peer" in runs:
    this = statistics.median(count / cpu for cpu, _, _ in runs["this"])
    peer = statistics.median(count / cpu for cpu, _, _ in runs["peer"])
    print(f"this build / peer:   {this / peer:.2f} (medians)")
PY
