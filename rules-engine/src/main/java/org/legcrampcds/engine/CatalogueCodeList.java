package org.legcrampcds.engine;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;

/**
 * The finding codes of the clinical catalogue (section 5), transcribed into
 * {@code catalogue-codes.csv}: a rule may only emit one of these. A new code is a change to the
 * catalogue, which is reviewed clinically, not something a rule file can introduce.
 */
final class CatalogueCodeList {

    private static final String RESOURCE = "catalogue-codes.csv";
    private static final Set<String> CODES = read();

    private CatalogueCodeList() {
    }

    static Set<String> codes() {
        return CODES;
    }

    private static Set<String> read() {
        Set<String> codes = new TreeSet<>();
        try (InputStream in = CatalogueCodeList.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the classpath: the library jar is incomplete");
            }
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .filter(line -> !line.startsWith("#") && !line.startsWith("code,") && !line.isBlank())
                    .forEach(line -> codes.add(line.substring(0, line.indexOf(','))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(codes);
    }
}
