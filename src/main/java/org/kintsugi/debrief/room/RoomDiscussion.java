package org.kintsugi.debrief.room;

import org.kintsugi.analysis.PostmortemAnalysis;
import org.kintsugi.debrief.DebriefView;
import org.kintsugi.identity.KintsugiPrincipal;
import org.kintsugi.postmortem.Author;
import org.kintsugi.shared.NotFoundException;
import org.kintsugi.shared.RefusedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Discuss a theme by opening a branch of the postmortem's five whys with it, so the digging goes on there. */
@Service
@Transactional
public class RoomDiscussion {

    private final RoomAccess access;
    private final RoomStore store;
    private final RoomLog log;
    private final PostmortemAnalysis analysis;

    RoomDiscussion(RoomAccess access, RoomStore store, RoomLog log, PostmortemAnalysis analysis) {
        this.access = access;
        this.store = store;
        this.log = log;
        this.analysis = analysis;
    }

    /** Open a branch of the five whys answering the problem with the theme's title; return the branch's address. */
    public String openWhys(long id, long themeId, KintsugiPrincipal me) {
        DebriefView debrief = access.writing(id, me);
        Room room = store.room(id).orElseThrow(() -> RoomManagement.notOpen(debrief));
        RoomStore.Theme theme = store.themes(id).stream()
                .filter(t -> t.id() == themeId)
                .findFirst()
                .orElseThrow(() -> new NotFoundException("There is no theme " + themeId + " in this debrief."));
        Long postmortemId = debrief.postmortemId();
        if (postmortemId == null) {
            throw RefusedException.state("A routine retrospective has no postmortem, so no five whys to open.");
        }
        if (room.phase() != RoomPhase.DISCUSS) {
            throw RefusedException.state("Themes open five-whys branches in the discuss phase; the room is in "
                    + room.phase().label().toLowerCase() + ".");
        }
        if (theme.whysNodeId() != null) {
            return analysis.whyLink(postmortemId, theme.whysNodeId());
        }
        long node = analysis.openWhy(postmortemId, theme.title(), new Author(me.id(), me.displayName()));
        store.linkWhys(themeId, node);
        log.append(id, "whys");
        return analysis.whyLink(postmortemId, node);
    }
}
