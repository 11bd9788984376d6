/*
 * nhwc_from_c.c - oneDNN called from C with NHWC user tensors, the yardstick of onednn's NHWC
 * plans (compare_with_c.sh LAYOUT=nhwc). The shared harness (shared/bench/onednn-from-c) times
 * NCHW user tensors only; this one follows its method on the same hot-core CSV rows:
 *
 *   conv: forward (bias; --fused adds a ReLU eltwise post-op), backward data, backward weights
 *         (bias gradient), activations described as nhwc, weights format_tag_any with the user's
 *         oihw weights reordered in (and the weight gradient out) on every call where oneDNN
 *         picks another layout: what a library holding oihw weights pays (the 'mixed' variant).
 *   pool: forward_training into a workspace, backward from that workspace, nhwc tensors; average
 *         pooling excludes padding, as PlanTiming's ops do.
 *
 * Primitives and buffers are made once, scratchpad user-provided; each pass runs once untimed,
 * warms up for 150 ms, then times NBATCH (7) batches of about 50 ms and prints the median, min
 * and max per call, with the share of the machine's CPU others used meanwhile, as
 *   RES,op,shape,pass,variant,threads,impl,layouts,median_ms,min_ms,max_ms,iters,nbatch,foreign
 * (the columns summarise_comparison.py reads). The variant is 'nhwc' (oneDNN's first choice of
 * implementation) or, with --jit-below C on a convolution of fewer than C input channels, also
 * 'nhwc_jit' for forward and backward data: oneDNN's jit:avx512_core kernel where it follows a
 * brgemm first choice, the implementation onednn's NHWC plans take on most such shapes (not, for
 * forward, on 5x5 windows over 3+ channels to 32+ filters: DnnlConvolution.keepsBrgemmForward).
 *
 * --rounds R times the convolution forward (both variants) R times, alternating, in one process.
 *
 * --nan-scan also times a max-pooling forward as 'nhwc_scan': before each call the source is
 * scanned for NaN and infinities (the check jdnn's Pool2dPlan contract needs, since oneDNN's max
 * pooling skips NaN), by a plain loop of four accumulators compiled for AVX2 at -O3: what C would
 * pay for the same contract. The scan runs on the calling thread.
 *
 * usage: nhwc_from_c conv|pool CSV ID [--n N] [--passes fdw|fb] [--nbatch K] [--fused] [--jit-below C]
 *        [--fill java] [--rounds R] [--nan-scan]
 */
#define _GNU_SOURCE
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "oneapi/dnnl/dnnl.h"

