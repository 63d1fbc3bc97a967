#!/bin/sh
# Checks the stand-in client installation before and after the p2 director added xanesml to it.
# Usage: check-client.sh before|after <client install dir>
# 'before': no xanesml bundle may be there (so 'after' proves the director installed them).
# 'after' : the features are in the p2 profile and the client starts the xanesml application.
set -eu
PHASE=$1
CLIENT=$2
LAUNCHER=$(ls "$CLIENT"/plugins/org.eclipse.equinox.launcher_*.jar | tail -n 1)
if [ "$PHASE" = before ]; then
  if ls "$CLIENT"/plugins/org.xanesml.batch_* >/dev/null 2>&1; then
    echo "install test: the client already holds org.xanesml.batch before the director ran" >&2; exit 1
  fi
  echo "install test: client at $CLIENT has no xanesml bundle yet"
  exit 0
fi
for f in org.xanesml.feature org.xanesml.ui.feature; do
  ls -d "$CLIENT"/features/${f}_* >/dev/null 2>&1 || { echo "install test: feature $f not installed" >&2; exit 1; }
done
grep -q 'org.xanesml.feature.feature.group' "$CLIENT"/p2/org.eclipse.equinox.p2.engine/profileRegistry/DefaultProfile.profile/*.profile.gz 2>/dev/null \
  || zcat "$CLIENT"/p2/org.eclipse.equinox.p2.engine/profileRegistry/DefaultProfile.profile/*.profile.gz | grep -q 'org.xanesml.feature.feature.group' \
  || { echo "install test: org.xanesml.feature.feature.group is not in the client's p2 profile" >&2; exit 1; }
grep -q 'org.xanesml.batch' "$CLIENT"/configuration/org.eclipse.equinox.simpleconfigurator/bundles.info \
  || { echo "install test: org.xanesml.batch is not in the client's bundles.info" >&2; exit 1; }
OUT=$(java -Djava.awt.headless=true -jar "$LAUNCHER" -install "$CLIENT" -application org.xanesml.batch.app -nosplash -data @noDefault --version)
echo "$OUT"
echo "$OUT" | grep -q '^Weka 3\.8\.6$' || { echo "install test: the installed application did not report Weka 3.8.6" >&2; exit 1; }
java -Djava.awt.headless=true -jar "$LAUNCHER" -install "$CLIENT" -application org.xanesml.batch.app -nosplash -data @noDefault check-install
echo "install test passed: xanesml features installed by the p2 director into $CLIENT and started"
