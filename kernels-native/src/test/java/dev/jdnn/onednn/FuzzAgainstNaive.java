package dev.jdnn.onednn;

import dev.jdnn.Backend;
import dev.jdnn.BackendConfig;
import dev.jdnn.Backends;

/**
 * Runs {@code count} random valid configurations (a third each convolution, pooling, dense; every
 * pass) on {@code onednn} and {@code naive} and exits 0 when all agree. Meant to run in a forked
 * JVM: a native crash then fails one test instead of killing the run, and the last "case" line
 * printed names the configuration that crashed.
 *
 * <p>Arguments: {@code count seed}.
 */
public final class FuzzAgainstNaive {
    private FuzzAgainstNaive() {
    }

    public static void main(String[] args) {
        int count = Integer.parseInt(args[0]);
        long seed = Long.parseLong(args[1]);
        RandomOps ops = new RandomOps(seed);
        try (Backend onednn = Backends.open("onednn", new BackendConfig(1));
             Backend naive = Backends.open("naive")) {
            NaiveComparison compare = new NaiveComparison(onednn, naive, seed + 1);
            for (int i = 0; i < count; i++) {
                switch (i % 3) {
                    case 0 -> {
                        RandomOps.ConvCase c = ops.conv();
                        System.out.println("case " + i + ": " + c.op() + " " + c.input());
                        compare.conv(c.op(), c.input());
                    }
                    case 1 -> {
                        RandomOps.PoolCase c = ops.pool();
                        System.out.println("case " + i + ": " + c.op() + " " + c.input());
                        compare.pool(c.op(), c.input());
                    }
                    default -> {
                        RandomOps.DenseCase c = ops.dense();
                        System.out.println("case " + i + ": " + c.op() + " batch " + c.batch());
                        compare.dense(c.op(), c.batch());
                    }
                }
            }
        }
        System.out.println("checked " + count + " configurations");
    }
}
