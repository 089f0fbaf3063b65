package org.legcrampcds.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/**
 * Review defect (release 2.2): with {@code version.properties} missing from the jar, every result
 * silently named its rule base {@code unknown+hash}, so it could no longer be traced to a release.
 * The rule base now refuses to build, with code LCC-R023.
 */
class ReleaseVersionRegressionTest {

    @Test
    void aMissingVersionFile_failsTheBuild() {
        assertThatThrownBy(() -> RulesetVersion.releaseVersion(() -> null))
                .isInstanceOf(RuleBaseException.class)
                .satisfies(RuleBaseTest.hasProblem(RuleDiagnostic.MISSING_RELEASE_VERSION));
    }

    @Test
    void anUnfilteredOrEmptyVersion_failsTheBuild() {
        for (String content : new String[] {"version=${project.version}", "version=", "other=1"}) {
            assertThatThrownBy(() -> RulesetVersion.releaseVersion(
                    () -> new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8))))
                    .as(content)
                    .satisfies(RuleBaseTest.hasProblem(RuleDiagnostic.MISSING_RELEASE_VERSION));
        }
    }

    @Test
    void thePackagedVersion_isTheRelease() {
        assertThat(Engines.builtIn().rulesetVersion()).startsWith(RulesetVersion.releaseVersion(
                () -> RulesetVersion.class.getResourceAsStream(RulesetVersion.RESOURCE)) + "+");
    }
}
