package org.kintsugi.postmortem.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Export a postmortem as Markdown with YAML front matter, a standalone HTML page or a PDF. */
@RestController
@RequestMapping("/api/v1/postmortems")
@Tag(name = "Postmortems")
class ExportApi {

    private final PostmortemDocuments documents;

    ExportApi(PostmortemDocuments documents) {
        this.documents = documents;
    }

    @Operation(summary = "Export a postmortem", description = "format: markdown, html or pdf")
    @GetMapping("/{id}/export")
    ResponseEntity<byte[]> export(@PathVariable long id, @RequestParam(defaultValue = "markdown") String format) {
        return documents.export(id, format);
    }
}
