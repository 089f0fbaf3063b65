package org.legcrampcds.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * At INFO and above, the driver and the executors (one JVM in local mode) log counts, never a
 * patient id or a value of the record, whether patients are assessed or rejected.
 */
@Tag("slow") // runs Spark (skipped by -Dquick)
class NoPatientDataInLogsTest {

    @TempDir
    Path work;

    @Test
    void aRunLogsNoPatientIdAtInfoOrAbove() throws IOException {
        List<String> templates = new java.util.ArrayList<>(ExportGenerator.templatesIn(Exports.fixtures("fixtures.bundles")));
        templates.addAll(ExportGenerator.templatesIn(Exports.fixtures("fixtures.badBundles")));
        Path export = work.resolve("export");
        ExportGenerator.of(templates).write(40, export, 2, false);
        Exports.write(export.resolve("Observation.bad.ndjson"), List.of("{\"resourceType\":\"Observation\",\"id\":\"x\",\"subject\":{\"reference\":\"Patient/gen-ghost\"}}", "{gen-broken"));

        List<String> logged = new CopyOnWriteArrayList<>();
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        Configuration config = context.getConfiguration();
        AbstractAppender capture = new AbstractAppender("capture", null, null, true, Property.EMPTY_ARRAY) {
            @Override
            public void append(LogEvent event) {
                if (event.getLevel().isMoreSpecificThan(Level.INFO)) {
                    logged.add(event.getLevel() + " " + event.getLoggerName() + " " + event.getMessage().getFormattedMessage()
                            + (event.getThrown() == null ? "" : " " + event.getThrown()));
                }
            }
        };
        capture.start();
        LoggerConfig root = config.getRootLogger();
        Level before = root.getLevel();
        root.addAppender(capture, Level.INFO, null);
        root.setLevel(Level.INFO);
        context.updateLoggers();
        try {
            ScreeningSummary summary = Exports.screen(export, work.resolve("out"));
            assertThat(summary.rejected()).isPositive();
        } finally {
            root.removeAppender("capture");
            root.setLevel(before);
            context.updateLoggers();
        }
        assertThat(logged).anyMatch(line -> line.contains("screened 40 patients"));
        assertThat(logged).noneMatch(line -> line.contains("gen-"))
                .noneMatch(line -> line.contains("Hughes"))
                .noneMatch(line -> line.contains("1959-06-15"));
    }
}
