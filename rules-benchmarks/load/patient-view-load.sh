#!/bin/sh
# patient-view latency on loopback with wrk (Debian package `wrk`), 1 and 8 concurrent clients, after
# a warm-up, against the command-line jar's `serve` (docs/performance.md, "CDS Hooks service").
#
#   ./mvnw -q -DskipTests -pl rules-cli -am package
#   sh rules-benchmarks/load/patient-view-load.sh [SECONDS]     (default 30 s per measurement)
#
# The call is patient-view.json: the interfaces-example patient (rules-cds-hooks test bundle
# interfaces-example.bundle.json) with every advertised key prefetched, as TestPatient.prefetch()
# builds it. The load average is printed beside each run: on a shared machine it says how much of
# the CPU the service had.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
jar="${LCC_LOAD_JAR:-$here/../../rules-examples/target/leg-cramp-cds.jar}"
seconds="${1:-30}"
port="${LCC_LOAD_PORT:-18089}"
url="http://127.0.0.1:$port/cds-services/leg-cramps-patient-view"
export LCC_LOAD_BODY="$here/patient-view.json"

java ${LCC_LOAD_JAVA_OPTS:-} -jar "$jar" serve --port "$port" > /dev/null &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT INT TERM
for _ in $(seq 1 120); do
    curl -fs "http://127.0.0.1:$port/cds-services" > /dev/null 2>&1 && break
    sleep 1
done

echo "warm-up: 8 clients, $seconds s"
wrk -t2 -c8 -d"${seconds}s" -s "$here/post.lua" "$url" > /dev/null
for clients in 1 8; do
    threads=$(( clients < 2 ? 1 : 2 ))
    echo "== $clients client(s), $seconds s; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
    wrk -t"$threads" -c"$clients" -d"${seconds}s" --latency -s "$here/post.lua" "$url"
    echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
done
