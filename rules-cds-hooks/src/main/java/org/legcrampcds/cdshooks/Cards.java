package org.legcrampcds.cdshooks;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.legcrampcds.cdshooks.json.ActionJson;
import org.legcrampcds.cdshooks.json.CardExtensionJson;
import org.legcrampcds.cdshooks.json.CardJson;
import org.legcrampcds.cdshooks.json.SourceJson;
import org.legcrampcds.cdshooks.json.SuggestionJson;
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

    private final Supplier<@Nullable String> sourceUrl;

    /** @param sourceUrl the URL of each card's source, a page about the rule base (known once bound), or null */
    Cards(Supplier<@Nullable String> sourceUrl) {
        this.sourceUrl = sourceUrl;
    }

    List<CardJson> cards(HookAssessor.Result result, boolean orderSign) {
        String version = result.assessment().rulesetVersion();
        List<CardJson> cards = new ArrayList<>();
        for (Finding f : result.shown()) {
            if (f.category() == Category.RED_FLAG) {
                cards.add(card(f.title() + ": " + phrase(f.urgency()), indicator(f.urgency()), List.of(f), version, null));
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

    private void group(List<CardJson> cards, HookAssessor.Result result, boolean orderSign, Set<Category> categories,
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
        List<String> quinineDrafts = result.introducedBy().getOrDefault(QUININE, List.of());
        SuggestionJson suggestion = null;
        if (orderSign && !quinineDrafts.isEmpty() && findings.stream().anyMatch(f -> f.code().equals(QUININE))) {
            List<ActionJson> actions = quinineDrafts.stream().map(draft -> new ActionJson("delete",
                    "Remove the draft order " + draft + ": quinine is not recommended for leg cramps", draft)).toList();
            suggestion = new SuggestionJson(quinineDrafts.size() == 1 ? "Remove the draft quinine order"
                    : "Remove the draft quinine orders", UUID.randomUUID().toString(), true, actions);
        }
        cards.add(card(summary, indicator, findings, version, suggestion));
    }

    private CardJson partialRecord(List<DataRequired> questions, List<StaleLab> stale, String version) {
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
        return new CardJson(UUID.randomUUID().toString(), summary("Leg cramps, partial record: " + String.join(", ", parts)),
                "info", detail.toString(), source(version), null, null, null, new CardExtensionJson(List.of(), version));
    }

    private CardJson card(String summary, String indicator, List<Finding> findings, String version,
                          @Nullable SuggestionJson suggestion) {
        return new CardJson(UUID.randomUUID().toString(), summary(summary), indicator, detail(findings, version), source(version),
                suggestion == null ? null : List.of(suggestion), suggestion == null ? null : "at-most-one", null,
                new CardExtensionJson(findings.stream().map(Finding::code).toList(), version));
    }

    private SourceJson source(String version) {
        return new SourceJson("leg-cramp-cds rules " + version, sourceUrl.get());
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
