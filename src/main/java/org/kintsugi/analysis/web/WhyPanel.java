package org.kintsugi.analysis.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.kintsugi.action.ActionType;
import org.kintsugi.action.ActionView;
import org.kintsugi.action.Priority;
import org.kintsugi.analysis.account.SharedEntry;
import org.kintsugi.analysis.coach.Highlighted;
import org.kintsugi.analysis.factors.CategoryView;
import org.kintsugi.analysis.whys.NodeView;
import org.kintsugi.analysis.whys.TreeView;
import org.kintsugi.identity.UserView;
import org.kintsugi.postmortem.TimelineItem;

/**
 * What the panel beside the tree shows: the problem statement, or one answer with everything that can be done to it.
 *
 * @param node the answer shown, or null for the problem statement
 * @param path the answers from the top of the tree down to this one's parent
 * @param answer the answer cut at the coach's findings; for the problem statement, the statement cut at them for
 *     the people who may restate it, else null
 * @param events the timeline's own events, to cite as evidence
 * @param entries the entries of shared accounts, to cite as evidence
 * @param below how many answers sit under this one, which go when it is removed
 * @param failed which of the panel's forms came back with problems: add, edit, problem, factor or action
 * @param form what the person typed in an answer form, kept when it came back with problems
 * @param values what the person typed in the other forms, by field
 */
public record WhyPanel(
        long postmortemId,
        TreeView tree,
        @Nullable NodeView node,
        List<NodeView> path,
        @Nullable Highlighted answer,
        int below,
        @Nullable ActionView action,
        List<TimelineItem> events,
        List<SharedEntry> entries,
        List<CategoryView> categories,
        List<UserView> people,
        long me,
        LocalDate defaultDue,
        boolean canWrite,
        boolean owner,
        @Nullable String notice,
        @Nullable String problem,
        Map<String, String> errors,
        @Nullable String failed,
        @Nullable AnswerForm form,
        Map<String, String> values) {

    /** Return the id the panel is about: the answer's, or 0 for the problem statement. */
    public long nodeId() {
        return node == null ? 0 : node.id();
    }

    /** Return whether this person may change the tree now. */
    public boolean editable() {
        return canWrite && tree.editable();
    }

    public Priority[] priorities() {
        return Priority.values();
    }

    public ActionType[] types() {
        return ActionType.values();
    }

    /** Return what was typed in a field of the form that failed, or the fallback. */
    public String value(String field, String fallback) {
        return values.getOrDefault(field, fallback);
    }

    /** Return what an answer form shows: what was typed if it failed, the answer as it stands when editing it. */
    public @Nullable AnswerForm formFor(String kind) {
        if (failed(kind) && form != null) {
            return form;
        }
        return kind.equals("edit") && node != null ? AnswerForm.of(node) : null;
    }

    /** Return the problems of a form by field, none unless it is the one that failed. */
    public Map<String, String> errorsFor(String kind) {
        return failed(kind) ? errors : Map.of();
    }

    /** Return whether this form is the one that came back with problems. */
    public boolean failed(String name) {
        return name.equals(failed);
    }

    /** Return a copy saying how the last change went. */
    public WhyPanel told(@Nullable String notice, @Nullable String problem) {
        return with(notice, problem, Map.of(), null, null, Map.of());
    }

    /** Return a copy with what went wrong in one form, by field, and what was typed there. */
    public WhyPanel with(
            @Nullable String notice,
            @Nullable String problem,
            Map<String, String> errors,
            @Nullable String failed,
            @Nullable AnswerForm form,
            Map<String, String> values) {
        return new WhyPanel(
                postmortemId,
                tree,
                node,
                path,
                answer,
                below,
                action,
                events,
                entries,
                categories,
                people,
                me,
                defaultDue,
                canWrite,
                owner,
                notice,
                problem,
                errors,
                failed,
                form,
                values);
    }
}
