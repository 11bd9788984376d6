#!/bin/bash
# usage: variant.sh NAME SRC.java : a copy of tree $FROM (default base) with VectorNhwcMaxPool compiled from SRC.java
name=$1 src=$2; from=${FROM:-/tmp/np12/base}
rm -rf /tmp/np12/$name /tmp/np12/src-$name; cp -r $from /tmp/np12/$name
m=/tmp/np12/$name
cp -r /work/wt/h-npool12/kernels-native/src/main/java /tmp/np12/src-$name
cp $src /tmp/np12/src-$name/dev/jdnn/onednn/VectorNhwcMaxPool.java
/usr/lib/jvm/temurin-25-jdk-amd64/bin/javac --add-modules jdk.incubator.vector -nowarn -XDsuppressNotes -d /tmp/np12/out-$name \
  --module-path $m/api/target/classes -sourcepath /tmp/np12/src-$name /tmp/np12/src-$name/module-info.java \
  /tmp/np12/src-$name/dev/jdnn/onednn/VectorNhwcMaxPool.java 2>&1 | grep -v "warning\|^Note\|^1 warning"
cp /tmp/np12/out-$name/dev/jdnn/onednn/VectorNhwcMaxPool*.class $m/kernels-native/target/classes/dev/jdnn/onednn/
rm -rf /tmp/np12/out-$name
