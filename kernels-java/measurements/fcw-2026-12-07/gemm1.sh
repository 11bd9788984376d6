#!/bin/bash
# usage: gemm1.sh TAG : inside one exclusive hold (taken by the caller), GemmThroughput 1024 1 15 peak
# alternating main and NEW (default v1) three times each (the 1-thread control of gemm.sh), into raw/TAG.log.
cd "$(dirname "$0")"
TAG=$1
echo "== start $TAG $(date -u +%T)" >> raw/$TAG.log
for b in main ${NEW:-v1} main ${NEW:-v1} main ${NEW:-v1}; do
  echo "== $TAG 1 $b" >> raw/$TAG.log
  CLASS=GemmThroughput ./dpt.sh $b 1024 1 15 peak >> raw/$TAG.log 2>&1
done
echo "== end $TAG $(date -u +%T)" >> raw/$TAG.log
