#!/bin/bash
# The side-by-side sitting behind the #13/#16 figures in docs/PERFORMANCE.md, part by part, each
# timing under an exclusive lock so that builds and other timings cannot run beside it.
#
#   bench/src/build/sitting.sh OUT PART...
#
# PART: gemm conv66 dense pool lenet cifarstep quick cifar14 (any order). Run from a checkout built
# with `./mvnw -q -B -DskipTests package` (bench/target/benchmarks.jar, the test classes and
# examples/target/classes). Tables: conv66 writes OUT/conv66/table.md (conv_table.py); for quick,
# quick_vs_naive.py OUT/quick/report.md lists every cell slower than naive, and trap_storms.py
# OUT/quick-trap-storms.txt every jdnn site that kept leaving compiled code, recompiles.py
# OUT/quick-recompiles.txt every jdnn method whose C2 code was unloaded as cold and compiled again.
# Environment: LOCK (default /tmp/perf.lock), JAVA_HOME (default the Temurin 25 of this machine kind),
# TORCH_PYTHON (default /usr/bin/python3, Debian's python3-torch), CONV_SHAPES (default every row of
# hot-core-conv.csv; a re-run of one shape writes over its file).
set -u
OUT=${1:?usage: sitting.sh OUT PART...}; shift
ROOT=$(cd "$(dirname "$0")/../../.." && pwd); cd "$ROOT"
LOCK=${LOCK:-/tmp/perf.lock}
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}  # mvnw (the examples class path) needs it too
J="$JAVA_HOME/bin/java -Djmh.ignoreLock=true --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED"
JMH="$J -jar bench/target/benchmarks.jar"
TORCH="env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE OPENBLAS_NUM_THREADS=1 ${TORCH_PYTHON:-/usr/bin/python3} examples/src/build/pytorch_train.py"
mkdir -p "$OUT"
log() { echo "$1 $(date -u +%T)" >> "$OUT/progress.log"; }
examples_cp() { # the examples' runtime class path (as ./jdnn train builds it), from Maven once
  [ -s "$OUT/jdnn-examples.txt" ] || flock -s "$LOCK" ./mvnw -q -B -DskipTests -pl examples -am package \
    dependency:build-classpath -Dmdep.outputFile="$OUT/\${project.artifactId}.txt" -Dmdep.includeScope=runtime >&2
  [ -s "$OUT/jdnn-examples.txt" ] || { echo "sitting.sh: Maven wrote no class path for the examples" >&2; exit 1; }
  echo "examples/target/classes:$(cat "$OUT/jdnn-examples.txt")"
}
need_torch() { # the PyTorch side and the data set come from Debian (a new machine has neither)
  ${TORCH_PYTHON:-/usr/bin/python3} -c 'import torch' 2>/dev/null && [ -d /usr/share/datasets/fashion-mnist ] || {
    echo "sitting.sh: needs python3-torch and dataset-fashion-mnist: apt-get update && apt-get install -y python3-torch dataset-fashion-mnist" >&2; exit 1; }
}
for part in "$@"; do case $part in
gemm) # three holds, each: the suite's FMA peak (JMH), then GEMM 1024^3 with the same FMA loop run beside every batch, at 1 and 2 threads
  for h in 1 2 3; do for t in 1 2; do
    flock "$LOCK" bash -c "$JMH PeakBenchmark -f 1 -wi 2 -i 3 -t $t -rf json -rff $OUT/peak$t-$h.json > $OUT/peak$t-$h.log 2>&1
      $J -cp kernels-java/target/test-classes:kernels-java/target/classes:api/target/classes dev.jdnn.kernels.vector.GemmThroughput 1024 $t 15 peak > $OUT/gemm$t-$h.log 2>&1"
  done; log "gemm hold $h"; done ;;
