package org.kintsugi.action.digest;

import java.time.LocalDate;
import java.util.List;

/**
 * What one person's daily mail says: each list holds the items for one reason to write.
 *
 * @param escalated overdue items on postmortems this person owns, past the escalation limit
 */
public record Digest(
        long personId,
        String name,
        String email,
        LocalDate day,
        List<Line> assigned,
        List<Line> dueSoon,
        List<Line> dueToday,
        List<Line> overdue,
        List<Line> escalated) {

    /** One item in a digest, with the link to it. */
    public record Line(long id, String title, String owner, LocalDate due, long daysOverdue, String link) {}

    /** One part of a digest under its heading. */
    public record Part(String heading, List<Line> lines) {}

    /** Return the parts that have lines, in the order a reader meets them. */
    public List<Part> parts() {
        return java.util.stream.Stream.of(
                        new Part("Newly yours", assigned),
                        new Part("Due soon", dueSoon),
                        new Part("Due today", dueToday),
                        new Part("Overdue", overdue),
                        new Part("Overdue on postmortems you own", escalated))
                .filter(part -> !part.lines().isEmpty())
                .toList();
    }

    /** Return how many lines the digest has. */
    public int size() {
        return assigned.size() + dueSoon.size() + dueToday.size() + overdue.size() + escalated.size();
    }

    /** Return the subject line, counting each item once however many parts it is in. */
    public String subject() {
        long n = parts().stream()
                .flatMap(part -> part.lines().stream())
                .map(Line::id)
                .distinct()
                .count();
        return "Kintsugi: " + n + " action item" + (n == 1 ? "" : "s") + " for you on " + day;
    }
}
