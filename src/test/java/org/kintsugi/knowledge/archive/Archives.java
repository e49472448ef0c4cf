package org.kintsugi.knowledge.archive;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.util.unit.DataSize;

/** Zips and files for the archive import tests, and the real postmortems copied into the test resources. */
public final class Archives {

    /** Seven real postmortems from four collections (see the README beside them for their sources and licences). */
    public static final Path CORPUS = Path.of("src/test/resources/knowledge/archive/postmortems");

    /** The whole shared corpus, 75 postmortems, where the machine has it. */
    public static final Path SHARED_CORPUS = Path.of("../shared/corpus/postmortems");

    /** The default limits, as the application binds them. */
    public static final ArchiveLimits DEFAULTS =
            new ArchiveLimits(DataSize.ofMegabytes(32), DataSize.ofMegabytes(64), 2000, 1_000_000, 10_000, 3);

    private Archives() {}

    /** Return the Markdown files under a folder by their path in it, e.g. {@code dfds/pm2023-001-….md}. */
    public static Map<String, byte[]> markdown(Path folder) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path file :
                    walk.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
                files.put(folder.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    public static Map<String, byte[]> corpus() {
        return markdown(CORPUS);
    }

    /** Return a zip of the entries, in their order; a name ending in {@code /} is a folder. */
    public static byte[] zip(Map<String, byte[]> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (var entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public static Upload upload(String name, byte[] bytes) {
        return new Upload(name, bytes.length, new ByteArrayResource(bytes));
    }

    public static List<Upload> zipUpload(String name, Map<String, byte[]> entries) {
        return List.of(upload(name, zip(entries)));
    }
}
