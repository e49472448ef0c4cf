package org.kintsugi.postmortem;

import java.util.Optional;

/**
 * Help a reviewer check one item of the reviewer checklist, such as the language coach's findings under the item on
 * blameless language. Another module implements it; the postmortem module knows nothing of it.
 */
public interface ReviewAid {

    /** Return what to show under this checklist item of this postmortem, or empty when the aid has nothing for it. */
    Optional<PostmortemPart.Fragment> render(String checklistItem, PostmortemView postmortem);
}
