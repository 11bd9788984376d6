#!/usr/bin/env bash
# Times onednn plans (PlanTiming, test classes) right next to oneDNN called from C
# (shared/bench/onednn-from-c/bench_onednn, its 'reord' and 'mixed' variants) on the hot-core
# shapes and appends raw lines to OUT; summarise with summarise_comparison.py OUT.
#
# Per shape and thread count, C and Java alternate REPS times (C first on odd repetitions, Java
# first on even ones, so neither always runs right after the other). Each side is its own short
# run holding /tmp/perf.lock, and inside the lock first waits (up to QUIET_MAX_WAIT s) for the
# rest of the machine to be idle -- the same discipline as run.sh, whose `one` mode is lock +
# idle wait + this binary. The C binary is called directly here (never run.sh: it takes the lock
# itself). Before each run a '#' line records the time, the load average and the CPU share the
# rest of the machine used in the 2 s idle probe; both sides also print the foreign share during
# their timed batches (C: last RES column, Java: foreign=).
#
# VARIANTS (default reord,mixed) picks the C variants; for pool and dense use plain,reord.
# LAYOUT=nhwc times NHWC instead: C is nhwc_from_c.c beside this script (built on first use into
# $WORK/build with the jar's oneDNN; NHWC user tensors, weights reordered per call where oneDNN
# wants them blocked, pooling through its workspace; variant 'nhwc'), Java the NHWC plans
# (-Djdnn.timing.layout=NHWC, pooling through a Workspace). FUSED=1 fuses a ReLU into the
# convolution forward on both sides. On convolutions of fewer than C_JIT_BELOW (default 16) input
# channels C also times oneDNN's jit:avx512_core kernel where it follows a brgemm first choice for
# forward and backward data (variant 'nhwc_jit'), the kernel the NHWC plans take on most such
# shapes (DnnlConvolution: not for a 5x5 forward over 3+ channels to 32+ filters, which keeps brgemm).
# NAN_SCAN=1 (LAYOUT=nhwc, max pooling) also times C's forward with the NaN scan jdnn's contract
# needs before each call (variant 'nhwc_scan', in a table of its own in the summary).
# N (default: the CSV's) overrides the batch, e.g. N=1 for the per-call overhead of lenet_c1.
# PASS (fwd, bwd_d or bwd_w; default all) times one pass only, on both sides. NBATCH (default 7)
# sets both sides' number of timed batches (~50 ms each): more batches average over more of the
# machine's slow and fast phases within one run.
# Needs the C harness built (run.sh builds it) and `./mvnw -pl kernels-native -am test-compile`.
#   compare_with_c.sh OUT OP "ID ..." "THREADS ..." [REPS]
set -euo pipefail
if [ "${1:-}" = _quiet ]; then
    # _quiet LABEL CMD...: (run holding the lock) wait for an idle machine, log, run CMD
    shift; label=$1; shift
    busy=100 waited=0
    while :; do
        read -r _ u n s i w q sq st _ </proc/stat; b0=$((u + n + s + q + sq + st)); t0=$((b0 + i + w))
        sleep 2
        read -r _ u n s i w q sq st _ </proc/stat; b1=$((u + n + s + q + sq + st)); t1=$((b1 + i + w))
        busy=$(((b1 - b0) * 100 / (t1 - t0)))
        [ "$busy" -lt 10 ] || [ "$waited" -ge "${QUIET_MAX_WAIT:-120}" ] && break
        sleep 3; waited=$((waited + 5))
    done
    echo "# $(date -u +%FT%TZ) load $(cut -d' ' -f1 /proc/loadavg) busy_before=${busy}% waited=${waited}s $label"
    exec "$@"
fi
out=$1 op=$2 ids=$3 threads=$4 reps=${5:-3}
here=$(cd "$(dirname "$0")" && pwd)
module=$(cd "$here/../.." && pwd)
root=$(cd "$module/.." && pwd)
bench=${BENCH_DIR:-/work/shared/bench}
cbin=${CBIN:-/tmp/onednn-from-c/build/bench_onednn}
lock=${LOCK:-/tmp/perf.lock}
quiet_max_wait=${QUIET_MAX_WAIT:-120}
java=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java
jar=$HOME/.m2/repository/org/bytedeco/dnnl/3.13-1.5.14/dnnl-3.13-1.5.14-linux-x86_64.jar
cp="$module/target/test-classes:$module/target/classes:$root/api/target/classes:$root/kernels-java/target/classes:$jar"
csv="$bench/hot-core-$op.csv"
batch=${N:-}
layout=${LAYOUT:-nchw}
work=${WORK:-/tmp/onednn-from-c}
nhwc_bin=$work/build/nhwc_from_c

