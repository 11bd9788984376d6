package dev.jdnn.onednn;

import dev.jdnn.Backend;
import dev.jdnn.Backends;
import dev.jdnn.BackendConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class OneDnnAgainstNaiveTest {
    private static Backend onednn;
    private static Backend naive;

    @BeforeAll
    static void open() {
        onednn = Backends.open("onednn", new BackendConfig(1));
        naive = Backends.open("naive");
    }

    @AfterAll
    static void close() {
        onednn.close();
        naive.close();
    }

    @Test
    void randomConvolutionsMatchNaiveInEveryPass() {
        RandomOps ops = new RandomOps(1);
        NaiveComparison compare = new NaiveComparison(onednn, naive, 2);
        for (int i = 0; i < 40; i++) {
            RandomOps.ConvCase c = ops.conv();
            compare.conv(c.op(), c.input());
        }
    }

    @Test
    void randomPoolingMatchesNaiveInBothPasses() {
        RandomOps ops = new RandomOps(3);
        NaiveComparison compare = new NaiveComparison(onednn, naive, 4);
        for (int i = 0; i < 60; i++) {
            RandomOps.PoolCase c = ops.pool();
            compare.pool(c.op(), c.input());
        }
    }

    @Test
    void randomDenseLayersMatchNaiveInEveryPass() {
        RandomOps ops = new RandomOps(5);
        NaiveComparison compare = new NaiveComparison(onednn, naive, 6);
        for (int i = 0; i < 30; i++) {
            RandomOps.DenseCase c = ops.dense();
            compare.dense(c.op(), c.batch());
        }
    }
}
