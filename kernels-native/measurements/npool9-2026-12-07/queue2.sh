#!/usr/bin/env bash
d=$(cd "$(dirname "$0")" && pwd)
$d/warmprobe.sh $d/warmprobe.txt cifar 2
$d/warm.sh $d/warm-cifarnet.txt cifarnet 1
$d/warm.sh $d/warm-cifarnet.txt cifarnet 1
