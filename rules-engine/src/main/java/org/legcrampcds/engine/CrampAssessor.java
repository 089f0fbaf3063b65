package org.legcrampcds.engine;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import org.legcrampcds.model.Assessment;
import org.legcrampcds.model.Category;
import org.legcrampcds.model.DataRequired;
import org.legcrampcds.model.PatientCase;
import org.legcrampcds.model.Urgency;

/**
 * Assesses patients against one {@link RuleBase}. Build one with {@link #builder()}, or
 * {@link #on(RuleBase)}, and share it: the rules are compiled and checked once, when the rule base
 * is built, and {@link #assess} is thread-safe (each call runs in sessions no other call sees).
 *
 * <pre>{@code
 * CrampAssessor assessor = CrampAssessor.builder().build();
 * Assessment result = assessor.assess(patientCase);
 * }</pre>
 */
public final class CrampAssessor {

    private final RuleBase ruleBase;
    private final ExecutionStrategy.Kind executionKind;
    private final ExecutionStrategy execution;
    private final AssessmentAssembler assembler;

    private CrampAssessor(RuleBase ruleBase, ExecutionStrategy.Kind execution) {
        this.ruleBase = ruleBase;
        this.executionKind = execution;
        this.execution = execution.on(ruleBase);
        this.assembler = new AssessmentAssembler(ruleBase.catalog(), ruleBase.rulesetVersion());
    }

    public static Builder builder() {
        return new Builder();
    }

    /** An assessor on a rule base already built. */
    public static CrampAssessor on(RuleBase ruleBase) {
        return on(ruleBase, ExecutionStrategy.Kind.BEST);
    }

    /** An assessor that runs its rules with the given strategy: for the tests and benchmarks that compare them. */
    static CrampAssessor on(RuleBase ruleBase, ExecutionStrategy.Kind execution) {
        return new CrampAssessor(Objects.requireNonNull(ruleBase, "ruleBase"), Objects.requireNonNull(execution, "execution"));
    }

    /**
     * Assesses one validated case. The result names this assessor's {@link #rulesetVersion()}.
     *
     * @param patientCase a case built by {@link PatientCase#builder()}, hence already valid
     * @return the findings with their evidence, the withheld advice and the rules that fired
     */
    public Assessment assess(PatientCase patientCase) {
        Objects.requireNonNull(patientCase, "patientCase");
        CaseFacts facts = CaseFacts.of(patientCase);
        List<Firing> firings = execution.fire(facts, RuleGroups.toAssess(patientCase));
        // The red-flag group runs before any later group can add a fact, so the firings above hold
        // exactly the red flags of the record as it stands: the what-ifs are compared with those.
        List<DataRequired> dataRequired = patientCase.isRecordComplete() ? List.of()
                : DataRequiredFinder.find(patientCase, facts, redFlags(firings),
                        whatIf -> redFlags(execution.fire(whatIf, RuleGroups.UP_TO_RED_FLAGS)));
        PartialRecord partial = new PartialRecord(patientCase.isRecordComplete(), dataRequired, patientCase.staleLabs());
        return assembler.assemble(patientCase.id().orElse(null), firings, partial);
    }

    /** How it runs its rules. */
    ExecutionStrategy.Kind executionKind() {
        return executionKind;
    }

    ExecutionStrategy execution() {
        return execution;
    }

    /** The red-flag codes among the firings, with their urgencies. */
    static Map<String, Urgency> redFlags(List<Firing> firings) {
        Map<String, Urgency> codes = new TreeMap<>();
        for (Firing firing : firings) {
            if (firing.rule().category() == Category.RED_FLAG) {
                codes.put(firing.rule().code(), firing.rule().urgency());
            }
        }
        return codes;
    }

    /** The release version and rule-file hash that every result of this assessor names. */
    public String rulesetVersion() {
        return ruleBase.rulesetVersion();
    }

    /** Every rule of the rule base, by id. */
    public List<RuleInfo> rules() {
        return ruleBase.rules();
    }

    /** The rule base this assessor runs. */
    public RuleBase ruleBase() {
        return ruleBase;
    }

    /** Chooses the rule base; {@link #build()} compiles and checks it. Not thread-safe. */
    public static final class Builder {
        private Path rulesDirectory;

        private Builder() {
        }

        /**
         * Uses the rule files directly in {@code directory} instead of the built-in rule base, for
         * example a working copy written by {@code export-rules} (see {@link RuleSource#directory}).
         */
        public Builder rulesFrom(Path directory) {
            this.rulesDirectory = Objects.requireNonNull(directory, "directory");
            return this;
        }

        /**
         * Compiles and checks the rule base.
         *
         * @throws RuleBaseException naming file, line, code and message of every problem found
         */
        public CrampAssessor build() {
            return on(RuleBase.build(rulesDirectory == null ? RuleSource.builtIn() : RuleSource.directory(rulesDirectory)));
        }
    }
}
