package org.legcrampcds.cdshooks.json;

/**
 * A link of a card.
 *
 * @param type {@code absolute} (a page to open) or {@code smart} (a SMART app to launch)
 */
public record LinkJson(String label, String url, String type) {
}
