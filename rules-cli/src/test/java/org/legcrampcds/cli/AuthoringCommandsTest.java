package org.legcrampcds.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * export-rules, validate, check and coverage as a rule author runs them: the exported copy is a
 * working rule base, an edited threshold changes outcomes and version, and a broken copy is rejected
 * at the line of the mistake with its code.
 */
class AuthoringCommandsTest {

    /** The example cases of rules-examples, unpacked by the build (pom.xml, maven-dependency-plugin). */
    static final String CASES = "target/examples/cases";

    @TempDir
    Path dir;

    private Path rules;

    private record Result(int status, String out, String err) {
    }

    @BeforeEach
    void export() {
        rules = dir.resolve("my-rules");
        Result exported = run("export-rules", rules.toString());
        assertThat(exported.status()).as(exported.err()).isZero();
    }

    @Test
    void exportedCopy_validatesClean_andChecksLikeTheBuiltInRules() {
        assertThat(rules.resolve("thresholds.csv")).exists();
        assertThat(rules.resolve("sources.csv")).exists();
        Result validate = run("validate", rules.toString());
        assertThat(validate.status()).as(validate.out() + validate.err()).isZero();
        assertThat(validate.out()).isEmpty();

        Result check = run("check", "--rules", rules.toString(), CASES);
        assertThat(check.status()).as(check.out()).isZero();
        assertThat(check.out()).contains("checked 177 fixtures").contains("177 matched, 0 differed");
    }

    @Test
    void exportNeverOverwrites() {
        Result again = run("export-rules", rules.toString());
        assertThat(again.status()).isEqualTo(1);
        assertThat(again.err()).contains("already exists");
    }

    @Test
    void editedThreshold_failsTheFixturesOnIt_andNamesANewVersion() throws IOException {
        Path csv = rules.resolve("thresholds.csv");
        Files.writeString(csv, Files.readString(csv).replace("K_LOW,POTASSIUM,<,3.5,", "K_LOW,POTASSIUM,<,3.0,"));

        Result check = run("check", "--rules", rules.toString(), CASES);
        assertThat(check.status()).isEqualTo(1);
        assertThat(check.out()).contains("CAUSE_HYPOKALAEMIA.fires.json: CAUSE_HYPOKALAEMIA: expected in findings, not produced");
        Result builtIn = run("check", CASES);
        assertThat(versionIn(check.out())).isNotEqualTo(versionIn(builtIn.out()));
    }

    @Test
    void brokenCopy_isRejectedByValidate_atTheLineOfEachMistake() throws IOException {
        Path csv = rules.resolve("thresholds.csv");
        Files.writeString(csv, Files.readString(csv).replace("K_LOW,POTASSIUM,<,3.5,", "K_LOW,POTASSIUM,<,3,5,"));
        Path causes = rules.resolve("30-causes.drl");
        Files.writeString(causes, Files.readString(causes).replace("Indicator( state == State.MG_LOW )", "Indicator( state == State.MG_LO )"));

        Result validate = run("validate", rules.toString());

        assertThat(validate.status()).isEqualTo(1);
        assertThat(validate.out()).containsPattern("(?m)^thresholds\\.csv:2: LCC-R024 ")
                .containsPattern("(?m)^30-causes\\.drl:\\d+: LCC-R036 State\\.MG_LO ");
        assertThat(validate.err()).containsPattern(": \\d+ problems?\\R").doesNotContain("(s)");
    }

    @Test
    void coverage_ofTheExampleCases_firesEveryRule_andWritesItsPage() {
        Path html = dir.resolve("coverage.html");
        Result coverage = run("coverage", CASES, "--fail-under", "100", "--html", html.toString());
        assertThat(coverage.status()).as(coverage.err()).isZero();
        assertThat(coverage.out()).contains("rules never fired: []").contains("codes never produced: []");
        assertThat(html).exists();
    }

    @Test
    void coverage_belowFailUnder_exits1() throws IOException {
        Path one = dir.resolve("one");
        Files.createDirectories(one);
        Files.copy(Path.of(CASES, "CAUSE_AGE.fires.json"), one.resolve("CAUSE_AGE.fires.json"));
        Result coverage = run("coverage", one.toString(), "--fail-under", "90");
        assertThat(coverage.status()).isEqualTo(1);
        assertThat(coverage.err()).startsWith("leg-cramp-cds: LCC-C006 ").contains("under --fail-under 90.0%");
        assertThat(coverage.out()).contains("1 case assessed");
        assertThat(coverage.out()).contains("NEVER FIRED");
    }

    @Test
    void missingPaths_andDirectories_failWithAMessage_notAStackTrace() {
        Result check = run("check", dir.resolve("nope").toString());
        assertThat(check.status()).isEqualTo(1);
        assertThat(check.err()).startsWith("leg-cramp-cds: LCC-C001 ").contains("nope").doesNotContain("Exception");
        Result validate = run("validate", dir.resolve("nope").toString());
        assertThat(validate.status()).isEqualTo(1);
        assertThat(validate.err()).contains("LCC-R021");
    }

    private static String versionIn(String checkOutput) {
        return checkOutput.replaceAll("(?s).*on rule base (\\S+):.*", "$1");
    }

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = LegCrampCli.run(args, new ByteArrayInputStream(new byte[0]), new PrintWriter(out), new PrintWriter(err));
        return new Result(status, out.toString(), err.toString());
    }
}
