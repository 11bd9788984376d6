package dev.jdnn.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class JitWarmUpTest {

    @Test
    void runsAtLeastOneTrainingStepOfEveryNetworkPerBackendAndSaysSo() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        JitWarmUp.run(List.of("onednn"), 0, new PrintStream(out, true, StandardCharsets.UTF_8));
        assertThat(out.toString(StandardCharsets.UTF_8))
                .startsWith("JIT warm-up of onednn: " + NetworkShape.all().size() + " training steps in ");
    }
}
