package org.kintsugi.shared.backup;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Backups of a single node's data for administrators: make one, list them, download one. */
@RestController
@RequestMapping("/api/v1/backups")
@Tag(name = "Backups")
class BackupApi {

    private final Backups backups;

    BackupApi(Backups backups) {
        this.backups = backups;
    }

    @Operation(
            summary = "Back up the embedded database and the files beside it",
            description = "A consistent copy taken while Kintsugi runs; restore it with KINTSUGI_RESTORE on an empty"
                    + " data directory. PostgreSQL is backed up with pg_dump instead (409).")
    @PostMapping
    ResponseEntity<Backups.BackupFile> create() {
        Backups.BackupFile made = backups.create();
        return ResponseEntity.created(URI.create("/api/v1/backups/" + made.name()))
                .body(made);
    }

    @Operation(summary = "List the backups kept, newest first")
    @GetMapping
    List<Backups.BackupFile> list() {
        return backups.list();
    }

    @Operation(summary = "Download a backup")
    @GetMapping("/{name}")
    ResponseEntity<Resource> download(@PathVariable String name) {
        Path file = backups.file(name);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/zip"))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(name).build().toString())
                .body(new FileSystemResource(file));
    }
}