conv66) # the 66 NCHW cells, vector and onednn, one lock per shape
  mkdir -p "$OUT/conv66"
  for s in ${CONV_SHAPES:-$(cut -d, -f1 bench/src/main/resources/dev/jdnn/bench/hot-core-conv.csv | tail -n +2)}; do
    flock "$LOCK" $JMH 'ConvBenchmark.(backwardData|backwardWeights|forward)$' -p shape=$s -p layout=nchw -p backend=vector,onednn -p threads=1,2 -f 1 -wi 3 -w 400ms -i 5 -r 300ms -tu ms -bm avgt -rf json -rff "$OUT/conv66/$s.json" > "$OUT/conv66/$s.log" 2>&1
    log "conv66 $s rc=$?"
  done
  python3 bench/src/build/conv_table.py "$OUT"/conv66/*.json > "$OUT/conv66/table.md"; log conv66 ;;
dense)
  flock "$LOCK" $JMH DenseBenchmark -p backend=vector,onednn -p threads=1,2 -f 2 -wi 5 -w 300ms -i 5 -r 200ms -tu us -rf json -rff "$OUT/dense.json" > "$OUT/dense.log" 2>&1; log dense ;;
pool)
  for l in nchw nhwc; do
    flock "$LOCK" $JMH PoolBenchmark -p layout=$l -p backend=vector,onednn -p threads=1,2 -f 1 -wi 4 -w 300ms -i 5 -r 200ms -tu ms -bm avgt -rf json -rff "$OUT/pool-$l.json" > "$OUT/pool-$l.log" 2>&1; log "pool $l"
  done ;;
lenet) # three interleaved rounds of one LeNet-5 epoch: PyTorch, onednn, vector
  need_torch; CP=$(examples_cp) || exit 1
  A="--threads 2 --epochs 1 --optimizer sgd --lr 0.01 --momentum 0.9 --schedule constant --warm-up 1024 --no-progress"
  for r in 1 2 3; do
    flock "$LOCK" $TORCH --model lenet5 --optimizer sgd --lr 0.01 --momentum 0.9 --schedule constant --epochs 1 --threads 2 > "$OUT/lenet-torch-$r.txt" 2>&1
    for b in onednn vector; do flock "$LOCK" $J -cp "$CP" dev.jdnn.examples.TrainCommand --backend $b $A > "$OUT/lenet-$b-$r.txt" 2>&1; done
    log "lenet round $r"
  done ;;
cifarstep) # the vector CIFAR-style step against its forked cells
  flock "$LOCK" $JMH 'NetworkBenchmark.step$' -p shape=cifar -p backend=vector -p layout=nchw -p threads=1,2 -f 1 -wi 20 -w 1s -i 10 -r 500ms -rf json -rff "$OUT/cifarstep.json" > "$OUT/cifarstep.log" 2>&1
  flock "$LOCK" $JMH 'ConvBenchmark.(forward|backwardData|backwardWeights)$' -p shape=cifar_c1,cifar_c2 -p layout=nchw -p backend=vector -p threads=1,2 -f 1 -wi 3 -w 400ms -i 5 -r 300ms -tu ms -rf json -rff "$OUT/cifarcells.json" > "$OUT/cifarcells.log" 2>&1
  flock "$LOCK" $JMH PoolBenchmark -p shape=pool_cifar -p layout=nchw -p backend=vector -p threads=1,2 -f 1 -wi 4 -w 300ms -i 5 -r 200ms -tu ms -rf json -rff "$OUT/cifarpool.json" > "$OUT/cifarpool.log" 2>&1; log cifarstep ;;
quick) # every cell in one JVM, with the deoptimisation log
  # Beside the deoptimisations: when the JVM judged unused compiled code cold (codecache) and what it
  # compiled when (PrintCompilation). One file per JVM (%p): ./jdnn starts Maven's JVMs first.
  flock "$LOCK" env JAVA_TOOL_OPTIONS="-Xlog:deoptimization=debug:file=$OUT/quick-deopt-%p.log -Xlog:codecache=info:file=$OUT/quick-codecache-%p.log:uptime -XX:+UnlockDiagnosticVMOptions -XX:+LogVMOutput -XX:LogFile=$OUT/quick-compilation-%p.log -XX:-DisplayVMOutput -XX:+PrintCompilation -Djmh.ignoreLock=true" ./jdnn bench --quick --out "$OUT/quick" > "$OUT/quick.log" 2>&1
  python3 bench/src/build/quick_vs_naive.py "$OUT/quick/report.md" > "$OUT/quick-vs-naive.txt"
  python3 bench/src/build/trap_storms.py "$OUT"/quick-deopt-*.log > "$OUT/quick-trap-storms.txt"; log "quick storms rc=$?"
  python3 bench/src/build/recompiles.py "$OUT"/quick-compilation-*.log > "$OUT/quick-recompiles.txt"; log "quick recompiles rc=$?" ;;
cifar14) # one CIFAR-style epoch: PyTorch, onednn, vector
  need_torch; CP=$(examples_cp) || exit 1
  flock "$LOCK" $TORCH --model cifarnet --epochs 1 --threads 2 > "$OUT/cifarnet-torch.txt" 2>&1
  for b in onednn vector; do flock "$LOCK" $J -cp "$CP" dev.jdnn.examples.TrainCommand --model cifarnet --backend $b --epochs 1 --threads 2 --warm-up 1024 --no-progress > "$OUT/cifarnet-$b.txt" 2>&1; done; log cifar14 ;;
*) echo "sitting.sh: unknown part '$part' (gemm conv66 dense pool lenet cifarstep quick cifar14)" >&2; exit 2 ;;
esac; done
