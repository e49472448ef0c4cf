package org.kintsugi.analysis.coach;

/** Name the kinds of phrasing the coach points out, each with a weight in the blamelessness score. */
public enum Category {
    PERSON_AS_CAUSE("Person named as the cause", 10),
    JUDGEMENT("Judgement of character or competence", 15),
    HUMAN_ERROR("Human error as an explanation", 10),
    HINDSIGHT("Hindsight about a person's actions", 5),
    CUSTOM("House rule", 5);

    private final String label;
    private final int weight;

    Category(String label, int weight) {
        this.label = label;
        this.weight = weight;
    }

    /** Return the name shown to people. */
    public String label() {
        return label;
    }

    /** Return how many points one finding of this kind costs per 100 words. */
    public int weight() {
        return weight;
    }
}
