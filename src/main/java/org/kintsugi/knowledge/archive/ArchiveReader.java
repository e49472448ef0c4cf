package org.kintsugi.knowledge.archive;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.kintsugi.shared.InvalidInputException;
import org.kintsugi.shared.LimitExceededException;
import org.kintsugi.shared.LimitExceededException.Kind;

/**
 * Read the files of an upload — one zip, or Markdown files — within {@link ArchiveLimits}. A zip is read through its
 * central directory, so only the Markdown entries are ever unpacked, each no further than one byte past its limit:
 * what a zip claims about its sizes is never believed. Entries that climb out of the archive ({@code ../}) and
 * archives inside the archive refuse the whole upload; a file that is not UTF-8 text fails on its own.
 */
final class ArchiveReader {

    static final String FIELD = "files";
    private static final Set<String> MARKDOWN = Set.of("md", "markdown", "txt");
    private static final Set<String> ARCHIVES =
            Set.of("zip", "jar", "war", "gz", "tgz", "tar", "7z", "rar", "bz2", "xz", "zst", "cab", "iso");
    private static final int NAME_LENGTH = 300;

    private final ArchiveLimits limits;
    private final List<IncomingFile> files = new ArrayList<>();
    private long unpacked;

    private ArchiveReader(ArchiveLimits limits) {
        this.limits = limits;
    }

    /** Return the upload's files, or refuse the upload with the limit or the entry that stops it. */
    static List<IncomingFile> read(List<Upload> uploads, ArchiveLimits limits) throws IOException {
        List<Upload> given = uploads.stream()
                .filter(u -> u.size() > 0 || !u.name().isBlank())
                .toList();
        if (given.isEmpty()) {
            throw new InvalidInputException(
                    FIELD, "choose a .zip of postmortems, or one or more Markdown files (.md, .markdown or .txt)");
        }
        long size = given.stream().mapToLong(Upload::size).sum();
        if (size > limits.archiveUpload().toBytes()) {
            throw tooLarge(
                    "archive-upload",
                    limits.archiveUpload().toBytes(),
                    "The upload has " + count(size) + " bytes, more than one import reads");
        }
        ArchiveReader reader = new ArchiveReader(limits);
        boolean zip = given.stream().anyMatch(u -> extension(u.name()).equals("zip"));
        if (zip && given.size() > 1) {
            throw new InvalidInputException(
                    FIELD,
                    "upload one .zip on its own, or Markdown files without a .zip: this upload has " + given.size()
                            + " files with a .zip among them");
        }
        if (zip) {
            reader.unzip(given.getFirst());
        } else {
            for (Upload upload : given) {
                reader.plain(upload);
            }
        }
        return List.copyOf(reader.files);
    }

    private void plain(Upload upload) throws IOException {
        String name = clip(baseName(upload.name()));
        if (!counted(name)) {
            return;
        }
        try (InputStream in = upload.content().getInputStream()) {
            add(name, in);
        }
    }

    private void unzip(Upload upload) throws IOException {
        Path copy = Files.createTempFile("kintsugi-archive-", ".zip");
        try {
            try (InputStream in = upload.content().getInputStream()) {
                Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
            }
            try (ZipFile zip = open(copy, upload.name())) {
                if (zip.size() > limits.archiveEntries()) {
                    throw tooLarge(
                            "archive-entries",
                            limits.archiveEntries(),
                            upload.name() + " lists " + count(zip.size()) + " entries, more than one import reads");
                }
                Enumeration<? extends ZipEntry> entries = zip.entries();
                while (entries.hasMoreElements()) {
                    entry(zip, entries.nextElement());
                }
            }
        } finally {
            Files.deleteIfExists(copy);
        }
    }

    private static ZipFile open(Path copy, String name) throws IOException {
        try {
            return new ZipFile(copy.toFile(), StandardCharsets.UTF_8);
        } catch (ZipException | IllegalArgumentException unreadable) {
            throw new InvalidInputException(
                    FIELD, name + " is not a zip archive Kintsugi can read (" + unreadable.getMessage() + ")");
        }
    }

