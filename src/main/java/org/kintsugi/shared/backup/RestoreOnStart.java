package org.kintsugi.shared.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Put a backup made by {@link Backups} back before anything opens the data directory: start Kintsugi with
 * {@code KINTSUGI_RESTORE=<backup.zip>} (or {@code --kintsugi.restore=…}) on an empty data directory and it starts
 * on the restored data. A data directory that already holds a database is never overwritten; starting again with the
 * same setting after the restore is harmless, the restore is recorded and not repeated.
 */
public class RestoreOnStart implements EnvironmentPostProcessor {

    static final String PROPERTY = "kintsugi.restore";
    static final String RECORD = "restored-from.txt";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String backup = environment.getProperty(PROPERTY, "");
        if (backup.isBlank()) {
            return;
        }
        String url = environment.getProperty("spring.datasource.url", "");
        if (!url.startsWith("jdbc:h2:file:")) {
            throw new IllegalStateException(PROPERTY + ": a backup restores the embedded database only; KINTSUGI_DB_URL"
                    + " points elsewhere (" + url + "). Restore PostgreSQL with pg_restore.");
        }
        Path dataDir = Path.of(environment.getProperty("kintsugi.data-dir", "./data"))
                .toAbsolutePath()
                .normalize();
        restore(Path.of(backup).toAbsolutePath(), dataDir);
    }

    static void restore(Path backup, Path dataDir) {
        if (!Files.isRegularFile(backup)) {
            throw new IllegalStateException(PROPERTY + ": there is no backup file at " + backup + ".");
        }
        String digest = sha256(backup);
        Path database = dataDir.resolve(Backups.DATABASE_FOLDER);
        Path record = database.resolve(RECORD);
        try {
            if (Files.isRegularFile(record) && Files.readString(record).strip().equals(digest)) {
                return; // this very backup was restored before; the data has moved on since
            }
            if (holdsDatabase(database)) {
                throw new IllegalStateException(PROPERTY + ": " + dataDir + " already holds a database; a backup is"
                        + " restored onto an empty data directory only, so nothing is overwritten. Point"
                        + " KINTSUGI_DATA_DIR at an empty directory, or move the old one away first.");
            }
            // Unpack beside the data first, so a broken backup leaves the data directory as it was.
            Path staging = Files.createDirectories(dataDir).resolve(".restoring-" + System.nanoTime());
            unzip(backup, staging);
            try (var unpacked = Files.walk(staging)) {
                for (Path file : unpacked.filter(Files::isRegularFile).toList()) {
                    Path target = dataDir.resolve(staging.relativize(file));
                    Files.createDirectories(target.getParent());
                    Files.move(file, target, StandardCopyOption.REPLACE_EXISTING);
                    if (target.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                        // the database and the key to its secrets: their owner alone reads them, as before
                        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-------"));
                    }
                }
            }
            try (var left = Files.walk(staging)) {
                for (Path folder :
                        left.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(folder);
                }
            }
            Files.writeString(record, digest + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(PROPERTY + ": could not restore " + backup + " into " + dataDir, e);
        }
        System.out.println("Restored " + backup + " into " + dataDir);
    }

    private static boolean holdsDatabase(Path database) throws IOException {
        if (!Files.isDirectory(database)) {
            return false;
        }
        try (var files = Files.list(database)) {
            return files.anyMatch(f -> f.getFileName().toString().endsWith(".db"));
        }
    }

    private static void unzip(Path backup, Path dataDir) throws IOException {
        boolean sawDatabase = false;
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(backup))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                Path target = dataDir.resolve(entry.getName()).normalize();
                if (!target.startsWith(dataDir)) {
                    throw new IllegalStateException(
                            PROPERTY + ": " + backup + " is not a Kintsugi backup (entry " + entry.getName() + ").");
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                    continue;
                }
                Files.createDirectories(target.getParent());
                Files.copy(zip, target, StandardCopyOption.REPLACE_EXISTING);
                sawDatabase |= target.getParent().equals(dataDir.resolve(Backups.DATABASE_FOLDER))
                        && target.getFileName().toString().endsWith(".mv.db");
            }
        }
        if (!sawDatabase) {
            throw new IllegalStateException(PROPERTY + ": " + backup + " holds no database; is it a Kintsugi backup?");
        }
    }

    private static String sha256(Path file) {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            MessageDigest digest = ((DigestInputStream) in).getMessageDigest();
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
