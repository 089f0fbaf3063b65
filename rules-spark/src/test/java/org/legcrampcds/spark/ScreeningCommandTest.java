package org.legcrampcds.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line: exit status, and a message naming the problem and its code, never a stack trace. */
@Tag("slow") // runs Spark (skipped by -Dquick)
class ScreeningCommandTest {

    @TempDir
    Path work;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return ScreeningCommand.run(args, new PrintWriter(out), new PrintWriter(err));
    }

    private Path export() {
        Path export = work.resolve("export");
        Exports.write(export.resolve("Patient.ndjson"), List.of(
                "{\"resourceType\":\"Patient\",\"id\":\"p1\",\"gender\":\"male\",\"birthDate\":\"1950-01-01\"}"));
        return export;
    }

    @Test
    void anInputThatIsNotADirectory_isLCC_S001() {
        int status = run("--input", work.resolve("nowhere").toString(), "--output", work.resolve("out").toString());
        assertThat(status).isEqualTo(1);
        assertThat(err.toString()).contains("nowhere: LCC-S001 not a directory").doesNotContain("\tat ");
    }

    @Test
    void aDirectoryWithoutNdjson_isLCC_S001() throws Exception {
        Files.createDirectories(work.resolve("empty"));
        int status = run("--input", work.resolve("empty").toString(), "--output", work.resolve("out").toString());
        assertThat(status).isEqualTo(1);
        assertThat(err.toString()).contains("LCC-S001 no *.ndjson or *.ndjson.gz files");
    }

    @Test
    void anOutputWithResults_isNeverOverwritten_LCC_S008() throws Exception {
        Files.createDirectories(work.resolve("out").resolve("results"));
        int status = run("--input", export().toString(), "--output", work.resolve("out").toString());
        assertThat(status).isEqualTo(1);
        assertThat(err.toString()).contains("LCC-S008 already holds results");
    }

    @Test
    void aBadAsOfDate_isAUsageError() {
        int status = run("--input", export().toString(), "--output", work.resolve("out").toString(), "--as-of", "01/12/2026");
        assertThat(status).isEqualTo(1);
        assertThat(err.toString()).contains("--as-of").contains("01/12/2026").doesNotContain("\tat ");
    }

    @Test
    void aRulesDirectoryThatDoesNotExist_isLCC_R021() {
        int status = run("--input", export().toString(), "--output", work.resolve("out").toString(),
                "--rules", work.resolve("no-rules").toString());
        assertThat(status).isEqualTo(1);
        assertThat(err.toString()).contains("no-rules: LCC-R021 not a directory");
    }

    @Test
    void aCompleteRun_exits0_andSaysWhatItDid() {
        LocalSpark.get();   // shared with the other tests: the command uses it and leaves it running
        int status = run("--input", export().toString(), "--output", work.resolve("out").toString(), "--as-of", "2026-12-01");
        assertThat(status).as(err.toString()).isZero();
        assertThat(out.toString()).contains("1 patients: 1 assessed, 0 rejected; 0 bad lines");
        assertThat(work.resolve("out").resolve(ScreeningJob.SUMMARY)).exists();
    }

    @Test
    void aRunWithABadLine_exits2_withItsResultsWritten() {
        Path export = export();
        Exports.write(export.resolve("Observation.ndjson"), List.of("{oops"));
        LocalSpark.get();
        int status = run("--input", export.toString(), "--output", work.resolve("out").toString(), "--as-of", "2026-12-01");
        assertThat(status).isEqualTo(2);
        assertThat(Exports.results(work.resolve("out"))).containsOnlyKeys("p1");
    }
}
