package org.kintsugi.postmortem.template;

import static org.kintsugi.postmortem.template.SectionDefinition.optional;
import static org.kintsugi.postmortem.template.SectionDefinition.required;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The templates Kintsugi starts with, each section with a prompt that asks why, never who. */
final class BuiltInTemplates {

    static final String SRE = "sre";
    static final String BLAMELESS = "blameless-debrief";
    static final String FIVE_WHYS = "five-whys";
    static final String MANAGEMENT = "management";
    static final String RETROSPECTIVE = "retrospective";

    private BuiltInTemplates() {}

    /** Return the built-in templates by their built-in name, in the order they are offered. */
    static Map<String, TemplateDraft> all() {
        Map<String, TemplateDraft> all = new LinkedHashMap<>();
        all.put(SRE, sre());
        all.put(BLAMELESS, blameless());
        all.put(FIVE_WHYS, fiveWhys());
        all.put(MANAGEMENT, management());
        all.put(RETROSPECTIVE, retrospective());
        return all;
    }

    private static TemplateDraft sre() {
        return new TemplateDraft(
                "SRE postmortem",
                "The classic written postmortem for a service outage or degradation.",
                List.of(
                        required(
                                "summary",
                                "Summary",
                                "In three or four sentences: what happened, for how long, and what it meant for the people"
                                        + " who use the service. Someone who reads only this should know whether it"
                                        + " concerns them."),
                        required(
                                "impact",
                                "Impact",
                                "Who was affected and how, in numbers where you have them: requests failed, people"
                                        + " unable to sign in, orders delayed, money or data lost, support tickets."),
                        required(
                                "root-causes",
                                "Root causes",
                                "The conditions that made this possible. There is rarely one cause: list each, and for"
                                        + " each ask why it made sense to the people involved at the time."),
                        optional(
                                "trigger",
                                "Trigger",
                                "The change or event that turned a latent condition into an incident: a deploy, a"
                                        + " traffic spike, a certificate expiring."),
                        optional(
                                "detection",
                                "Detection",
                                "How did we find out: an alert, a customer, a colleague by chance? How long did it"
                                        + " take, and what would have told us sooner?"),
                        required(
                                "resolution",
                                "Resolution",
                                "What was done to mitigate and then resolve it, and what each step was meant to"
                                        + " achieve. Include what was tried and did not help."),
                        required(
                                "action-items",
                                "Action items",
                                "What we will change so this cannot happen again, or is noticed and fixed sooner. A few"
                                        + " well-chosen items beat a long list; each needs one owner."),
                        optional(
                                "lessons-learned",
                                "Lessons learned",
                                "What went well? What went wrong? Where did we get lucky — what could have made this"
                                        + " much worse and did not, this time?"),
                        optional(
                                "timeline",
                                "Timeline",
                                "Notes on the timeline below: gaps, clocks that disagree, moments worth a second"
                                        + " look. The events themselves go in the timeline."),
                        optional(
                                "supporting-information",
                                "Supporting information",
                                "Links to dashboards, graphs, logs, chat threads and tickets that back up the"
                                        + " story.")));
    }

    private static TemplateDraft blameless() {
        return new TemplateDraft(
                "Blameless debrief",
                "A debrief that starts from what surprised us and gathers everyone's own account.",
                List.of(
                        required(
                                "what-happened",
                                "What happened",
                                "Tell the story plainly, in the order things happened, as the people involved saw it"
                                        + " then — not as we see it now."),
                        required(
                                "surprises",
                                "Why were we surprised?",
                                "What did we expect to happen, and what happened instead? Surprises point at the places"
                                        + " where our picture of the system was out of date."),
                        optional(
                                "participants-accounts",
                                "Participants' accounts",
                                "Each person in their own words: what they saw, what they did and when, what they"
                                        + " expected and what they assumed. Ask why it made sense, not why they"
                                        + " did not see it."),
                        required(
                                "contributing-factors",
                                "Contributing factors",
                                "The conditions that together made this possible: tooling, documentation, time"
                                        + " pressure, handovers, defaults. Avoid 'human error' — ask what made the"
                                        + " action reasonable."),
                        required(
                                "lessons-learned",
                                "What we learned",
                                "What do we understand now that we did not before? What will we tell the next"
                                        + " team that meets this?"),
                        required(
                                "action-items",
                                "Follow-ups",
                                "The few changes worth making, each with one owner and a date.")));
    }

