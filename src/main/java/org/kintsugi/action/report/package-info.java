/**
 * The monthly follow-up report: how many action items were opened, committed, done, verified and dropped per team, how
 * many were overdue at the month's end, and the mail that takes it to its subscribers.
 */
@NullMarked
package org.kintsugi.action.report;

import org.jspecify.annotations.NullMarked;
