#!/bin/bash
# alternates JVMs of the builds given: alt.sh ROUNDS build...
J=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java
R=$1; shift
for i in $(seq 1 $R); do for v in "$@"; do D=/tmp/fclenet/$v
$J $FLAGS --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED -cp $D/h:$D/classes:$D/api-classes dev.jdnn.kernels.vector.FcLenetCalls 30000 15000 $v.$i 2>&1 | grep -v WARN
done; done
