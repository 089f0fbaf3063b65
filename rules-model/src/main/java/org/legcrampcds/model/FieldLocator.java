package org.legcrampcds.model;

/**
 * Names a field of the case model in the terms of the format the case was read from, so that a
 * semantic error found by the model ({@code labs[0].unit}) points at the place in the source
 * document ({@code Bundle.entry[3].resource.valueQuantity.code}). The case-JSON format needs no
 * translation: its paths are the model's.
 */
@FunctionalInterface
public interface FieldLocator {

    /** The model's own paths, as the case JSON writes them. */
    FieldLocator CASE_JSON = path -> path;

    /**
     * Where a field of the case model is in the source document.
     *
     * @param modelPath a path of the case model, for example {@code labs[2].value} or {@code patient}
     * @return where that field is in the source document
     */
    String locate(String modelPath);
}
