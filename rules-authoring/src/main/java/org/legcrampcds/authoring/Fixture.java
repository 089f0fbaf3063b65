package org.legcrampcds.authoring;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.legcrampcds.json.CaseReader;
import org.legcrampcds.json.ReadResult;

/**
 * One fixture file: a case in the case format with the {@code expect} block that says what its
 * result must be (see {@link Expectation}).
 *
 * @param name        the file name, as reports name it
 * @param read        the case as the case reader read it: accepted, or rejected with its errors
 * @param expectation what the result must be, or {@code null} when the file has no {@code expect} block
 */
public record Fixture(String name, ReadResult read, Expectation expectation) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Reads a fixture file; a malformed {@code expect} block is reported as a fixture error, never skipped. */
    public static Fixture read(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        String name = file.getFileName().toString();
        ReadResult read = CaseReader.read(text, CaseReader.defaultId(file));
        JsonNode expect;
        try {
            expect = JSON.readTree(text).path("expect");
        } catch (JsonProcessingException e) {
            return new Fixture(name, read, null);   // Malformed JSON: the case reader's error says where.
        }
        return new Fixture(name, read, expect.isMissingNode() ? null : Expectation.of(expect));
    }

    public boolean hasExpectation() {
        return expectation != null;
    }
}
