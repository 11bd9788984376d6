#!/bin/bash
# usage: tprobe.sh ROOT SHAPE THREADS ROUNDS [java flags]  (NhwcPoolTeamProbe or CLASS=...)
root=$1 shape=$2 threads=$3 rounds=$4; shift 4
module=$root/kernels-native
jar=$HOME/.m2/repository/org/bytedeco/dnnl/3.13-1.5.14/dnnl-3.13-1.5.14-linux-x86_64.jar
cp="$module/target/test-classes:$module/target/classes:$root/api/target/classes:$root/kernels-java/target/classes:$jar"
date -u +"start %H:%M:%S $root $shape t=$threads $*"
timeout 170 /usr/lib/jvm/temurin-25-jdk-amd64/bin/java --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED "$@" -cp "$cp" dev.jdnn.onednn.${CLASS:-NhwcPoolTeamProbe} $shape $threads $rounds 2>&1 | grep -v WARNING
date -u +"end %H:%M:%S"
