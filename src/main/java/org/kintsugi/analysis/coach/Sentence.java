package org.kintsugi.analysis.coach;

/**
 * One sentence of a tokenised text, with the little grammar the rules need: who the subject of a verb is, whether a
 * clause speaks of a person, and where a clause ends.
 */
final class Sentence {

    final Tokens t;
    final int from;
    final int to;

    Sentence(Tokens t, int from, int to) {
        this.t = t;
        this.from = from;
        this.to = to;
    }

    String word(int i) {
        return i >= from && i < to ? t.words[i] : "";
    }

    boolean boundary(int i) {
        String w = word(i);
        return w.isEmpty()
                || Lexicon.isPunctuation(w) && !w.equals("'") && !w.equals("`")
                || Lexicon.CLAUSE_WORDS.contains(w);
    }

    /** Tell whether token {@code i} names a person: a pronoun, a role, a possessive of one, or a name by its role. */
    boolean person(int i) {
        String w = word(i);
        if (w.isEmpty()) {
            return false;
        }
        if (w.endsWith("'s")) {
            w = w.substring(0, w.length() - 2);
        } else if (w.endsWith("s'")) {
            w = w.substring(0, w.length() - 1);
        }
        return Lexicon.PERSON_PRONOUNS.contains(w) || Lexicon.PERSON_NOUNS.contains(w) || named(i);
    }

    /**
     * Tell whether token {@code i} is a person's name, judged by the part it plays rather than by a list of names: an
     * {@code @handle}; or a capitalised word shaped like a name (no digits, no inner capitals) that owns something
     * ("Ngozi's change"), acts ("Ngozi deployed", "Ngozi never checked") or is the agent after "by" or "because of".
     * Product names that act are read as people too; the classifier weighs that against the rest of the sentence.
     */
    boolean named(int i) {
        if (i < from || i >= to) return false;
        String w = word(i);
        if (word(i - 1).equals("@") && !w.isEmpty() && Character.isLetter(w.charAt(0))) return true;
        if (!t.capitalised[i] || !nameShaped(i)) return false;
        String bare = w.endsWith("'s") ? w.substring(0, w.length() - 2) : w;
        if (Lexicon.NOT_NAMES.contains(bare)
                || Lexicon.PERSON_PRONOUNS.contains(bare)
                || Lexicon.DETERMINERS.contains(bare)
                || Lexicon.ADVERBS.contains(bare)
                || Lexicon.CLAUSE_WORDS.contains(bare)
                || Lexicon.PREPOSITIONS.contains(bare)
                || Lexicon.PERSON_NOUNS.contains(bare)) {
            return false;
        }
        boolean first = i == from || Lexicon.isPunctuation(word(i - 1));
        if (first && (bare.endsWith("ing") || bare.endsWith("s") && !w.endsWith("'s"))) return false;
        if (w.endsWith("'s")) return true;
        int j = i;
        while (j + 1 < to
                && t.capitalised[j + 1]
                && nameShaped(j + 1)
                && !word(j + 1).endsWith("'s")) j++;
        String next = word(j + 1);
        // at the start of a sentence every word is capitalised: only a verb people do ("had", "forgot", "deployed")
        // makes it a name there, not any past tense ("Checkout failed")
        if (Lexicon.ACTING.contains(next) || !first && Lexicon.isParticiple(next)) {
            return true;
        }
        return !first
                && (word(i - 1).equals("by")
                        || word(i - 1).equals("blame")
                        || word(i - 1).equals("on")
                        || word(i - 1).equals("of") && word(i - 2).equals("because"));
    }

    private boolean nameShaped(int i) {
        String raw = t.text.substring(t.starts[i], t.ends[i]);
        for (int k = 1; k < raw.length(); k++) {
            char c = raw.charAt(k);
            if (Character.isDigit(c) || Character.isUpperCase(c) && raw.charAt(k - 1) != '-') return false;
        }
        return raw.length() > 1 && !Character.isDigit(raw.charAt(0));
    }