#define CHECK(f)                                                                          \
    do {                                                                                  \
        dnnl_status_t s_ = (f);                                                           \
        if (s_ != dnnl_success) {                                                         \
            fprintf(stderr, "%s:%d: %s failed: status %d\n", __FILE__, __LINE__, #f, (int)s_); \
            exit(2);                                                                      \
        }                                                                                 \
    } while (0)

#define MAXSTEPS 4
#define MAXARGS 10

static dnnl_engine_t eng;
static dnnl_stream_t strm;
static int g_nbatch = 7;
/* --fill java: PlanTiming's fill, ((i * 7919 % 2001) - 1000) / 1000, instead of the xorshift one. */
static int g_java_fill = 0;

typedef struct {
    dnnl_primitive_t prim[MAXSTEPS];
    int nargs[MAXSTEPS];
    dnnl_exec_arg_t args[MAXSTEPS][MAXARGS];
    int nsteps;
    char impl[64];
} pass_t;

/* The source a 'nhwc_scan' pass scans before each call (NULL: none), and its float count. */
static const uint32_t *g_scan;
static size_t g_scan_count;
static volatile int g_scan_found;

__attribute__((target("avx2"), optimize("O3"))) static int nonfinite_any(const uint32_t *v, size_t n) {
    uint32_t m0 = 0, m1 = 0, m2 = 0, m3 = 0;
    size_t i = 0;
    for (; i + 4 <= n; i += 4) {
        uint32_t a = v[i] & 0x7f800000u, b = v[i + 1] & 0x7f800000u, c = v[i + 2] & 0x7f800000u,
                 d = v[i + 3] & 0x7f800000u;
        m0 = a > m0 ? a : m0;
        m1 = b > m1 ? b : m1;
        m2 = c > m2 ? c : m2;
        m3 = d > m3 ? d : m3;
    }
    for (; i < n; i++) m0 = (v[i] & 0x7f800000u) > m0 ? (v[i] & 0x7f800000u) : m0;
    m0 = m1 > m0 ? m1 : m0;
    m2 = m3 > m2 ? m3 : m2;
    return (m2 > m0 ? m2 : m0) == 0x7f800000u;
}

static double now_ms(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec * 1e-6;
}

static int cmp_d(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static dnnl_memory_desc_t md_of(int nd, const dnnl_dim_t *dims, dnnl_format_tag_t tag) {
    dnnl_memory_desc_t md;
    CHECK(dnnl_memory_desc_create_with_tag(&md, nd, dims, dnnl_f32, tag));
    return md;
}

/* A memory of md with its own buffer, filled with deterministic values in [-1, 1] (xorshift, or
 * PlanTiming's pattern with --fill java, so that the data can be ruled in or out as a cause). */
static dnnl_memory_t mem_of(const_dnnl_memory_desc_t md, uint64_t seed) {
    dnnl_memory_t m;
    CHECK(dnnl_memory_create(&m, md, eng, DNNL_MEMORY_ALLOCATE));
    float *p;
    CHECK(dnnl_memory_get_data_handle(m, (void **)&p));
    size_t n = dnnl_memory_desc_get_size(md) / 4;
    uint64_t x = seed * 0x9E3779B97F4A7C15ull + 12345;
    for (size_t i = 0; g_java_fill && i < n; i++) p[i] = (float)((long)(i * 7919 % 2001) - 1000) / 1000.f;
    for (size_t i = 0; !g_java_fill && i < n; i++) {
        x ^= x << 13, x ^= x >> 7, x ^= x << 17;
        p[i] = (float)((x >> 40) * (1.0 / (1ull << 24)) * 2.0 - 1.0);
    }
    return m;
}

static const_dnnl_memory_desc_t arg_md(const_dnnl_primitive_desc_t pd, int arg) {
    return dnnl_primitive_desc_query_md(pd, dnnl_query_exec_arg_md, arg);
}

static void add_step(pass_t *p, const_dnnl_primitive_desc_t pd, int nargs, const dnnl_exec_arg_t *args) {
    CHECK(dnnl_primitive_create(&p->prim[p->nsteps], pd));
    p->nargs[p->nsteps] = nargs;
    memcpy(p->args[p->nsteps], args, sizeof(dnnl_exec_arg_t) * nargs);
    p->nsteps++;
}

static void add_reorder(pass_t *p, dnnl_memory_t from, const_dnnl_memory_desc_t from_md, dnnl_memory_t to,
                        const_dnnl_memory_desc_t to_md) {
    dnnl_primitive_desc_t pd;
    CHECK(dnnl_reorder_primitive_desc_create(&pd, from_md, eng, to_md, eng, NULL));
    dnnl_exec_arg_t a[2] = {{DNNL_ARG_FROM, from}, {DNNL_ARG_TO, to}};
    add_step(p, pd, 2, a);
}

/* The primitive's memory for arg: the user's buffer when the layouts agree, else a buffer in the
 * primitive's layout, with a reorder from the user's (input) or to it (output, in *after). */
static dnnl_memory_t bind(pass_t *p, const_dnnl_primitive_desc_t pd, int arg, const_dnnl_memory_desc_t user_md,
                          int input, dnnl_memory_t *after_from, dnnl_memory_t *after_to) {
    const_dnnl_memory_desc_t md = arg_md(pd, arg);
    dnnl_memory_t user = mem_of(user_md, (uint64_t)arg * 131 + 7);
    if (dnnl_memory_desc_equal(md, user_md)) return user;
    dnnl_memory_t mine = mem_of(md, 1);
    if (input) {
        add_reorder(p, user, user_md, mine, md);
    } else {
        *after_from = mine;
        *after_to = user;
    }
    return mine;
}

static const_dnnl_memory_desc_t md_of_mem(dnnl_memory_t m) {
    const_dnnl_memory_desc_t md;
    CHECK(dnnl_memory_get_memory_desc(m, &md));
    return md;
}

static dnnl_primitive_attr_t attr_of(int relu) {
    dnnl_primitive_attr_t attr;
    CHECK(dnnl_primitive_attr_create(&attr));
    CHECK(dnnl_primitive_attr_set_scratchpad_mode(attr, dnnl_scratchpad_mode_user));
    if (relu) {
        dnnl_post_ops_t ops;
        CHECK(dnnl_post_ops_create(&ops));
        CHECK(dnnl_post_ops_append_eltwise(ops, dnnl_eltwise_relu, 0.f, 0.f));
        CHECK(dnnl_primitive_attr_set_post_ops(attr, ops));
        dnnl_post_ops_destroy(ops);
    }
    return attr;
}

/* Finishes a pass: scratchpad, the main primitive (args so far), then the output reorder. */
static void finish(pass_t *p, const_dnnl_primitive_desc_t pd, dnnl_exec_arg_t *args, int n, dnnl_memory_t ws,
                   dnnl_memory_t after_from, dnnl_memory_t after_to) {
    const_dnnl_memory_desc_t sp = dnnl_primitive_desc_query_md(pd, dnnl_query_scratchpad_md, 0);
    if (sp && dnnl_memory_desc_get_size(sp) > 0) args[n++] = (dnnl_exec_arg_t){DNNL_ARG_SCRATCHPAD, mem_of(sp, 3)};
    if (ws) args[n++] = (dnnl_exec_arg_t){DNNL_ARG_WORKSPACE, ws};
    add_step(p, pd, n, args);
    const char *impl = "?";
    dnnl_primitive_desc_query(pd, dnnl_query_impl_info_str, 0, &impl);
    snprintf(p->impl, sizeof p->impl, "%s", impl);
    if (after_from) add_reorder(p, after_from, md_of_mem(after_from), after_to, md_of_mem(after_to));
}

static void run(pass_t *p) {
    if (g_scan) g_scan_found |= nonfinite_any(g_scan, g_scan_count);
    for (int i = 0; i < p->nsteps; i++) CHECK(dnnl_primitive_execute(p->prim[i], strm, p->nargs[i], p->args[i]));
    CHECK(dnnl_stream_wait(strm));
}

static void cpu_sample(unsigned long long *busy, unsigned long long *total, unsigned long long *self) {
    unsigned long long v[8] = {0}, ut = 0, st = 0;
    FILE *f = fopen("/proc/stat", "r");
    if (f) {
        if (fscanf(f, "cpu %llu %llu %llu %llu %llu %llu %llu %llu", &v[0], &v[1], &v[2], &v[3], &v[4], &v[5],
                   &v[6], &v[7]) != 8)
            memset(v, 0, sizeof v);
        fclose(f);
    }
    *busy = v[0] + v[1] + v[2] + v[5] + v[6] + v[7];
    *total = *busy + v[3] + v[4];
    char line[1024] = {0};
    f = fopen("/proc/self/stat", "r");
    if (f) {
        if (!fgets(line, sizeof line, f)) line[0] = 0;
        fclose(f);
    }
    char *q = strrchr(line, ')');
    *self = q && sscanf(q + 1, " %*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %llu %llu", &ut, &st) == 2 ? ut + st : 0;
}

static void time_and_print(const char *op, const char *shape, const char *pass, const char *variant, pass_t *p) {
    run(p);
    double t0 = now_ms(), el;
    long n = 0;
    do {
        run(p);
        n++;
        el = now_ms() - t0;
    } while (el < 150 || n < 3);
    long iters = (long)ceil(50 / (el / n));
    if (iters < 1) iters = 1;
    double per[64];
    int nb = g_nbatch > 64 ? 64 : g_nbatch;
    unsigned long long b0, t0c, s0, b1, t1c, s1;
    cpu_sample(&b0, &t0c, &s0);
    for (int b = 0; b < nb; b++) {
        double s = now_ms();
        for (long i = 0; i < iters; i++) {
            if (g_scan) g_scan_found |= nonfinite_any(g_scan, g_scan_count);
            for (int k = 0; k < p->nsteps; k++)
                CHECK(dnnl_primitive_execute(p->prim[k], strm, p->nargs[k], p->args[k]));
        }
        CHECK(dnnl_stream_wait(strm));
        per[b] = (now_ms() - s) / iters;
    }
    cpu_sample(&b1, &t1c, &s1);
    double tot = (double)(t1c - t0c);
    double foreign = tot > 0 ? ((double)(b1 - b0) - (double)(s1 - s0)) / tot : 0;
    if (foreign < 0) foreign = 0;
    qsort(per, nb, sizeof per[0], cmp_d);
    const char *thr = getenv("OMP_NUM_THREADS");
    printf("RES,%s,%s,%s,%s,%s,%s,%d-steps,%.4f,%.4f,%.4f,%ld,%d,%.3f\n", op, shape, pass, variant, thr ? thr : "?",
           p->impl, p->nsteps, per[nb / 2], per[0], per[nb - 1], iters, nb, foreign);
    fflush(stdout);
}

/* ------------------------------------------------------------------ CSV */

static char g_hdr[32][96], g_row[32][96];
static int g_ncol;

static int split(char *line, char out[][96], int max) {
    int n = 0;
    for (char *tok = strtok(line, ",\n"); tok && n < max; tok = strtok(NULL, ",\n")) snprintf(out[n++], 96, "%s", tok);
    return n;
}

static void load_row(const char *csv, const char *id) {
    FILE *f = fopen(csv, "r");
    if (!f) { fprintf(stderr, "cannot open %s\n", csv); exit(2); }
    char line[1024];
    char tmp[32][96];
    if (!fgets(line, sizeof line, f)) exit(2);
    g_ncol = split(line, tmp, 32);
    for (int i = 0; i < g_ncol; i++) snprintf(g_hdr[i], 96, "%s", tmp[i]);
    while (fgets(line, sizeof line, f)) {
        split(line, g_row, 32);
        if (strcmp(g_row[0], id) == 0) { fclose(f); return; }
    }
    fprintf(stderr, "no row %s in %s\n", id, csv);
    exit(2);
}

static long col(const char *name) {
    for (int i = 0; i < g_ncol; i++)
        if (strcmp(g_hdr[i], name) == 0) return atol(g_row[i]);
    fprintf(stderr, "no column %s\n", name);
    exit(2);
}

/* ------------------------------------------------------------------ ops */

/* Moves pd on through oneDNN's list of implementations for the same descriptors
 * (dnnl_primitive_desc_next_impl, at most 8 steps) to `impl`, what onednn's plans do with
 * PassBuilder.preferImplementation; returns pd, or NULL (pd destroyed) when `impl` is not listed
 * there. pd must come straight from its create call (a clone cannot move on). */
static dnnl_primitive_desc_t advanced_to(dnnl_primitive_desc_t pd, const char *impl) {
    for (int i = 0; i < 8; i++) {
        if (dnnl_primitive_desc_next_impl(pd) != dnnl_success) break;
        const char *name = "?";
        dnnl_primitive_desc_query(pd, dnnl_query_impl_info_str, 0, &name);
        if (strcmp(name, impl) == 0) return pd;
    }
    dnnl_primitive_desc_destroy(pd);
    return NULL;
}

static const char *impl_of(const_dnnl_primitive_desc_t pd) {
    const char *impl = "?";
    dnnl_primitive_desc_query(pd, dnnl_query_impl_info_str, 0, &impl);
    return impl;
}

typedef struct {
    const char *name;
    dnnl_memory_desc_t src, dst, wei, wei_any, bias;
    dnnl_dims_t strides, dil, pl;
} conv_geometry_t;

static dnnl_primitive_desc_t conv_fwd_pd(const conv_geometry_t *g, int fused) {
    dnnl_primitive_desc_t fwd;
    dnnl_primitive_attr_t attr = attr_of(fused);
    CHECK(dnnl_convolution_forward_primitive_desc_create(&fwd, eng, dnnl_forward_training, dnnl_convolution_direct,
                                                         g->src, g->wei_any, g->bias, g->dst, g->strides, g->dil,
                                                         g->pl, g->pl, attr));
    dnnl_primitive_attr_destroy(attr);
    return fwd;
}

/* One argument of a convolution pass: the user's layout, and whether it is read (else written). */
typedef struct {
    int arg;
    const_dnnl_memory_desc_t user;
    int input;
} conv_arg_t;

/* pd over user tensors bound as `args` lists them (at most one output in another layout than the
 * user's: its reorder runs after the primitive). */
static pass_t conv_pass(const_dnnl_primitive_desc_t pd, const conv_arg_t *args, int nargs) {
    pass_t p = {0};
    dnnl_exec_arg_t a[MAXARGS];
    dnnl_memory_t from = NULL, to = NULL;
    for (int i = 0; i < nargs; i++)
        a[i] = (dnnl_exec_arg_t){args[i].arg, bind(&p, pd, args[i].arg, args[i].user, args[i].input, &from, &to)};
    finish(&p, pd, a, nargs, NULL, from, to);
    return p;
}

static void time_conv_pass(const conv_geometry_t *g, const char *pass, const char *variant,
                           const_dnnl_primitive_desc_t pd, const conv_arg_t *args, int nargs) {
    pass_t p = conv_pass(pd, args, nargs);
    time_and_print("conv", g->name, pass, variant, &p);
}

static pass_t conv_fwd_pass(const conv_geometry_t *g, const_dnnl_primitive_desc_t fwd) {
    conv_arg_t args[] = {{DNNL_ARG_SRC, g->src, 1}, {DNNL_ARG_WEIGHTS, g->wei, 1}, {DNNL_ARG_BIAS, g->bias, 1},
                         {DNNL_ARG_DST, g->dst, 0}};
    return conv_pass(fwd, args, 4);
}

/* Times the forward pass of oneDNN's first choice and, where there is one, of its jit kernel:
 * `rounds` times each, alternating (first choice first on odd rounds, jit first on even ones), so
 * that both see the same phases of a shared machine. Each pass is built once. */
static void time_conv_fwd(const conv_geometry_t *g, const_dnnl_primitive_desc_t fwd,
                          const_dnnl_primitive_desc_t fwd_jit, int rounds) {
    pass_t first = conv_fwd_pass(g, fwd), jit = {0};
    if (fwd_jit) jit = conv_fwd_pass(g, fwd_jit);
    for (int r = 1; r <= rounds; r++) {
        if (r % 2 == 1) time_and_print("conv", g->name, "fwd", "nhwc", &first);
        if (fwd_jit) time_and_print("conv", g->name, "fwd", "nhwc_jit", &jit);
        if (r % 2 == 0) time_and_print("conv", g->name, "fwd", "nhwc", &first);
    }
}

static dnnl_primitive_desc_t conv_bwd_d_pd(const conv_geometry_t *g, const_dnnl_primitive_desc_t hint) {
    dnnl_primitive_desc_t bwd;
    dnnl_primitive_attr_t attr = attr_of(0);
    CHECK(dnnl_convolution_backward_data_primitive_desc_create(&bwd, eng, dnnl_convolution_direct, g->src,
                                                               g->wei_any, g->dst, g->strides, g->dil, g->pl, g->pl,
                                                               hint, attr));
    dnnl_primitive_attr_destroy(attr);
    return bwd;
}

static void time_conv_bwd_d(const conv_geometry_t *g, const_dnnl_primitive_desc_t bwd, const char *variant) {
    conv_arg_t args[] = {{DNNL_ARG_DIFF_DST, g->dst, 1}, {DNNL_ARG_WEIGHTS, g->wei, 1}, {DNNL_ARG_DIFF_SRC, g->src, 0}};
    time_conv_pass(g, "bwd_d", variant, bwd, args, 3);
}

/* conv: oneDNN's first choice of implementation per pass (variant 'nhwc'); with jit_below > C
 * also, for forward and backward data, oneDNN's jit:avx512_core kernel where it follows a brgemm
 * first choice (variant 'nhwc_jit'): onednn's NHWC plans take it on most such shapes
 * (DnnlConvolution), so the two sides can be compared on the same implementation as well as against C's best. */
static void conv(const char *shape, long nb_override, const char *passes, int fused, long jit_below, int rounds) {
    long N = nb_override > 0 ? nb_override : col("N"), C = col("C"), H = col("H"), W = col("W"), K = col("K");
    long R = col("R"), S = col("S"), st = col("stride"), pad = col("pad"), d = col("dilation"), g = col("groups");
    long OH = (H + 2 * pad - ((R - 1) * d + 1)) / st + 1, OW = (W + 2 * pad - ((S - 1) * d + 1)) / st + 1;
    dnnl_dims_t src = {N, C, H, W}, dst = {N, K, OH, OW};
    dnnl_dims_t wei = {K, C / g, R, S}, gwei = {g, K / g, C / g, R, S}, bias = {K};
    int grouped = g > 1;
    char name[96];
    snprintf(name, sizeof name, "%s%s", shape, nb_override > 0 ? "_n1" : "");
    if (nb_override > 0 && nb_override != 1) snprintf(name, sizeof name, "%s_n%ld", shape, nb_override);
    conv_geometry_t geo = {
        .name = name,
        .src = md_of(4, src, dnnl_nhwc),
        .dst = md_of(4, dst, dnnl_nhwc),
        .wei = grouped ? md_of(5, gwei, dnnl_goihw) : md_of(4, wei, dnnl_oihw),
        .wei_any = grouped ? md_of(5, gwei, dnnl_format_tag_any) : md_of(4, wei, dnnl_format_tag_any),
        .bias = md_of(1, bias, dnnl_x),
        .strides = {st, st}, .dil = {d - 1, d - 1}, .pl = {pad, pad},
    };
    int jit = C < jit_below;
    dnnl_primitive_desc_t fwd = conv_fwd_pd(&geo, fused);
    dnnl_primitive_desc_t fwd_jit =
        jit && strncmp(impl_of(fwd), "brg", 3) == 0 ? advanced_to(conv_fwd_pd(&geo, fused), "jit:avx512_core") : NULL;
    if (strchr(passes, 'f')) time_conv_fwd(&geo, fwd, fwd_jit, rounds);
    if (strchr(passes, 'd')) {
        dnnl_primitive_desc_t bwd = conv_bwd_d_pd(&geo, fwd);
        time_conv_bwd_d(&geo, bwd, "nhwc");
        if (jit && strncmp(impl_of(bwd), "brg", 3) == 0) {
            /* The hint is the forward pass the plan would run: the jit one where it exists. */
            dnnl_primitive_desc_t hinted = conv_bwd_d_pd(&geo, fwd_jit ? fwd_jit : fwd);
            dnnl_primitive_desc_t bwd_jit = strcmp(impl_of(hinted), "jit:avx512_core") == 0
                                                ? hinted : advanced_to(hinted, "jit:avx512_core");
            if (bwd_jit) time_conv_bwd_d(&geo, bwd_jit, "nhwc_jit");
        }
    }
    if (strchr(passes, 'w')) {
        dnnl_primitive_desc_t bwd;
        dnnl_primitive_attr_t attr = attr_of(0);
        CHECK(dnnl_convolution_backward_weights_primitive_desc_create(&bwd, eng, dnnl_convolution_direct, geo.src,
                                                                      geo.wei_any, geo.bias, geo.dst, geo.strides,
                                                                      geo.dil, geo.pl, geo.pl, fwd, attr));
        dnnl_primitive_attr_destroy(attr);
        conv_arg_t args[] = {{DNNL_ARG_SRC, geo.src, 1}, {DNNL_ARG_DIFF_DST, geo.dst, 1},
                             {DNNL_ARG_DIFF_WEIGHTS, geo.wei, 0}, {DNNL_ARG_DIFF_BIAS, geo.bias, 0}};
        time_conv_pass(&geo, "bwd_w", "nhwc", bwd, args, 4);
    }
}

static void pool(const char *shape, const char *passes, int nan_scan) {
    long N = col("N"), C = col("C"), H = col("H"), W = col("W"), k = col("kernel"), st = col("stride");
    long pad = col("pad");
    int max = strcmp(g_row[1], "max") == 0;
    long OH = (H + 2 * pad - k) / st + 1, OW = (W + 2 * pad - k) / st + 1;
    dnnl_dims_t src = {N, C, H, W}, dst = {N, C, OH, OW}, strides = {st, st}, kernel = {k, k}, dil = {0, 0};
    dnnl_dims_t pl = {pad, pad};
    dnnl_memory_desc_t src_md = md_of(4, src, dnnl_nhwc), dst_md = md_of(4, dst, dnnl_nhwc);
    dnnl_alg_kind_t alg = max ? dnnl_pooling_max : dnnl_pooling_avg_exclude_padding;
    dnnl_primitive_desc_t fwd;
    dnnl_primitive_attr_t attr = attr_of(0);
    CHECK(dnnl_pooling_forward_primitive_desc_create(&fwd, eng, dnnl_forward_training, alg, src_md, dst_md, strides,
                                                     kernel, dil, pl, pl, attr));
    const_dnnl_memory_desc_t ws_md = dnnl_primitive_desc_query_md(fwd, dnnl_query_workspace_md, 0);
    dnnl_memory_t ws = ws_md && dnnl_memory_desc_get_size(ws_md) > 0 ? mem_of(ws_md, 5) : NULL;
    pass_t f = {0};
    dnnl_exec_arg_t a[MAXARGS];
    int n = 0;
    a[n++] = (dnnl_exec_arg_t){DNNL_ARG_SRC, mem_of(src_md, 11)};
    a[n++] = (dnnl_exec_arg_t){DNNL_ARG_DST, mem_of(dst_md, 12)};
    finish(&f, fwd, a, n, ws, NULL, NULL);
    if (strchr(passes, 'f')) time_and_print("pool", shape, "fwd", "nhwc", &f);
    if (strchr(passes, 'f') && nan_scan && max) {
        void *x = NULL;
        CHECK(dnnl_memory_get_data_handle(a[0].memory, &x));
        g_scan = x;
        g_scan_count = (size_t)(N * C * H * W);
        time_and_print("pool", shape, "fwd", "nhwc_scan", &f);
        g_scan = NULL;
        if (g_scan_found) fprintf(stderr, "nhwc_scan: the source held NaN or an infinity\n");
    }
    if (strchr(passes, 'b')) {
        run(&f);
        dnnl_primitive_desc_t bwd;
        CHECK(dnnl_pooling_backward_primitive_desc_create(&bwd, eng, alg, src_md, dst_md, strides, kernel, dil, pl, pl,
                                                          fwd, attr));
        pass_t p = {0};
        n = 0;
        a[n++] = (dnnl_exec_arg_t){DNNL_ARG_DIFF_DST, mem_of(dst_md, 13)};
        a[n++] = (dnnl_exec_arg_t){DNNL_ARG_DIFF_SRC, mem_of(src_md, 14)};
        finish(&p, bwd, a, n, ws, NULL, NULL);
        time_and_print("pool", shape, "bwd", "nhwc", &p);
    }
    dnnl_primitive_attr_destroy(attr);
}

int main(int argc, char **argv) {
    if (argc < 4) {
        fprintf(stderr, "usage: %s conv|pool CSV ID [--n N] [--passes fdw|fb] [--nbatch K] [--fused] [--jit-below C] [--fill java] [--rounds R] [--nan-scan]\n", argv[0]);
        return 2;
    }
    long n = 0, jit_below = 0;
    int fused = 0, rounds = 1, nan_scan = 0;
    const char *passes = strcmp(argv[1], "conv") == 0 ? "fdw" : "fb";
    for (int i = 4; i < argc; i++) {
        if (strcmp(argv[i], "--n") == 0 && i + 1 < argc) n = atol(argv[++i]);
        else if (strcmp(argv[i], "--passes") == 0 && i + 1 < argc) passes = argv[++i];
        else if (strcmp(argv[i], "--nbatch") == 0 && i + 1 < argc) g_nbatch = atoi(argv[++i]);
        else if (strcmp(argv[i], "--fused") == 0) fused = 1;
        else if (strcmp(argv[i], "--nan-scan") == 0) nan_scan = 1;
        else if (strcmp(argv[i], "--rounds") == 0 && i + 1 < argc) rounds = atoi(argv[++i]);
        else if (strcmp(argv[i], "--fill") == 0 && i + 1 < argc) g_java_fill = strcmp(argv[++i], "java") == 0;
        else if (strcmp(argv[i], "--jit-below") == 0 && i + 1 < argc) jit_below = atol(argv[++i]);
    }
    CHECK(dnnl_engine_create(&eng, dnnl_cpu, 0));
    CHECK(dnnl_stream_create(&strm, eng, dnnl_stream_default_flags));
    load_row(argv[2], argv[3]);
    if (strcmp(argv[1], "conv") == 0) conv(argv[3], n, passes, fused, jit_below, rounds);
    else pool(argv[3], passes, nan_scan);
    return 0;
}
