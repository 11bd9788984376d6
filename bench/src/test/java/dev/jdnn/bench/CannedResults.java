package dev.jdnn.bench;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;

/** The canned JMH output and oneDNN-from-C results under {@code src/test/resources/dev/jdnn/bench}. */
final class CannedResults {
    private CannedResults() {
    }

    static RunResults jmh() {
        try (InputStream in = CannedResults.class.getResourceAsStream("jmh-result-sample.json")) {
            return RunResults.parse(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static AnchorResults anchor() {
        try {
            return AnchorResults.load(Path.of(CannedResults.class.getResource("anchor").toURI()));
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