    /**
     * Return the index of the person a short noun phrase starting at {@code i} names ("Bob", "the reviewer", "the
     * on-call engineer", "our new hire"), or -1 when it names no person.
     */
    int personPhrase(int i) {
        if (person(i)) {
            return headOf(i);
        }
        if (!Lexicon.DETERMINERS.contains(word(i)) && !Lexicon.POSSESSIVES.contains(word(i))) {
            return -1;
        }
        for (int j = i + 1; j <= i + 3; j++) {
            if (person(j)) {
                return headOf(j);
            }
            if (boundary(j) || Lexicon.isParticiple(word(j)) || word(j).equals("had")) {
                return -1;
            }
        }
        return -1;
    }

    /** Step over compound person nouns to the last one: "on-call engineer", "support agent". */
    private int headOf(int i) {
        int j = i;
        while (Lexicon.PERSON_NOUNS.contains(word(j + 1))) j++;
        return j;
    }

    boolean personOrPossessive(int i) {
        return person(i) || Lexicon.POSSESSIVES.contains(word(i));
    }

    /**
     * Tell whether the subject of the verb at {@code verb} is a person. The subject is the word just before the verb
     * group (adverbs, negation and auxiliaries skipped); a relative clause or a prepositional phrase in between is
     * stepped over to the noun it hangs on; after "and" the clause's own subject is used.
     */
    boolean personSubject(int verb) {
        int j = verb - 1;
        while (j >= from && Lexicon.ADVERBS.contains(word(j))) j--;
        if (j < from) {
            return false;
        }
        String w = word(j);
        if (w.equals("and") || w.equals("or") || w.equals("then")) {
            return clauseSubjectIsPerson(j - 1);
        }
        if (w.equals("they")) {
            return !systemAction(verb);
        }
        if (person(j)) {
            return !precededByPreposition(j);
        }
        for (int k = j; k >= from && k > j - 6 && !boundary(k); k--) {
            if (Lexicon.RELATIVES.contains(word(k))) {
                return headIsPerson(k - 1);
            }
        }
        return headIsPerson(j);
    }

    private boolean headIsPerson(int j) {
        while (j - 2 >= from && Lexicon.PREPOSITIONS.contains(word(j - 1)) && !boundary(j - 2)) {
            j -= 2;
        }
        return person(j) && !word(j).equals("they");
    }

    private boolean precededByPreposition(int j) {
        String before = word(j - 1);
        return before.equals("by")
                || before.equals("of")
                || before.equals("for")
                || before.equals("to")
                || before.equals("with");
    }

    private boolean clauseSubjectIsPerson(int end) {
        int start = end;
        while (start > from && !boundary(start - 1)) start--;
        for (int k = start; k <= end; k++) {
            if (person(k) && !Lexicon.POSSESSIVES.contains(word(k))) {
                return true;
            }
            if (!Lexicon.DETERMINERS.contains(word(k)) && !Lexicon.ADVERBS.contains(word(k)) && k > start + 2) {
                return false;
            }
        }
        return false;
    }

    /** Tell whether the verb after "failed to" (or similar) is something systems do, like start or respond. */
    private boolean systemAction(int verb) {
        for (int k = verb + 1; k < to && k <= verb + 3; k++) {
            if (Lexicon.SYSTEM_VERBS.contains(word(k))) {
                return true;
            }
        }
        return false;
    }

    /** Tell whether a person is named within {@code radius} tokens of {@code i} without crossing a clause boundary. */
    boolean personNearby(int i, int radius) {
        for (int k = i - 1; k >= from && k >= i - radius && !boundary(k); k--) {
            if (personOrPossessive(k)) return true;
        }
        for (int k = i + 1; k < to && k <= i + radius && !boundary(k); k++) {
            if (personOrPossessive(k)) return true;
        }
        return false;
    }

    /** Return the index of the last token of the clause starting at {@code i}, at most {@code max} tokens on. */
    int clauseEnd(int i, int max) {
        int k = i;
        while (k + 1 < to && k + 1 < i + max && !boundary(k + 1)) k++;
        return k;
    }

    /** Return the words from {@code from} to {@code to} as written. */
    String original(int first, int last) {
        return last < first ? "" : t.original(first, last);
    }

    boolean negatedBefore(int i, int reach) {
        for (int k = i - 1; k >= from && k >= i - reach; k--) {
            String w = word(k);
            if (w.equals("not")
                    || w.endsWith("n't")
                    || w.equals("no")
                    || w.equals("never")
                    || w.equals("than")
                    || w.equals("term")
                    || w.equals("phrase")
                    || w.equals("instead")) {
                return true;
            }
        }
        return false;
    }
}
