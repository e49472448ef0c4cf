package org.kintsugi.identity;

/** A freshly created token: the only time its secret is shown. */
public record IssuedToken(TokenView token, String secret) {}
