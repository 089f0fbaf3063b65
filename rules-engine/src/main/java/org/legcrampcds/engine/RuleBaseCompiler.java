package org.legcrampcds.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.kie.api.KieBase;
import org.kie.api.KieBaseConfiguration;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.builder.model.KieModuleModel;
import org.kie.api.conf.EqualityBehaviorOption;
import org.kie.internal.builder.conf.PropertySpecificOption;

/**
 * Compiles DRL files into a KieBase once, at engine build time. Facts are compared by equality,
 * so a finding or indicator established twice is one fact. Each build is a KIE module of its own
 * release id, taken out of Drools' JVM-wide repository as soon as its KieBase exists: under the
 * default release id, two builds at once (or any other Drools user of the JVM) could swap modules,
 * and an assessor would run rules other than those its {@code rulesetVersion} names.
 */
final class RuleBaseCompiler {

    /** Where KieFileSystem expects the DRL package's files (trap: a path not matching the package only warns). */
    private static final String PACKAGE_PATH = "src/main/resources/" + RuleFiles.BUILT_IN_FOLDER + "/";

    /** The group of every build's own release id. */
    private static final String GROUP = "org.legcrampcds.rulebase";

    private RuleBaseCompiler() {
    }

    /**
     * Compiles the DRL files; every build error is added to {@code problems}.
     *
     * @return the KieBase, or {@code null} when the DRL does not compile
     */
    static KieBase compile(List<RuleFile> files, List<RuleProblem> problems) {
        List<RuleFile> drl = files.stream().filter(RuleFile::isDrl).toList();
        if (drl.isEmpty()) {
            problems.add(new RuleProblem("(rule base)", 0, RuleDiagnostic.NO_RULES, "no .drl files"));
            return null;
        }
        KieServices services = KieServices.get();
        ReleaseId releaseId = services.newReleaseId(GROUP, "rule-base-" + UUID.randomUUID(), "1.0.0");
        KieFileSystem fileSystem = services.newKieFileSystem().generateAndWritePomXML(releaseId);
        // Facts are inserted, never modified, so property reactivity buys nothing; without it Drools
        // would warn of "class reactivity" at every constraint that calls the thresholds global.
        KieModuleModel module = services.newKieModuleModel();
        module.setConfigurationProperty(PropertySpecificOption.PROPERTY_NAME, PropertySpecificOption.ALLOWED.name());
        fileSystem.writeKModuleXML(module.toXML());
        drl.forEach(f -> fileSystem.write(PACKAGE_PATH + f.name(), f.bytes()));
        KieBuilder builder = services.newKieBuilder(fileSystem).buildAll();
        List<RuleProblem> errors = new ArrayList<>();
        for (Message message : builder.getResults().getMessages(Message.Level.ERROR)) {
            errors.add(new RuleProblem(fileName(message.getPath()), message.getLine(), RuleDiagnostic.DRL_COMPILE_ERROR,
                    oneLine(message.getText())));
        }
        try {
            if (!errors.isEmpty()) {
                problems.addAll(errors);
                return null;
            }
            KieBaseConfiguration configuration = services.newKieBaseConfiguration();
            configuration.setOption(EqualityBehaviorOption.EQUALITY);
            return services.newKieContainer(releaseId).newKieBase(configuration);
        } finally {
            services.getRepository().removeKieModule(releaseId);
        }
    }

    private static String fileName(String path) {
        if (path == null || path.isEmpty()) {
            return "(rule base)";
        }
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
