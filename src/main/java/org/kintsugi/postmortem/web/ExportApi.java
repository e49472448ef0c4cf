package org.kintsugi.postmortem.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.kintsugi.identity.KintsugiPrincipal;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.DeferredResult;

/** Export a postmortem as Markdown with YAML front matter, a standalone HTML page or a PDF. */
@RestController
@RequestMapping("/api/v1/postmortems")
@Tag(name = "Postmortems")
class ExportApi {

    private final PostmortemDocuments documents;

    ExportApi(PostmortemDocuments documents) {
        this.documents = documents;
    }

    @Operation(
            summary = "Export a postmortem",
            description =
                    "format: markdown, html or pdf. At most kintsugi.limits.exports-per-person run at once for one person (429 with Retry-After beyond that); a PDF drawn from more than kintsugi.limits.pdf-size characters of HTML, or one that does not finish within kintsugi.limits.export-deadline, gets 413.")
    @GetMapping("/{id}/export")
    DeferredResult<ResponseEntity<byte[]>> export(
            @PathVariable long id,
            @RequestParam(defaultValue = "markdown") String format,
            @AuthenticationPrincipal KintsugiPrincipal me) {
        return documents.export(id, format, me.id());
    }
}
