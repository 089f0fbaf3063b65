package org.legcrampcds.cdshooks.json;

import java.util.List;

/** The answer to a hook call: its cards, possibly none. */
public record CdsResponseJson(List<CardJson> cards) {

    public CdsResponseJson {
        cards = List.copyOf(cards);
    }
}
