#!/bin/bash
# run.sh VARIANT threads reps shape
V=$1; shift
J="/usr/lib/jvm/temurin-25-jdk-amd64/bin/java --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED"
CP=/tmp/pbwd/h/out:/tmp/pbwd/cls$V:/tmp/pbwd/clsA:/work/wt/h-pbwd/api/target/classes
$J -cp $CP dev.jdnn.kernels.vector.PB "$@" 2>&1 | grep -v WARNING
