#!/bin/bash
# jmh.sh JAR LOG BACKEND THREADS FORKS
J=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java
echo "start $(date +%T) $1 $3 $4" >> $2
$J -Djmh.ignoreLock=true --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED -jar /tmp/fclenet/$1 'DenseBenchmark.forward$' -p shape=fc_lenet -p backend=$3 -p threads=$4 -f $5 -wi 5 -w 300ms -i 5 -r 200ms -tu us -jvmArgsAppend -Djmh.ignoreLock=true >> $2 2>&1
echo "end $(date +%T)" >> $2
