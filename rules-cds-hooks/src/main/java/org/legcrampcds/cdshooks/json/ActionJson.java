package org.legcrampcds.cdshooks.json;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.jspecify.annotations.Nullable;

/**
 * One action of a suggestion.
 *
 * @param type       {@code create}, {@code update} or {@code delete}
 * @param resourceId for a delete, the resource to delete ({@code MedicationRequest/draft-q}); else null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ActionJson(String type, String description, @Nullable String resourceId) {
}
