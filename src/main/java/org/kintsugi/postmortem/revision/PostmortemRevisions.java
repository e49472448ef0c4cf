package org.kintsugi.postmortem.revision;

import com.github.difflib.text.DiffRow;
import com.github.difflib.text.DiffRowGenerator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kintsugi.postmortem.PostmortemManagement;
import org.kintsugi.postmortem.PostmortemStatus;
import org.kintsugi.postmortem.PostmortemView;
import org.kintsugi.shared.Markdown;
import org.kintsugi.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Read the kept revisions of a postmortem and compare any two of them, the current draft included. */
@Service
@Transactional(readOnly = true)
public class PostmortemRevisions {

    private static final DiffRowGenerator DIFF = DiffRowGenerator.create()
            .showInlineDiffs(true)
            .inlineDiffByWord(true)
            .mergeOriginalRevised(false)
            .oldTag(start -> start ? "<del>" : "</del>")
            .newTag(start -> start ? "<ins>" : "</ins>")
            .build();

    private final PostmortemManagement management;
    private final Revisions revisions;
    private final JsonMapper json;

    PostmortemRevisions(PostmortemManagement management, Revisions revisions, JsonMapper json) {
        this.management = management;
        this.revisions = revisions;
        this.json = json;
    }

    /** Return every revision: the published ones, and the one being written if it is not published yet. */
    public List<RevisionView> list(long postmortemId) {
        PostmortemView postmortem = management.find(postmortemId);
        List<RevisionView> all = new ArrayList<>(revisions.findByPostmortemIdOrderByNumberAsc(postmortemId).stream()
                .map(r -> new RevisionView(r.number(), r.title(), true, r.createdBy(), r.createdAt()))
                .toList());
        if (postmortem.status() != PostmortemStatus.PUBLISHED) {
            all.add(new RevisionView(
                    postmortem.revision(),
                    postmortem.title(),
                    false,
                    postmortem.owner().name(),
                    postmortem.updatedAt()));
        }
        return all;
    }

    /** Return the sections of one revision as they stood. */
    public List<RevisionSection> sections(long postmortemId, int number) {
        PostmortemView postmortem = management.find(postmortemId);
        return revisions
                .findByPostmortemIdAndNumber(postmortemId, number)
                .map(r -> json.readValue(r.content(), new TypeReference<List<RevisionSection>>() {}))
                .orElseGet(() -> {
                    if (number != postmortem.revision()) {
                        throw new NotFoundException("Postmortem " + postmortemId + " has no revision " + number + ".");
                    }
                    return postmortem.sections().stream()
                            .map(s -> new RevisionSection(s.key(), s.heading(), s.body()))
                            .toList();
                });
    }

    /** Compare two revisions section by section, line by line, with changed words marked. */
    public List<SectionComparison> compare(long postmortemId, int left, int right) {
        Map<String, RevisionSection> before = byKey(sections(postmortemId, left));
        Map<String, RevisionSection> after = byKey(sections(postmortemId, right));
        Map<String, String> headings = new LinkedHashMap<>();
        before.values().forEach(s -> headings.put(s.key(), s.heading()));
        after.values().forEach(s -> headings.put(s.key(), s.heading()));
        List<SectionComparison> comparisons = new ArrayList<>();
        headings.forEach((key, heading) -> {
            List<String> from = lines(before.get(key));
            List<String> to = lines(after.get(key));
            comparisons.add(new SectionComparison(key, heading, !from.equals(to), rows(from, to)));
        });
        return comparisons;
    }

    private static List<SectionComparison.Row> rows(List<String> from, List<String> to) {
        return DIFF.generateDiffRows(from, to).stream()
                .map(row -> new SectionComparison.Row(
                        row.getTag() == DiffRow.Tag.EQUAL
                                ? "equal"
                                : row.getTag().name().toLowerCase(),
                        Markdown.sanitize(row.getOldLine()),
                        Markdown.sanitize(row.getNewLine())))
                .toList();
    }

    private static List<String> lines(RevisionSection section) {
        return section == null || section.body().isEmpty()
                ? List.of()
                : Arrays.asList(section.body().split("\\R", -1));
    }

    private static Map<String, RevisionSection> byKey(List<RevisionSection> sections) {
        Map<String, RevisionSection> map = new LinkedHashMap<>();
        sections.forEach(s -> map.put(s.key(), s));
        return map;
    }

    /** One revision in the list: its number, whether it was published, and who made it when. */
    public record RevisionView(int number, String title, boolean published, String by, Instant at) {}
}
