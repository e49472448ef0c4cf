package org.kintsugi.analysis.coach;

import java.util.Arrays;

/**
 * Split text into lower-cased word and punctuation tokens with their offsets, and mark where sentences end, in one
 * pass over the characters. Apostrophes and hyphens inside a word stay in it ({@code didn't}, {@code on-call}).
 */
final class Tokens {

    final String text;
    String[] words = new String[64];
    int[] starts = new int[64];
    int[] ends = new int[64];
    boolean[] capitalised = new boolean[64];
    /** The index one past each sentence's last token. */
    int[] sentenceEnds = new int[8];

    int size;
    int sentences;
    int wordCount;

    private Tokens(String text) {
        this.text = text;
    }

    static Tokens of(String text) {
        Tokens tokens = new Tokens(text);
        tokens.split();
        return tokens;
    }

    private void split() {
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                int start = i;
                i++;
                while (i < n) {
                    char d = text.charAt(i);
                    if (Character.isLetterOrDigit(d)) {
                        i++;
                    } else if ((d == '\'' || d == '’' || d == '-')
                            && i + 1 < n
                            && Character.isLetter(text.charAt(i + 1))) {
                        i += 2;
                    } else {
                        break;
                    }
                }
                add(start, i, Character.isUpperCase(c));
                wordCount++;
            } else if (c == '\n') {
                // a blank line or a Markdown list item ends a sentence even without a full stop
                int next = i + 1;
                while (next < n && (text.charAt(next) == ' ' || text.charAt(next) == '\t')) next++;
                if (next >= n
                        || text.charAt(next) == '\n'
                        || text.charAt(next) == '-'
                        || text.charAt(next) == '*'
                        || text.charAt(next) == '|'
                        || text.charAt(next) == '#') {
                    endSentence();
                }
                i++;
            } else if (Character.isWhitespace(c)) {
                i++;
            } else {
                add(i, i + 1, false);
                if ((c == '.' || c == '!' || c == '?') && (i + 1 >= n || Character.isWhitespace(text.charAt(i + 1)))) {
                    endSentence();
                } else if (c == '|') {
                    endSentence();
                }
                i++;
            }
        }
        endSentence();
    }

    private void add(int start, int end, boolean upper) {
        if (size == words.length) {
            int grown = size * 2;
            words = Arrays.copyOf(words, grown);
            starts = Arrays.copyOf(starts, grown);
            ends = Arrays.copyOf(ends, grown);
            capitalised = Arrays.copyOf(capitalised, grown);
        }
        String word = text.substring(start, end).toLowerCase(java.util.Locale.ROOT);
        words[size] = word.indexOf('’') >= 0 ? word.replace('’', '\'') : word;
        starts[size] = start;
        ends[size] = end;
        capitalised[size] = upper;
        size++;
    }

    private void endSentence() {
        int last = sentences == 0 ? 0 : sentenceEnds[sentences - 1];
        if (size == last) {
            return;
        }
        if (sentences == sentenceEnds.length) {
            sentenceEnds = Arrays.copyOf(sentenceEnds, sentences * 2);
        }
        sentenceEnds[sentences++] = size;
    }

    /** Return the original text from token {@code from} to token {@code to}, both included. */
    String original(int from, int to) {
        return text.substring(starts[from], ends[to]);
    }
}
