package org.legcrampcds.cdshooks;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.legcrampcds.cdshooks.json.ActionJson;
import org.legcrampcds.cdshooks.json.CardExtensionJson;
import org.legcrampcds.cdshooks.json.CardJson;
import org.legcrampcds.cdshooks.json.LinkJson;
import org.legcrampcds.cdshooks.json.SourceJson;
import org.legcrampcds.cdshooks.json.SuggestionJson;
import org.legcrampcds.engine.Citation;
import org.legcrampcds.model.Category;
import org.legcrampcds.model.DataRequired;
import org.legcrampcds.model.Evidence;
import org.legcrampcds.model.Finding;
import org.legcrampcds.model.StaleLab;
import org.legcrampcds.model.Urgency;

/**
 * CDS Hooks cards from a hook's findings (interfaces.md §7): each red flag its own card, most urgent
 * first; medicine reviews and safety interlocks in one card, causes, tests and self-care in another;
 * and an info card of the questions worth asking and the stale labs. Every card names the rule base,
 * and carries its finding codes and {@code rulesetVersion} in its extension.
 *
 * <p>A card speaks to the clinician: per finding the evidence, then the finding's action under a
 * heading that says it is the advice for the patient (the catalogue words it for the patient), then
 * the sources by their citation from the rule base's source register, with links where they exist.
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

    /** The advice's heading: the action texts are worded for the patient, and the card is read by the clinician. */
    static final String ADVICE_HEADING = "Advice for the patient";

    /**
     * @param cite how the rule base that assessed cites a source id ({@code RuleBase::citation})
     */
    List<CardJson> cards(HookAssessor.Result result, boolean orderSign, Function<String, Citation> cite) {
        String version = result.assessment().rulesetVersion();
        List<CardJson> cards = new ArrayList<>();
        for (Finding f : result.shown()) {
            if (f.category() == Category.RED_FLAG) {
                cards.add(card(f.title() + ": " + phrase(f.urgency()), indicator(f.urgency()), List.of(f), version, null, cite));
            }
        }
        group(cards, result, orderSign, MEDICINES, "Leg cramps, medicines: ", version, cite);
        group(cards, result, orderSign, CARE, "Leg cramps: ", version, cite);
        List<StaleLab> stale = result.showStaleLabs() ? result.assessment().staleLabs() : List.of();
        if (!result.questions().isEmpty() || !stale.isEmpty()) {
            cards.add(partialRecord(result.questions(), stale, version));
        }
        return cards;
    }

    private void group(List<CardJson> cards, HookAssessor.Result result, boolean orderSign, Set<Category> categories,
                       String prefix, String version, Function<String, Citation> cite) {
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
        cards.add(card(summary, indicator, findings, version, suggestion, cite));
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
                          @Nullable SuggestionJson suggestion, Function<String, Citation> cite) {
        List<LinkJson> links = links(findings, cite);
        return new CardJson(UUID.randomUUID().toString(), summary(summary), indicator, detail(findings, version, cite),
                source(version), suggestion == null ? null : List.of(suggestion), suggestion == null ? null : "at-most-one",
                links.isEmpty() ? null : links, new CardExtensionJson(findings.stream().map(Finding::code).toList(), version));
    }

    /** A link per cited source that has one, each once. */
    private static List<LinkJson> links(List<Finding> findings, Function<String, Citation> cite) {
        Map<String, LinkJson> byUrl = new LinkedHashMap<>();
        for (Finding f : findings) {
            for (String id : f.sources()) {
                Citation c = cite.apply(id);
                if (c.url() != null) {
                    byUrl.putIfAbsent(c.url(), new LinkJson(summary(c.title()), c.url(), "absolute"));
                }
            }
        }
        return List.copyOf(byUrl.values());
    }

    private SourceJson source(String version) {
        return new SourceJson("leg-cramp-cds rules " + version, sourceUrl.get());
    }

    static String summary(String text) {
        return text.length() <= MAX_SUMMARY ? text : text.substring(0, MAX_SUMMARY - 1).stripTrailing() + "…";
    }

    /**
     * Markdown: per finding its title, urgency and code; the evidence in canonical units; the action
     * under {@link #ADVICE_HEADING}; the sources by citation.
     */
    static String detail(List<Finding> findings, String version, Function<String, Citation> cite) {
        StringBuilder md = new StringBuilder();
        for (Finding f : findings) {
            md.append("### ").append(f.title()).append(" (").append(f.urgency()).append(", ").append(f.code()).append(")\n\n");
            if (!f.evidence().isEmpty()) {
                md.append("**Evidence**\n\n");
                for (Evidence e : f.evidence()) {
                    md.append("- ").append(e).append('\n');
                }
                md.append('\n');
            }
            md.append("**").append(ADVICE_HEADING).append("**\n\n").append(f.action()).append("\n\n");
            if (!f.sources().isEmpty()) {
                md.append("**Sources**\n\n");
                for (String id : f.sources()) {
                    md.append("- ").append(markdown(cite.apply(id))).append('\n');
                }
                md.append('\n');
            }
        }
        return md.append(footer(version)).toString();
    }

    /** A citation in Markdown: its title linked where it has a link, then publisher and year. */
    static String markdown(Citation citation) {
        String text = citation.text();
        if (citation.url() == null) {
            return text;
        }
        return "[" + citation.title() + "](" + citation.url() + ")" + text.substring(citation.title().length());
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
