package org.kintsugi.shared;

/**
 * One thing wrong with one field of a user's input, in words the user can act on.
 *
 * @param field the name of the field as the user and the API know it
 * @param message what is wrong and, where it helps, what would be right
 */
public record FieldProblem(String field, String message) {}
