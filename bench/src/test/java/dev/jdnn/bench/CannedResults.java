package dev.jdnn.bench;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

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

    /**
     * The canned JMH output plus a copy of the benchmarks named {@code from} renamed to {@code to},
     * so that the results cover one more pass.
     */
    static RunResults jmhWithCopiedPass(String from, String to) {
        try (InputStream in = CannedResults.class.getResourceAsStream("jmh-result-sample.json")) {
            com.fasterxml.jackson.databind.node.ArrayNode all = (com.fasterxml.jackson.databind.node.ArrayNode)
                    new ObjectMapper().readTree(in);
            List<com.fasterxml.jackson.databind.node.ObjectNode> copies = new ArrayList<>();
            for (com.fasterxml.jackson.databind.JsonNode entry : all) {
                if (entry.path("benchmark").asText().endsWith(from)) {
                    com.fasterxml.jackson.databind.node.ObjectNode copy = entry.deepCopy();
                    copy.put("benchmark", entry.path("benchmark").asText().replace(from, to));
                    copies.add(copy);
                }
            }
            all.addAll(copies);
            return RunResults.parse(all);
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
