package org.kintsugi.knowledge.index;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.hibernate.search.engine.backend.types.Aggregable;
import org.hibernate.search.engine.backend.types.Highlightable;
import org.hibernate.search.engine.backend.types.Projectable;
import org.hibernate.search.engine.backend.types.Sortable;
import org.hibernate.search.engine.backend.types.TermVector;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.DocumentId;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.FullTextField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.GenericField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.Indexed;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.IndexingDependency;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.KeywordField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.ObjectPath;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.PropertyValue;
import org.jspecify.annotations.Nullable;

/**
 * Everything people wrote about one incident, flattened into one text per field and indexed for search. It is
 * recomputed from the other modules whenever they announce a change, and the index is (re)built from these rows.
 */
@Entity
@Table(name = "knowledge_documents")
@Indexed(index = "knowledge")
public class KnowledgeDocument {

    /** Separates the values of a multi-valued column (services, teams, categories); never typed by a person. */
    static final String SEPARATOR = "\n";

    static final int MAX_TEXT = 1_000_000;

    @Id
    @DocumentId
    @Column(name = "incident_id")
    private long incidentId;

    @KeywordField(projectable = Projectable.YES)
    private String incidentKey = "";

    @GenericField(projectable = Projectable.YES)
    private @Nullable Long postmortemId;

    @FullTextField(
            analyzer = SearchAnalysis.ENGLISH,
            projectable = Projectable.YES,
            highlightable = Highlightable.FAST_VECTOR,
            termVector = TermVector.WITH_POSITIONS_OFFSETS)
    private String title = "";

    @FullTextField(
            analyzer = SearchAnalysis.ENGLISH,
            projectable = Projectable.YES,
            highlightable = Highlightable.FAST_VECTOR,
            termVector = TermVector.WITH_POSITIONS_OFFSETS)
    private String summary = "";

    @FullTextField(
            analyzer = SearchAnalysis.ENGLISH,
            projectable = Projectable.YES,
            highlightable = Highlightable.FAST_VECTOR,
            termVector = TermVector.WITH_POSITIONS_OFFSETS)
    private String impact = "";

    @KeywordField(projectable = Projectable.YES, aggregable = Aggregable.YES)
    private String kind = "";

    @KeywordField(projectable = Projectable.YES, aggregable = Aggregable.YES)
    private String severity = "";

    @KeywordField(aggregable = Aggregable.YES)
    private String status = "";

    @KeywordField
    private @Nullable String postmortemStatus;

    private String services = "";

    private String teams = "";

    private String factorCategories = "";

    @GenericField(projectable = Projectable.YES, sortable = Sortable.YES)
    private Instant startedAt = Instant.EPOCH;

    @GenericField
    private @Nullable Instant resolvedAt;

    @GenericField
    private @Nullable Instant publishedAt;

    @FullTextField(
            analyzer = SearchAnalysis.ENGLISH,
            projectable = Projectable.YES,
            highlightable = Highlightable.FAST_VECTOR,
            termVector = TermVector.WITH_POSITIONS_OFFSETS)
    private String sections = "";

    @FullTextField(
            analyzer = SearchAnalysis.ENGLISH,
            projectable = Projectable.YES,
            highlightable = Highlightable.FAST_VECTOR,
            termVector = TermVector.WITH_POSITIONS_OFFSETS)
    private String timeline = "";

    @FullTextField(
            analyzer = SearchAnalysis.ENGLISH,
            projectable = Projectable.YES,
            highlightable = Highlightable.FAST_VECTOR,
            termVector = TermVector.WITH_POSITIONS_OFFSETS)
    private String accounts = "";

    @FullTextField(
            analyzer = SearchAnalysis.ENGLISH,
            projectable = Projectable.YES,
            highlightable = Highlightable.FAST_VECTOR,
            termVector = TermVector.WITH_POSITIONS_OFFSETS)
    private String whys = "";

    @FullTextField(
            analyzer = SearchAnalysis.ENGLISH,
            projectable = Projectable.YES,
            highlightable = Highlightable.FAST_VECTOR,
            termVector = TermVector.WITH_POSITIONS_OFFSETS)
    private String factors = "";

    @FullTextField(
            analyzer = SearchAnalysis.ENGLISH,
            projectable = Projectable.YES,
            highlightable = Highlightable.FAST_VECTOR,
            termVector = TermVector.WITH_POSITIONS_OFFSETS)
    private String actions = "";

    private Instant computedAt = Instant.EPOCH;

    protected KnowledgeDocument() {}

    KnowledgeDocument(long incidentId) {
        this.incidentId = incidentId;
    }

    /** Replace everything with freshly read content. */
    void refresh(DocumentContent content, Instant now) {
        this.incidentKey = content.incidentKey();
        this.postmortemId = content.postmortemId();
        this.title = content.title();
        this.summary = clip(content.summary());
        this.impact = clip(content.impact());
        this.kind = content.kind();
        this.severity = content.severity();
        this.status = content.status();
        this.postmortemStatus = content.postmortemStatus();
        this.services = joined(content.services());
        this.teams = joined(content.teams());
        this.factorCategories = joined(content.factorCategories());
        this.startedAt = content.startedAt();
        this.resolvedAt = content.resolvedAt();
        this.publishedAt = content.publishedAt();
        this.sections = clip(content.sections());
        this.timeline = clip(content.timeline());
        this.accounts = clip(content.accounts());
        this.whys = clip(content.whys());
        this.factors = clip(content.factors());
        this.actions = clip(content.actions());
        this.computedAt = now;
    }

    public long getIncidentId() {
        return incidentId;
    }

    /** Services, teams and kind as words, so a search for a service's name finds its incidents. */
    @FullTextField(name = "tags", analyzer = SearchAnalysis.ENGLISH)
    @IndexingDependency(
            derivedFrom = {
                @ObjectPath(@PropertyValue(propertyName = "services")),
                @ObjectPath(@PropertyValue(propertyName = "teams")),
                @ObjectPath(@PropertyValue(propertyName = "kind"))
            })
    public String getTags() {
        return String.join(" ", services, teams, kind);
    }

    @KeywordField(name = "service", aggregable = Aggregable.YES)
    @IndexingDependency(derivedFrom = @ObjectPath(@PropertyValue(propertyName = "services")))
    public List<String> getServiceNames() {
        return split(services);
    }

    @KeywordField(name = "team", aggregable = Aggregable.YES)
    @IndexingDependency(derivedFrom = @ObjectPath(@PropertyValue(propertyName = "teams")))
    public List<String> getTeamNames() {
        return split(teams);
    }

    @KeywordField(name = "factor", aggregable = Aggregable.YES)
    @IndexingDependency(derivedFrom = @ObjectPath(@PropertyValue(propertyName = "factorCategories")))
    public List<String> getFactorCategoryNames() {
        return split(factorCategories);
    }

    @GenericField(name = "year", aggregable = Aggregable.YES)
    @IndexingDependency(derivedFrom = @ObjectPath(@PropertyValue(propertyName = "startedAt")))
    public int getYear() {
        return startedAt.atZone(ZoneOffset.UTC).getYear();
    }

    private static String joined(List<String> values) {
        return String.join(SEPARATOR, values);
    }

    private static List<String> split(String joined) {
        return joined.isEmpty() ? List.of() : Arrays.asList(joined.split(SEPARATOR));
    }

    private static String clip(String text) {
        return text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT);
    }
}
