#!/bin/bash
cd /tmp/fclenet
for h in 1 2 3 4; do
  if [ $((h % 2)) = 1 ]; then a=main.jar; b=slabs.jar; else a=slabs.jar; b=main.jar; fi
  flock /tmp/perf.lock bash -c "./jmh.sh $a set$h-$a.log vector 2 5; ./jmh.sh $b set$h-$b.log vector 2 5"
done
flock /tmp/perf.lock bash -c "./jmh.sh main.jar one-main.log vector 1 3; ./jmh.sh slabs.jar one-slabs.log vector 1 3; ./jmh.sh main.jar onednn.log onednn 2 3"
