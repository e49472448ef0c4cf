package org.kintsugi.postmortem.importing;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.kintsugi.postmortem.importing.ChatClock.UnreadableStamp;
import org.kintsugi.postmortem.importing.ChatLine.Said;
import org.kintsugi.postmortem.importing.ChatLine.Stamp;

/**
 * Read a chat transcript pasted from Slack, Teams, IRC or a terminal into timeline entries.
 *
 * <p>A message starts at a line with a time ({@code 14:02 alice: restarted the pods}) or at Slack's name line
 * ({@code Alice Smith  2:02 PM}); the lines without a time that follow it are more of the same message.
 */
public final class ChatTranscript {

    private static final String EXAMPLE = "expected a line like \"14:02 alice: restarted the pods\"";

    private final ChatClock clock;
    private final List<TranscriptEntry> entries = new ArrayList<>();
    private final List<LineProblem> problems = new ArrayList<>();
    private @Nullable Message message;
    private boolean inUnreadableMessage;
    // Slack shows a person's name once and only the time for their next messages, so once a name line was seen a
    // line that starts with a time belongs to the last name, whatever follows the time.
    private @Nullable String slackAuthor;

    private ChatTranscript(LocalDate date, ZoneId zone) {
        this.clock = new ChatClock(date, zone);
    }

    /**
     * Read the messages in the pasted text, with times on the given date in the given zone unless a line says
     * otherwise.
     */
    public static TranscriptReading read(String text, LocalDate date, ZoneId zone) {
        var transcript = new ChatTranscript(date, zone);
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            transcript.read(i + 1, lines.get(i));
        }
        transcript.finishMessage();
        return new TranscriptReading(transcript.entries, transcript.problems);
    }

    private void read(int number, String line) {
        switch (ChatLine.of(line)) {
            case ChatLine.Blank blank -> {}
            case ChatLine.Plain plain -> continueMessage(number, plain.text());
            case ChatLine.Stamped stamped -> startMessage(number, line, stamped.stamp(), said(stamped.rest()));
            case ChatLine.Named named -> {
                slackAuthor = named.author();
                startMessage(number, line, named.stamp(), new Said(named.author(), ""));
            }
        }
    }

    private Said said(String rest) {
        return slackAuthor == null ? ChatLine.said(rest) : new Said(slackAuthor, rest);
    }

    private void startMessage(int number, String line, Stamp stamp, Said said) {
        finishMessage();
        try {
            message = new Message(number, line.strip(), clock.at(stamp), said);
            inUnreadableMessage = false;
        } catch (UnreadableStamp e) {
            problems.add(LineProblem.of(number, line.strip(), e.getMessage()));
            // The lines below belong to the message we could not place; they are read again once its time is fixed.
            inUnreadableMessage = true;
        }
    }

    private void continueMessage(int number, String text) {
        if (message != null) {
            message.add(text);
        } else if (!inUnreadableMessage) {
            problems.add(LineProblem.of(number, text, "has no time; " + EXAMPLE));
        }
    }

    private void finishMessage() {
        if (message == null) {
            return;
        }
        String text = message.text();
        if (text.isEmpty()) {
            problems.add(LineProblem.of(message.line, message.written, "has no message after the time; " + EXAMPLE));
        } else {
            entries.add(new TranscriptEntry(message.line, message.at, message.author, text, KindGuess.of(text)));
        }
        message = null;
    }

    /** A message being read: its first line, and the lines that follow until the next time. */
    private static final class Message {

        private final int line;
        private final String written;
        private final Instant at;
        private final String author;
        private final List<String> lines = new ArrayList<>();

        Message(int line, String written, Instant at, Said said) {
            this.line = line;
            this.written = written;
            this.at = at;
            this.author = said.author();
            add(said.text());
        }

        void add(String text) {
            if (!text.isBlank()) {
                lines.add(text);
            }
        }

        String text() {
            return String.join("\n", lines);
        }
    }
}
