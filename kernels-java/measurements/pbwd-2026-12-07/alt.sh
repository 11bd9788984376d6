#!/bin/bash
# alt.sh FIRST LAST [PATTERN] [SHAPES]: main's and the branch's bench jars alternated, one JMH fork each,
# every run under the exclusive perf lock. Jars: /tmp/pbwd/main.jar (main fa0727b), /tmp/pbwd/R.jar (branch).
J="/usr/lib/jvm/temurin-25-jdk-amd64/bin/java -Djmh.ignoreLock=true --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED"
PAT=${3:-'PoolBenchmark.backward$'}
SHAPES=${4:-pool_stem,pool_lenet}
TAG=${5:-b}
for r in $(seq $1 $2); do
 for v in main R; do
  echo "== $v $r $(date -u +%T)"
  flock /tmp/perf.lock $J -jar /tmp/pbwd/$v.jar "$PAT" -p shape=$SHAPES -p layout=nchw -p backend=vector,onednn -p threads=1,2 -f 1 -wi 4 -w 300ms -i 5 -r 200ms -tu ms -rf json -rff /tmp/pbwd/raw/$TAG-$v-$r.json > /tmp/pbwd/raw/$TAG-$v-$r.log 2>&1
  grep -E "^PoolBenchmark" /tmp/pbwd/raw/$TAG-$v-$r.log
 done
done
