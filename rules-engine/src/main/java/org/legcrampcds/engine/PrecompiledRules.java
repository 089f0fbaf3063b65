package org.legcrampcds.engine;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.drools.model.Model;
import org.drools.modelcompiler.KieBaseBuilder;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.KieBaseConfiguration;
import org.kie.api.conf.EqualityBehaviorOption;

/**
 * The built-in rules as the executable model the KIE Maven plugin compiled when the library was
 * built ({@code META-INF/kmodule.xml}): loading it costs a fraction of compiling the DRL, and its
 * constraints are Java lambdas instead of interpreted MVEL. A rule directory ({@code --rules DIR})
 * is still compiled at run time by {@link RuleBaseCompiler}.
 *
 * <p>The model classes are loaded directly from the index the plugin writes, not through
 * {@code KieServices.getKieClasspathContainer()}: in a fat jar the classpath container takes the
 * whole jar for the rule module and reads all of it (measured: 8.5 s and 845 MB for one case).
 */
final class PrecompiledRules {

    /** The plugin's index of the generated model classes: a version line, then one class name per line. */
    static final String MODEL_INDEX = "META-INF/kie/org.legcrampcds/rules-engine/drools-model";

    private PrecompiledRules() {
    }

    /** The precompiled KIE base of the built-in rules, or {@code null} when the jar has none (a DRL-only build). */
    static KieBase load() {
        ClassLoader loader = PrecompiledRules.class.getClassLoader();
        List<Model> models = new ArrayList<>();
        try (InputStream in = loader.getResourceAsStream(MODEL_INDEX)) {
            if (in == null) {
                return null;
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                String name = line.strip();
                if (!name.isEmpty() && !name.startsWith("Drools-Model-Version")) {
                    models.add((Model) Class.forName(name, true, loader).getDeclaredConstructor().newInstance());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + MODEL_INDEX, e);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the executable model named in " + MODEL_INDEX + " cannot be loaded", e);
        }
        KieBaseConfiguration configuration = KieServices.get().newKieBaseConfiguration();
        configuration.setOption(EqualityBehaviorOption.EQUALITY);
        return KieBaseBuilder.createKieBaseFromModel(models, configuration);
    }
}
