#!/usr/bin/env bash
# Side-by-side timing of `crmkit rfm` (CLI jar) against the pandas RFM recipe on the same files.
# See README.md next to this script. Env: SIZES, REPEAT, WORK, SHARED_BENCH, CRMKIT_JAR,
# CRMKIT_JAVA_OPTS, CRMKIT_NO_COLUMN_OPTION=1 (fallback for jars without --column), PYTHON.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
SHARED_BENCH="${SHARED_BENCH:-$REPO/../shared/bench}"
SIZES="${SIZES:-1000000 10000000 30000000}"
REPEAT="${REPEAT:-3}"
WORK="${WORK:-/tmp/crmkit-vs-pandas}"
CRMKIT_JAR="${CRMKIT_JAR:-$REPO/crmkit-cli/target/crmkit.jar}"
# bin/crmkit chooses the collector and heap; CRMKIT_JAVA_OPTS, when set, replaces its choice
CRMKIT_JAVA_OPTS_SET="${CRMKIT_JAVA_OPTS+set}"
CRMKIT_JAVA_OPTS="${CRMKIT_JAVA_OPTS:-}"
CRMKIT_NO_COLUMN_OPTION="${CRMKIT_NO_COLUMN_OPTION:-0}"
PY="${PYTHON:-/usr/bin/python3}"
TIME_FMT='%e %U %S %M'

die() { echo "run.sh: $*" >&2; exit 1; }
log() { echo "[$(date +%H:%M:%S)] $*" >&2; }

# --- preconditions ---------------------------------------------------------------------------
[[ "$REPEAT" =~ ^[1-9][0-9]*$ ]] || die "REPEAT must be a positive integer (got '$REPEAT')"
[ -x /usr/bin/time ] || die "/usr/bin/time not found (apt-get install -y time)"
command -v java >/dev/null || die "java not found on PATH"
[ -x "$PY" ] || die "$PY not found (set PYTHON=...)"
"$PY" -c 'import pandas' 2>/dev/null \
  || die "pandas is not importable by $PY; install Debian's package: apt-get install -y python3-pandas"
for f in gen_transactions.py rfm_pandas.py; do
  [ -f "$SHARED_BENCH/$f" ] || die "$SHARED_BENCH/$f not found (set SHARED_BENCH=dir)"
done
[ -f "$CRMKIT_JAR" ] || die "$CRMKIT_JAR not found; build it from $REPO with: mvn -B -q package -DskipTests"
mkdir -p "$WORK"
RUNS="$WORK/runs.tsv"
[ -s "$RUNS" ] || printf 'run_id\trows\tcustomers\ttool\trep\twall_s\tuser_s\tsys_s\tmaxrss_kb\n' > "$RUNS"
RUN_ID="$(date +%Y%m%dT%H%M%S)"
NOTES="$WORK/notes.$RUN_ID.txt"; : > "$NOTES"
log "run $RUN_ID: sizes [$SIZES], repeat $REPEAT, work dir $WORK, jar $CRMKIT_JAR"

# timed TOOL ROWS CUST REP OUT CMD...: runs CMD with stdout to OUT, stderr to a log, appends a row to runs.tsv
timed() {
  local tool=$1 rows=$2 cust=$3 rep=$4 out=$5; shift 5
  local tf="$WORK/time.$tool.txt" errlog="$WORK/log.$tool.$rows.txt"
  if ! /usr/bin/time -f "$TIME_FMT" -o "$tf" "$@" > "$out" 2> "$errlog"; then
    tail -n 20 "$errlog" >&2; die "$tool failed on $rows rows (log: $errlog; $(tr '\n' ' ' < "$tf"))"
  fi
  local wall user sys rss; read -r wall user sys rss < <(tail -n 1 "$tf")
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$RUN_ID" "$rows" "$cust" "$tool" "$rep" \
    "$wall" "$user" "$sys" "$rss" >> "$RUNS"
  log "  $tool rep $rep: wall ${wall}s user ${user}s sys ${sys}s maxrss ${rss} KB"
}

