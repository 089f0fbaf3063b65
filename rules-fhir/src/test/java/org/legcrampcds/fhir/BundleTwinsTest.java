package org.legcrampcds.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.legcrampcds.engine.CrampAssessor;
import org.legcrampcds.json.AssessmentJson;
import org.legcrampcds.json.CaseReader;
import org.legcrampcds.model.ReadResult;
import org.legcrampcds.model.PatientCase;

/**
 * Each example patient exists twice: as a FHIR Bundle and as the case JSON it must map to. The two
 * paths must give identical results (findings, evidence, suppressions, {@code dataRequired},
 * {@code staleLabs}), the same not-recorded inputs, and the Bundle's {@code unmapped} report must be
 * exactly the expected one.
 */
class BundleTwinsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static CrampAssessor assessor;
    private static FhirCaseMapper mapper;

    @BeforeAll
    static void build() {
        assessor = CrampAssessor.builder().build();
        mapper = FhirCaseMapper.create();
    }

    static List<Path> bundles() {
        List<Path> bundles = Fixtures.files("bundles", ".bundle.json");
        assertThat(bundles).as("FHIR example patients").hasSizeGreaterThanOrEqualTo(8);
        return bundles;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bundles")
    void theBundleAndItsTwin_giveTheSameResult(Path bundle) throws Exception {
        JsonNode expect = JSON.readTree(Fixtures.read(Fixtures.sibling(bundle, "expect.json")));
        Path twinFile = Fixtures.sibling(bundle, "case.json");
        PatientCase twin = CaseReader.readCase(twinFile);

        ReadResult.Accepted mapped = Mapped.accepted(mapper.read(Fixtures.read(bundle), LocalDate.parse(expect.get("asOf").asText()),
                twin.id().orElseThrow(), "test"));

        assertThat(new TreeSet<>(mapped.patientCase().notRecorded())).as("not recorded").isEqualTo(new TreeSet<>(twin.notRecorded()));
        assertThat(result(mapped.patientCase())).as("the result of the Bundle").isEqualTo(result(twin));
        List<String> expectedUnmapped = new java.util.ArrayList<>();
        expect.get("unmapped").forEach(u -> expectedUnmapped.add(u.get("resource").asText() + " " + u.get("reason").asText()));
        java.util.Collections.sort(expectedUnmapped);
        assertThat(mapped.mapping().unmapped().stream().map(u -> u.resource() + " " + u.reason().code()).sorted().toList())
                .as("unmapped").isEqualTo(expectedUnmapped);
    }

    private static JsonNode result(PatientCase c) throws Exception {
        ObjectNode node = (ObjectNode) JSON.readTree(AssessmentJson.toJson(assessor.assess(c)));
        node.remove("caseId");
        return node;
    }
}
