package org.legcrampcds.engine;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.function.Supplier;

/**
 * {@code rulesetVersion}: the library's release version plus the first 12 hex digits of a SHA-256
 * over the rule files' names and contents in name order, so that any edit to a rule or a text
 * gives a new version and every result can be traced to the exact rule base that produced it.
 */
final class RulesetVersion {

    static final String RESOURCE = "version.properties";

    private RulesetVersion() {
    }

    static String of(List<RuleFile> files) {
        return releaseVersion(() -> RulesetVersion.class.getResourceAsStream(RESOURCE)) + "+" + hash(files);
    }

    static String hash(List<RuleFile> files) {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
        files.stream().sorted(Comparator.comparing(RuleFile::name)).forEach(file -> {
            sha256.update(file.name().getBytes(StandardCharsets.UTF_8));
            sha256.update((byte) 0);
            sha256.update(file.bytes());
            sha256.update((byte) 0);
        });
        return HexFormat.of().formatHex(sha256.digest()).substring(0, 12);
    }

    /**
     * The version Maven filtered into {@code version.properties} at build time. Without it a result
     * could not say which release produced it, so its absence fails the build of the rule base.
     */
    static String releaseVersion(Supplier<InputStream> resource) {
        try (InputStream in = resource.get()) {
            if (in == null) {
                throw missing("is not on the classpath");
            }
            Properties properties = new Properties();
            properties.load(in);
            String version = properties.getProperty("version", "").strip();
            if (version.isEmpty() || version.startsWith("${")) {
                throw missing("has no version");
            }
            return version;
        } catch (IOException e) {
            throw new RuleBaseException(RESOURCE, RuleDiagnostic.MISSING_RELEASE_VERSION, "unreadable: " + e.getMessage(), e);
        }
    }

    private static RuleBaseException missing(String what) {
        return new RuleBaseException(RESOURCE, RuleDiagnostic.MISSING_RELEASE_VERSION,
                RESOURCE + " " + what + ": the library jar is incomplete", null);
    }
}
