package dev.jdnn.kernels.vector;

import dev.jdnn.Backend;
import dev.jdnn.Backends;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * What a test of one vector plan class against naive opens once per class: two workers, so the
 * multi-threaded paths run, and the naive backend whose plans give the expected values.
 */
abstract class PlanTestAgainstNaive {
    static WorkerPool pool;
    static Backend naive;

    @BeforeAll
    static void openPoolAndNaive() {
        pool = new WorkerPool(2);
        naive = Backends.open("naive");
    }

    @AfterAll
    static void closePoolAndNaive() {
        pool.close();
        naive.close();
    }
}
