package org.kintsugi.action.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.kintsugi.action.ActionManagement;
import org.kintsugi.action.ActionStatus;
import org.kintsugi.action.ActionType;
import org.kintsugi.action.ActionView;
import org.kintsugi.action.Priority;
import org.kintsugi.identity.KintsugiPrincipal;
import org.kintsugi.identity.Role;
import org.kintsugi.identity.UserManagement;
import org.kintsugi.postmortem.PostmortemPart;
import org.kintsugi.postmortem.PostmortemView;
import org.kintsugi.postmortem.WritingAid;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Show a postmortem's action items under its "Action items" section, and put them in its exports. */
@Component
class ActionsOnPostmortem implements PostmortemPart {

    private final ActionManagement actions;
    private final UserManagement users;
    private final Clock clock;
    private final ObjectProvider<WritingAid> writingAids;

    ActionsOnPostmortem(
            ActionManagement actions, UserManagement users, Clock clock, ObjectProvider<WritingAid> writingAids) {
        this.actions = actions;
        this.users = users;
        this.clock = clock;
        this.writingAids = writingAids;
    }

    @Override
    public String sectionKey() {
        return "action-items";
    }

    @Override
    public Optional<Fragment> render(PostmortemView postmortem, KintsugiPrincipal viewer) {
        List<ActionView> items = actions.forPostmortem(postmortem.id());
        Map<String, Object> model = new HashMap<>();
        long committed = items.stream()
                .filter(i -> i.parentId() == null
                        && i.status() != ActionStatus.PROPOSED
                        && i.status() != ActionStatus.DROPPED)
                .count();
        model.put("postmortemId", postmortem.id());
        model.put("items", items);
        model.put("now", clock.instant());
        model.put("today", LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
        model.put("committed", committed);
        model.put(
                "proposals",
                items.stream()
                        .filter(i -> i.parentId() == null && i.status() == ActionStatus.PROPOSED)
                        .count());
        model.put("threshold", actions.commitThreshold());
        model.put("canWrite", viewer.canWrite());
        model.put("isPostmortemOwner", postmortem.owner().id() == viewer.id());
        model.put(
                "people",
                users.all().stream()
                        .filter(u -> u.active() && u.role() != Role.VIEWER)
                        .toList());
        model.put("priorities", Priority.values());
        model.put("types", ActionType.values());
        model.put(
                "editorAids",
                writingAids.orderedStream().flatMap(a -> a.editor().stream()).toList());
        model.put(
                "defaultDue",
                LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).plusDays(14));
        return Optional.of(new Fragment("action/fragments/postmortem :: items", model));
    }

    /** The structured items are the section: one item that is not dropped fills it. */
    @Override
    public boolean fills(long postmortemId) {
        return actions.forPostmortem(postmortemId).stream().anyMatch(a -> a.status() != ActionStatus.DROPPED);
    }

    @Override
    public String markdown(long postmortemId) {
        List<ActionView> items = actions.forPostmortem(postmortemId);
        if (items.isEmpty()) {
            return "";
        }
        StringBuilder table =
                new StringBuilder("| Action | Owner | Due | Priority | Type | Status | How we will know it worked |\n"
                        + "|---|---|---|---|---|---|---|\n");
        for (ActionView item : items) {
            table.append("| ")
                    .append(item.parentId() == null ? "" : "↳ ")
                    .append(cell(item.title()))
                    .append(" | ")
                    .append(cell(item.owner().name()))
                    .append(" | ")
                    .append(item.dueDate())
                    .append(" | ")
                    .append(item.priority())
                    .append(" | ")
                    .append(item.type().name().toLowerCase(Locale.ROOT))
                    .append(" | ")
                    .append(item.status().label())
                    .append(
                            item.earlyCommitReason() == null
                                    ? ""
                                    : " (committed early: " + cell(item.earlyCommitReason()) + ")")
                    .append(" | ")
                    .append(cell(item.verification()))
                    .append(" |\n");
        }
        return table.toString();
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replaceAll("\\s*\\R\\s*", " ");
    }
}
