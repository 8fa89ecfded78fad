#!/usr/bin/env bash
# Cold start of the installed app, one or more .deb files side by side (BENCHMARKS.md, "Installers"):
#   packaging/src/test/cold-start.sh [-n RUNS] [-d headless|window] A.deb [B.deb ...]
# Each .deb is unpacked into its own root (dpkg-deb -x: the files an install puts in /opt); then
# RUNS rounds each start every package's launcher once, in turn (A B A B ..., so a machine that
# gets busier or quieter weighs on all alike), with fresh XDG directories and
# -Dtodo.exitWhenReady=true. The figure is the JVM's uptime when the app logs "First screen
# (sign-in) shown"; the whole process's wall time until it has quit is given beside it. Prints the
# load average before and after: the machine is shared.
# -d window starts the app in a real GTK window on an Xvfb this script starts (apt-get install xvfb).
set -euo pipefail
runs=10 display=headless
while getopts n:d: opt; do
  case $opt in n) runs=$OPTARG ;; d) display=$OPTARG ;; *) exit 2 ;; esac
done
shift $((OPTIND - 1))
(($#)) || { sed -n '2,12p' "$0"; exit 2; }
work="$(mktemp -d)"
xvfb=""
trap '[[ -n $xvfb ]] && kill "$xvfb" 2>/dev/null; rm -rf "$work"' EXIT
jvm_options="-Dtodo.exitWhenReady=true -Dtodo.keychain=none"
env_display=()
if [[ $display == headless ]]; then
  jvm_options="-Dglass.platform=Headless -Dprism.order=sw $jvm_options"
else
  screen=":$(( 500 + RANDOM % 300 ))"
  Xvfb "$screen" -screen 0 1400x900x24 -nolisten tcp >/dev/null 2>&1 & xvfb=$!
  sleep 1
  env_display=(DISPLAY="$screen")
fi
for i in $(seq 1 $#); do
  mkdir -p "$work/root$i"
  dpkg-deb -x "${!i}" "$work/root$i"
done
echo "# cold start, $display, $runs rounds; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
for round in $(seq 1 "$runs"); do
  for i in $(seq 1 $#); do
    home="$work/home$i-$round"
    mkdir -p "$home"
    t0=$(date +%s%N)
    env "${env_display[@]}" HOME="$home" XDG_DATA_HOME="$home/data" XDG_CONFIG_HOME="$home/config" \
      JAVA_TOOL_OPTIONS="$jvm_options" timeout 120 "$work/root$i/opt/todo-desktop/bin/Todo" >"$home/out.txt" 2>&1 \
      || { cat "$home/out.txt" >&2; echo "start failed: ${!i}" >&2; exit 1; }
    wall=$(( ($(date +%s%N) - t0) / 1000000 ))
    first=$(grep -ohE 'First screen \(sign-in\) shown [0-9]+ ms' "$home"/data/todo-desktop/logs/todo-desktop.log | grep -oE '[0-9]+')
    echo "$i $first $wall" >>"$work/results"
    rm -rf "$home"
  done
done
echo "# load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
for i in $(seq 1 $#); do
  summary() { sort -n | awk '{a[NR]=$1} END {printf "median %d (min %d, max %d)", a[int((NR+1)/2)], a[1], a[NR]}'; }
  echo "${!i} ($(du -m "${!i}" | cut -f1) MB): sign-in screen $(awk -v i="$i" '$1==i {print $2}' "$work/results" | summary) ms;" \
    "process until exit $(awk -v i="$i" '$1==i {print $3}' "$work/results" | summary) ms"
done
