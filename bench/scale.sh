#!/usr/bin/env bash
# Scale benchmark (issue 12): SiteGen and the Hugo peer side by side on a synthetic country, output on tmpfs,
# median of N runs, wall time and peak RSS of whole processes. Not run by CI. How to read it: bench/README.md.
#
# usage: bench/scale.sh [--runs N] [--warmup N] [--pages "2000 20000"] [--national] [--no-hugo] [--keep]
#   --runs N       runs per scenario, median reported (default 3)
#   --warmup N     untimed full builds per scenario before its runs, each program (default 1; as hyperfine's --warmup)
#   --pages LIST   synthetic-country sizes in pages (default "2000 20000")
#   --national     also the national scale: 13,500 neighbourhoods (~135,000 pages), N runs as the others, SiteGen only
#                  (the Hugo peer would need ~20 GB at that size; its ratio is taken from the other sizes)
#   --no-hugo      skip the Hugo peer (ratio column empty)
#   --keep         keep the work folder ($SITEGEN_SCALE_DIR, default /dev/shm/sitegen-scale)
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
runs=3; warmup=1; sizes="2000 20000"; national=0; hugo=1; keep=0
while [ $# -gt 0 ]; do
  case $1 in
    --runs) runs=$2; shift ;;
    --warmup) warmup=$2; shift ;;
    --pages) sizes=$2; shift ;;
    --national) national=1 ;;
    --no-hugo) hugo=0 ;;
    --keep) keep=1 ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
  shift
done
work=${SITEGEN_SCALE_DIR:-/dev/shm/sitegen-scale}
rid=$(dotnet --info | awk '/^ *RID:/ {print $2; exit}')
peer=${HUGO_PEER:-$repo/../shared/bench/hugo_peer.py}
[ -f "$peer" ] || peer=/work/shared/bench/hugo_peer.py
[ -x /usr/bin/time ] || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time >/dev/null; }
if [ "$hugo" = 1 ] && ! command -v hugo >/dev/null; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq hugo >/dev/null
fi
rm -rf "$work" && mkdir -p "$work"
[ "$keep" = 1 ] || trap 'rm -rf "$work"' EXIT

# Published as a user installs it for speed (README, "Install as a tool"): one native program, like Hugo's binary.
# SITEGEN_BUILD=r2r measures the ReadyToRun build instead (JIT for what it does not cover), as rounds 1-7 did.
if [ "${SITEGEN_BUILD:-native}" = r2r ]; then
  echo "publishing SiteGen (Release, ReadyToRun for $rid) ..." >&2
  dotnet publish src/SiteGen.Cli -c Release -r "$rid" -o "$work/sitegen-bin" -v q -nologo >/dev/null
else
  echo "publishing SiteGen (Release, native for $rid; a few minutes) ..." >&2
  # For this machine's processor, as the JIT compiles for the machine it runs on (README, "Install as a tool"): the
  # native compiler otherwise targets the oldest x64 processors .NET supports. 3-9% less CPU (bench/README.md,
  # twenty-eighth round); such a program may not start on an older processor.
  dotnet publish src/SiteGen.Cli -c Release -r "$rid" -p:PublishAot=true -p:IlcInstructionSet=native -o "$work/sitegen-bin" -v q -nologo >/dev/null
fi
dotnet build -c Release bench/SiteGen.Scale -v q -nologo >/dev/null
# Copied once more before it runs: the program's own pages count in its peak RSS, and the same binary mapped 15 MB of
# its file as published but 25 MB as copied with cp, from one tmpfs file to the next (bench/README.md, twenty-second
# round). A copy made with cp gave the same figure every time.
if [ -f "$work/sitegen-bin/sitegen" ]; then
  cp "$work/sitegen-bin/sitegen" "$work/sitegen-bin/sitegen.copy" && mv -f "$work/sitegen-bin/sitegen.copy" "$work/sitegen-bin/sitegen"
fi
sitegen=("$work/sitegen-bin/sitegen")
scale=(dotnet "$repo/bench/SiteGen.Scale/bin/Release/net10.0/sitegen-scale.dll")

