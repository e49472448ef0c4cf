package org.kintsugi.knowledge.web;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kintsugi.identity.KintsugiPrincipal;
import org.kintsugi.postmortem.PostmortemPart;
import org.kintsugi.postmortem.PostmortemView;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Beside a postmortem's analysis, right after its contributing factors, past incidents like it: while the causes are
 * being worked out is when "we have seen this before" helps most. Suggestions are not part of the record, so the
 * exports leave them out.
 */
@Component
@Order(30)
class SimilarOnPostmortem implements PostmortemPart {

    @Override
    public String sectionKey() {
        return "similar-incidents";
    }

    @Override
    public List<String> otherSectionKeys() {
        return List.of("contributing-factors", "root-causes");
    }

    @Override
    public Optional<String> ownSectionHeading() {
        return Optional.of("Another one of those?");
    }

    @Override
    public Optional<Fragment> render(PostmortemView postmortem, KintsugiPrincipal viewer) {
        return Optional.of(new Fragment(
                "knowledge/fragments/similar :: lazy", Map.of("url", "/postmortems/" + postmortem.id() + "/similar")));
    }

    @Override
    public String markdown(long postmortemId) {
        return "";
    }
}
