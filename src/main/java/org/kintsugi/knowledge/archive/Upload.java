package org.kintsugi.knowledge.archive;

import org.springframework.core.io.InputStreamSource;

/**
 * One uploaded file, as it came: a zip of postmortems or a single Markdown file.
 *
 * @param name the file's name as the client gave it
 * @param size its length in bytes
 * @param content where to read it from
 */
public record Upload(String name, long size, InputStreamSource content) {}
