#!/bin/bash
# usage: probe.sh ROUNDS [extra java flags]   (THREADS=2 default; SHAPE=cifar default)
root=${ROOT:-/work/wt/h-npool6}; module=$root/kernels-native
jar=$HOME/.m2/repository/org/bytedeco/dnnl/3.13-1.5.14/dnnl-3.13-1.5.14-linux-x86_64.jar
cp="$module/target/test-classes:$module/target/classes:$root/api/target/classes:$root/kernels-java/target/classes:$jar"
rounds=$1; shift
date -u +"start %H:%M:%S"
timeout 170 /usr/lib/jvm/temurin-25-jdk-amd64/bin/java --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED "$@" -cp "$cp" dev.jdnn.onednn.UnrolledMaxPoolProbe ${SHAPE:-cifar} ${THREADS:-2} "$rounds" 2>&1 | grep -v WARNING
date -u +"end %H:%M:%S"
