package org.kintsugi.postmortem.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.kintsugi.identity.KintsugiPrincipal;
import org.kintsugi.postmortem.Author;
import org.kintsugi.postmortem.PostmortemImport;
import org.kintsugi.postmortem.importing.ImportResult;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Import postmortems written in Markdown: each becomes an incident with its postmortem. */
@RestController
@RequestMapping("/api/v1/postmortems/import")
@Tag(name = "Postmortems")
class ImportApi {

    private final PostmortemImport importer;
    private final ImportFiles files;

    ImportApi(PostmortemImport importer, ImportFiles files) {
        this.importer = importer;
        this.files = files;
    }

    @Operation(
            summary = "Import one postmortem from Markdown",
            description = "The body is the Markdown (YAML front matter optional). fileName gives a title and date"
                    + " when the document has none.")
    @PostMapping(consumes = {"text/markdown", "text/plain"})
    ResponseEntity<ImportResult> importOne(
            @RequestBody String markdown,
            @RequestParam(defaultValue = "postmortem.md") String fileName,
            @AuthenticationPrincipal KintsugiPrincipal me,
            Author author) {
        ImportResult result = importer.importMarkdown(markdown, fileName, author, me.zone());
        return ResponseEntity.created(URI.create("/api/v1/postmortems/" + result.postmortemId()))
                .body(result);
    }

    @Operation(
            summary = "Import several Markdown files at once",
            description = "multipart/form-data, part name"
                    + " 'files'; each file is imported on its own and gets its own result or error.")
    @PostMapping(consumes = "multipart/form-data")
    List<ImportFiles.FileResult> importMany(
            @RequestParam("files") List<MultipartFile> upload,
            @AuthenticationPrincipal KintsugiPrincipal me,
            Author author) {
        return files.importAll(upload, author, me.zone());
    }
}
