package org.legcrampcds.engine;

import java.util.ArrayList;
import java.util.List;

import org.kie.api.KieBase;
import org.kie.api.KieBaseConfiguration;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.conf.EqualityBehaviorOption;

/**
 * Compiles DRL files into a KieBase once, at engine build time. Facts are compared by equality,
 * so a finding or indicator established twice is one fact.
 */
final class RuleBaseCompiler {

    /** Where KieFileSystem expects the DRL package's files (trap: a path not matching the package only warns). */
    private static final String PACKAGE_PATH = "src/main/resources/" + RuleFiles.BUILT_IN_FOLDER + "/";

    private RuleBaseCompiler() {
    }

    static KieBase compile(List<RuleFile> files) {
        List<RuleFile> drl = files.stream().filter(RuleFile::isDrl).toList();
        if (drl.isEmpty()) {
            throw new RuleBaseException(List.of(new RuleProblem("(rule base)", 0, RuleDiagnostic.NO_RULES, "no .drl files")));
        }
        KieServices services = KieServices.get();
        KieFileSystem fileSystem = services.newKieFileSystem();
        drl.forEach(f -> fileSystem.write(PACKAGE_PATH + f.name(), f.bytes()));
        KieBuilder builder = services.newKieBuilder(fileSystem).buildAll();
        List<RuleProblem> problems = new ArrayList<>();
        for (Message message : builder.getResults().getMessages(Message.Level.ERROR)) {
            problems.add(new RuleProblem(fileName(message.getPath()), message.getLine(), RuleDiagnostic.DRL_COMPILE_ERROR,
                    oneLine(message.getText())));
        }
        if (!problems.isEmpty()) {
            throw new RuleBaseException(problems);
        }
        KieBaseConfiguration configuration = services.newKieBaseConfiguration();
        configuration.setOption(EqualityBehaviorOption.EQUALITY);
        return services.newKieContainer(builder.getKieModule().getReleaseId()).newKieBase(configuration);
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
