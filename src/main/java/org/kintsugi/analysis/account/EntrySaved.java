package org.kintsugi.analysis.account;

/** An entry just added or changed, with the account as it now is. */
public record EntrySaved(AccountView account, EntryView entry) {}
