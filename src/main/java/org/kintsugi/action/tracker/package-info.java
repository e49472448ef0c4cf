/**
 * Send action items to GitHub Issues, GitLab issues or Jira Cloud and follow their tickets back: by webhook and by
 * polling, closing a ticket completes its item and reopening it reopens the item.
 */
@NullMarked
package org.kintsugi.action.tracker;

import org.jspecify.annotations.NullMarked;
