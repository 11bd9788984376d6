#!/bin/bash
# usage: hold.sh TAG THREADS [ROUNDS]: inside one exclusive hold of /tmp/perf.lock (taken by the caller),
# ROUNDS (default 3) rounds of jmh.sh for builds main and NEW (default v1), alternating, the first of each round
# swapped every round. Everything goes to raw/TAG.log, each run after a line "== TAG THREADS BUILD ROUND".
cd "$(dirname "$0")"
TAG=$1; T=$2; ROUNDS=${3:-3}
echo "== start $TAG $(date -u +%T)" >> raw/$TAG.log
for r in $(seq 1 $ROUNDS); do
  if [ $((r % 2)) = 1 ]; then order="main ${NEW:-v1}"; else order="${NEW:-v1} main"; fi
  for b in $order; do
    echo "== $TAG $T $b $r" >> raw/$TAG.log
    ./jmh.sh $b $T >> raw/$TAG.log 2>&1
  done
done
echo "== end $TAG $(date -u +%T)" >> raw/$TAG.log
