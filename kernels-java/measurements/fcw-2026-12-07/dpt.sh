#!/bin/bash
# usage: dpt.sh BUILD ARGS... : DensePassThroughput ARGS on build dir /tmp/fcw-BUILD (classes, test-classes,
# api-classes); CLASS=GemmThroughput runs that class instead.
B=$1; shift
export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
$JAVA_HOME/bin/java --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED \
  -cp /tmp/fcw-$B/test-classes:/tmp/fcw-$B/classes:/tmp/fcw-$B/api-classes \
  dev.jdnn.kernels.vector.${CLASS:-DensePassThroughput} "$@" 2>&1 | grep -v WARNING
