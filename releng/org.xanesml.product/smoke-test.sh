#!/bin/sh
# Unpacks the product archive the way a user would and runs its headless launcher: the test that the product,
# not just the bundles under tycho-surefire, works (JAXB, Weka and the launcher script are only proven here).
# Usage: smoke-test.sh <archive.tar.gz> <work dir>
set -eu
ARCHIVE=$1
WORK=$2
rm -rf "$WORK"
mkdir -p "$WORK"
# GNU tar, as a user unpacks it: not a single warning (unknown pax keywords used to print one line per entry)
tar -xzf "$ARCHIVE" -C "$WORK" 2> "$WORK.tar-warnings" || { cat "$WORK.tar-warnings" >&2; exit 1; }
if [ -s "$WORK.tar-warnings" ]; then
  echo "smoke test: unpacking $ARCHIVE with GNU tar printed $(wc -l < "$WORK.tar-warnings") warning line(s):" >&2
  head -3 "$WORK.tar-warnings" >&2
  exit 1
fi
APP="$WORK/xanesml"
# the launcher's start-up cache (headless configuration, class archive) goes with this test, not into ~/.cache
export XANESML_CACHE="$WORK/startup-cache"
for f in xanesml xanesml-gui; do
  [ -x "$APP/$f" ] || { echo "smoke test: launcher script $f missing or not executable in $ARCHIVE" >&2; exit 1; }
done
VERSION_OUT=$("$APP/xanesml" --version)
echo "$VERSION_OUT"
echo "$VERSION_OUT" | grep -q '^xanesml 0\.' || { echo "smoke test: no xanesml version line" >&2; exit 1; }
echo "$VERSION_OUT" | grep -q '^Weka 3\.8\.6$' || { echo "smoke test: no Weka 3.8.6 line" >&2; exit 1; }
echo "$VERSION_OUT" | grep -q '^Apache Commons Math 3\.6\.1' || { echo "smoke test: no Commons Math line" >&2; exit 1; }
# --version is answered by the launcher from the installation; the application itself must say the same
"$APP/xanesml" -J-Dxanesml.smoke=1 --version > "$WORK/version-from-jvm.txt"
echo "$VERSION_OUT" | cmp - "$WORK/version-from-jvm.txt" \
  || { echo "smoke test: the launcher's --version differs from the application's:" >&2; cat "$WORK/version-from-jvm.txt" >&2; exit 1; }
"$APP/xanesml" --help | grep -q 'Commands:' || { echo "smoke test: --help lists no commands" >&2; exit 1; }
# JVM options reach the JVM: a -J option and XANESML_JAVA_OPTS (an impossible heap makes java refuse to start)
if "$APP/xanesml" -J-Xmx1k --version >/dev/null 2>&1; then
  echo "smoke test: -J-Xmx1k did not reach the JVM" >&2; exit 1
fi
if XANESML_JAVA_OPTS=-Xmx1k "$APP/xanesml" --version >/dev/null 2>&1; then
  echo "smoke test: XANESML_JAVA_OPTS did not reach the JVM" >&2; exit 1
fi
"$APP/xanesml" check-install
# the workflow steps are DS services that the commands look up: a classify run proves the product registers them
"$APP/xanesml" demo --generate-only --spectra 3 -o "$WORK/spectra" >/dev/null
"$APP/xanesml" classify -q -m fe-k-cn -o "$WORK/classified.csv" "$WORK/spectra"
[ "$(wc -l < "$WORK/classified.csv")" = 4 ] || { echo "smoke test: classify wrote no row per spectrum" >&2; exit 1; }
# the start-up cache: made once, then used, and it changes nothing in what a run writes
ls "$XANESML_CACHE"/*/configuration/config.ini >/dev/null 2>&1 \
  || { echo "smoke test: the launcher made no headless configuration under $XANESML_CACHE" >&2; exit 1; }
ls "$XANESML_CACHE"/*/classes.jsa >/dev/null 2>&1 \
  || { echo "smoke test: the first working run left no class-data archive under $XANESML_CACHE" >&2; exit 1; }
"$APP/xanesml" classify -q -m fe-k-cn -o "$WORK/classified-cached.csv" "$WORK/spectra"
XANESML_NO_CACHE=1 "$APP/xanesml" classify -q -m fe-k-cn -o "$WORK/classified-uncached.csv" "$WORK/spectra"
cmp "$WORK/classified-cached.csv" "$WORK/classified-uncached.csv" \
  || { echo "smoke test: classify with and without the start-up cache wrote different results" >&2; exit 1; }
set +e
"$APP/xanesml" --no-such-option >/dev/null 2>&1
RC=$?
set -e
[ "$RC" = 2 ] || { echo "smoke test: a usage error exited $RC, expected 2" >&2; exit 1; }
echo "smoke test passed: $APP"
