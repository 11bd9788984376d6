#!/usr/bin/env bash
# cifar_c1-style runs pinned to one vCPU at a time (taskset), CPU 0 then CPU 1 in each of REPS rounds, appending to
# OUT; run holding /tmp/perf.lock exclusively:   flock /tmp/perf.lock ./pinned.sh MODE OUT SHAPE REPS
#   cpus    C bwd_w at 1 thread on CPU 0, CPU 1 and unpinned                              (cpus-c.raw)
#   java    C bwd_w, then Java's (PlanTiming, NHWC, the whole JVM pinned)                  (cpus-java.raw)
#   fw      C forward (brg_conv_fwd) and bwd_w in one process                            (cpus-fw.raw)
#   thp     C bwd_w with GLIBC_TUNABLES=glibc.malloc.hugetlb=0 and =1 (malloc madvises its mmap'd chunks
#           for transparent huge pages), and Java's likewise with JAVA=1                 (thp-c.raw, thp-cj.raw)
#   series  C bwd_w, 64 batches of ~50 ms, every batch printed (nhwc_series: nhwc_from_c.c + nhwc_series.patch) (series.raw)
#   probe   core_probe (clock, FMA GFLOP/s), C bwd_w, core_probe                          (probe-pairs.raw, probe-watch.raw)
# Binaries in /tmp/nbwdw-c/build: nhwc_from_c as compare_with_c.sh builds it, nhwc_series, core_probe (core_probe.c).
mode=$1 out=$2 shape=$3 reps=$4
module=$(cd "$(dirname "$0")/../.." && pwd); root=$(cd "$module/.." && pwd)
jar=$HOME/.m2/repository/org/bytedeco/dnnl/3.13-1.5.14/dnnl-3.13-1.5.14-linux-x86_64.jar
cp="$module/target/test-classes:$module/target/classes:$root/api/target/classes:$root/kernels-java/target/classes:$jar"
csv=/work/shared/bench/hot-core-conv.csv
bin=/tmp/nbwdw-c/build

# c CPU TAG PASSES NBATCH BINARY: one C process (CPU "any": unpinned), its RES/SERIES lines tagged ",TAG"
c() {
    local pin=(); [ "$1" != any ] && pin=(taskset -c "$1")
    GLIBC_TUNABLES=glibc.malloc.hugetlb=${thp:-0} OMP_NUM_THREADS=1 "${pin[@]}" "$bin/$5" conv $csv "$shape" \
        --passes "$3" --nbatch "$4" 2>/dev/null | grep -E '^(RES|SERIES)' | sed "s/\$/,$2/"
}

# java CPU TAG: one PlanTiming process pinned to CPU, its JAVA line tagged " TAG"
java() {
    GLIBC_TUNABLES=glibc.malloc.hugetlb=${thp:-0} taskset -c "$1" /usr/lib/jvm/temurin-25-jdk-amd64/bin/java \
        --enable-native-access=ALL-UNNAMED --add-modules jdk.incubator.vector -cp "$cp" -Djdnn.timing.passes=bwd_w \
        -Djdnn.timing.batches=5 -Djdnn.timing.layout=NHWC dev.jdnn.onednn.PlanTiming conv $csv "$shape" 1 - 2>/dev/null \
        | grep -E '^JAVA' | sed "s/\$/ $2/"
}

for r in $(seq "$reps"); do
    cpus="0 1"; [ "$mode" = cpus ] && cpus="0 1 any"
    for cpu in $cpus; do
        thps=0; [ "$mode" = thp ] && thps="0 1"
        for thp in $thps; do
            echo "# $(date -u +%FT%TZ) load $(cut -d' ' -f1 /proc/loadavg) $mode cpu=$cpu thp=$thp rep=$r" >>"$out"
            case "$mode" in
                cpus) c "$cpu" "cpu=$cpu" w 5 nhwc_from_c ;;
                java) c "$cpu" "cpu=$cpu" w 5 nhwc_from_c; java "$cpu" "cpu=$cpu" ;;
                fw) c "$cpu" "cpu=$cpu" fw 5 nhwc_from_c ;;
                thp) c "$cpu" "cpu=$cpu,thp=$thp" w 5 nhwc_from_c; [ -n "${JAVA:-}" ] && java "$cpu" "cpu=$cpu thp=$thp" ;;
                series) c "$cpu" "cpu=$cpu" w 64 nhwc_series ;;
                probe) taskset -c "$cpu" "$bin/core_probe" | sed "s/\$/,cpu=$cpu/"; c "$cpu" "cpu=$cpu" w 5 nhwc_from_c
                    taskset -c "$cpu" "$bin/core_probe" | sed "s/\$/,cpu=$cpu/" ;;
                *) echo "mode: expected cpus, java, fw, thp, series or probe, got '$mode'" >&2; exit 2 ;;
            esac >>"$out"
        done
    done
done
