package org.legcrampcds.conformance.safety;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Whether a named test exists, is a test and runs, read from the test sources of every module of a
 * repository ({@code MODULE/src/test/java}): the tests the hazard log names live in many modules,
 * most of which are not on this module's test classpath. A test is a method annotated
 * {@code @Test}, {@code @ParameterizedTest}, {@code @RepeatedTest}, {@code @TestFactory},
 * {@code @TestTemplate} or jqwik's {@code @Property} or {@code @Example}; any {@code @Disabled…}
 * annotation on the method or on its class (outer or nested) means it does not run.
 */
final class SourceTests {

    /** The outcome of looking a test up. */
    enum Status {
        RUNS, NO_CLASS, NO_METHOD, NOT_A_TEST, DISABLED
    }

    private static final Set<String> TEST_ANNOTATIONS = Set.of("Test", "ParameterizedTest", "RepeatedTest", "TestFactory",
            "TestTemplate", "Property", "Example");
    private static final Set<String> MODIFIERS = Set.of("public", "protected", "private", "static", "final", "abstract");

    private final Path repository;

    SourceTests(Path repository) {
        this.repository = repository;
    }

    /**
     * Looks up {@code package.Class#method} (a nested class as {@code package.Outer$Inner#method}).
     *
     * @return what was found, and a description of where (or where not)
     */
    Lookup lookup(String reference) {
        int hash = reference.indexOf('#');
        if (hash < 0) {
            return new Lookup(Status.NO_METHOD, "not of the form package.Class#method");
        }
        String className = reference.substring(0, hash);
        String method = reference.substring(hash + 1);
        String[] nesting = className.split("\\$");
        String relative = nesting[0].replace('.', '/') + ".java";
        List<Path> files = sourceFiles(relative);
        if (files.isEmpty()) {
            return new Lookup(Status.NO_CLASS, "no */src/test/java/" + relative + " in the repository");
        }
        Path file = files.get(0);
        String where = repository.relativize(file).toString();
        String source = read(file);
        for (String name : nesting) {
            Matcher declaration = Pattern.compile("\\bclass\\s+" + Pattern.quote(name.substring(name.lastIndexOf('.') + 1)) + "\\b")
                    .matcher(source);
            if (!declaration.find()) {
                return new Lookup(Status.NO_CLASS, "no class " + name + " in " + where);
            }
            if (disabled(annotationsBefore(source, declaration.start()))) {
                return new Lookup(Status.DISABLED, "class " + name + " is @Disabled in " + where);
            }
        }
        Matcher m = Pattern.compile("\\bvoid\\s+" + Pattern.quote(method) + "\\s*\\(").matcher(source);
        if (!m.find()) {
            return new Lookup(Status.NO_METHOD, "no method " + method + " in " + where);
        }
        String annotations = annotationsBefore(source, m.start());
        if (disabled(annotations)) {
            return new Lookup(Status.DISABLED, method + " is @Disabled in " + where);
        }
        boolean test = Pattern.compile("@([\\w.]+)").matcher(annotations).results()
                .map(r -> r.group(1).substring(r.group(1).lastIndexOf('.') + 1))
                .anyMatch(TEST_ANNOTATIONS::contains);
        if (!test) {
            return new Lookup(Status.NOT_A_TEST, method + " in " + where + " has no test annotation");
        }
        return new Lookup(Status.RUNS, where);
    }

    /**
     * A lookup's outcome.
     *
     * @param status what was found
     * @param detail where it was found, or why not
     */
    record Lookup(Status status, String detail) {
    }

    /**
     * The annotations written before a declaration (its modifiers skipped), read backwards from the
     * {@code void} or {@code class} keyword: each {@code @Name} with its arguments, whose parentheses
     * are matched (an argument may hold a comment or a string with parentheses of its own, if balanced).
     */
    static String annotationsBefore(String source, int keyword) {
        StringBuilder found = new StringBuilder();
        int i = keyword;
        while (true) {
            while (i > 0 && Character.isWhitespace(source.charAt(i - 1))) {
                i--;
            }
            int end = i;
            if (i > 0 && source.charAt(i - 1) == ')') {
                int depth = 0;
                do {
                    i--;
                    char c = source.charAt(i);
                    depth += c == ')' ? 1 : c == '(' ? -1 : 0;
                } while (i > 0 && depth > 0);
            }
            int nameEnd = i;
            while (i > 0 && (Character.isJavaIdentifierPart(source.charAt(i - 1)) || source.charAt(i - 1) == '.')) {
                i--;
            }
            String name = source.substring(i, nameEnd);
            if (i > 0 && source.charAt(i - 1) == '@' && !name.isEmpty()) {
                i--;
                found.insert(0, source, i, end).insert(0, ' ');
            } else if (nameEnd == end && MODIFIERS.contains(name)) {
                continue;   // a modifier between the annotations and the keyword
            } else {
                return found.toString();
            }
        }
    }

    private static boolean disabled(String annotations) {
        return Pattern.compile("@(?:[\\w.]+\\.)?Disabled\\w*\\b").matcher(annotations).find();
    }

    private List<Path> sourceFiles(String relative) {
        try (Stream<Path> modules = Files.list(repository)) {
            return modules.map(module -> module.resolve("src/test/java").resolve(relative)).filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
