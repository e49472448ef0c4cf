package org.kintsugi.shared.backup;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.kintsugi.shared.NotFoundException;
import org.kintsugi.shared.RefusedException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Back up a single node's data directory while Kintsugi runs: the embedded database as H2 copies it online (a
 * consistent snapshot, writes go on meanwhile) and the files beside it that the data cannot be read without, such as
 * the key that encrypts stored secrets. The search index is left out: it is rebuilt from the database. Each backup is
 * one zip under {@code <data dir>/backups}; the newest {@code kintsugi.backup.keep} are kept. {@link RestoreOnStart}
 * puts one back onto an empty data directory.
 */
@Component
public class Backups {

    static final Pattern NAME = Pattern.compile("kintsugi-\\d{8}-\\d{6}(-\\d+)?\\.zip");
    static final String DATABASE_FOLDER = "db";
    /** Folders of the data directory a backup does not copy: the database (copied by H2), backups, the index. */
    static final Set<String> LEFT_OUT = Set.of(DATABASE_FOLDER, "backups", "index");

    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final JdbcTemplate jdbc;
    private final Path dataDir;
    private final String url;
    private final int keep;
    private final Clock clock;

    Backups(
            JdbcTemplate jdbc,
            @Value("${kintsugi.data-dir}") Path dataDir,
            @Value("${spring.datasource.url}") String url,
            @Value("${kintsugi.backup.keep:7}") int keep,
            Clock clock) {
        this.jdbc = jdbc;
        this.dataDir = dataDir;
        this.url = url;
        this.keep = Math.max(1, keep);
        this.clock = clock;
    }

    /** What one backup is: its file name, size and when it was made. */
    public record BackupFile(String name, long bytes, Instant createdAt) {}

    /** Write a new backup and return it; older ones beyond the number kept are removed. */
    public synchronized BackupFile create() {
        if (!url.startsWith("jdbc:h2:file:")) {
            throw RefusedException.state("Backups here cover the embedded database only; this node uses " + vendor()
                    + ": back it up with that database's own tools (for PostgreSQL, pg_dump).");
        }
        Path folder = folder();
        String stamp = STAMP.format(clock.instant());
        Path target = folder.resolve("kintsugi-" + stamp + ".zip");
        for (int n = 2; Files.exists(target); n++) {
            target = folder.resolve("kintsugi-" + stamp + "-" + n + ".zip");
        }
        Path database = folder.resolve(".database-" + System.nanoTime() + ".zip");
        try {
            jdbc.execute("BACKUP TO '" + database.toString().replace("'", "''") + "'");
            Path partial = ownerOnly(folder.resolve(target.getFileName() + ".partial"));
            try (OutputStream out = Files.newOutputStream(partial);
                    ZipOutputStream zip = new ZipOutputStream(out)) {
                copyDatabase(database, zip);
                copyBesideFiles(zip);
            }
            Files.move(partial, target);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the backup " + target, e);
        } finally {
            deleteQuietly(database);
        }
        prune();
        return describe(target);
    }

    /** List the backups kept, newest first. */
    public List<BackupFile> list() {
        try (Stream<Path> files = Files.list(folder())) {
            return files.filter(f -> NAME.matcher(f.getFileName().toString()).matches())
                    .map(this::describe)
                    .sorted(Comparator.comparing(BackupFile::createdAt)
                            .thenComparing(BackupFile::name)
                            .reversed())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Return the file of the backup with this name; anything but a backup's own name is not found. */
    public Path file(String name) {
        Path file = folder().resolve(name);
        if (!NAME.matcher(name).matches() || !Files.isRegularFile(file)) {
            throw new NotFoundException("There is no backup named " + name + ".");
        }
        return file;
    }

    private void copyDatabase(Path database, ZipOutputStream zip) throws IOException {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(database))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                zip.putNextEntry(new ZipEntry(DATABASE_FOLDER + "/" + entry.getName()));
                in.transferTo(zip);
                zip.closeEntry();
            }
        }
    }

    private void copyBesideFiles(ZipOutputStream zip) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dataDir)) {
            files = walk.filter(Files::isRegularFile)
                    .filter(f ->
                            !LEFT_OUT.contains(dataDir.relativize(f).getName(0).toString()))
                    .sorted()
                    .toList();
        }
        for (Path file : files) {
            zip.putNextEntry(new ZipEntry(dataDir.relativize(file).toString().replace('\\', '/')));
            Files.copy(file, zip);
            zip.closeEntry();
        }
    }

    private void prune() {
        List<BackupFile> all = list();
        for (BackupFile old : all.subList(Math.min(keep, all.size()), all.size())) {
            deleteQuietly(folder().resolve(old.name()));
        }
    }

    private BackupFile describe(Path file) {
        try {
            return new BackupFile(
                    file.getFileName().toString(),
                    Files.size(file),
                    Files.getLastModifiedTime(file).toInstant());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Create an empty file only its owner may read: a backup holds the whole database and the key to its secrets.
     */
    private static Path ownerOnly(Path file) throws IOException {
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return Files.createFile(
                    file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        Files.createFile(file);
        File f = file.toFile();
        if (!(f.setReadable(false, false) && f.setReadable(true, true) && f.setWritable(true, true))) {
            throw new IOException("cannot make " + file + " readable by its owner only");
        }
        return file;
    }

    private Path folder() {
        Path folder = dataDir.resolve("backups");
        try {
            Files.createDirectories(folder);
            if (folder.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
            }
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create " + folder, e);
        }
    }

    private String vendor() {
        String[] parts = url.split(":");
        return parts.length > 1 ? parts[1] : url;
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a leftover temporary file does no harm: it is never listed or restored
        }
    }
}
