package org.legcrampcds.engine;

import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.runtime.KieContainer;

/**
 * The built-in rules as the executable model the KIE Maven plugin compiled at build time
 * ({@code META-INF/kmodule.xml}): loading it costs a fraction of compiling the DRL at start, and
 * its constraints are Java lambdas instead of interpreted MVEL. A rule directory (working copy,
 * {@code --rules DIR}) is still compiled at run time by {@link RuleBaseCompiler}; a test proves the
 * two give the same results for the built-in rules.
 */
final class PrecompiledRules {

    /** The KIE base of {@code META-INF/kmodule.xml}. */
    static final String KIE_BASE = "leg-cramp-built-in";

    private PrecompiledRules() {
    }

    /** The precompiled KIE base of the built-in rules, or {@code null} when the jar has none (a DRL-only build). */
    static KieBase load() {
        KieContainer container = KieServices.get().getKieClasspathContainer(PrecompiledRules.class.getClassLoader());
        if (!container.getKieBaseNames().contains(KIE_BASE)) {
            return null;
        }
        return container.getKieBase(KIE_BASE);
    }
}
