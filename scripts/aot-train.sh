# Sourced by ./byline and bench/run. aot_train JAVA_HOME JAR OUT.aot [java options…]
# On JDK 25 and newer, records an ahead-of-time cache (JEP 514/515: loaded and linked classes, method profiles)
# from a short training run: Byline starts on a scratch data directory with the demo content, serves each kind
# of page once, and stops. Later starts with -XX:AOTCache=OUT.aot reach the first page in about half the time.
# Older JDKs: does nothing.
aot_train() {
  local java_home=$1 jar=$2 out=$3
  shift 3
  local major
  major=$("$java_home/bin/java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}')
  [ "${major%%.*}" -ge 25 ] || return 0
  local scratch port pid
  scratch=$(mktemp -d)
  port=$(( 20000 + RANDOM % 20000 ))
  echo "byline: recording a start-up cache (once per build)" >&2
  BYLINE_DATA_DIR="$scratch" BYLINE_PORT="$port" BYLINE_DEMO=true \
    "$java_home/bin/java" "$@" -XX:AOTCacheOutput="$out" -jar "$jar" >"$scratch/train.log" 2>&1 &
  pid=$!
  local base=http://127.0.0.1:$port tries=0
  until curl -sf -o /dev/null "$base/"; do
    sleep 0.2; tries=$((tries + 1))
    if [ $tries -gt 300 ] || ! kill -0 $pid 2>/dev/null; then
      echo "byline: training run did not start; continuing without a start-up cache" >&2
      kill $pid 2>/dev/null; rm -rf "$scratch"; return 0
    fi
  done
  local article
  article=$(curl -s "$base/" | grep -o 'class="lead-title"><a href="[^"]*"' | cut -d'"' -f4)
  for path in "$article" "$article" / "/?page=2" /section/world/ "/section/world/?page=2" /tag/russia/ \
      /author/muhammad-gulriaz/ /no/such/page "/?page=x" /favicon.ico /healthz /readyz; do
    curl -s -o /dev/null "$base$path"
    curl -s -o /dev/null -H 'Accept-Encoding: gzip' "$base$path"
  done
  kill $pid; wait $pid 2>/dev/null || true
  rm -rf "$scratch"
}
