#!/bin/bash
# usage: hold.sh RAWDIR TAG THREADS VARIANTS... : ROUNDS (default 3) rounds, one run per variant per round, the
# order rotated by one each round; appended to RAWDIR/TAG.log, "== name" before each run. A run is
# jmh.sh VARIANT THREADS, or with KIND=dpt DensePassThroughput 64 4096 4096 THREADS fwd 21 (dpt.sh).
RAW=$1; TAG=$2; T=$3; shift 3
DIR=$(dirname $0)
LOG=$RAW/$TAG.log
echo "== start-$TAG $(date -u +%T)" >> $LOG
VARS=("$@"); N=${#VARS[@]}
for round in $(seq 1 ${ROUNDS:-3}); do
  for i in $(seq 0 $((N - 1))); do
    v=${VARS[$(( (i + round - 1) % N ))]}
    if [ "$KIND" = dpt ]; then
      echo "== dpt$T-$TAG-$v-r$round" >> $LOG
      $DIR/dpt.sh /tmp/fcbig-$v 64 4096 4096 $T fwd 21 >> $LOG 2>&1
    else
      echo "== fc_big$T-$TAG-$v-r$round" >> $LOG
      $DIR/jmh.sh $v $T >> $LOG 2>&1
    fi
  done
done
echo "== end-$TAG $(date -u +%T)" >> $LOG
