# Sourced by mvnw and the project's scripts (POSIX sh). The build needs a JDK 25, but the
# default `java` on many machines is older, so look for one instead of trusting PATH.
# Order: $TODO_JDK_HOME, $JAVA_HOME, then the usual install places of each platform.

todo_jdk_major() {
  # Prints the feature version of the JDK at $1, or nothing when $1 is not a JDK.
  [ -x "$1/bin/javac" ] || return 0
  if [ -f "$1/release" ]; then
    sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release"
  fi
}

todo_find_jdk() {
  for candidate in "${TODO_JDK_HOME-}" "${JAVA_HOME-}"; do
    if [ -n "$candidate" ] && [ "$(todo_jdk_major "$candidate")" = 25 ]; then
      printf '%s\n' "$candidate"; return 0
    fi
  done
  # mvnw runs with `set -f`; the search needs globbing, in a subshell so it stays local.
  (
  set +f
  for candidate in /usr/lib/jvm/*25* /usr/lib/jvm/* \
      /Library/Java/JavaVirtualMachines/*/Contents/Home \
      "$HOME"/.sdkman/candidates/java/* "$HOME"/.jdks/* "$HOME"/.asdf/installs/java/* \
      /opt/java/* /opt/*jdk* /usr/local/*jdk*; do
    if [ -d "$candidate" ] && [ "$(todo_jdk_major "$candidate")" = 25 ]; then
      printf '%s\n' "$candidate"; exit 0
    fi
  done
  exit 1
  )
}

if TODO_FOUND_JDK="$(todo_find_jdk)"; then
  JAVA_HOME="$TODO_FOUND_JDK"
  export JAVA_HOME
else
  echo "error: Todo Desktop needs a JDK 25, and none was found." >&2
  echo "       Looked at \$TODO_JDK_HOME, \$JAVA_HOME (${JAVA_HOME:-unset}), /usr/lib/jvm," >&2
  echo "       /Library/Java/JavaVirtualMachines, ~/.sdkman, ~/.jdks, /opt." >&2
  echo "       Install one (for example Eclipse Temurin 25) and set JAVA_HOME or TODO_JDK_HOME to it." >&2
  exit 1
fi