# run NAME CMD...: one whole process; appends "wall_ms rss_kb" to $work/NAME.times, its output to $work/NAME.log
run() {
  local name=$1; shift
  local s e
  s=$(date +%s%N)
  if ! /usr/bin/time -f "%M" -o "$work/rss.tmp" "$@" >"$work/$name.last.log" 2>&1; then
    echo "FAILED: $*" >&2; tail -20 "$work/$name.last.log" >&2; exit 1
  fi
  e=$(date +%s%N)
  echo "$(( (e - s) / 1000000 )) $(tail -1 "$work/rss.tmp")" >>"$work/$name.times"
  cat "$work/$name.last.log" >>"$work/$name.log"
}
# warm NAME CMD...: one untimed process; its output to $work/NAME.warm.log, shown when it fails
warm() {
  local name=$1; shift
  if ! "$@" >"$work/$name.warm.log" 2>&1; then
    echo "FAILED (warm-up): $*" >&2; tail -20 "$work/$name.warm.log" >&2; exit 1
  fi
}
# full MODE: the Hugo peer's (where it runs at this size) and SiteGen's full build of this size, outputs deleted first;
# MODE is run (timed) or warm (untimed)
full() {
  local mode=$1
  if [ "$peer_here" = 1 ]; then
    rm -rf "$d/hugo/public" "$d/hugo/resources"
    "$mode" "hugo-$size" hugo --quiet -s "$d/hugo" -d "$d/hugo/public"
  fi
  rm -rf "$d/out" "$d/.out.sitegen-cache.json"
  "$mode" "full-$size" "${sitegen[@]}" build --content "$d/content" --out "$d/out" --verbose
}
median_col() { awk -v c="$2" '{print $c}' "$1" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
html_pages() { find "$1" -name '*.html' | wc -l; }
html_kb_per_page() { find "$1" -name '*.html' -printf '%s\n' | awk '{s+=$1; n++} END {printf "%.1f", n ? s/n/1024 : 0}'; }

rows=()
# row SCENARIO PAGES TIMESFILE HUGO_PAGES_PER_S KB_PER_PAGE
row() {
  local ms rss pps ratio
  ms=$(median_col "$3" 1); rss=$(median_col "$3" 2)
  pps=$(awk -v p="$2" -v ms="$ms" 'BEGIN {printf "%.0f", p / (ms / 1000)}')
  ratio=$([ -n "$4" ] && awk -v a="$pps" -v b="$4" 'BEGIN {printf "%.2fx", a / b}' || echo "")
  rows+=("$(printf '| %-34s | %7s | %9s | %7s | %8s | %8s | %6s |' "$1" "$2" "$(awk -v ms="$ms" 'BEGIN {printf "%.2f s", ms/1000}')" "$pps" "$ratio" "$((rss / 1024)) MB" "$5")")
}

# The example site (Putten, content/ + themes/): cold start of a whole process.
mkdir -p "$work/example"; cp -r content "$work/example/content"; cp -r themes "$work/example/themes"
for _ in $(seq "$warmup"); do
  rm -rf "$work/example/out" "$work/example/.out.sitegen-cache.json"
  warm example-full "${sitegen[@]}" build --content "$work/example/content" --out "$work/example/out" --quiet
done
for _ in $(seq "$runs"); do
  rm -rf "$work/example/out" "$work/example/.out.sitegen-cache.json"
  run example-full "${sitegen[@]}" build --content "$work/example/content" --out "$work/example/out" --quiet
done
ex_pages=$(html_pages "$work/example/out")
row "SiteGen example (cold start)" "$ex_pages" "$work/example-full.times" "" "$(html_kb_per_page "$work/example/out")"

sizes_all=$sizes
[ "$national" = 1 ] && sizes_all="$sizes_all national"
for size in $sizes_all; do
  r=$runs; gen_args=(--pages "$size")
  if [ "$size" = national ]; then gen_args=(--neighbourhoods 13500); fi
  d="$work/s-$size"
  echo "generating synthetic country ($size) ..." >&2
  gen_out=$("${scale[@]}" --out "$d" "${gen_args[@]}"); echo "$gen_out" >&2
  n=$(sed -E 's/.* ([0-9]+) pages expected.*/\1/' <<<"$gen_out")   # the peer gets as many content pages
  spages=$(find "$d/content" -name neighbourhood.yaml | wc -l)
  peer_here=$hugo; [ "$size" = national ] && peer_here=0
  if [ "$peer_here" = 1 ]; then
    echo "generating Hugo peer ($n pages) ..." >&2
    python3 "$peer" "$d/hugo" "$n"
  fi
  target=$(find "$d/content" -name neighbourhood.yaml | sort | sed -n "$(( (spages + 1) / 2 ))p")
  # Untimed first builds. On a fresh virtual machine the first write of gigabytes into tmpfs cost three times the
  # system time of the next (the host backs the guest's memory on first touch: `dd` of 14 GB into /dev/shm, 24 s of
  # system time, then 8 s; the country's first build 69 s, the next ones 52-59 s; bench/README.md, thirty-fourth
  # round). Each program gets the same.
  for _ in $(seq "$warmup"); do
    echo "  $size: warm-up ..." >&2
    full warm
  done
  for i in $(seq "$r"); do
    echo "  $size: run $i/$r ..." >&2
    full run
    # Incremental: one neighbourhood's gas-boiler fixed cost changes (5xx -> 6xx EUR/year), cold CLI; then back.
    sed -i -E '/id: gas_fixed, label: Vaste kosten gasaansluiting en onderhoud ketel/ s/value: 5/value: 6/' "$target"
    run "inc-$size" "${sitegen[@]}" build --content "$d/content" --out "$d/out" --verbose
    sed -i -E '/id: gas_fixed, label: Vaste kosten gasaansluiting en onderhoud ketel/ s/value: 6/value: 5/' "$target"
    "${sitegen[@]}" build --content "$d/content" --out "$d/out" --quiet >/dev/null 2>&1
  done
  # serve: the site built in memory, then one neighbourhood edited 10 times (back and forth); from the write to the
  # reload event an open page gets. Peak RSS of the serving process. Not at national scale: the server holds the whole
  # site in memory (about 6 GB for 135,000 pages), which is not how a national site is previewed.
  if [ "$size" != national ]; then
    echo "  $size: serve ..." >&2
    "${sitegen[@]}" serve --content "$d/content" --port 0 >"$work/serve-$size.log" 2>&1 &
    serve_pid=$!
    for _ in $(seq 1800); do grep -q 'voorbeeldweergave van' "$work/serve-$size.log" && break; sleep 0.1; done
    if ! grep -q 'voorbeeldweergave van' "$work/serve-$size.log"; then
      echo "FAILED: serve did not start within 180 s" >&2; tail -20 "$work/serve-$size.log" >&2; kill "$serve_pid"; exit 1
    fi
    url=$(grep -o 'http://[0-9.:]*/' "$work/serve-$size.log" | head -1)
    python3 bench/serve-latency.py "$url" "$target" 10 >"$work/serve-$size.ms"
    serve_rss=$(awk '/^VmHWM/ {print $2}' "/proc/$serve_pid/status")
    kill "$serve_pid"; wait "$serve_pid" || true
    awk -v rss="$serve_rss" '{print $1, rss}' "$work/serve-$size.ms" >"$work/serve-$size.times"
  fi
  pages=$(html_pages "$d/out")
  hpps=""
  if [ "$peer_here" = 1 ]; then
    hpages=$(html_pages "$d/hugo/public")
    hms=$(median_col "$work/hugo-$size.times" 1)
    hpps=$(awk -v p="$hpages" -v ms="$hms" 'BEGIN {printf "%.0f", p / (ms / 1000)}')
    row "Hugo peer ($size)" "$hpages" "$work/hugo-$size.times" "$hpps" "$(html_kb_per_page "$d/hugo/public")"
  fi
  row "SiteGen full ($spages nbh)" "$pages" "$work/full-$size.times" "$hpps" "$(html_kb_per_page "$d/out")"
  row "SiteGen incremental, 1 nbh edited" "$pages" "$work/inc-$size.times" "" ""
  [ -f "$work/serve-$size.times" ] && row "SiteGen serve, 1 nbh edited (*)" "$pages" "$work/serve-$size.times" "" ""
  # The per-step times of the last full build (--verbose), for the profile below the table.
  awk '/^sitegen: +[0-9]+ ms/' "$work/full-$size.last.log" | sed "s/^/  [$size full] /" >>"$work/steps.txt"
  awk '/^sitegen: +[0-9]+ ms/' "$work/inc-$size.last.log" | sed "s/^/  [$size incremental] /" >>"$work/steps.txt"
  rm -rf "$d/out" "$d/hugo/public"
done

echo
echo "SiteGen vs Hugo $(hugo version 2>/dev/null | awk '{print $2}'), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), median of $runs after $warmup untimed build(s) each, output on $work"
echo "| scenario                           |   pages | wall time | pages/s | vs Hugo  | peak RSS | KB/page |"
echo "|------------------------------------|--------:|----------:|--------:|---------:|---------:|--------:|"
printf '%s\n' "${rows[@]}"
echo "(*) serve: from writing the file to the reload event an open page receives, median of 10 edits; peak RSS of the server"
# The flat-memory target is a share (less than 10% from 2,000 to 20,000 pages); whole megabytes in the table hide it.
if [ -s "$work/full-2000.times" ] && [ -s "$work/full-20000.times" ]; then
  awk -v a="$(median_col "$work/full-2000.times" 2)" -v b="$(median_col "$work/full-20000.times" 2)" \
    'BEGIN {printf "peak RSS of a full build, 2000 -> 20000 pages: %.1f -> %.1f MB (%+.1f%%)\n", a/1024, b/1024, (b-a)*100/a}'
fi
echo
echo "SiteGen --verbose steps (cumulative ms since start) of the last run:"
cat "$work/steps.txt"
