package org.kintsugi.postmortem.web;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.kintsugi.postmortem.template.SectionDefinition;
import org.kintsugi.postmortem.template.TemplateDraft;
import org.kintsugi.postmortem.template.TemplateView;

/** The template form as typed: rows with a blank heading are dropped, rows are ordered by their position field. */
public class TemplateForm {

    /** Blank rows offered under the existing sections, for adding new ones without JavaScript. */
    static final int BLANK_ROWS = 2;

    private String name = "";
    private String description = "";
    private @Nullable Long version;
    private List<Row> sections = new ArrayList<>();

    /** One section row. */
    public static class Row {
        private String key = "";
        private String heading = "";
        private String guidance = "";
        private boolean required;
        private boolean remove;
        private int position;

        public String getKey() {
            return key;
        }

        public void setKey(String key) {
            this.key = key;
        }

        public String getHeading() {
            return heading;
        }

        public void setHeading(String heading) {
            this.heading = heading;
        }

        public String getGuidance() {
            return guidance;
        }

        public void setGuidance(String guidance) {
            this.guidance = guidance;
        }

        public boolean isRequired() {
            return required;
        }

        public void setRequired(boolean required) {
            this.required = required;
        }

        public boolean isRemove() {
            return remove;
        }

        public void setRemove(boolean remove) {
            this.remove = remove;
        }

        public int getPosition() {
            return position;
        }

        public void setPosition(int position) {
            this.position = position;
        }
    }

    static TemplateForm blank() {
        TemplateForm form = new TemplateForm();
        form.withBlankRows();
        return form;
    }

    static TemplateForm of(TemplateView template) {
        TemplateForm form = new TemplateForm();
        form.name = template.name();
        form.description = template.description();
        form.version = template.version();
        for (SectionDefinition s : template.sections()) {
            Row row = new Row();
            row.key = s.key();
            row.heading = s.heading();
            row.guidance = s.guidance();
            row.required = s.required();
            row.position = form.sections.size() + 1;
            form.sections.add(row);
        }
        form.withBlankRows();
        return form;
    }

    TemplateForm withBlankRows() {
        int next = sections.size();
        for (int i = 0; i < BLANK_ROWS; i++) {
            Row row = new Row();
            row.position = ++next;
            sections.add(row);
        }
        return this;
    }

    /** Return the draft: kept rows with a heading, in the order of their position numbers. */
    TemplateDraft draft() {
        List<SectionDefinition> kept = sections.stream()
                .filter(r -> !r.remove && !r.heading.isBlank())
                .sorted(java.util.Comparator.comparingInt(r -> r.position))
                .map(r -> new SectionDefinition(r.key, r.heading, r.guidance, r.required))
                .toList();
        return new TemplateDraft(name, description, kept);
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public @Nullable Long getVersion() {
        return version;
    }

    public void setVersion(@Nullable Long version) {
        this.version = version;
    }

    public List<Row> getSections() {
        return sections;
    }

    public void setSections(List<Row> sections) {
        this.sections = sections;
    }
}
