package org.kintsugi.knowledge.archive.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.kintsugi.identity.KintsugiPrincipal;
import org.kintsugi.knowledge.archive.ArchiveImports;
import org.kintsugi.knowledge.archive.ArchiveLimits;
import org.kintsugi.knowledge.archive.ImportJobSummary;
import org.kintsugi.postmortem.Author;
import org.kintsugi.shared.FieldProblem;
import org.kintsugi.shared.InvalidInputException;
import org.kintsugi.shared.LimitExceededException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The archive import pages: upload a zip or many Markdown files, then watch the import's progress (the page asks
 * for it every second through htmx) until it turns into the report per file.
 */
@Controller
@RequestMapping(ArchiveUploads.PAGE)
class ImportJobController {

    private final ArchiveImports imports;
    private final ArchiveLimits limits;

    ImportJobController(ArchiveImports imports, ArchiveLimits limits) {
        this.imports = imports;
        this.limits = limits;
    }

    @GetMapping
    String list(@AuthenticationPrincipal KintsugiPrincipal me, Model model) {
        return jobs(me, model);
    }

    @PostMapping
    String upload(
            @RequestParam(name = "files", required = false) @Nullable List<MultipartFile> files,
            @AuthenticationPrincipal KintsugiPrincipal me,
            Author author,
            Model model,
            HttpServletResponse response) {
        try {
            ImportJobSummary job = imports.start(ArchiveUploads.of(files), author, me.zone());
            return "redirect:" + ArchiveUploads.PAGE + "/" + job.id();
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute(
                    "problem",
                    String.join(
                            " ",
                            e.problems().stream().map(FieldProblem::message).toList()));
        } catch (LimitExceededException e) {
            response.setStatus(
                    switch (e.kind()) {
                        case TOO_LARGE -> HttpStatus.CONTENT_TOO_LARGE.value();
                        case FULL -> HttpStatus.BAD_REQUEST.value();
                        case BUSY -> HttpStatus.TOO_MANY_REQUESTS.value();
                    });
            model.addAttribute("problem", e.getMessage());
        }
        return jobs(me, model);
    }

    @GetMapping("/{id}")
    String job(
            @PathVariable long id,
            @AuthenticationPrincipal KintsugiPrincipal me,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
            Model model) {
        model.addAttribute("zone", me.zone());
        if (htmx != null) {
            ImportJobSummary progress = imports.progress(id, me);
            model.addAttribute("job", progress);
            model.addAttribute("report", progress.finished() ? imports.find(id, me) : null);
            return "knowledge/archive/fragments/progress :: progress";
        }
        var report = imports.find(id, me);
        model.addAttribute("job", report.summary());
        model.addAttribute("report", report.summary().finished() ? report : null);
        return "knowledge/archive/job";
    }

    private String jobs(KintsugiPrincipal me, Model model) {
        model.addAttribute("jobs", imports.of(me));
        model.addAttribute("maxFiles", LimitExceededException.count(limits.archiveFiles()));
        model.addAttribute("maxUpload", limits.archiveUpload().toMegabytes() + " MB");
        model.addAttribute("zone", me.zone());
        return "knowledge/archive/jobs";
    }
}
