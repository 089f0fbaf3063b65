#!/usr/bin/env bash
# The held-back check of issue 17: a realistic population the tests were never tuned on (Synthea,
# another seed, other ages, another size: profile held-back of rules-population/pom.xml) is
#   1. assessed by the command line with no patient refused,
#   2. given by the Spark job (local[2]) every patient's command-line result,
#   3. reported in at most 80 lines of text for its largest record,
#   4. assessed by the command line in at most 2x the time a plain JSON parse (Jackson tree) of the
#      same files takes, both as whole processes (a cold JVM each).
# Prints each number and PASS/FAIL; exits 1 when a criterion fails. Run from anywhere:
#   rules-population/held-back.sh            (reuses target/held-back if present; HELD_BACK_FRESH=1 regenerates;
#                                             HELD_BACK_BUILD=0 skips the Maven build when everything is built)
set -uo pipefail
cd "$(dirname "$0")/.."
export MAVEN_OPTS=${MAVEN_OPTS:--Xmx1500m}
AS_OF=2026-12-01
T=rules-population/target
H=$T/held-back
DIR=$H/fhir
JAR=rules-cli/target/leg-cramp-cds.jar
SPARK_JAR=rules-spark/target/leg-cramp-screening.jar

if [[ ${HELD_BACK_BUILD:-1} == 0 && -d $DIR ]]; then
  : # HELD_BACK_BUILD=0: the jars, the test classes and the held-back population are already built
elif [[ ! -d $DIR || ${HELD_BACK_FRESH:-0} == 1 ]]; then
  rm -rf "$H"
  # Synthea runs at generate-test-resources (profile held-back); -DskipTests still builds the jars and test classes.
  ./mvnw -q -o -Pheld-back -DskipTests package -pl rules-population -am || exit 1
else
  ./mvnw -q -o -Pheld-back -Dsynthea.skip=true -DskipTests package -pl rules-population -am || exit 1
fi
CP="$T/test-classes:$(cat $T/test-classpath.txt)"
failed=0
seconds() { awk '{print $1}' "$1"; }
check() { if [[ $1 == 1 ]]; then echo "PASS $2"; else echo "FAIL $2"; failed=1; fi; }

echo "held-back population: $(ls "$DIR" | wc -l) patients, $(du -sh "$DIR" | cut -f1)"

# 1. The command line over the whole population, one JVM.
/usr/bin/time -f "%e %U %S" -o "$H/cli.time" java -jar "$JAR" assess --format json --as-of "$AS_OF" "$DIR" > "$H/cli.jsonl"
echo "command line: status $?, wall $(seconds "$H/cli.time") s (wall user sys: $(cat "$H/cli.time"))"
refused=$(grep -c '"error"' "$H/cli.jsonl")
check "$([[ $refused == 0 ]] && echo 1)" "no patient refused ($refused refused of $(wc -l < "$H/cli.jsonl"))"

# 4. A plain JSON parse of the same files, one JVM.
/usr/bin/time -f "%e %U %S" -o "$H/parse.time" java -cp "$CP" org.legcrampcds.population.Measure parse "$DIR"
echo "plain parse: wall $(seconds "$H/parse.time") s (wall user sys: $(cat "$H/parse.time"))"
ratio=$(awk -v c="$(seconds "$H/cli.time")" -v p="$(seconds "$H/parse.time")" 'BEGIN {printf "%.2f", c / p}')
check "$(awk -v r="$ratio" 'BEGIN {print (r <= 2.0) ? 1 : 0}')" "command line / plain parse = $ratio (at most 2)"

# 3. The text report of the largest record.
largest=$(ls -S "$DIR"/*.json | head -1)
java -jar "$JAR" assess --format text --as-of "$AS_OF" "$largest" > "$H/largest.txt"
lines=$(wc -l < "$H/largest.txt")
check "$([[ $lines -le 80 ]] && echo 1)" "text report of the largest record ($(du -h "$largest" | cut -f1)): $lines lines (at most 80)"

# 2. The Spark job on the same patients as a Bulk Data export.
rm -rf "$H/export" "$H/screening"
java -cp "$CP" org.legcrampcds.population.Measure export "$DIR" "$H/export"
/usr/bin/time -f "%e %U %S" -o "$H/spark.time" java -jar "$SPARK_JAR" --master 'local[2]' --input "$H/export" \
  --output "$H/screening" --as-of "$AS_OF" > "$H/spark.log" 2>&1
echo "spark local[2]: status $?, wall user sys: $(cat "$H/spark.time")"
java -cp "$CP" org.legcrampcds.population.Measure compare "$H/cli.jsonl" "$H/screening" "$DIR"
check "$([[ $? == 0 ]] && echo 1)" "the Spark job gives every patient the command line's result"

exit $failed
