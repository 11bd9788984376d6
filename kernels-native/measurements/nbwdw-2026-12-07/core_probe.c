/* core_probe.c - what the CPU this process runs on gives right now: the clock (a chain of dependent adds, one per
 * cycle) and the FMA throughput (12 independent zmm accumulators), each the best of 5 runs of ~60 ms.
 * Run pinned (taskset -c N); prints "PROBE,ghz,fma_gflops".  gcc -O2 -march=x86-64-v4 -o core_probe core_probe.c */
#include <immintrin.h>
#include <stdio.h>
#include <time.h>

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec * 1e-9;
}

static double add_chain(long n) {
    long x = 0;
    double t = now();
    for (long i = 0; i < n; i++) {
        __asm__ volatile("add $1, %0\n\tadd $1, %0\n\tadd $1, %0\n\tadd $1, %0\n\t"
                         "add $1, %0\n\tadd $1, %0\n\tadd $1, %0\n\tadd $1, %0" : "+r"(x));
    }
    return 8.0 * n / (now() - t) / 1e9;
}

static double fma12(long n) {
    double t = now();
    for (long i = 0; i < n; i++) {
        __asm__ volatile(
            "vfmadd231ps %%zmm12, %%zmm13, %%zmm0\n\tvfmadd231ps %%zmm12, %%zmm13, %%zmm1\n\t"
            "vfmadd231ps %%zmm12, %%zmm13, %%zmm2\n\tvfmadd231ps %%zmm12, %%zmm13, %%zmm3\n\t"
            "vfmadd231ps %%zmm12, %%zmm13, %%zmm4\n\tvfmadd231ps %%zmm12, %%zmm13, %%zmm5\n\t"
            "vfmadd231ps %%zmm12, %%zmm13, %%zmm6\n\tvfmadd231ps %%zmm12, %%zmm13, %%zmm7\n\t"
            "vfmadd231ps %%zmm12, %%zmm13, %%zmm8\n\tvfmadd231ps %%zmm12, %%zmm13, %%zmm9\n\t"
            "vfmadd231ps %%zmm12, %%zmm13, %%zmm10\n\tvfmadd231ps %%zmm12, %%zmm13, %%zmm11"
            ::: "xmm0", "xmm1", "xmm2", "xmm3", "xmm4", "xmm5", "xmm6", "xmm7", "xmm8", "xmm9", "xmm10", "xmm11");
    }
    return 12.0 * 16 * 2 * n / (now() - t) / 1e9;
}

int main(void) {
    double ghz = 0, gf = 0;
    for (int r = 0; r < 5; r++) {
        double g = add_chain(25000000), f = fma12(6000000);
        if (g > ghz) ghz = g;
        if (f > gf) gf = f;
    }
    printf("PROBE,%.3f,%.1f\n", ghz, gf);
    return 0;
}
