#!/usr/bin/env bash
# The order the holds ran in (each script takes the lock per hold; others' holds interleave).
d=$(cd "$(dirname "$0")" && pwd)
$d/warm.sh $d/warm-cifarnet.txt cifarnet 1
$d/pin.sh $d/pin-cifar.raw 3 /tmp/np9/new cifar
$d/warm.sh $d/warm-lenet.txt lenet5 2
$d/warm.sh $d/warm-lenet.txt lenet5 2
CSV=$d/pool-cifarnet.csv $d/pin.sh $d/pin-cifarnet.raw 2 /tmp/np9/new cifarnet
$d/pin.sh $d/pin-stem.raw 2 /tmp/np9/new stem