for N in $SIZES; do
  [[ "$N" =~ ^[1-9][0-9]*$ ]] || die "bad size '$N' in SIZES"
  C=$(( N / 10 )); (( C >= 1 )) || die "size $N too small (customers = N/10 must be >= 1)"
  IN="$WORK/tx_$N.csv"
  if [ ! -s "$IN" ]; then
    log "generating $IN ($N rows, $C customers)"
    "$PY" "$SHARED_BENCH/gen_transactions.py" "$N" "$C" "$IN.part.csv" >&2
    mv "$IN.part.csv" "$IN"
  else
    log "reusing $IN"
  fi
  CRM_IN="$IN"; CRM_ARGS=(--column timestamp=date)
  if [ "$CRMKIT_NO_COLUMN_OPTION" = 1 ]; then   # older jars: header must already say 'timestamp'
    CRM_IN="$WORK/tx_$N.timestamp.csv"; CRM_ARGS=()
    if [ ! -s "$CRM_IN" ]; then
      { echo 'customer_id,timestamp,amount'; tail -n +2 "$IN"; } > "$CRM_IN.part" && mv "$CRM_IN.part" "$CRM_IN"
    fi
  fi
  LOAD="$(uptime | sed 's/.*load average: *//')"
  log "size $N: load average before: $LOAD"
  echo "- $N rows: load average before the runs: $LOAD (1, 5, 15 min; $(nproc) cores)" >> "$NOTES"
  OUT_P="$WORK/out_pandas_$N.csv"; OUT_C="$WORK/out_crmkit_$N.csv"
  for (( r = 1; r <= REPEAT; r++ )); do
    timed pandas "$N" "$C" "$r" "$WORK/stdout.pandas.txt" \
      "$PY" "$SHARED_BENCH/rfm_pandas.py" "$IN" "$OUT_P" --snapshot 2024-01-01
    # shellcheck disable=SC2086  # CRMKIT_JAVA_OPTS is deliberately word-split
    timed crmkit "$N" "$C" "$r" "$OUT_C" env CRMKIT_JAR="$CRMKIT_JAR" ${CRMKIT_JAVA_OPTS_SET:+CRMKIT_JAVA_OPTS="$CRMKIT_JAVA_OPTS"} "$REPO/bin/crmkit" rfm \
      --input "$CRM_IN" "${CRM_ARGS[@]}" --as-of 2024-01-01 --binning ntile --format csv
  done
  # --- output comparison (join by key: crmkit sorts customer_id as text, pandas numerically) ---
  CHECK="$("$PY" - "$OUT_P" "$OUT_C" <<'EOF'
import csv, sys
from collections import Counter
def load(path):
    with open(path, newline="") as f:
        return {row["customer_id"]: row for row in csv.DictReader(f)}
p, c = load(sys.argv[1]), load(sys.argv[2])
common = p.keys() & c.keys()
freq = sum(int(p[k]["frequency"]) != int(c[k]["frequency"]) for k in common)
mon = sum(abs(float(p[k]["monetary"]) - float(c[k]["monetary"])) > 0.005 for k in common)
off = Counter(int(p[k]["recency"]) - int(c[k]["recency"]) for k in common)
rec = sum(n for d, n in off.items() if d != 0)
score = sum((p[k]["R"], p[k]["F"], p[k]["M"]) != (c[k]["r"], c[k]["f"], c[k]["m"]) for k in common)
offs = ", ".join(f"{d:+d}: {n}" for d, n in sorted(off.items()))
print(f"customers pandas {len(p)}, crmkit {len(c)}, common {len(common)}; differing: "
      f"frequency {freq}, monetary (>0.005) {mon}, recency {rec} (pandas-crmkit days -> customers: {offs}); "
      f"R/F/M scores (informational) {score}")
EOF
)"
  log "size $N check: $CHECK"
  echo "  - output check: $CHECK" >> "$NOTES"
done

# --- summary table (this run only) -------------------------------------------------------------
"$PY" - "$RUNS" "$RUN_ID" <<'EOF'
import csv, sys, statistics
runs, run_id = sys.argv[1], sys.argv[2]
groups = {}
with open(runs, newline="") as f:
    for r in csv.DictReader(f, delimiter="\t"):
        if r["run_id"] == run_id:
            groups.setdefault((int(r["rows"]), int(r["customers"])), {}).setdefault(r["tool"], []).append(r)
print("| rows | customers | tool | best wall s | median wall s | CPU s (user+sys of best run) | peak RSS MB | speed-up vs pandas |")
print("|---:|---:|---|---:|---:|---:|---:|---:|")
for (rows, cust), tools in sorted(groups.items()):
    best = {t: min(rs, key=lambda r: float(r["wall_s"])) for t, rs in tools.items()}
    for t in ("pandas", "crmkit"):
        if t not in tools:
            continue
        rs, b = tools[t], best[t]
        med = statistics.median(float(r["wall_s"]) for r in rs)
        cpu = float(b["user_s"]) + float(b["sys_s"])
        rss = max(int(r["maxrss_kb"]) for r in rs) / 1024
        pw, tw = float(best["pandas"]["wall_s"]) if "pandas" in best else None, float(b["wall_s"])
        sp = f"{pw / tw:.2f}x" if pw is not None and tw > 0 else "n/a"
        print(f"| {rows:,} | {cust:,} | {t} | {tw:.2f} | {med:.2f} | {cpu:.2f} | {rss:,.0f} | {sp} |")
EOF
echo
echo "Best of $(( REPEAT )) alternating runs per tool; peak RSS = max over runs; speed-up = pandas best wall / tool best wall."
echo "crmkit: bin/crmkit ($([ -n "$CRMKIT_JAVA_OPTS_SET" ] && echo "java options: $CRMKIT_JAVA_OPTS" || echo "its own collector and heap: parallel GC, -Xmx 512 MiB + 1.5 x input size, young generation 128 MiB promoting at once, -Xms the whole heap")) with $CRMKIT_JAR$([ "$CRMKIT_NO_COLUMN_OPTION" = 1 ] && echo ' (CRMKIT_NO_COLUMN_OPTION=1: renamed header, no --column)')"
cat "$NOTES"
echo "Raw runs: $RUNS (run_id $RUN_ID)"
