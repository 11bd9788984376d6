#!/bin/bash
# usage: jmh.sh BUILD THREADS : DenseBenchmark fc_big forward, backends vector and onednn, on build /tmp/fcw-BUILD
V=$1; T=$2
export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
$JAVA_HOME/bin/java -Djmh.ignoreLock=true -jar /tmp/fcw-$V/benchmarks.jar 'DenseBenchmark.forward$' \
  -p shape=fc_big -p backend=vector,onednn -p threads=$T -f 2 -wi 5 -w 300ms -i 5 -r 200ms -tu us 2>&1 \
  | grep -E '^DenseBenchmark|^Benchmark|ERROR|Exception'
