package org.kintsugi.knowledge.archive;

import org.jspecify.annotations.Nullable;

/**
 * One file read from an upload: its text, waiting to be imported, or the reason it will not be.
 *
 * @param name the file's name, with its folder inside a zip
 * @param state {@link FileState#WAITING} with its text, else {@link FileState#FAILED} or {@link FileState#SKIPPED}
 * @param text the file's Markdown, when it is waiting
 * @param reason why it is not imported, in words
 */
record IncomingFile(
        String name,
        FileState state,
        @Nullable String text,
        @Nullable String reason) {

    static IncomingFile waiting(String name, String text) {
        return new IncomingFile(name, FileState.WAITING, text, null);
    }

    static IncomingFile failed(String name, String reason) {
        return new IncomingFile(name, FileState.FAILED, null, reason);
    }

    static IncomingFile skipped(String name, String reason) {
        return new IncomingFile(name, FileState.SKIPPED, null, reason);
    }
}
