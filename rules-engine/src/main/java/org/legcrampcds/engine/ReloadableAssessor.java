package org.legcrampcds.engine;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

import org.legcrampcds.model.Assessment;
import org.legcrampcds.model.PatientCase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An assessor whose rules can be replaced while it serves, without a restart: a candidate rule
 * base is built and self-tested first, and swapped in atomically only when both succeed. A failed
 * reload leaves the serving rules untouched and returns the diagnostics. An assessment never mixes
 * rule bases: it runs wholly on the assessor it started with, and its result names that
 * assessor's {@code rulesetVersion}. Thread-safe; reloads are serialised.
 *
 * <pre>{@code
 * ReloadableAssessor service = ReloadableAssessor.serving(CrampAssessor.builder().build());
 * ReloadResult result = service.reload(RuleSource.directory(rules), FixtureCheck.of(List.of(tests)));
 * }</pre>
 */
public final class ReloadableAssessor {

    private static final Logger LOG = LoggerFactory.getLogger(ReloadableAssessor.class);

    private final AtomicReference<CrampAssessor> serving;
    private final Object reloading = new Object();

    private ReloadableAssessor(CrampAssessor initial) {
        this.serving = new AtomicReference<>(initial);
    }

    public static ReloadableAssessor serving(CrampAssessor initial) {
        return new ReloadableAssessor(Objects.requireNonNull(initial, "initial"));
    }

    /**
     * The assessor serving now. A caller that makes several calls for one request (an assessment
     * and its what-ifs, say) takes it once, so that all of them run on the same rules.
     */
    public CrampAssessor current() {
        return serving.get();
    }

    /** Assesses on the rules serving when the call starts. */
    public Assessment assess(PatientCase patientCase) {
        return serving.get().assess(patientCase);
    }

    /**
     * Builds {@code candidate}, runs {@code selfTest} on it, and puts it into service only when both
     * succeed. Assessments already running finish on the rules they started with.
     */
    public ReloadResult reload(RuleSource candidate, SelfTest selfTest) {
        Objects.requireNonNull(candidate, "candidate");
        Objects.requireNonNull(selfTest, "selfTest");
        synchronized (reloading) {
            String before = serving.get().rulesetVersion();
            CrampAssessor built;
            try {
                built = CrampAssessor.on(RuleBase.build(candidate));
            } catch (RuleBaseException e) {
                LOG.warn("reload from {} rejected: {} problem(s); still serving {}", candidate.origin(), e.problems().size(), before);
                return new ReloadResult(false, before, e.problems(), List.of());
            }
            List<String> failures;
            try {
                failures = selfTest.failures(built);
            } catch (RuntimeException e) {
                failures = List.of("the self-test could not run: " + e.getMessage());
            }
            if (!failures.isEmpty()) {
                LOG.warn("reload of {} rejected: {} self-test failure(s); still serving {}", built.rulesetVersion(), failures.size(), before);
                return new ReloadResult(false, before, List.of(), failures);
            }
            serving.set(built);
            LOG.info("rule base {} now serving (was {})", built.rulesetVersion(), before);
            return new ReloadResult(true, built.rulesetVersion(), List.of(), List.of());
        }
    }
}
