package org.legcrampcds.cli;

import org.legcrampcds.engine.CrampAssessor;

import picocli.CommandLine.IVersionProvider;

/**
 * {@code --version}: the tool's release and the built-in rule base's version, the one every
 * result names, so that a printed result can be matched to the tool that produced it.
 */
final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String release = LegCrampCli.class.getPackage().getImplementationVersion();
        String rules;
        try {
            rules = CrampAssessor.builder().build().rulesetVersion();
        } catch (RuntimeException e) {
            rules = "unavailable (" + String.valueOf(e.getMessage()).lines().findFirst().orElse("") + ")";
        }
        return new String[] {
            LegCrampCli.NAME + " " + (release == null ? "(development build)" : release),
            "built-in rule base " + rules};
    }
}
