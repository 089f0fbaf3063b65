package org.legcrampcds.fhir;

import org.legcrampcds.model.ReadResult;

/** Tests that expect a Bundle to be mapped: the accepted case, or the rejection thrown. */
final class Mapped {

    private Mapped() {
    }

    static ReadResult.Accepted accepted(ReadResult result) {
        result.patientCaseOrThrow();
        return (ReadResult.Accepted) result;
    }
}
