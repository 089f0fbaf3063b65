package org.legcrampcds.engine;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.Agenda;
import org.legcrampcds.model.Assessment;
import org.legcrampcds.model.Category;
import org.legcrampcds.model.DataRequired;
import org.legcrampcds.model.PatientCase;
import org.legcrampcds.model.Urgency;
import org.legcrampcds.rules.Thresholds;

/**
 * Assesses patients against one {@link RuleBase}. Build one with {@link #builder()}, or
 * {@link #on(RuleBase)}, and share it: the rules are compiled and checked once, when the rule base
 * is built, and {@link #assess} is thread-safe (each call runs in sessions of its own).
 *
 * <pre>{@code
 * CrampAssessor assessor = CrampAssessor.builder().build();
 * Assessment result = assessor.assess(patientCase);
 * }</pre>
 */
public final class CrampAssessor {

    private final RuleBase ruleBase;
    private final KieBase kieBase;
    private final RuleCatalog catalog;
    private final AssessmentAssembler assembler;
    /** Whether the DRL declares the thresholds global: a session rejects a global it does not declare. */
    private final boolean readsThresholds;

    private CrampAssessor(RuleBase ruleBase) {
        this.ruleBase = ruleBase;
        this.kieBase = ruleBase.kieBase();
        this.catalog = ruleBase.catalog();
        this.assembler = new AssessmentAssembler(catalog, ruleBase.rulesetVersion());
        this.readsThresholds = kieBase.getKiePackages().stream()
                .anyMatch(p -> p.getGlobalVariables().stream().anyMatch(g -> g.getName().equals(Thresholds.GLOBAL)));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** An assessor on a rule base already built. */
    public static CrampAssessor on(RuleBase ruleBase) {
        return new CrampAssessor(Objects.requireNonNull(ruleBase, "ruleBase"));
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
        // Self-care is safe only when every red flag and interlock could be checked (catalogue 11.3).
        List<Firing> firings = fire(facts, patientCase.safetyInputsRecorded() ? RuleGroups.IN_ORDER : RuleGroups.WITHOUT_SELF_CARE);
        List<DataRequired> dataRequired = patientCase.isRecordComplete() ? List.of()
                : DataRequiredFinder.find(patientCase, whatIf -> redFlags(fire(whatIf, RuleGroups.UP_TO_RED_FLAGS)));
        PartialRecord partial = new PartialRecord(patientCase.isRecordComplete(), dataRequired, patientCase.staleLabs());
        return assembler.assemble(patientCase.id().orElse(null), firings, partial);
    }

    /** Runs the given rule groups, in order, over one set of facts in a session of its own. */
    private List<Firing> fire(CaseFacts facts, List<String> groups) {
        KieSession session = kieBase.newKieSession();
        try {
            FiringRecorder recorder = new FiringRecorder(session, catalog);
            session.addEventListener(recorder);
            if (readsThresholds) {
                session.setGlobal(Thresholds.GLOBAL, ruleBase.thresholdTable());
            }
            insertFacts(session, facts);
            Agenda agenda = session.getAgenda();
            // Focus is a stack: push the last group first so that the first one runs first.
            for (int i = groups.size() - 1; i >= 0; i--) {
                agenda.getAgendaGroup(groups.get(i)).setFocus();
            }
            session.fireAllRules();
            return recorder.firings();
        } finally {
            session.dispose();
        }
    }

    /** The red-flag codes among the firings, with their urgencies. */
    private static Map<String, Urgency> redFlags(List<Firing> firings) {
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

    private static void insertFacts(KieSession session, CaseFacts c) {
        session.insert(c.patient());
        session.insert(c.cramps());
        session.insert(c.history());
        c.symptoms().forEach(session::insert);
        c.conditions().forEach(session::insert);
        c.medications().forEach(session::insert);
        c.labs().forEach(session::insert);
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
