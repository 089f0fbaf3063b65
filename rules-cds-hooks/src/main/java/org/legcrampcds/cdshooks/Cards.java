package org.legcrampcds.cdshooks;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.legcrampcds.model.Category;
import org.legcrampcds.model.DataRequired;
import org.legcrampcds.model.Evidence;
import org.legcrampcds.model.Finding;
import org.legcrampcds.model.StaleLab;
import org.legcrampcds.model.Urgency;

/**
 * CDS Hooks cards from a hook's findings (interfaces.md §7): each red flag its own card, most urgent
 * first; medicine reviews and safety interlocks in one card, causes, tests and self-care in another;
 * and an info card of the questions worth asking and the stale labs. Every card names the rule base.
 */
final class Cards {

    /** CDS Hooks: a summary "SHOULD be under 140 characters"; ours always is. */
    static final int MAX_SUMMARY = 139;

    static final String QUININE = "MED_REVIEW_QUININE";

    private static final Set<Category> MEDICINES = EnumSet.of(Category.MEDICATION_REVIEW, Category.SAFETY);
    private static final Set<Category> CARE = EnumSet.of(Category.CAUSE, Category.INVESTIGATION, Category.SELF_CARE);

    private final Supplier<String> sourceUrl;

    /** @param sourceUrl the service's own URL, shown as each card's source link (known once bound) */
    Cards(Supplier<String> sourceUrl) {
        this.sourceUrl = sourceUrl;
    }

    ArrayNode cards(HookAssessor.Result result, boolean orderSign) {
        String version = result.assessment().rulesetVersion();
        ArrayNode cards = Json.MAPPER.createArrayNode();
        for (Finding f : result.shown()) {
            if (f.category() == Category.RED_FLAG) {
                cards.add(card(f.title() + ": " + phrase(f.urgency()), indicator(f.urgency()), detail(List.of(f), version), version));
            }
        }
        group(cards, result, orderSign, MEDICINES, "Leg cramps, medicines: ", version);
        group(cards, result, orderSign, CARE, "Leg cramps: ", version);
        List<StaleLab> stale = result.showStaleLabs() ? result.assessment().staleLabs() : List.of();
        if (!result.questions().isEmpty() || !stale.isEmpty()) {
            cards.add(partialRecord(result.questions(), stale, version));
        }
        return cards;
    }

    private void group(ArrayNode cards, HookAssessor.Result result, boolean orderSign, Set<Category> categories,
                       String prefix, String version) {
        List<Finding> findings = result.shown().stream().filter(f -> categories.contains(f.category())).toList();
        if (findings.isEmpty()) {
            return;
        }
        Urgency highest = findings.stream().map(Finding::urgency).reduce(Urgency.INFO, Urgency::max);
        String indicator = indicator(highest);
        // A safety interlock that a draft order brings in must not look like mere information.
        if (orderSign && indicator.equals("info") && findings.stream().anyMatch(f -> f.category() == Category.SAFETY)) {
            indicator = "warning";
        }
        String summary = prefix + findings.stream().map(Finding::title).collect(Collectors.joining("; "));
        ObjectNode card = card(summary, indicator, detail(findings, version), version);
        List<String> quinineDrafts = result.introducedBy().getOrDefault(QUININE, List.of());
        if (orderSign && !quinineDrafts.isEmpty() && findings.stream().anyMatch(f -> f.code().equals(QUININE))) {
            ObjectNode suggestion = card.putArray("suggestions").addObject()
                    .put("label", quinineDrafts.size() == 1 ? "Remove the draft quinine order" : "Remove the draft quinine orders")
                    .put("uuid", UUID.randomUUID().toString())
                    .put("isRecommended", true);
            ArrayNode actions = suggestion.putArray("actions");
            for (String draft : quinineDrafts) {
                actions.addObject().put("type", "delete")
                        .put("description", "Remove the draft order " + draft + ": quinine is not recommended for leg cramps")
                        .put("resourceId", draft);
            }
            card.put("selectionBehavior", "at-most-one");
        }
        cards.add(card);
    }

