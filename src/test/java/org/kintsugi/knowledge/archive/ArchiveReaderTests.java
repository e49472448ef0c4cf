package org.kintsugi.knowledge.archive;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.kintsugi.knowledge.archive.Archives.DEFAULTS;
import static org.kintsugi.knowledge.archive.Archives.upload;
import static org.kintsugi.knowledge.archive.Archives.zip;
import static org.kintsugi.knowledge.archive.Archives.zipUpload;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.kintsugi.shared.InvalidInputException;
import org.kintsugi.shared.LimitExceededException;
import org.springframework.util.unit.DataSize;

class ArchiveReaderTests {

    static final byte[] POSTMORTEM = "# Checkout down\n\n## Summary\n\nPayments failed for an hour.\n".getBytes(UTF_8);

    static List<IncomingFile> read(List<Upload> uploads) throws Exception {
        return ArchiveReader.read(uploads, DEFAULTS);
    }

    static List<IncomingFile> read(List<Upload> uploads, ArchiveLimits limits) throws Exception {
        return ArchiveReader.read(uploads, limits);
    }

    @Nested
    @DisplayName("a zip")
    class Zips {

        @Test
        void readsEveryMarkdownEntryWithItsFolderAndLeavesOtherFilesOut() throws Exception {
            Map<String, byte[]> entries = new LinkedHashMap<>(Archives.corpus());
            entries.put("images/", new byte[0]);
            entries.put("images/graph.png", new byte[] {(byte) 0x89, 'P', 'N', 'G'});
            entries.put("__MACOSX/._graph.png", new byte[] {0, 5, 22, 7});
            entries.put(".DS_Store", new byte[] {0, 0, 0, 1});

            List<IncomingFile> files = read(zipUpload("archive.zip", entries));

            assertThat(files)
                    .extracting(IncomingFile::name, IncomingFile::state)
                    .contains(
                            org.assertj.core.groups.Tuple.tuple(
                                    "dfds/pm2023-001-total-node-failure.md", FileState.WAITING),
                            org.assertj.core.groups.Tuple.tuple("images/graph.png", FileState.SKIPPED));
            assertThat(files).hasSize(8);
            assertThat(files.stream().filter(f -> f.state() == FileState.WAITING))
                    .hasSize(7)
                    .allSatisfy(f -> assertThat(f.text()).contains("#"));
        }

        @Test
        void refusesAnEntryThatUnpacksPastTheLimitOfOneFileWithoutUnpackingIt() {
            // 50 MB of zeros squeezes into about 50 KB: a classic bomb.
            byte[] zeros = new byte[50_000_000];
            List<Upload> bomb = zipUpload("bomb.zip", Map.of("bomb.md", zeros));
            assertThat(bomb.getFirst().size()).isLessThan(100_000);

            assertThatThrownBy(() -> read(bomb)).isInstanceOfSatisfying(LimitExceededException.class, e -> {
                assertThat(e.setting()).isEqualTo("kintsugi.limits.archive-file-size");
                assertThat(e.field()).isEqualTo("files");
                assertThat(e.kind()).isEqualTo(LimitExceededException.Kind.TOO_LARGE);
                assertThat(e.getMessage()).contains("bomb.md has more than 1,000,000 bytes");
            });
        }

        @Test
        void refusesEntriesThatTogetherUnpackPastTheLimitOfTheUpload() {
            Map<String, byte[]> entries = new LinkedHashMap<>();
            for (int i = 0; i < 5; i++) {
                entries.put("part-" + i + ".md", new byte[900_000]);
            }
            ArchiveLimits small =
                    new ArchiveLimits(DataSize.ofMegabytes(32), DataSize.ofMegabytes(4), 2000, 1_000_000, 10_000, 3);

            assertThatThrownBy(() -> read(zipUpload("a.zip", entries), small))
                    .isInstanceOfSatisfying(
                            LimitExceededException.class,
                            e -> assertThat(e.setting()).isEqualTo("kintsugi.limits.archive-size"));
        }

        @Test
        void refusesMoreFilesThanOneImportTakes() {
            Map<String, byte[]> entries = new LinkedHashMap<>();
            for (int i = 0; i < 2001; i++) {
                entries.put("pm-" + i + ".md", POSTMORTEM);
            }
            assertThatThrownBy(() -> read(zipUpload("a.zip", entries)))
                    .isInstanceOfSatisfying(LimitExceededException.class, e -> {
                        assertThat(e.setting()).isEqualTo("kintsugi.limits.archive-files");
                        assertThat(e.getMessage()).contains("more than 2,000 files");
                    });
        }

