package org.kintsugi.analysis.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.kintsugi.analysis.FactorSuggestions;
import org.kintsugi.analysis.factors.CategoryView;
import org.kintsugi.analysis.factors.ContributingFactors;
import org.kintsugi.analysis.factors.FactorCategories;
import org.kintsugi.analysis.factors.FactorView;
import org.kintsugi.identity.KintsugiPrincipal;
import org.kintsugi.postmortem.PostmortemPart;
import org.kintsugi.postmortem.PostmortemStatus;
import org.kintsugi.postmortem.PostmortemView;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * List a postmortem's contributing factors by category, those marked on why-answers and those written directly: under
 * "Contributing factors" where the template has it, else under its root causes, else in a section of their own.
 */
@Component
@Order(20)
class FactorsOnPostmortem implements PostmortemPart {

    private final ContributingFactors factors;
    private final FactorCategories categories;
    private final List<FactorSuggestions> suggestions;

    FactorsOnPostmortem(ContributingFactors factors, FactorCategories categories, List<FactorSuggestions> suggestions) {
        this.factors = factors;
        this.categories = categories;
        this.suggestions = suggestions;
    }

    @Override
    public String sectionKey() {
        return "contributing-factors";
    }

    @Override
    public List<String> otherSectionKeys() {
        return List.of("root-causes");
    }

    @Override
    public Optional<String> ownSectionHeading() {
        return Optional.of("Contributing factors");
    }

    @Override
    public Optional<Fragment> render(PostmortemView postmortem, KintsugiPrincipal viewer) {
        Map<String, Object> model = new LinkedHashMap<>();
        List<FactorView> listed = factors.forPostmortem(postmortem.id());
        List<CategoryView> active = categories.active();
        boolean editable = viewer.canWrite() && postmortem.status() == PostmortemStatus.DRAFT;
        model.put("postmortemId", postmortem.id());
        model.put("factors", listed);
        model.put("categories", active);
        model.put("editable", editable);
        model.put("suggestions", editable && listed.isEmpty() ? suggested(postmortem.incidentId(), active) : List.of());
        return Optional.of(new Fragment("analysis/fragments/factors :: factors", model));
    }

    /**
     * A factor the text suggests, with the active category of its name if there is one (else the writer chooses) and
     * how sure the reading is, in percent.
     */
    record Suggested(String statement, @Nullable CategoryView category, long percent) {}

    private List<Suggested> suggested(long incidentId, List<CategoryView> active) {
        return suggestions.stream()
                .flatMap(source -> source.forIncident(incidentId).stream())
                .map(s -> new Suggested(
                        s.statement(),
                        active.stream()
                                .filter(c -> c.name().equalsIgnoreCase(s.category()))
                                .findFirst()
                                .orElse(null),
                        Math.round(s.confidence() * 100)))
                .toList();
    }

    @Override
    public String markdown(long postmortemId) {
        List<FactorView> all = factors.forPostmortem(postmortemId);
        if (all.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder("**Contributing factors**\n\n");
        for (FactorView factor : all) {
            out.append("- **")
                    .append(WhysMarkdown.escape(factor.category().name()))
                    .append(":** ")
                    .append(WhysMarkdown.escape(factor.statement()));
            if (!factor.note().isBlank()) {
                out.append(" — ").append(WhysMarkdown.escape(factor.note()));
            }
            if (factor.fromWhys()) {
                out.append(" *(from the five whys)*");
            }
            out.append('\n');
        }
        return out.toString();
    }

    @Override
    public boolean fills(long postmortemId) {
        return !factors.forPostmortem(postmortemId).isEmpty();
    }
}
