package org.kintsugi.knowledge.archive.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.kintsugi.knowledge.archive.ArchiveLimits;
import org.kintsugi.knowledge.archive.Upload;
import org.kintsugi.shared.LargeRequestBody;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/**
 * The archive upload, page and API alike: its body may be as large as {@code kintsugi.limits.archive-upload} rather
 * than the usual request body, and its parts become {@link Upload}s.
 */
@Component
class ArchiveUploads implements LargeRequestBody {

    static final String API = "/api/v1/postmortems/import-jobs";
    static final String PAGE = "/postmortems/import-jobs";

    private final ArchiveLimits limits;

    ArchiveUploads(ArchiveLimits limits) {
        this.limits = limits;
    }

    @Override
    public boolean covers(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return "POST".equals(request.getMethod()) && (path.equals(API) || path.equals(PAGE));
    }

    @Override
    public long max() {
        return limits.archiveUpload().toBytes();
    }

    @Override
    public String setting() {
        return "archive-upload";
    }

    @Override
    public String field() {
        return "files";
    }

    static List<Upload> of(@Nullable List<MultipartFile> files) {
        if (files == null) {
            return List.of();
        }
        return files.stream()
                .map(f -> new Upload(f.getOriginalFilename() == null ? "" : f.getOriginalFilename(), f.getSize(), f))
                .toList();
    }
}
