#!/bin/bash
# usage: train.sh ROOT MODEL THREADS : one fresh JVM, 100 training steps (6400 images, batch 64), onednn, NHWC
root=$1
cp="$root/examples/target/classes:$(cat $root/cp-jdnn-examples.txt)"
timeout 120 /usr/lib/jvm/temurin-25-jdk-amd64/bin/java --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED $JFLAGS -cp "$cp" dev.jdnn.examples.TrainCommand --model $2 --backend onednn --layout nhwc --epochs 1 --limit 6400 --batch 64 --threads $3 --profile 2>&1 | grep -v WARNING
