package org.kintsugi.postmortem.web;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.kintsugi.postmortem.Author;
import org.kintsugi.postmortem.PostmortemImport;
import org.kintsugi.postmortem.importing.ImportResult;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/** Import uploaded files one by one, so one bad file does not stop the others. */
@Component
class ImportFiles {

    private final PostmortemImport importer;

    ImportFiles(PostmortemImport importer) {
        this.importer = importer;
    }

    /** The outcome for one file: its result, or the reason it was not imported. */
    public record FileResult(
            String file,
            @Nullable ImportResult result,
            @Nullable String error) {}

    List<FileResult> importAll(List<MultipartFile> files, Author author, ZoneId zone) {
        List<FileResult> results = new ArrayList<>();
        for (MultipartFile file : files) {
            String name = file.getOriginalFilename() == null ? "upload.md" : file.getOriginalFilename();
            if (file.isEmpty()) {
                continue;
            }
            try {
                String markdown = utf8(file.getBytes());
                results.add(new FileResult(name, importer.importMarkdown(markdown, name, author, zone), null));
            } catch (IOException e) {
                results.add(new FileResult(name, null, "could not be read as UTF-8 text"));
            } catch (RuntimeException e) {
                results.add(new FileResult(name, null, e.getMessage()));
            }
        }
        return results;
    }

    private static String utf8(byte[] bytes) throws CharacterCodingException {
        return StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .decode(java.nio.ByteBuffer.wrap(bytes))
                .toString();
    }
}
