package dev.jdnn.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.jdnn.Shape;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the golden data: JSON resources under {@code dev/jdnn/testkit/golden/}, one per op
 * family, written by {@code testkit/golden/generate_golden.py} (PyTorch, float64 from float32
 * inputs). Each file is
 * <pre>{@code
 * { "generator": "...", "torch": "<version>",
 *   "cases": [ { "name": "...",
 *                "op": { ...the op's parameters... },
 *                "labels": [ ... ],                        (cross-entropy only)
 *                "inputs":   { "x": { "shape": [...], "data": [...] }, ... },
 *                "expected": { "y": { "shape": [...], "data": [...],
 *                                     "magnitude": [...], "terms": K }, ... } } ] }
 * }</pre>
 * {@code data} is in memory order: row-major, except the activations ({@code x}, {@code y},
 * {@code dx}, {@code dy}) of a case whose op says {@code "layout": "NHWC"} (PyTorch's
 * channels_last), which are in NHWC order as a jdnn NHWC tensor holds them; {@code shape} is always
 * the logical {@code [n, c, h, w]}. Inputs are float32 values, expected outputs float64.
 * {@code magnitude} (per element {@code Σ|terms|}) and {@code terms} (the reduction length) are
 * given for the outputs of linear ops, whose tolerance they define.
 */
final class GoldenData {
    private static final ObjectMapper JSON = new ObjectMapper();

    private GoldenData() {
    }

    /** The cases of the resource {@code golden/<file>}. */
    static List<GoldenCase> load(String file) {
        String resource = "golden/" + file;
        try (InputStream in = GoldenData.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("golden data " + resource + " not found next to " + GoldenData.class);
            }
            JsonNode root = JSON.readTree(in);
            List<GoldenCase> cases = new ArrayList<>();
            for (JsonNode c : root.get("cases")) {
                cases.add(new GoldenCase(c.get("name").asText(), c.get("op"), tensors(c.get("inputs")),
                        tensors(c.get("expected")), labels(c.get("labels"))));
            }
            return cases;
        } catch (IOException e) {
            throw new UncheckedIOException("golden data " + resource + " could not be read", e);
        }
    }

    private static Map<String, GoldenTensor> tensors(JsonNode node) {
        Map<String, GoldenTensor> tensors = new LinkedHashMap<>();
        var fields = node.fields();
        while (fields.hasNext()) {
            var field = fields.next();
            tensors.put(field.getKey(), tensor(field.getValue()));
        }
        return tensors;
    }

    private static GoldenTensor tensor(JsonNode node) {
        JsonNode dims = node.get("shape");
        int[] shape = new int[dims.size()];
        for (int i = 0; i < shape.length; i++) {
            shape[i] = dims.get(i).asInt();
        }
        JsonNode values = node.get("data");
        double[] data = new double[values.size()];
        for (int i = 0; i < data.length; i++) {
            data[i] = values.get(i).asDouble();
        }
        float[] magnitude = null;
        JsonNode m = node.get("magnitude");
        if (m != null) {
            magnitude = new float[m.size()];
            for (int i = 0; i < magnitude.length; i++) {
                magnitude[i] = (float) m.get(i).asDouble();
            }
        }
        JsonNode terms = node.get("terms");
        return new GoldenTensor(Shape.of(shape), data, magnitude, terms == null ? 0 : terms.asInt());
    }

    private static int[] labels(JsonNode node) {
        if (node == null) {
            return new int[0];
        }
        int[] labels = new int[node.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = node.get(i).asInt();
        }
        return labels;
    }
}
