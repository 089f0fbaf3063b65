package org.legcrampcds.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Review defect (release 2.2): building two assessors at once from the library jar crashed. The
 * built-in rules were read through the jar's zip file system, opened by URI and so shared JVM-wide;
 * the first build to finish closed it under the other, whose read then failed with a
 * {@code ClosedFileSystemException} that was not even a {@link RuleBaseException}. Here the rules
 * are read from a real jar by many threads at once: every read must see all the files.
 */
class ConcurrentJarBuildRegressionTest {

    @TempDir
    Path dir;

    @Test
    void manyThreadsReadTheBuiltInRulesFromOneJarAtOnce() throws Exception {
        List<RuleFile> expected = RuleFiles.builtIn();
        Path jar = jarOf(expected);
        int threads = 8;
        int readsPerThread = 25;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            List<Future<List<List<RuleFile>>>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                Callable<List<List<RuleFile>>> reads = () -> {
                    start.await();
                    List<List<RuleFile>> seen = new ArrayList<>();
                    for (int i = 0; i < readsPerThread; i++) {
                        seen.add(RuleFiles.builtIn(loader));
                    }
                    return seen;
                };
                results.add(pool.submit(reads));
            }
            start.countDown();
            for (Future<List<List<RuleFile>>> result : results) {
                assertThat(result.get(60, TimeUnit.SECONDS)).allSatisfy(files -> assertThat(files).isEqualTo(expected));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void twoAssessorsBuiltAtOnce_bothWork() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<CrampAssessor> a = pool.submit(() -> CrampAssessor.builder().build());
            Future<CrampAssessor> b = pool.submit(() -> CrampAssessor.builder().build());
            assertThat(a.get(120, TimeUnit.SECONDS).rulesetVersion()).isEqualTo(b.get(120, TimeUnit.SECONDS).rulesetVersion());
        } finally {
            pool.shutdownNow();
        }
    }

    private Path jarOf(List<RuleFile> files) throws IOException {
        Path jar = dir.resolve("rules.jar");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream zip = new JarOutputStream(out)) {
            for (RuleFile file : files) {
                zip.putNextEntry(new JarEntry(RuleFiles.BUILT_IN_FOLDER + "/" + file.name()));
                zip.write(file.bytes());
                zip.closeEntry();
            }
        }
        return jar;
    }
}
