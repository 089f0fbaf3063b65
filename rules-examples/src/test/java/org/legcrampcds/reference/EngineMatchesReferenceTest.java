package org.legcrampcds.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.node.ObjectNode;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

import org.legcrampcds.engine.Engines;
import org.legcrampcds.json.CaseReader;
import org.legcrampcds.model.ReadResult;
import org.legcrampcds.model.Assessment;
import org.legcrampcds.model.Finding;
import org.legcrampcds.model.Suppression;

/**
 * The Drools engine against the independent plain-Java reference evaluator of catalogue v2.2, over
 * random valid cases: complete and partial records, current and aged labs, every unit. The whole
 * outcome must be equal: findings in order, what was withheld and by what, the highest urgency,
 * {@code dataRequired}, {@code staleLabs} and {@code recordComplete}.
 */
class EngineMatchesReferenceTest {

    @Property(tries = 2000)
    void theEngineGivesTheReferenceResult(@ForAll long seed) throws Exception {
        ObjectNode caseJson = RandomCaseJson.generate(new Random(seed));
        String text = ReferenceEvaluator.MAPPER.writeValueAsString(caseJson);

        ReadResult read = CaseReader.read(text, "random");
        assertThat(read).as("a valid generated case is accepted: %s", text).isInstanceOf(ReadResult.Accepted.class);
        Assessment engine = Engines.builtIn().assess(((ReadResult.Accepted) read).patientCase());
        ReferenceResult reference = ReferenceEvaluator.evaluate(ReferenceEvaluator.parse(text));

        assertThat(engine.codes()).as("findings of %s", text).isEqualTo(reference.findings());
        assertThat(suppressed(engine)).as("suppressed of %s", text).isEqualTo(reference.suppressed());
        assertThat(engine.highestUrgency().name()).as("highestUrgency of %s", text).isEqualTo(reference.highestUrgency());
        assertThat(engine.dataRequired()).as("dataRequired of %s", text)
                .extracting(q -> new DataRequired(q.input(), q.forCodes())).isEqualTo(reference.dataRequired());
        assertThat(engine.staleLabs()).as("staleLabs of %s", text)
                .extracting(s -> new StaleLab(s.test().name(), s.daysSinceTaken(), s.maxDays()))
                .isEqualTo(reference.staleLabs());
        assertThat(engine.recordComplete()).as("recordComplete of %s", text).isEqualTo(reference.recordComplete());
        assertThat(engine.findings()).extracting(Finding::code).doesNotHaveDuplicates();
    }

    private static Map<String, List<String>> suppressed(Assessment assessment) {
        Map<String, List<String>> byCode = new TreeMap<>();
        for (Suppression s : assessment.suppressed()) {
            byCode.put(s.code(), s.suppressedBy());
        }
        return byCode;
    }
}
