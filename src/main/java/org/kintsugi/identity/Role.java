package org.kintsugi.identity;

/** What a person may do: administrators manage people, members write, viewers read. */
public enum Role {
    ADMIN("Administrator", "Manages people and settings, and does everything a member does."),
    MEMBER("Member", "Declares and edits incidents and writes postmortems."),
    VIEWER("Viewer", "Reads everything, changes nothing.");

    private final String label;
    private final String description;

    Role(String label, String description) {
        this.label = label;
        this.description = description;
    }

    public String label() {
        return label;
    }

    public String description() {
        return description;
    }

    /** Return the Spring Security authority for this role, e.g. {@code ROLE_ADMIN}. */
    public String authority() {
        return "ROLE_" + name();
    }
}
