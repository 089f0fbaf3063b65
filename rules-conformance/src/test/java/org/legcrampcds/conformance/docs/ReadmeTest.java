package org.legcrampcds.conformance.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.legcrampcds.engine.Engines;

/**
 * The README is the contract with a new user: its Java quick start must compile as written and
 * print exactly the output the README shows, its dependency must name this release, and it must not
 * send a reader to files a clone does not have.
 */
@Tag("slow") // compiles and runs the documentation's programs in JVMs (skipped by -Dquick)
class ReadmeTest {

    private static final Path README = Repository.file("README.md");
    /** The project specification's folder beside a developer's checkout, which a user's clone does not have. */
    static final String SPEC_BESIDE_THE_CLONE = Path.of("..", "shared").toString();

    @TempDir
    Path dir;

    @Test
    void quickStart_compilesAsWritten_andPrintsWhatTheReadmeShows() throws Exception {
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        String source = block(readme, "java", "class QuickStart");
        String shown = block(readme, "text", null);

        Path file = dir.resolve("QuickStart.java");
        Files.writeString(file, source, StandardCharsets.UTF_8);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
        int status = javac.run(null, diagnostics, diagnostics, "-d", dir.toString(),
                "-classpath", System.getProperty("java.class.path"), file.toString());
        assertThat(status).as(diagnostics.toString(StandardCharsets.UTF_8)).isZero();

        assertThat(run(dir)).isEqualTo(shown);
    }

    @Test
    void theDependency_namesThisRelease() throws IOException {
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        String release = Engines.builtIn().rulesetVersion().substring(0, Engines.builtIn().rulesetVersion().indexOf('+'));
        assertThat(readme).contains("<artifactId>rules-engine</artifactId>\n  <version>" + release + "</version>");
    }

    @Test
    void theReadme_needsNothingBesideTheClone() throws IOException {
        assertThat(Files.readString(README, StandardCharsets.UTF_8)).doesNotContain(SPEC_BESIDE_THE_CLONE)
                .doesNotContain("shared/");
    }

    private static String run(Path classes) throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, ReadmeTest.class.getClassLoader());
             PrintStream out = new PrintStream(captured, true, StandardCharsets.UTF_8)) {
            Method main = loader.loadClass("QuickStart").getMethod("main", String[].class);
            System.setOut(out);
            main.invoke(null, (Object) new String[0]);
        } finally {
            System.setOut(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }

    /** The first fenced block of this language (containing {@code marker}, when given). */
    private static String block(String markdown, String language, String marker) {
        Matcher m = Pattern.compile("```" + language + "\\n(.*?)```", Pattern.DOTALL).matcher(markdown);
        while (m.find()) {
            if (marker == null || m.group(1).contains(marker)) {
                return m.group(1);
            }
        }
        throw new AssertionError("README has no ```" + language + " block" + (marker == null ? "" : " with " + marker));
    }

}
