package org.kintsugi.shared.secrets;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/**
 * The key file under the data directory: one base64 key per line, the first the primary, the others old keys still
 * read; lines starting with {@code #} are comments. Created with a new random key on first start, readable and
 * writable by its owner only.
 */
final class SecretKeyFile {

    private SecretKeyFile() {}

    /** Return the keys in the file, creating it with a new key when it does not exist. */
    static List<String> readOrCreate(Path file) {
        try {
            if (Files.notExists(file)) {
                create(file);
            }
            return read(file);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Cannot read or create the secret key file " + file
                            + "; set KINTSUGI_SECRET_KEY instead, or make the data directory writable",
                    e);
        }
    }

    /** Return the keys in the file, or none when there is no file. */
    static List<String> readIfExists(Path file) {
        try {
            return Files.exists(file) ? read(file) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the secret key file " + file, e);
        }
    }

    private static List<String> read(Path file) throws IOException {
        return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .toList();
    }

    private static void create(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try {
            if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(
                        file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(file);
                File f = file.toFile();
                boolean ownerOnly = f.setReadable(false, false)
                        && f.setReadable(true, true)
                        && f.setWritable(false, false)
                        && f.setWritable(true, true);
                if (!ownerOnly) {
                    throw new IOException("cannot make " + file + " readable by its owner only");
                }
            }
        } catch (FileAlreadyExistsException e) {
            return; // another node sharing the data directory made it first: use its key
        }
        String content = """
                # Kintsugi encrypts the secrets in its database with this key. Keep it secret, back it up with the
                # database, never share it. To rotate: put a new key (openssl rand -base64 32) on the first key line,
                # keep the old one below it, restart, then remove the old line.
                %s
                """.formatted(SecretKeyRing.generate());
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }
}
