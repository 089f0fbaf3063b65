package org.legcrampcds.authoring;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.jspecify.annotations.Nullable;
import org.legcrampcds.model.ReadResult;

/**
 * One fixture: a case with the {@code expect} block that says what its result must be (see
 * {@link Expectation}).
 *
 * @param name        the fixture's name, as reports name it: its file name, or {@code file:line} in JSON Lines
 * @param read        the case as the library's reader read it: accepted, or rejected with its errors
 * @param expectation what the result must be, or {@code null} when the case has no {@code expect} block
 */
public record Fixture(String name, ReadResult read, @Nullable Expectation expectation) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A fixture of a case read; a malformed {@code expect} block is reported as a fixture error, never skipped. */
    public static Fixture of(ReadResult read) {
        String expect = read.expect();
        if (expect == null) {
            return new Fixture(read.source(), read, null);
        }
        JsonNode block;
        try {
            block = JSON.readTree(expect);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the reader's expect block is JSON it wrote itself", e);
        }
        return new Fixture(read.source(), read, Expectation.of(block));
    }

    public boolean hasExpectation() {
        return expectation != null;
    }
}
