#!/usr/bin/env bash
# Installer smoke test, after `./mvnw -B -Ppackage -DskipTests package` on Linux:
#  - the .deb's metadata and files (the start-up cache and JavaFX's native libraries among them,
#    GTK 3 among its dependencies); unpacked into a temporary root (dpkg-deb -x, no install),
#    its launcher starts the app headless with its own jlink'ed runtime until the sign-in screen
#    and the embedded server are up, and the app then quits with status 0, stopping the server
#    (-Dtodo.exitWhenReady=true); the user's data goes to the XDG directories, not the install;
#    it prints nothing (no JavaFX configuration warning) and starts from the start-up cache;
#  - the same in a real GTK window when Xvfb is there (CI installs it);
#  - without a display, and (with Xvfb, as root) without GTK 3, it says so in one line, exit 1;
#  - the .rpm's metadata and file list (rpm -qip / -qlp).
set -euo pipefail
target="$(cd "$(dirname "$0")/../../target" && pwd)"
version="${TODO_VERSION:-0.1.0}"
package=todo-desktop
install_dir="/opt/$package"
fail() { echo "smoke: FAIL: $*" >&2; exit 1; }

deb="$(ls "$target"/${package}_${version}_*.deb)"
rpm="$(ls "$target"/${package}-${version}-*.rpm)"
echo "smoke: $deb ($(du -h "$deb" | cut -f1)), $rpm ($(du -h "$rpm" | cut -f1))"

# --- .deb metadata and contents
info="$(dpkg-deb -I "$deb")"
grep -q "^ Package: $package$" <<<"$info" || fail "deb package name: $info"
grep -q "^ Version: $version$" <<<"$info" || fail "deb version: $info"
contents="$(dpkg-deb -c "$deb")"
installed_files=(bin/Todo lib/app/Todo.cfg lib/app/todo-desktop.aot lib/runtime/lib/server/libjvm.so
  lib/runtime/lib/libglassgtk3.so lib/runtime/lib/libprism_sw.so lib/$package-Todo.desktop lib/Todo.png)
for file in "${installed_files[@]}"; do
  grep -q " \.$install_dir/$file$" <<<"$contents" || fail "deb lacks $install_dir/$file"
done
grep -qE "^ Depends: .*libgtk-3-0" <<<"$info" || fail "deb does not depend on GTK 3: $info"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
root="$work/root"
dpkg-deb -x "$deb" "$root"
desktop="$root$install_dir/lib/$package-Todo.desktop"
grep -q "^Exec=$install_dir/bin/Todo" "$desktop" || fail "desktop entry Exec: $(cat "$desktop")"
grep -q "^Icon=$install_dir/lib/Todo.png" "$desktop" || fail "desktop entry Icon: $(cat "$desktop")"
grep -q "^Categories=.*Office" "$desktop" || fail "desktop entry menu group: $(cat "$desktop")"
cfg="$root$install_dir/lib/app/Todo.cfg"
grep -q -- "--enable-native-access=ALL-UNNAMED" "$cfg" || fail "launcher java options: $(cat "$cfg")"
grep -qx -- 'java-options=-XX:AOTCache=$APPDIR/todo-desktop.aot' "$cfg" || fail "launcher does not use the start-up cache: $(cat "$cfg")"