build_nhwc() {
    local lib=$work/org/bytedeco/dnnl/linux-x86_64
    if [ ! -f "$lib/libdnnl.so.3" ]; then
        mkdir -p "$work" && (cd "$work" && unzip -q -o "$jar" 'org/bytedeco/dnnl/linux-x86_64/*')
    fi
    mkdir -p "$work/build"
    if [ ! -x "$nhwc_bin" ] || [ "$here/nhwc_from_c.c" -nt "$nhwc_bin" ]; then
        gcc -O2 -Wall -Wextra -o "$nhwc_bin" "$here/nhwc_from_c.c" -I"$lib/include" -L"$lib" -l:libdnnl.so.3 \
            -Wl,-rpath,"$lib" -lm
    fi
}

run_c_nhwc() {
    local id=$1 t=$2 r=$3 args=()
    [ -n "$batch" ] && args+=(--n "$batch")
    if [ -n "${PASS:-}" ]; then
        case "$PASS" in fwd) args+=(--passes f) ;; bwd_d) args+=(--passes d) ;; bwd_w) args+=(--passes w) ;;
            bwd) args+=(--passes b) ;; *) echo "PASS: expected fwd, bwd_d, bwd_w or bwd, got '$PASS'" >&2; exit 2 ;; esac
    fi
    [ -n "${NBATCH:-}" ] && args+=(--nbatch "$NBATCH")
    [ -n "${FUSED:-}" ] && args+=(--fused)
    [ -n "${NAN_SCAN:-}" ] && args+=(--nan-scan)
    [ "$op" = conv ] && args+=(--jit-below "${C_JIT_BELOW:-16}")
    [ -n "${C_FILL:-}" ] && args+=(--fill "$C_FILL")
    OMP_NUM_THREADS=$t flock "$lock" "$0" _quiet "C $op $id t=$t rep=$r" \
        "$nhwc_bin" "$op" "$csv" "$id" "${args[@]}" 2>/dev/null | grep -E '^(#|RES)' >>"$out"
}

run_c() {
    if [ "$layout" = nhwc ]; then run_c_nhwc "$@"; return; fi
    local id=$1 t=$2 r=$3 args=()
    [ -n "$batch" ] && args+=(--n "$batch")
    if [ -n "${PASS:-}" ]; then
        case "$PASS" in fwd) args+=(--passes f) ;; bwd_d) args+=(--passes d) ;; bwd_w) args+=(--passes w) ;;
            *) echo "PASS: expected fwd, bwd_d or bwd_w, got '$PASS'" >&2; exit 2 ;; esac
    elif [ -n "$batch" ]; then
        args+=(--passes "${PASSES:-fdw}")
    fi
    [ -n "${NBATCH:-}" ] && args+=(--nbatch "$NBATCH")
    OMP_NUM_THREADS=$t flock "$lock" "$0" _quiet "C $op $id t=$t rep=$r" \
        "$cbin" --no-header --variants "${VARIANTS:-reord,mixed}" "${args[@]}" "--$op" "$csv" --only "$id" \
        2>/dev/null | grep -E '^(#|RES)' >>"$out"
}

run_java() {
    local id=$1 t=$2 r=$3
    flock "$lock" "$0" _quiet "JAVA $op $id t=$t rep=$r" \
        "$java" --enable-native-access=ALL-UNNAMED --add-modules jdk.incubator.vector -cp "$cp" \
        ${PASS:+-Djdnn.timing.passes=$PASS} ${NBATCH:+-Djdnn.timing.batches=$NBATCH} \
        -Djdnn.timing.layout="${layout^^}" ${FUSED:+-Djdnn.timing.fused=true} \
        dev.jdnn.onednn.PlanTiming "$op" "$csv" "$id" "$t" "${batch:--}" 2>/dev/null | grep -E '^(#|JAVA)' >>"$out"
}

export LOCK="$lock" QUIET_MAX_WAIT="$quiet_max_wait"
[ "$layout" = nhwc ] && build_nhwc
for id in $ids; do
    for t in $threads; do
        for r in $(seq "$reps"); do
            if [ $((r % 2)) = 1 ]; then run_c "$id" "$t" "$r"; run_java "$id" "$t" "$r"
            else run_java "$id" "$t" "$r"; run_c "$id" "$t" "$r"; fi
        done
    done
done
