package org.kintsugi.knowledge.archive.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.kintsugi.identity.KintsugiPrincipal;
import org.kintsugi.knowledge.archive.ArchiveImports;
import org.kintsugi.knowledge.archive.ImportJobSummary;
import org.kintsugi.postmortem.Author;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Import an archive of old postmortems in the background and follow it. */
@RestController
@RequestMapping(ArchiveUploads.API)
@Tag(name = "Postmortems")
class ImportJobApi {

    private final ArchiveImports imports;

    ImportJobApi(ArchiveImports imports) {
        this.imports = imports;
    }

    @Operation(
            summary = "Start importing an archive of postmortems",
            description = "multipart/form-data with part 'files': one .zip, or Markdown files (.md, .markdown, .txt)."
                    + " The files are stored before the answer, 202 with the job's Location, and imported in the"
                    + " background; each becomes an incident with its postmortem or fails on its own with the reason."
                    + " Limits: kintsugi.limits.archive-upload, -size, -files, -file-size, -entries (413) and"
                    + " import-jobs-per-person (429).")
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<ImportJobJson> start(
            @RequestParam(name = "files", required = false) @Nullable List<MultipartFile> files,
            @AuthenticationPrincipal KintsugiPrincipal me,
            Author author) {
        ImportJobSummary job = imports.start(ArchiveUploads.of(files), author, me.zone());
        return ResponseEntity.accepted()
                .location(URI.create(ArchiveUploads.API + "/" + job.id()))
                .body(ImportJobJson.of(job, null));
    }

    @Operation(summary = "An archive import: its state, counts and the report per file (yours, or any for admins)")
    @GetMapping("/{id}")
    ImportJobJson find(@PathVariable long id, @AuthenticationPrincipal KintsugiPrincipal me) {
        return ImportJobJson.of(imports.find(id, me));
    }

    @Operation(summary = "Your latest archive imports, newest first, without their files")
    @GetMapping
    List<ImportJobJson> mine(@AuthenticationPrincipal KintsugiPrincipal me) {
        return imports.of(me).stream().map(j -> ImportJobJson.of(j, null)).toList();
    }
}