# --- the unpacked launcher starts the app and quits cleanly
before="$(cd "$root" && find . | sort | md5sum)"
# start NAME [env OPTIONS and NAME=VALUE...] [-- COMMAND PREFIX...]: runs the installed launcher
# with a fresh home; sets $status, $out, $log
start() {
  local name=$1; shift
  local home="$work/home-$name" env_args=() prefix=()
  while (($#)) && [[ $1 != -- ]]; do env_args+=("$1"); shift; done
  (($#)) && shift && prefix=("$@")
  mkdir -p "$home/data" "$home/config"
  out="$work/out-$name.txt"
  status=0
  env "${env_args[@]}" HOME="$home" XDG_DATA_HOME="$home/data" XDG_CONFIG_HOME="$home/config" \
    "${prefix[@]}" timeout 120 "$root$install_dir/bin/Todo" >"$out" 2>&1 || status=$?
  log="$(find "$home" -name todo-desktop.log | head -1)"
}
# ready NAME: the start quit cleanly once ready, printed nothing, and used the start-up cache
ready() {
  if [[ $status -ne 0 || -z "$log" ]]; then
    cat "$out" >&2; [[ -n "$log" ]] && cat "$log" >&2
    fail "$1: the installed app exited with status $status (124: did not quit within 120 s)"
  fi
  for line in "First screen (sign-in) shown" "Embedded sync server listening on" \
      "todo.exitWhenReady is set: exiting" "Embedded sync server stopped"; do
    grep -qF "$line" "$log" || { cat "$log" >&2; fail "$1: the log lacks: $line"; }
  done
  if grep -v '^Picked up JAVA_TOOL_OPTIONS:' "$out" | grep -q .; then
    cat "$out" >&2; fail "$1: unexpected output from the installed app (a JavaFX configuration warning?)"
  fi
  grep -qF "Using AOT-linked classes: true" "$work/aot-$1.log" || { cat "$work/aot-$1.log" >&2; fail "$1: the start-up cache was not used"; }
  echo "smoke: installed app, $1: $(grep -oE 'First screen \(sign-in\) shown [0-9]+ ms after JVM start' "$log"), start-up cache used, exit 0"
}
start headless JAVA_TOOL_OPTIONS="-Dglass.platform=Headless -Dprism.order=sw -Dtodo.exitWhenReady=true -Xlog:aot=info:file=$work/aot-headless.log"
ready headless

xvfb_pid=""
stop_xvfb() { if [[ -n $xvfb_pid ]]; then kill "$xvfb_pid" 2>/dev/null || true; wait "$xvfb_pid" 2>/dev/null || true; fi; }
trap 'stop_xvfb; rm -rf "$work"' EXIT
if command -v Xvfb >/dev/null; then
  display=":$(( 200 + RANDOM % 300 ))"
  Xvfb "$display" -screen 0 1400x900x24 -nolisten tcp >"$work/xvfb.txt" 2>&1 & xvfb_pid=$!
  for _ in $(seq 1 50); do [[ -e /tmp/.X11-unix/X${display#:} ]] && break; sleep 0.1; done
  start window DISPLAY="$display" JAVA_TOOL_OPTIONS="-Dtodo.exitWhenReady=true -Xlog:aot=info:file=$work/aot-window.log"
  ready window
else
  echo "smoke: no Xvfb here (apt-get install xvfb): the real-window start is not checked"
fi
[[ "$(cd "$root" && find . | sort | md5sum)" == "$before" ]] || fail "the app wrote into its install directory"

# --- no display, no GTK: one line that says what is missing, exit 1
# one_line NAME EXPECTED: the start failed with status 1 and printed only a line starting with EXPECTED
one_line() {
  [[ $status -eq 1 ]] || { cat "$out" >&2; fail "$1: exit status $status, not 1"; }
  [[ $(wc -l <"$out") -eq 1 ]] && grep -qF "Todo Desktop cannot start: $2" "$out" || { cat "$out" >&2; fail "$1: not one line saying '$2'"; }
  echo "smoke: $1: $(cat "$out")"
}
start no-display -u DISPLAY -u WAYLAND_DISPLAY
one_line no-display "no graphical display: DISPLAY is not set"
gtk="$(ldconfig -p | awk '/libgtk-3\.so\.0 .*x86-64/ {print $NF; exit}')"
if [[ -n $xvfb_pid && $(id -u) -eq 0 && -n $gtk ]] && command -v unshare >/dev/null && unshare -m true 2>/dev/null; then
  # GTK 3 hidden from this one process: its file replaced by an empty one in a private mount namespace.
  start no-gtk DISPLAY="$display" -- unshare -m sh -c 'mount --bind /dev/null "$0" && exec "$@"' "$gtk"
  one_line no-gtk "GTK 3 is missing (libgtk-3.so.0"
else
  echo "smoke: not root, or no Xvfb, unshare or GTK 3 here: the start without GTK is not checked"
fi

# --- .rpm metadata and contents
rpm_info="$(rpm -qip "$rpm" 2>/dev/null)"
grep -qE "^Name +: $package$" <<<"$rpm_info" || fail "rpm name: $rpm_info"
grep -qE "^Version +: $version$" <<<"$rpm_info" || fail "rpm version: $rpm_info"
rpm_files="$(rpm -qlp "$rpm" 2>/dev/null)"
for file in "${installed_files[@]}"; do
  grep -qx "$install_dir/$file" <<<"$rpm_files" || fail "rpm lacks $install_dir/$file"
done
rpm -qpR "$rpm" 2>/dev/null | grep -q "libgtk-3.so.0" || fail "rpm does not require GTK 3: $(rpm -qpR "$rpm" 2>/dev/null)"
echo "smoke: OK"
