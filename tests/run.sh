#!/usr/bin/env bash
# THE test command (README, .ci/run): installs what the tests need when it is missing, runs every test,
# and prints "N passed, N failed" counted from the TRX results. Exits non-zero when anything failed.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"

# 1. Debian packages: Chromium for the browser tests, aiosmtpd for the real SMTP server,
#    LibreOffice Writer for the minutes as PDF/A (PostgreSQL: tests/pg-cluster.sh).
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -x /usr/bin/soffice ] || missing+=(libreoffice-writer-nogui)
/usr/bin/python3 -c 'import aiosmtpd' 2>/dev/null || missing+=(python3-aiosmtpd)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing ${missing[*]} ..."
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# 2. axe-core, pinned in tests/Grants.Tests/package-lock.json (skipped when the installed copy matches the lock).
TESTS="$ROOT/tests/Grants.Tests"
if ! cmp -s "$TESTS/package-lock.json" "$TESTS/node_modules/.package-lock.json.ci" 2>/dev/null \
   || [ ! -f "$TESTS/node_modules/axe-core/axe.min.js" ]; then
  (cd "$TESTS" && npm ci --no-audit --no-fund --loglevel=error)
  cp "$TESTS/package-lock.json" "$TESTS/node_modules/.package-lock.json.ci"
fi

# 3. A private PostgreSQL cluster (installed if missing) on a free loopback port, stopped however this script ends.
eval "$("$ROOT/tests/pg-cluster.sh" start)"
trap '"$ROOT/tests/pg-cluster.sh" stop "$PG_TEST_DIR"' EXIT
export GRANTS_TEST_POSTGRES

# 4. Every test in the solution on SQLite (the multi-instance tests use the cluster), one TRX file per test project;
#    then every database-touching test again on PostgreSQL (browser tests stay on SQLite: they test pages, not engines).
RESULTS="$ROOT/TestResults"
rm -rf "$RESULTS"
status=0
dotnet test Grants.sln --logger "trx;LogFilePrefix=sqlite" --results-directory "$RESULTS" "$@" || status=$?
# The fuzz test compares table figures through the SQLite file it reads directly: it runs in the SQLite pass only.
GRANTS_TEST_ENGINE=PostgreSql dotnet test Grants.sln --no-build --logger "trx;LogFilePrefix=postgresql" --results-directory "$RESULTS" \
  --filter "FullyQualifiedName!~Browser&FullyQualifiedName!~MultiInstance&FullyQualifiedName!~ApiFuzzTests" "$@" || status=$?

# 5. Count from the TRX files: dotnet test's own summary line is not read as a test count.
passed=0; failed=0
shopt -s nullglob
for trx in "$RESULTS"/*.trx; do
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  e=$(sed -n 's/.* error="\([0-9]*\)".*/\1/p' <<<"$counters")
  t=$(sed -n 's/.* timeout="\([0-9]*\)".*/\1/p' <<<"$counters")
  a=$(sed -n 's/.* aborted="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0} + ${e:-0} + ${t:-0} + ${a:-0}))
done
trx_files=("$RESULTS"/*.trx)

artifacts=$(find "$TESTS/bin" -type d -name artifacts 2>/dev/null | head -1 || true)
[ -n "$artifacts" ] && echo "Test artifacts (screenshots, server-errors.log): $artifacts"
echo "$passed passed, $failed failed"

if [ ${#trx_files[@]} -eq 0 ]; then
  echo "No test results were written (build failure?)." >&2
  exit 1
fi
if [ "$failed" -gt 0 ] || [ "$status" -ne 0 ]; then exit 1; fi
