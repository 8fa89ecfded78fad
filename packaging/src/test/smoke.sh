#!/usr/bin/env bash
# Installer smoke test, after `./mvnw -B -Ppackage -DskipTests package` on Linux:
#  - the .deb's metadata and files; unpacked into a temporary root (dpkg-deb -x, no install),
#    its launcher starts the app headless with its own jlink'ed runtime until the sign-in screen
#    and the embedded server are up, and the app then quits with status 0, stopping the server
#    (-Dtodo.exitWhenReady=true); the user's data goes to the XDG directories, not the install;
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
for file in bin/Todo lib/app/Todo.cfg lib/runtime/lib/server/libjvm.so lib/$package-Todo.desktop lib/Todo.png; do
  grep -q " \.$install_dir/$file$" <<<"$contents" || fail "deb lacks $install_dir/$file"
done

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
root="$work/root"
dpkg-deb -x "$deb" "$root"
desktop="$root$install_dir/lib/$package-Todo.desktop"
grep -q "^Exec=$install_dir/bin/Todo" "$desktop" || fail "desktop entry Exec: $(cat "$desktop")"
grep -q "^Icon=$install_dir/lib/Todo.png" "$desktop" || fail "desktop entry Icon: $(cat "$desktop")"
grep -q "^Categories=.*Office" "$desktop" || fail "desktop entry menu group: $(cat "$desktop")"
grep -q -- "--enable-native-access=ALL-UNNAMED" "$root$install_dir/lib/app/Todo.cfg" || fail "launcher java options"

# --- the unpacked launcher starts the app and quits cleanly
before="$(cd "$root" && find . | sort | md5sum)"
mkdir -p "$work/home/data" "$work/home/config"
status=0
start_ns=$(date +%s%N)
HOME="$work/home" XDG_DATA_HOME="$work/home/data" XDG_CONFIG_HOME="$work/home/config" \
  JAVA_TOOL_OPTIONS="-Dglass.platform=Headless -Dprism.order=sw -Dtodo.exitWhenReady=true" \
  timeout 120 "$root$install_dir/bin/Todo" >"$work/out.txt" 2>&1 || status=$?
elapsed_ms=$(( ($(date +%s%N) - start_ns) / 1000000 ))
log="$(find "$work/home" -name todo-desktop.log | head -1)"
if [[ $status -ne 0 || -z "$log" ]]; then
  cat "$work/out.txt" >&2; [[ -n "$log" ]] && cat "$log" >&2
  fail "the installed app exited with status $status (124: did not quit within 120 s)"
fi
for line in "First screen (sign-in) shown" "Embedded sync server listening on" \
    "todo.exitWhenReady is set: exiting" "Embedded sync server stopped"; do
  grep -qF "$line" "$log" || { cat "$log" >&2; fail "the log lacks: $line"; }
done
if grep -qiE "error|exception|aotcache|shared archive" "$work/out.txt"; then
  cat "$work/out.txt" >&2; fail "unexpected output from the installed app"
fi
[[ "$(cd "$root" && find . | sort | md5sum)" == "$before" ]] || fail "the app wrote into its install directory"
echo "smoke: installed app: $(grep -oE 'First screen \(sign-in\) shown [0-9]+ ms after JVM start' "$log"), exit 0 after ${elapsed_ms} ms, data in \$XDG_DATA_HOME"

# --- .rpm metadata and contents
rpm_info="$(rpm -qip "$rpm" 2>/dev/null)"
grep -qE "^Name +: $package$" <<<"$rpm_info" || fail "rpm name: $rpm_info"
grep -qE "^Version +: $version$" <<<"$rpm_info" || fail "rpm version: $rpm_info"
rpm_files="$(rpm -qlp "$rpm" 2>/dev/null)"
for file in bin/Todo lib/app/Todo.cfg lib/runtime/lib/server/libjvm.so lib/$package-Todo.desktop lib/Todo.png; do
  grep -qx "$install_dir/$file" <<<"$rpm_files" || fail "rpm lacks $install_dir/$file"
done
echo "smoke: OK"