    private static TemplateDraft fiveWhys() {
        return new TemplateDraft(
                "Five whys analysis",
                "A detailed analysis that follows the chain of causes step by step.",
                List.of(
                        required("summary", "Summary", "What happened, in a short paragraph."),
                        optional(
                                "lead-up",
                                "Lead-up",
                                "The circumstances and changes in the days and hours before: deploys, config changes,"
                                        + " traffic, staffing."),
                        required(
                                "fault",
                                "Fault",
                                "What did not work as intended, described technically. Describe the fault in the"
                                        + " system, not in a person."),
                        required(
                                "impact",
                                "Impact",
                                "Who was affected, for how long, and how badly. Numbers where you have them."),
                        required(
                                "detection",
                                "Detection",
                                "When and how did we notice? How could the time to detect be cut in half?"),
                        required(
                                "response",
                                "Response",
                                "Who responded and what did they do? What slowed them down or helped them?"),
                        required(
                                "recovery",
                                "Recovery",
                                "How and when was the service restored? What would make recovery faster next time?"),
                        optional("timeline", "Timeline", "Notes on the timeline below."),
                        required(
                                "five-whys",
                                "Five whys",
                                "Start from the problem and ask why, five times or until the answer is a condition we"
                                        + " can change. Follow more than one branch where there is more than one"
                                        + " answer."),
                        required(
                                "root-causes",
                                "Root cause",
                                "The condition at the end of the chain that, once changed, stops this from happening"
                                        + " again."),
                        optional(
                                "backlog-check",
                                "Backlog check",
                                "Is there already an item in a backlog that would have prevented this or made it"
                                        + " smaller? Why has it not been done yet?"),
                        optional(
                                "recurrence",
                                "Recurrence",
                                "Has this, or something like it, happened before? Link the earlier postmortems."),
                        optional(
                                "lessons-learned", "Lessons learned", "What went well, what did not, what we learned."),
                        required(
                                "action-items",
                                "Corrective actions",
                                "The changes that address the root cause and the detection and recovery gaps, each"
                                        + " with one owner and a date.")));
    }

    private static TemplateDraft management() {
        return new TemplateDraft(
                "Management-level incident",
                "For incidents in how we work: a handover, a launch, a hiring or permissions mistake.",
                List.of(
                        required(
                                "what-happened",
                                "What happened",
                                "The facts in order: what was decided or done, when, and what came of it."),
                        required(
                                "who-was-affected",
                                "Who was affected and how",
                                "Customers, colleagues, candidates, partners: who felt the consequences, and how?"),
                        required(
                                "why-it-made-sense",
                                "Why it made sense at the time",
                                "With what people knew and the pressures they were under then, why were these"
                                        + " reasonable choices? The answer shows what to change."),
                        required(
                                "what-we-change",
                                "What we change in how we work",
                                "Processes, checklists, ownership, communication or tools we will change, so the"
                                        + " next person in the same spot is set up to succeed."),
                        optional(
                                "lessons-learned", "Lessons learned", "What we understand now that we did not before."),
                        required(
                                "action-items",
                                "Follow-ups",
                                "The changes we commit to, each with one owner and a date.")));
    }

    private static TemplateDraft retrospective() {
        return new TemplateDraft(
                "Routine retrospective",
                "Not an incident: a regular look back at how a piece of work or a period went.",
                List.of(
                        required(
                                "how-it-went",
                                "How did it go?",
                                "A few sentences on the period or project: what we set out to do and what came of it."),
                        optional("start-doing", "Start doing", "What should we try that we have not done so far?"),
                        optional("stop-doing", "Stop doing", "What costs us more than it gives?"),
                        optional("keep-doing", "Keep doing", "What worked and should stay?"),
                        optional(
                                "metrics",
                                "Metrics to watch",
                                "Which numbers will tell us at the next retrospective whether the changes helped?")));
    }
}