    private ObjectNode partialRecord(List<DataRequired> questions, List<StaleLab> stale, String version) {
        List<String> parts = new ArrayList<>();
        if (!questions.isEmpty()) {
            parts.add(questions.size() + (questions.size() == 1 ? " safety question" : " safety questions") + " to ask");
        }
        if (!stale.isEmpty()) {
            parts.add(stale.size() + (stale.size() == 1 ? " lab result" : " lab results") + " too old to use");
        }
        StringBuilder detail = new StringBuilder("The record does not say everything the red-flag checks need, "
                + "so self-care advice is withheld until these are answered.\n\n");
        for (DataRequired q : questions) {
            detail.append("- Ask about: ").append(readable(q.input())).append(" (would raise ")
                    .append(String.join(", ", q.forCodes())).append(")\n");
        }
        for (StaleLab lab : stale) {
            detail.append("- Repeat or update ").append(lab.test().name()).append(": taken ").append(lab.daysSinceTaken())
                    .append(" days ago, older than its ").append(lab.maxDays()).append("-day window, so counted as not measured\n");
        }
        detail.append(footer(version));
        return card("Leg cramps, partial record: " + String.join(", ", parts), "info", detail.toString(), version);
    }

    private ObjectNode card(String summary, String indicator, String detail, String version) {
        ObjectNode card = Json.object()
                .put("uuid", UUID.randomUUID().toString())
                .put("summary", summary(summary))
                .put("indicator", indicator)
                .put("detail", detail);
        ObjectNode source = card.putObject("source").put("label", "leg-cramp-cds rules " + version);
        String url = sourceUrl.get();
        if (url != null) {
            source.put("url", url);
        }
        return card;
    }

    static String summary(String text) {
        return text.length() <= MAX_SUMMARY ? text : text.substring(0, MAX_SUMMARY - 1).stripTrailing() + "…";
    }

    /** Markdown: per finding its title, urgency, action, evidence in canonical units and sources. */
    static String detail(List<Finding> findings, String version) {
        StringBuilder md = new StringBuilder();
        for (Finding f : findings) {
            md.append("**").append(f.title()).append("** (").append(f.urgency()).append(", ").append(f.code()).append(")\n\n")
                    .append(f.action()).append("\n\n");
            if (!f.evidence().isEmpty()) {
                md.append("Evidence:\n");
                for (Evidence e : f.evidence()) {
                    md.append("- ").append(e).append('\n');
                }
                md.append('\n');
            }
            if (!f.sources().isEmpty()) {
                md.append("Sources: ").append(String.join("; ", f.sources())).append("\n\n");
            }
        }
        return md.append(footer(version)).toString();
    }

    private static String footer(String version) {
        return "\n---\nRule base " + version + ". Decision support for a clinician, not a diagnosis.";
    }

    static String indicator(Urgency urgency) {
        return switch (urgency) {
            case EMERGENCY, URGENT -> "critical";
            case SOON, ROUTINE -> "warning";
            case INFO -> "info";
        };
    }

    private static String phrase(Urgency urgency) {
        return switch (urgency) {
            case EMERGENCY -> "emergency care now";
            case URGENT -> "assess today";
            case SOON -> "review within 2 weeks";
            case ROUTINE -> "at the next planned appointment";
            case INFO -> "for information";
        };
    }

    /** {@code symptoms.CHEST_PAIN} → "chest pain"; {@code history.longTravelHoursLast14Days} → "long travel hours last 14 days". */
    static String readable(String input) {
        String name = input.substring(input.indexOf('.') + 1);
        if (name.equals(name.toUpperCase(Locale.ROOT))) {
            return name.replace('_', ' ').toLowerCase(Locale.ROOT);
        }
        return name.replaceAll("([a-z])([A-Z0-9])", "$1 $2").replaceAll("([0-9])([A-Za-z])", "$1 $2").toLowerCase(Locale.ROOT);
    }
}
