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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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

    /** The hash of the rule files the model was compiled from, written by {@link PrecompiledStamp}. */
    static final String STAMP = "META-INF/kie/org.legcrampcds/rules-engine/compiled-from";

    private static final Logger LOG = LoggerFactory.getLogger(PrecompiledRules.class);

    private PrecompiledRules() {
    }

    /**
     * The precompiled KIE base of the built-in rules, or {@code null} when the classpath has none (a
     * DRL-only build) or when it was compiled from other files than {@code files}: the caller then
     * compiles {@code files}, so that the rules run are always those the ruleset version names.
     */
    static KieBase load(List<RuleFile> files) {
        ClassLoader loader = PrecompiledRules.class.getClassLoader();
        String compiledFrom = stamp(loader);
        if (compiledFrom == null) {
            return null;
        }
        if (!compiledFrom.equals(RulesetVersion.hash(files))) {
            LOG.warn("the precompiled rules were compiled from other rule files than those on the classpath"
                    + " (a build that did not run the KIE Maven plugin again?); compiling the rule files instead");
            return null;
        }
        List<Model> models = new ArrayList<>();
        try (InputStream in = loader.getResourceAsStream(MODEL_INDEX)) {
            if (in == null) {
                return null;
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                String name = line.strip();
                if (!name.isEmpty() && !name.startsWith("Drools-Model-Version")) {
                    models.add(Class.forName(name, true, loader).asSubclass(Model.class).getDeclaredConstructor().newInstance());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + MODEL_INDEX, e);
        } catch (ReflectiveOperationException | LinkageError | ClassCastException e) {
            LOG.warn("the precompiled rules named in {} cannot be loaded ({}); compiling the rule files instead", MODEL_INDEX, e.toString());
            return null;
        }
        if (models.isEmpty()) {
            return null;
        }
        KieBaseConfiguration configuration = KieServices.get().newKieBaseConfiguration();
        configuration.setOption(EqualityBehaviorOption.EQUALITY);
        return KieBaseBuilder.createKieBaseFromModel(models, configuration);
    }

    /** The stamp's hash, or {@code null} when there is no stamp or no model beside it. */
    private static String stamp(ClassLoader loader) {
        if (loader.getResource(MODEL_INDEX) == null) {
            return null;
        }
        try (InputStream in = loader.getResourceAsStream(STAMP)) {
            // A model without its stamp cannot be shown to match the files: "" never equals a hash.
            return in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + STAMP, e);
        }
    }
}
