#!/bin/bash
# usage: gemm.sh TAG : inside one exclusive hold (taken by the caller), GemmThroughput 1024 T 15 peak at 1 and
# 2 threads on builds main and v1 (the order swapped between the thread counts), into raw/TAG.log.
cd "$(dirname "$0")"
TAG=$1
echo "== start $TAG $(date -u +%T)" >> raw/$TAG.log
for run in "1 main" "1 v1" "2 v1" "2 main"; do
  set -- $run
  echo "== $TAG $1 $2" >> raw/$TAG.log
  CLASS=GemmThroughput ./dpt.sh $2 1024 $1 15 peak >> raw/$TAG.log 2>&1
done
echo "== end $TAG $(date -u +%T)" >> raw/$TAG.log
