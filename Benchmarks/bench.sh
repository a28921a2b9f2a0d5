#!/usr/bin/env bash
# `make bench`: release build of nianbao against its references, on seeded inputs.
#
#   Benchmarks/bench.sh            full: convert 100k and 1M rows; merge 100, 1,000, 10,000 units
#   BENCH_QUICK=1 Benchmarks/bench.sh   100k rows; 100 and 1,000 units; 1 run
#   BENCH_RUNS=5                   runs per case (default 3); medians are printed
#   BENCH_PY_RUNS=1                rounds that also run the Python reference and the Python merge
#                                  peer (default all, at least 1; they are slow)
#   BENCH_SCRATCH=DIR              build and outputs in DIR instead of .build-bench/ (inputs stay
#                                  in .build-bench/data/)
#
# Everything lives under .build-bench/ (inputs in data/, generated once and reused).
# Wall time and peak RSS come from /usr/bin/time -f '%e %M'. Every output is read back
# (Benchmarks/check.py) so that a fast wrong result cannot pass: convert outputs against the
# CSV and each other; every merge workbook's totals and group subtotals against those of
# Benchmarks/peer_merge.py, an independent Python implementation of the same merge, which is
# also timed. Last, the start-up time (`nianbao --help`). No network is needed once Python
# XlsxWriter, openpyxl and PyYAML are installed.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
SCRATCH=${BENCH_SCRATCH:-$ROOT/.build-bench}
DATA=$ROOT/.build-bench/data
OUTDIR=$SCRATCH/out
RUNS=${BENCH_RUNS:-3}
QUICK=${BENCH_QUICK:-0}
if [ "$QUICK" = 1 ]; then
  RUNS=${BENCH_RUNS:-1}; ROWS="100000"; SIZES="100 1000"; GENFLAG=--quick
else
  ROWS="100000 1000000"; SIZES="100 1000 10000"; GENFLAG=
fi
mkdir -p "$DATA" "$OUTDIR"

echo "== build (release)" >&2
swift build -c release --product nianbao --scratch-path "$SCRATCH" >&2
NIANBAO=$SCRATCH/release/nianbao
# Any C compiler: cc where there is one, else the clang that comes with Swift.
CC=${CC:-$(command -v cc || command -v clang)}
"$CC" -O2 -o "$SCRATCH/floor" Benchmarks/floor.c $(pkg-config --cflags --libs xlsxwriter)
FLOOR=$SCRATCH/floor
"$CC" -O2 -o "$SCRATCH/detail_floor" Benchmarks/detail_floor.c $(pkg-config --cflags --libs xlsxwriter)
python3 -c 'import xlsxwriter' 2>/dev/null || python3 -m pip install XlsxWriter >&2 \
  || python3 -m pip install --break-system-packages XlsxWriter >&2
python3 -c 'import openpyxl' 2>/dev/null || python3 -m pip install openpyxl >&2 \
  || python3 -m pip install --break-system-packages openpyxl >&2
python3 -c 'import yaml' 2>/dev/null || python3 -m pip install PyYAML >&2 \
  || python3 -m pip install --break-system-packages PyYAML >&2

echo "== inputs ($DATA)" >&2
python3 Benchmarks/generate.py "$DATA" $GENFLAG

# once NAME CMD... : runs CMD once, appends "wall rss_kb" to $OUTDIR/NAME.times.
# Exit statuses 0 and 1 (merge: a workbook with findings) count; anything else fails.
once() {
  local name=$1; shift
  local status=0
  /usr/bin/time -f '%e %M' -o "$OUTDIR/$name.t" "$@" > "$OUTDIR/$name.log" 2>&1 || status=$?
  if [ "$status" -gt 1 ]; then echo "$name failed ($status):" >&2; tail -5 "$OUTDIR/$name.log" >&2; exit 1; fi
  tail -1 "$OUTDIR/$name.t" >> "$OUTDIR/$name.times"
}
# median COLUMN NAME: the median of a column of NAME.times (1 wall s, 2 peak RSS KB).
median() { sort -g -k"$1" "$OUTDIR/$2.times" | awk -v c="$1" '{v[NR]=$c} END{print v[int((NR+1)/2)]}'; }
mb() { awk -v k="$1" 'BEGIN{printf "%.1f", k/1024}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN{printf "%.2f", a/b}'; }

echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
echo
echo "convert (median of $RUNS; wall s, peak RSS MB)"
printf '%-10s %8s %8s %8s %8s %8s %8s %10s %10s\n' rows C C-MB nianbao nb-MB Python Py-MB nb/C Py/C
for n in $ROWS; do
  csv=$DATA/convert-$n.csv
  : > "$OUTDIR/floor-$n.times"; : > "$OUTDIR/nianbao-$n.times"; : > "$OUTDIR/python-$n.times"
  # Interleaved rounds, so that a change in the machine's load hits all three alike.
  for r in $(seq "$RUNS"); do
    once "floor-$n" "$FLOOR" "$csv" "$OUTDIR/floor-$n.xlsx"
    once "nianbao-$n" "$NIANBAO" convert "$csv" -o "$OUTDIR/nianbao-$n.xlsx"
    if [ "$r" -le "${BENCH_PY_RUNS:-$RUNS}" ]; then
      once "python-$n" python3 Benchmarks/reference.py "$csv" "$OUTDIR/python-$n.xlsx"
    fi
  done
  # Same rows, cells and number cells in all three, and the first rows equal to the CSV.
  c1=$(python3 Benchmarks/check.py convert "$OUTDIR/floor-$n.xlsx" "$csv")
  c2=$(python3 Benchmarks/check.py convert "$OUTDIR/nianbao-$n.xlsx" "$csv")
  c3=$(python3 Benchmarks/check.py convert "$OUTDIR/python-$n.xlsx" "$csv")
  if [ "$c1" != "$c2" ] || [ "$c1" != "$c3" ]; then
    echo "convert $n: outputs differ (rows cells numbers): C $c1, nianbao $c2, Python $c3" >&2; exit 1
  fi
  fw=$(median 1 "floor-$n"); nw=$(median 1 "nianbao-$n"); pw=$(median 1 "python-$n")
  printf '%-10s %8s %8s %8s %8s %8s %8s %10s %10s\n' "$n" "$fw" "$(mb "$(median 2 "floor-$n")")" \
    "$nw" "$(mb "$(median 2 "nianbao-$n")")" "$pw" "$(mb "$(median 2 "python-$n")")" \
    "$(ratio "$nw" "$fw")" "$(ratio "$pw" "$fw")"
  echo "  runs (wall s): C $(cut -d' ' -f1 "$OUTDIR/floor-$n.times" | tr '\n' ' ')| nianbao $(cut -d' ' -f1 "$OUTDIR/nianbao-$n.times" | tr '\n' ' ')| Python $(cut -d' ' -f1 "$OUTDIR/python-$n.times" | tr '\n' ' ')"
  echo "  read back (rows cells number-cells): $c2; sizes: $(stat -c %s "$OUTDIR/floor-$n.xlsx" "$OUTDIR/nianbao-$n.xlsx" "$OUTDIR/python-$n.xlsx" | tr '\n' ' ')bytes (C nianbao Python)"
done

