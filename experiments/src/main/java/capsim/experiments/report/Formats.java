package capsim.experiments.report;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The renderings a command can write, by name ({@code table}, {@code json}, {@code csv},
 * {@code charts}, {@code html} ...), in the order they run. {@code --format} picks some of
 * them; without it a command writes its defaults. Immutable.
 *
 * @param <R> what the writers render
 */
public final class Formats<R> {
    private final Map<String, ResultWriter<R>> writers;
    private final List<String> defaults;

    private Formats(Map<String, ResultWriter<R>> writers, List<String> defaults) {
        this.writers = writers;
        this.defaults = defaults;
    }

    /** An empty set; add writers with {@link #with}. */
    public static <R> Formats<R> none() {
        return new Formats<>(Map.of(), List.of());
    }

    /** This set and {@code writer} under {@code name}, written by default when {@code byDefault}. */
    public Formats<R> with(String name, boolean byDefault, ResultWriter<R> writer) {
        if (writers.containsKey(name)) {
            throw new IllegalArgumentException("format '" + name + "' given twice");
        }
        Map<String, ResultWriter<R>> more = new LinkedHashMap<>(writers);
        more.put(name, writer);
        List<String> moreDefaults = new ArrayList<>(defaults);
        if (byDefault) {
            moreDefaults.add(name);
        }
        return new Formats<>(more, List.copyOf(moreDefaults));
    }

    /** This set rendering a larger result {@code S} through the part {@code R} of it. */
    public <S> Formats<S> of(Function<S, R> part) {
        Map<String, ResultWriter<S>> adapted = new LinkedHashMap<>();
        writers.forEach((name, w) -> adapted.put(name, (result, to) -> w.write(part.apply(result), to)));
        return new Formats<>(adapted, defaults);
    }

    /** Every writer of {@code other} after those of this set. */
    public Formats<R> and(Formats<R> other) {
        Formats<R> all = this;
        for (Map.Entry<String, ResultWriter<R>> e : other.writers.entrySet()) {
            all = all.with(e.getKey(), other.defaults.contains(e.getKey()), e.getValue());
        }
        return all;
    }

    /** The names, in the order the writers run. */
    public List<String> names() {
        return List.copyOf(writers.keySet());
    }

    /** The names written when none are picked. */
    public List<String> defaults() {
        return defaults;
    }

    /**
     * The writers named in {@code picked} (in this set's order), or the defaults when it is empty;
     * {@code all} picks every one.
     *
     * @throws IllegalArgumentException naming an unknown format and the known ones
     */
    public Formats<R> select(List<String> picked) {
        if (picked.isEmpty()) {
            return select(defaults);
        }
        List<String> names = picked.contains("all") ? names() : picked;
        for (String name : names) {
            if (!writers.containsKey(name)) {
                throw new IllegalArgumentException("unknown format '" + name + "'; known: "
                        + String.join(", ", names()) + ", all");
            }
        }
        Map<String, ResultWriter<R>> chosen = new LinkedHashMap<>();
        writers.forEach((name, w) -> {
            if (names.contains(name)) {
                chosen.put(name, w);
            }
        });
        return new Formats<>(chosen, List.copyOf(chosen.keySet()));
    }

    /** Whether {@code name} is in this set. */
    public boolean has(String name) {
        return writers.containsKey(name);
    }

    /** Runs every writer of this set on {@code result}, in order. */
    public void write(R result, Destination to) throws IOException {
        for (ResultWriter<R> w : writers.values()) {
            w.write(result, to);
        }
    }
}
