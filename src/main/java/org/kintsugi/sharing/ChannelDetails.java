package org.kintsugi.sharing;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.kintsugi.shared.FieldProblem;
import org.kintsugi.shared.InvalidInputException;

/**
 * A channel as an administrator sets it up: a name, the webhook's format and address, and what it wants.
 *
 * @param url the incoming webhook's address; null when a change keeps the one stored
 */
public record ChannelDetails(
        String name, ChannelFormat format, @Nullable String url, Scope scope, List<String> items) {

    public static final int MAX_NAME = 100;
    public static final int MAX_URL = 2000;

    public ChannelDetails {
        items = List.copyOf(items);
    }

    /**
     * Check what a form or client sent, every field at once, and return the details; {@code urlRequired} when
     * adding a channel (a change may leave it out to keep the stored one).
     */
    public static ChannelDetails parse(
            @Nullable String name,
            @Nullable String format,
            @Nullable String url,
            @Nullable String scope,
            @Nullable List<String> items,
            boolean urlRequired) {
        List<FieldProblem> problems = new ArrayList<>();
        String cleanName = name == null ? "" : name.strip();
        if (cleanName.isEmpty()) {
            problems.add(new FieldProblem("name", "is required"));
        } else if (cleanName.length() > MAX_NAME) {
            problems.add(new FieldProblem("name", "is " + cleanName.length() + " characters: at most " + MAX_NAME));
        }
        ChannelFormat chosenFormat = ChannelFormat.SLACK;
        try {
            chosenFormat = ChannelFormat.parse(format == null ? "" : format, "format");
        } catch (InvalidInputException e) {
            problems.addAll(e.problems());
        }
        String cleanUrl = url == null || url.isBlank() ? null : url.strip();
        if (cleanUrl == null && urlRequired) {
            problems.add(new FieldProblem("url", "is required: the incoming webhook's address"));
        } else if (cleanUrl != null) {
            String problem = urlProblem(cleanUrl);
            if (problem != null) {
                problems.add(new FieldProblem("url", problem));
            }
        }
        Scope chosenScope = Scope.ALL;
        List<String> chosenItems = List.of();
        try {
            chosenScope = Scope.parse(scope == null || scope.isBlank() ? "all" : scope, "scope");
            if (chosenScope == Scope.NONE) {
                throw new InvalidInputException(
                        "scope",
                        "is none: a channel that wants nothing would never be sent" + " anything; remove it instead");
            }
            chosenItems = chosenScope.items(items == null ? List.of() : items, "items");
        } catch (InvalidInputException e) {
            problems.addAll(e.problems());
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new ChannelDetails(cleanName, chosenFormat, cleanUrl, chosenScope, chosenItems);
    }

    private static @Nullable String urlProblem(String url) {
        if (url.length() > MAX_URL) {
            return "is " + url.length() + " characters: at most " + MAX_URL;
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                return "must start with https:// (or http://)";
            }
            if (uri.getHost() == null || uri.getHost().isBlank()) {
                return "has no host name";
            }
            return null;
        } catch (URISyntaxException e) {
            return "is not a web address: " + e.getReason();
        }
    }
}