echo
echo "merge --no-unit-sheets (median of $RUNS; wall s, peak RSS MB); peer = Benchmarks/peer_merge.py (Python)"
printf '%-8s %8s %8s %8s %8s %9s\n' units nianbao nb-MB peer peer-MB peer/nb
for s in $SIZES; do
  set_dir=$DATA/merge-$s
  : > "$OUTDIR/merge-$s.times"; : > "$OUTDIR/peer-$s.times"
  : > "$OUTDIR/detail-floor-$s.times"
  # Interleaved rounds, as for convert.
  for r in $(seq "$RUNS"); do
    once "detail-floor-$s" "$SCRATCH/detail_floor" "$OUTDIR/detail-floor-$s.xlsx" "$s"
    once "merge-$s" "$NIANBAO" merge "$set_dir/forms" --units "$set_dir/units.csv" --year 2020 \
      --no-unit-sheets -o "$OUTDIR/merge-$s.xlsx"
    if [ "$r" -le "${BENCH_PY_RUNS:-$RUNS}" ]; then
      once "peer-$s" python3 Benchmarks/peer_merge.py "$set_dir/forms" --units "$set_dir/units.csv" --year 2020 \
        -o "$OUTDIR/peer-$s.xlsx" --totals "$OUTDIR/peer-$s.json"
    fi
  done
  # Untimed: every unit matched to the roster, and the workbook reads back.
  "$NIANBAO" merge "$set_dir/forms" --units "$set_dir/units.csv" --year 2020 --no-unit-sheets \
    -o "$OUTDIR/merge-$s-check.xlsx" --json "$OUTDIR/merge-$s.json" > /dev/null 2>&1 || [ $? -le 1 ]
  roster=$(python3 - "$OUTDIR/merge-$s.json" <<'PY'
import json, sys, collections
def codes(x):
    if isinstance(x, dict):
        if "code" in x: yield x["code"]
        for v in x.values(): yield from codes(v)
    elif isinstance(x, list):
        for v in x: yield from codes(v)
c = collections.Counter(codes(json.load(open(sys.argv[1]))))
bad = c["unit-not-in-roster"] + c["unit-missing"]
print(bad, dict(sorted(c.items())))
PY
)
  if [ "${roster%% *}" != 0 ]; then echo "merge $s: units not matched to the roster: $roster" >&2; exit 1; fi
  # nianbao's totals and group subtotals (汇总, 明细, 分组小计) equal to the peer's, exactly.
  back=$(python3 Benchmarks/check.py merge "$OUTDIR/merge-$s.xlsx" "$OUTDIR/peer-$s.json") \
    || { echo "merge $s: nianbao's workbook does not match the Python peer's totals (above)" >&2; exit 1; }
  nw=$(median 1 "merge-$s"); pw=$(median 1 "peer-$s")
  printf '%-8s %8s %8s %8s %8s %9s\n' "$s" "$nw" "$(mb "$(median 2 "merge-$s")")" \
    "$pw" "$(mb "$(median 2 "peer-$s")")" "$(ratio "$pw" "$nw")"
  echo "  runs (wall s): nianbao $(cut -d' ' -f1 "$OUTDIR/merge-$s.times" | tr '\n' ' ')| peer $(cut -d' ' -f1 "$OUTDIR/peer-$s.times" | tr '\n' ' ')"
  echo "  C floor, 明细 sheet alone (Benchmarks/detail_floor.c): $(median 1 "detail-floor-$s") s," \
    "$(mb "$(median 2 "detail-floor-$s")") MB"
  echo "  read back (sheets cells): $back; findings: nianbao ${roster#* }; peer $(grep -o '[0-9]* 个错误，[0-9]* 个警告' "$OUTDIR/peer-$s.log" | tail -1)"
done
if [ "$QUICK" != 1 ]; then
  echo "linearity: 10,000 : 1,000 units = $(ratio "$(median 1 merge-10000)" "$(median 1 merge-1000)") (wall)," \
    "$(ratio "$(median 2 merge-10000)" "$(median 2 merge-1000)") (memory); peer" \
    "$(ratio "$(median 1 peer-10000)" "$(median 1 peer-1000)") (wall)"
fi

echo
echo "start-up: nianbao --help (20 runs; time.perf_counter around subprocess.run, ms)"
python3 - "$NIANBAO" <<'PY'
import statistics, subprocess, sys, time
def runs(cmd, n=20):
    ms = []
    for _ in range(n):
        t = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
        ms.append((time.perf_counter() - t) * 1000)
    return ms
runs([sys.argv[1], "--help"], 2)  # the binary in the page cache
nb, floor = runs([sys.argv[1], "--help"]), runs(["/bin/true"])
print(f"nianbao --help: median {statistics.median(nb):.1f} ms (min {min(nb):.1f}, max {max(nb):.1f}); "
      f"/bin/true the same way: median {statistics.median(floor):.1f} ms")
PY
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
