package org.legcrampcds.engine;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.legcrampcds.model.Category;
import org.legcrampcds.model.Urgency;

/**
 * The catalogue's own table of finding codes (section 5: code, category, urgency), transcribed into
 * {@code org/legcrampcds/engine/catalogue-codes.csv} (a main resource, which the lint of {@code validate} reads too) independently of the rule files. Tests compare the engine with this,
 * never with the metadata the engine itself reads, and derive their counts from it.
 */
public final class CatalogueCodes {

    /** One row of the table. */
    public record Code(String code, Category category, Urgency urgency) {
    }

    private static final Map<String, Code> CODES = read();

    private CatalogueCodes() {
    }

    /** Every code of the catalogue, by code. */
    public static Map<String, Code> all() {
        return CODES;
    }

    /** The catalogue's urgency of a code. */
    public static Urgency urgencyOf(String code) {
        Code row = CODES.get(code);
        if (row == null) {
            throw new IllegalArgumentException(code + " is not a catalogue code");
        }
        return row.urgency();
    }

    /** The codes of one category. */
    public static Set<String> inCategory(Category category) {
        return CODES.values().stream().filter(c -> c.category() == category).map(Code::code)
                .collect(Collectors.toCollection(java.util.TreeSet::new));
    }

    private static Map<String, Code> read() {
        Map<String, Code> codes = new TreeMap<>();
        try (InputStream in = CatalogueCodes.class.getResourceAsStream("/org/legcrampcds/engine/catalogue-codes.csv");
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            reader.lines().filter(line -> !line.startsWith("#") && !line.startsWith("code,") && !line.isBlank())
                    .map(line -> line.split(","))
                    .forEach(f -> codes.put(f[0], new Code(f[0], Category.valueOf(f[1]), Urgency.valueOf(f[2]))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(codes);
    }
}
