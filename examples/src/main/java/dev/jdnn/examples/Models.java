package dev.jdnn.examples;

import java.util.List;
import java.util.function.Function;

/** The models {@code --model} names, and how each is built. */
final class Models {
    private record Entry(String name, Function<ModelOptions, Model> factory) {
    }

    private static final List<Entry> ALL = List.of(new Entry(LeNet5.NAME, LeNet5::create),
            new Entry(LeNet5Bn.NAME, LeNet5Bn::create), new Entry(CifarNet.NAME, CifarNet::create));

    private Models() {
    }

    /** Every name {@code --model} takes, in help order. */
    static List<String> names() {
        return ALL.stream().map(Entry::name).toList();
    }

    /** The model named {@code name}, built as {@code options} say. */
    static Model create(String name, ModelOptions options) {
        for (Entry e : ALL) {
            if (e.name().equals(name)) {
                return e.factory().apply(options);
            }
        }
        throw new IllegalArgumentException("--model: expected one of " + String.join(", ", names()) + ", got '" + name
                + "'");
    }
}
