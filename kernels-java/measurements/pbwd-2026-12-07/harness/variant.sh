#!/bin/bash
# variant.sh NAME file.java : compile an overlay of VectorPool2dPlan
rm -rf /tmp/pbwd/cls$1; mkdir -p /tmp/pbwd/cls$1
/usr/lib/jvm/temurin-25-jdk-amd64/bin/javac --add-modules jdk.incubator.vector -cp /work/wt/h-pbwd/kernels-java/target/classes:/work/wt/h-pbwd/api/target/classes -d /tmp/pbwd/cls$1 $2 2>&1 | grep -v warning; true
