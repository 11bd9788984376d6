#!/bin/bash
# usage: dpt.sh BUILD ARGS... : DensePassThroughput ARGS on build dir BUILD (classes, test-classes, api-classes)
B=$1; shift
export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
$JAVA_HOME/bin/java --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED \
  -cp $B/test-classes:$B/classes:$B/api-classes dev.jdnn.kernels.vector.DensePassThroughput "$@" 2>&1 | grep -v WARNING
