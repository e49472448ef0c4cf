package org.kintsugi.postmortem.importing;

import java.time.ZoneId;
import java.util.Optional;
import java.util.stream.Stream;
import org.commonmark.node.Paragraph;
import org.jspecify.annotations.Nullable;

/**
 * Choose the zone of a timeline entry: the one written with it ({@code 10:29 UTC}), else the front matter's
 * {@code timezone}, else the one in its table's header ({@code Time (UTC)}), else the section's phrase ("All times in
 * PST", also in its heading: "Timeline (times in BST)"), else the one last written with an entry above it in the
 * section ({@code 16:59 PST}, then {@code 17:07}), else the importer's default.
 *
 * <p>An entry's own zone comes first because it is the most exact statement there is: "10:29 UTC" under "All times in
 * PST" means UTC.
 */
final class EntryZones {

    private final @Nullable ZoneId document;
    private final ZoneId fallback;
    private @Nullable ZoneId section;
    private @Nullable ZoneId lastWritten;

    EntryZones(@Nullable ZoneId document, ZoneId fallback) {
        this.document = document;
        this.fallback = fallback;
    }

    /** Start a timeline section, taking its "All times in …" phrase if it has one. */
    void enter(Outline.Part part) {
        section = phrase(part).orElse(null);
        lastWritten = null;
    }

    /** Return the zone of an entry, remembering the one it wrote for the entries after it. */
    ZoneId of(Stamp stamp, @Nullable ZoneId tableZone) {
        ZoneId chosen = Stream.of(stamp.zone(), document, tableZone, section, lastWritten)
                .filter(zone -> zone != null)
                .findFirst()
                .orElse(fallback);
        lastWritten = stamp.zone() != null ? stamp.zone() : lastWritten;
        return chosen;
    }

    private static Optional<ZoneId> phrase(Outline.Part part) {
        return Stream.concat(
                        Stream.of(part.section().heading()),
                        part.blocks().stream()
                                .filter(Paragraph.class::isInstance)
                                .map(PlainText::of))
                .map(ZoneNames::inPhrase)
                .flatMap(Optional::stream)
                .findFirst();
    }
}
