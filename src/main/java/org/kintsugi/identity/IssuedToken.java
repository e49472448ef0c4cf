package org.kintsugi.identity;

import java.io.Serializable;

/**
 * A freshly created token: the only time its secret is shown. Serializable because it crosses the redirect to the
 * profile page in the session, which lives in the database.
 */
public record IssuedToken(TokenView token, String secret) implements Serializable {}
