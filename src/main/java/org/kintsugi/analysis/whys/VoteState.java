package org.kintsugi.analysis.whys;

/** The votes on one answer after a vote or a withdrawal, and how many the voter has left on the tree. */
public record VoteState(long nodeId, int votes, int myVotes, int votesLeft) {}