        @Test
        void refusesAZipListingMoreEntriesThanTheLimitBeforeReadingAny() {
            Map<String, byte[]> entries = new LinkedHashMap<>();
            for (int i = 0; i < 30; i++) {
                entries.put("folder-" + i + "/", new byte[0]);
            }
            ArchiveLimits small =
                    new ArchiveLimits(DataSize.ofMegabytes(32), DataSize.ofMegabytes(64), 2000, 1_000_000, 20, 3);
            assertThatThrownBy(() -> read(zipUpload("a.zip", entries), small))
                    .isInstanceOfSatisfying(LimitExceededException.class, e -> {
                        assertThat(e.setting()).isEqualTo("kintsugi.limits.archive-entries");
                        assertThat(e.getMessage()).contains("lists 30 entries");
                    });
        }

        @Test
        void refusesAnArchiveInsideTheArchiveByItsNameOrByItsContent() {
            byte[] inner = zip(Map.of("a.md", POSTMORTEM));
            assertThatThrownBy(() -> read(zipUpload("a.zip", Map.of("old/inner.zip", inner))))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("files: \"old/inner.zip\" is an archive inside the upload");
            assertThatThrownBy(() -> read(zipUpload("a.zip", Map.of("disguised.md", inner))))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("\"disguised.md\" is an archive inside the upload");
        }

        @Test
        void refusesEntryNamesThatPointOutsideTheArchive() {
            for (String name : List.of("../../etc/cron.d/evil.md", "/etc/evil.md", "C:/evil.md", "a/../../b.md")) {
                assertThatThrownBy(() -> read(zipUpload("a.zip", Map.of(name, POSTMORTEM))))
                        .as(name)
                        .isInstanceOf(InvalidInputException.class)
                        .hasMessageContaining("points outside the archive");
            }
        }

        @Test
        void refusesAFileThatIsNotAZipThoughItIsNamedOne() {
            assertThatThrownBy(() -> read(List.of(upload("old.zip", POSTMORTEM))))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("old.zip is not a zip archive Kintsugi can read");
        }

        @Test
        void refusesAZipUploadedTogetherWithOtherFiles() {
            assertThatThrownBy(() ->
                            read(List.of(upload("a.zip", zip(Map.of("a.md", POSTMORTEM))), upload("b.md", POSTMORTEM))))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("upload one .zip on its own");
        }
    }

    @Nested
    @DisplayName("each file")
    class EachFile {

        @Test
        void failsOnItsOwnWhenItIsNotUtf8TextOrEmpty() throws Exception {
            byte[] latin1 = "# Panne\n\nLe réseau était coupé.".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
            List<IncomingFile> files = read(List.of(
                    upload("latin1.md", latin1),
                    upload("nul.md", "# A\u0000B".getBytes(UTF_8)),
                    upload("empty.md", "  \n".getBytes(UTF_8)),
                    upload("good.md", POSTMORTEM)));

            assertThat(files)
                    .extracting(IncomingFile::name, IncomingFile::state, IncomingFile::reason)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple(
                                    "latin1.md",
                                    FileState.FAILED,
                                    "The file is not UTF-8 text: Kintsugi reads Markdown as UTF-8, so save it as"
                                            + " UTF-8 and import it again."),
                            org.assertj.core.groups.Tuple.tuple(
                                    "nul.md",
                                    FileState.FAILED,
                                    "The file holds binary data (a NUL character), not text."),
                            org.assertj.core.groups.Tuple.tuple(
                                    "empty.md", FileState.FAILED, "The file is empty: there is nothing to import."),
                            org.assertj.core.groups.Tuple.tuple("good.md", FileState.WAITING, null));
        }

        @Test
        void dropsAByteOrderMarkAndAFolderInTheUploadedName() throws Exception {
            byte[] withBom = new byte[POSTMORTEM.length + 3];
            withBom[0] = (byte) 0xef;
            withBom[1] = (byte) 0xbb;
            withBom[2] = (byte) 0xbf;
            System.arraycopy(POSTMORTEM, 0, withBom, 3, POSTMORTEM.length);

            IncomingFile file = read(List.of(upload("C:\\exports\\2019\\outage.md", withBom)))
                    .getFirst();

            assertThat(file.name()).isEqualTo("outage.md");
            assertThat(file.text()).startsWith("# Checkout down");
        }

        @Test
        void refusesAFileLargerThanOnePostmortemMayBe() {
            assertThatThrownBy(() -> read(List.of(upload("huge.md", new byte[1_000_001]))))
                    .isInstanceOfSatisfying(
                            LimitExceededException.class,
                            e -> assertThat(e.setting()).isEqualTo("kintsugi.limits.archive-file-size"));
        }

        @Test
        void refusesAnUploadWithNoFileChosen() {
            assertThatThrownBy(() -> read(List.of(upload("", new byte[0]))))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("choose a .zip of postmortems");
        }
    }
}
