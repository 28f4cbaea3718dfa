# Sourced by ./byline and bench/run: defines find_jdk, which prints the home of a JDK 21 or newer
# (JAVA_HOME when new enough, else the newest under /usr/lib/jvm) or explains what to install and fails.
java_major() { # prints the major version of the JDK whose java binary is $1, or 0
  local home release version
  home=$(dirname "$(dirname "$1")")
  release="$home/release"
  # every JDK ships a release file: reading it is instant, starting a JVM to ask is not
  if [ -f "$release" ]; then
    version=$(sed -n 's/^JAVA_VERSION="\([^"]*\)"/\1/p' "$release")
  else
    version=$("$1" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}')
  fi
  version=${version#1.}
  echo "${version%%[.+-]*}" | grep -E '^[0-9]+$' || echo 0
}

find_jdk() {
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/javac" ] && [ "$(java_major "$JAVA_HOME/bin/java")" -ge 21 ]; then
    echo "$JAVA_HOME"; return
  fi
  local best="" best_major=0 dir major
  for dir in /usr/lib/jvm/*/; do
    dir="${dir%/}"
    [ -x "$dir/bin/javac" ] || continue
    major=$(java_major "$dir/bin/java")
    if [ "${major:-0}" -gt "$best_major" ]; then best="$dir"; best_major="$major"; fi
  done
  if [ "$best_major" -ge 21 ]; then echo "$best"; return; fi
  cat >&2 <<MSG
Byline needs a JDK 21 or newer, and none was found (JAVA_HOME is ${JAVA_HOME:-unset}; looked in /usr/lib/jvm).
Install one, for example:
  apt-get install -y openjdk-21-jdk-headless      (Debian 13, Ubuntu 24.04)
  or Eclipse Temurin 21+ from https://adoptium.net
then run ./byline again, or point JAVA_HOME at it.
MSG
  exit 1
}

