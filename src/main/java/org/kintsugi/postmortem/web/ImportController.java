package org.kintsugi.postmortem.web;

import java.util.List;
import org.kintsugi.identity.KintsugiPrincipal;
import org.kintsugi.postmortem.Author;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** The import page: upload Markdown postmortems, several at once, and see what became of each. */
@Controller
class ImportController {

    private final ImportFiles files;

    ImportController(ImportFiles files) {
        this.files = files;
    }

    @GetMapping("/postmortems/import")
    String form() {
        return "postmortem/import";
    }

    @PostMapping("/postmortems/import")
    String upload(
            @RequestParam(name = "files", required = false) List<MultipartFile> upload,
            @AuthenticationPrincipal KintsugiPrincipal me,
            Author author,
            Model model) {
        if (upload == null || upload.stream().allMatch(MultipartFile::isEmpty)) {
            model.addAttribute("problem", "Choose one or more Markdown files to import.");
            return "postmortem/import";
        }
        model.addAttribute("results", files.importAll(upload, author, me.zone()));
        return "postmortem/import";
    }
}
