#!/usr/bin/env bash
# Whole-process build times (median of 5), output on tmpfs: full build and incremental rebuild after one edit,
# for the example site and for 100 copies of the fictional municipality. Usage: bench/build-times.sh [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
work=${SITEGEN_BENCH_DIR:-/dev/shm/sitegen-bench}
rm -rf "$work" && mkdir -p "$work"
dotnet build -c Release src/SiteGen.Cli -v q -nologo >/dev/null
bin="dotnet src/SiteGen.Cli/bin/Release/net10.0/sitegen.dll"

# 100 copies of Zonnedal (2 neighbourhoods each), with their theme overrides.
big="$work/big"; mkdir -p "$big/content" "$big/themes"
cp -r tests/fixtures/fictional/content/{sources.yaml,assumptions,step-plans} "$big/content/"
for i in $(seq -w 1 100); do
  cp -r tests/fixtures/fictional/content/zonnedal "$big/content/zonnedal-$i"
  cp -r tests/fixtures/fictional/themes/zonnedal "$big/themes/zonnedal-$i"
done
small="$work/small"; mkdir -p "$small"; cp -r content "$small/content"; cp -r themes "$small/themes"

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
ms() { local s e; s=$(date +%s%N); "$@" >/dev/null; e=$(date +%s%N); echo $(( (e - s) / 1000000 )); }

measure() { # name content-dir edit-file from to
  local name=$1 dir=$2 file=$3 from=$4 to=$5 out="$work/out-$1"
  local full=() inc=()
  for _ in $(seq "$runs"); do
    rm -rf "$out" "$work/.out-$name.sitegen-cache.json"
    full+=("$(ms $bin build --content "$dir/content" --out "$out" --quiet)")
    sed -i "s/$from/$to/" "$dir/content/$file"
    inc+=("$(ms $bin build --content "$dir/content" --out "$out" --quiet)")
    sed -i "s/$to/$from/" "$dir/content/$file"
  done
  local pages; pages=$(find "$out" -name '*.html' | wc -l)
  echo "$name: $pages pages; full build median $(printf '%s\n' "${full[@]}" | median) ms; incremental after one edit median $(printf '%s\n' "${inc[@]}" | median) ms  (full: ${full[*]}; incremental: ${inc[*]})"
}

measure example "$small" putten/bijsteren-husselerveld/neighbourhood.yaml "amount: 1450" "amount: 1500"
measure zonnedal-x100 "$big" zonnedal-050/de-akkers/neighbourhood.yaml "amount: 2100" "amount: 2200"
