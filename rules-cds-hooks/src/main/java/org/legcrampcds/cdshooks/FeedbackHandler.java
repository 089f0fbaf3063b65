package org.legcrampcds.cdshooks;

import com.fasterxml.jackson.databind.JsonNode;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /cds-services/{id}/feedback} (CDS Hooks 2.0): checks the shape and logs what was
 * accepted or overridden, counts only: override reasons are free text and may hold patient data.
 */
final class FeedbackHandler {

    private static final Logger LOG = LoggerFactory.getLogger(FeedbackHandler.class);

    void handle(HookService service, JsonNode body) {
        JsonNode feedback = body.get("feedback");
        if (!body.isObject() || feedback == null || !feedback.isArray()) {
            throw HookException.malformed("feedback", "an array of feedback entries is required");
        }
        int accepted = 0;
        int overridden = 0;
        for (int i = 0; i < feedback.size(); i++) {
            JsonNode entry = feedback.get(i);
            String at = "feedback[" + i + "]";
            if (!entry.isObject() || !entry.path("card").isTextual()) {
                throw HookException.malformed(at + ".card", "the uuid of the card is required");
            }
            String outcome = entry.path("outcome").asText("");
            switch (outcome) {
                case "accepted" -> accepted++;
                case "overridden" -> overridden++;
                default -> throw HookException.malformed(at + ".outcome", "must be 'accepted' or 'overridden'");
            }
        }
        LOG.info("feedback on {}: {} card(s) accepted, {} overridden", service.id(), accepted, overridden);
    }
}
