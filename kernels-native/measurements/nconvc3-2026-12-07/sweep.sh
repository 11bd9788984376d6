#!/usr/bin/env bash
# C-only sweep, oneDNN 3.13 from C with NHWC user tensors, forward: oneDNN's first choice (variant nhwc,
# brg_conv_fwd) against its jit:avx512_core kernel (variant nhwc_jit), ROUNDS alternating rounds of NBATCH
# batches each in one process, per shape at 1 and 2 threads, without and with a fused ReLU. One exclusive
# hold of /tmp/perf.lock per group of shapes given as arguments.
#   sweep.sh OUT "ID ..."
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out=$1 ids=$2
bin=${BIN:-/tmp/nconv4-c/build/nhwc_from_c}
flock /tmp/perf.lock bash -c '
    out=$1 bin=$2 csv=$3 ids=$4
    echo "# $(date -u +%FT%TZ) load $(cut -d" " -f1 /proc/loadavg) hold start: $ids" >>"$out"
    for id in $ids; do
        for t in 1 2; do
            for fused in "" --fused; do
                echo "# $(date -u +%FT%TZ) load $(cut -d" " -f1 /proc/loadavg) $id t=$t relu=${fused:+1}" >>"$out"
                OMP_NUM_THREADS=$t "$bin" conv "$csv" "$id" --passes f --jit-below 16 --nbatch "${NBATCH:-5}" \
                    --rounds "${ROUNDS:-3}" $fused | sed "s/^RES,/RES${fused:+_RELU},/" >>"$out"
            done
        done
    done' _ "$out" "$bin" "$here/sweep-shapes.csv" "$ids"