    private void entry(ZipFile zip, ZipEntry entry) throws IOException {
        String path = entry.getName().replace('\\', '/');
        if (outside(path)) {
            throw new InvalidInputException(
                    FIELD,
                    "the archive's entry \"" + clip(path) + "\" points outside the archive; Kintsugi refuses archives"
                            + " with such names");
        }
        if (entry.isDirectory() || path.endsWith("/") || hidden(path)) {
            return;
        }
        String name = clip(path);
        if (!counted(name)) {
            return;
        }
        try (InputStream in = zip.getInputStream(entry)) {
            add(name, in);
        } catch (ZipException | java.io.EOFException broken) {
            throw new InvalidInputException(
                    FIELD, "the archive's entry \"" + name + "\" cannot be unpacked (" + broken.getMessage() + ")");
        }
    }

    /** Count a file against the limit; return whether it is Markdown to read, else record it as left out. */
    private boolean counted(String name) {
        if (files.size() >= limits.archiveFiles()) {
            throw tooLarge(
                    "archive-files",
                    limits.archiveFiles(),
                    "The upload holds more than " + count(limits.archiveFiles()) + " files");
        }
        String extension = extension(name);
        if (ARCHIVES.contains(extension)) {
            throw nested(name);
        }
        if (!MARKDOWN.contains(extension)) {
            files.add(IncomingFile.skipped(
                    name, "It is not a Markdown file (.md, .markdown or .txt), so it was left out."));
            return false;
        }
        return true;
    }

    private void add(String name, InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(limits.archiveFileSize() + 1);
        if (bytes.length > limits.archiveFileSize()) {
            throw tooLarge(
                    "archive-file-size",
                    limits.archiveFileSize(),
                    name + " has more than " + count(limits.archiveFileSize()) + " bytes, more than one postmortem"
                            + " may have");
        }
        unpacked += bytes.length;
        if (unpacked > limits.archiveSize().toBytes()) {
            throw tooLarge(
                    "archive-size",
                    limits.archiveSize().toBytes(),
                    "The upload's files come to more than "
                            + count(limits.archiveSize().toBytes()) + " bytes once unpacked");
        }
        if (archiveMagic(bytes)) {
            throw nested(name);
        }
        files.add(text(name, bytes));
    }

    /** Return the file's text, or why it has none Kintsugi can import. */
    static IncomingFile text(String name, byte[] bytes) {
        int start =
                bytes.length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb && (bytes[2] & 0xff) == 0xbf
                        ? 3
                        : 0;
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, start, bytes.length - start))
                    .toString();
        } catch (CharacterCodingException e) {
            return IncomingFile.failed(
                    name,
                    "The file is not UTF-8 text: Kintsugi reads Markdown as UTF-8, so save it as UTF-8 and import"
                            + " it again.");
        }
        if (text.indexOf('\0') >= 0) {
            return IncomingFile.failed(name, "The file holds binary data (a NUL character), not text.");
        }
        if (text.isBlank()) {
            return IncomingFile.failed(name, "The file is empty: there is nothing to import.");
        }
        return IncomingFile.waiting(name, text);
    }

    private static boolean outside(String path) {
        if (path.startsWith("/") || path.matches("^[A-Za-z]:.*")) {
            return true;
        }
        for (String segment : path.split("/")) {
            if (segment.equals("..")) {
                return true;
            }
        }
        return false;
    }

    /** Folders and files a desktop adds by itself ({@code __MACOSX/}, {@code .DS_Store}, {@code ._name}). */
    private static boolean hidden(String path) {
        for (String segment : path.split("/")) {
            if (segment.startsWith(".") || segment.equals("__MACOSX")) {
                return true;
            }
        }
        return false;
    }

    private static boolean archiveMagic(byte[] bytes) {
        return bytes.length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4
                || bytes.length >= 2 && (bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b;
    }

    private static InvalidInputException nested(String name) {
        return new InvalidInputException(
                FIELD,
                "\"" + name + "\" is an archive inside the upload; Kintsugi reads one level only: unpack it and upload"
                        + " its files");
    }

    private static LimitExceededException tooLarge(String setting, long max, String message) {
        return new LimitExceededException(Kind.TOO_LARGE, FIELD, setting, max, message);
    }

    static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 || dot < name.lastIndexOf('/')
                ? ""
                : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static String baseName(String name) {
        String path = name.replace('\\', '/');
        String base = path.substring(path.lastIndexOf('/') + 1);
        return base.isBlank() ? "upload.md" : base;
    }

    private static String clip(String name) {
        return name.length() <= NAME_LENGTH ? name : name.substring(0, NAME_LENGTH - 1) + "…";
    }

    private static String count(long n) {
        return LimitExceededException.count(n);
    }
}
