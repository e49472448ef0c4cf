// The debrief room: phase countdowns, htmx answers that carry a refusal, clearing a card once it is saved, and
// dragging a card onto a theme (which submits the same "move to theme" form the keyboard uses).
(function () {
    "use strict";

    // A swapped room settles at once: its new parts (the live parts a stream fills in, the boxes put back below) are
    // ready when the swap returns, not 20 ms later, when another swap may already have replaced them.
    htmx.config.defaultSettleDelay = 0;

    function tick() {
        document.querySelectorAll("time.countdown[data-ends]").forEach(function (el) {
            var left = Math.round((Number(el.getAttribute("data-ends")) - Date.now()) / 1000);
            var sign = left < 0 ? "over by " : "";
            var s = Math.abs(left);
            var text = Math.floor(s / 60) + ":" + String(s % 60).padStart(2, "0");
            el.textContent = left < 0 ? sign + text : text + " left";
            el.classList.toggle("overrun", left < 0);
        });
    }
    setInterval(tick, 1000);
    document.addEventListener("DOMContentLoaded", tick);
    document.addEventListener("htmx:afterSwap", tick);

    // A re-read of the room whose #room was replaced while it was on its way (a form's answer came first) would be
    // swapped into the replaced element and never shown: the room is read again instead, so the change it was for
    // is not lost.
    document.addEventListener("htmx:beforeOnLoad", function (e) {
        var live = document.getElementById("room-live");
        var target = e.detail.target;
        if (live && e.detail.elt === live && target && !target.isConnected) {
            e.preventDefault();
            htmx.trigger(live, "reread-room");
        }
    });

    // A part of the room sent on its own (the count of hidden cards, who is here, the votes) that arrives while the
    // page is reading the whole room goes into the #room that read is about to replace, and the read's answer may
    // be older than the part: the room is read again once that read is back (queued behind it on #room-live), so
    // the newer state is not lost.
    document.addEventListener("htmx:sseBeforeMessage", function (e) {
        var live = document.getElementById("room-live");
        if (live && e.target !== live && live.classList.contains("htmx-request")) {
            htmx.trigger(live, "reread-room");
        }
    });

    // A refused room form answers 4xx with the room, the problem and the typed input: show it.
    document.addEventListener("htmx:beforeSwap", function (e) {
        var target = e.detail.target;
        var status = e.detail.xhr.status;
        if (target && target.id === "room" && status >= 400 && status < 500) {
            e.detail.shouldSwap = true;
            e.detail.isError = false;
        }
    });

    // Whatever is being typed in the room survives its live refreshes: a card, a note under a theme, a theme's title,
    // a next step, the summary being edited. Each text box with an id and text in it is kept before the room is
    // swapped and put back after (a box the new room draws with text of its own only if it had been edited). The boxes
    // of the form whose answer this is are left to that answer: a refused card, note, theme or next step comes back
    // from the server with its text kept. The text boxes of those forms are also cleared as the form is sent (the
    // refresh its own change sets off may come before the answer, and would otherwise keep the sent text as a draft)
    // and put back when it is not saved.
    var sent = {};
    var drafts = null;
    var SENT_CLEARED = "#card-text, textarea[id^='note-text-'], #theme-title, #proposal-text, #proposal-verification";
    var BOXES = "#room textarea[id], #room input[id][type=text], #room input[id]:not([type])";
    function boxesOf(elt) {
        var cl = elt && elt.classList;
        var draftable = cl && (cl.contains("card-form") || cl.contains("note-form") || cl.contains("theme-form")
            || cl.contains("proposal-form"));
        return draftable ? Array.prototype.slice.call(elt.querySelectorAll(SENT_CLEARED)) : [];
    }
    document.addEventListener("htmx:configRequest", function (e) {
        var form = e.detail.elt;
        var boxes = boxesOf(form);
        if (boxes.length === 0) {
            return;
        }
        boxes.forEach(function (box) {
            sent[box.id] = box.value;
            box.value = "";
        });
        // The answer goes to the #room of when the form was sent: if a live refresh replaced it meanwhile, a refusal
        // never shows. Its text goes back into the boxes of the room now shown (events on the replaced form reach its
        // own listeners only).
        form.addEventListener("htmx:afterRequest", function answered(ev) {
            form.removeEventListener("htmx:afterRequest", answered);
            if (form.isConnected || ev.detail.successful) {
                return;
            }
            boxes.forEach(function (box) {
                var now = document.getElementById(box.id);
                if (now && now.value === "") {
                    now.value = sent[box.id];
                }
            });
        });
    });
    document.addEventListener("htmx:beforeSwap", function (e) {
        if (!e.detail.target || e.detail.target.id !== "room") {
            return;
        }
        var senderElt = e.detail.requestConfig && e.detail.requestConfig.elt;
        var answered = {};
        if (senderElt && senderElt.tagName === "FORM") {
            senderElt.querySelectorAll("textarea[id], input[id]").forEach(function (box) {
                answered[box.id] = true;
            });
        }
        var column = document.getElementById("card-column");
        drafts = {};
        document.querySelectorAll(BOXES).forEach(function (box) {
            if (answered[box.id] || box.value === "") {
                return;
            }
            drafts[box.id] = {
                text: box.value,
                drawn: box.defaultValue,
                column: box.id === "card-text" && column ? column.value : null,
                focused: document.activeElement === box,
                start: box.selectionStart === null ? box.value.length : box.selectionStart,
                end: box.selectionEnd === null ? box.value.length : box.selectionEnd
            };
        });
    });
    document.addEventListener("htmx:load", function (e) {
        if (!e.target || e.target.id !== "room" || !drafts) {
            return;
        }
        Object.keys(drafts).forEach(function (id) {
            var draft = drafts[id];
            var box = document.getElementById(id);
            // A box the page draws with text of its own (the summary) keeps the new text unless it had been edited.
            if (!box || (draft.text === draft.drawn && box.defaultValue !== "")) {
                return;
            }
            // Keys pressed between the swap and now went into the new box (htmx moves the focus to it at once): they
            // belong where the caret was in the draft. A box the page drew with text of its own has none of them.
            var typed = box.defaultValue === "" ? box.value : "";
            box.value = draft.text.slice(0, draft.start) + typed + draft.text.slice(draft.end);
            var column = document.getElementById("card-column");
            if (column && draft.column) {
                column.value = draft.column;
            }
            if (draft.focused) {
                var caret = draft.start + typed.length;
                box.focus();
                box.setSelectionRange(caret, caret);
            }
            // The coach under the box reads the restored draft again (its panel came back empty with the room).
            box.dispatchEvent(new Event("input", {bubbles: true}));
        });
        drafts = null;
    });
    document.addEventListener("htmx:sendError", function (e) {
        boxesOf(e.detail.elt).forEach(function (box) {
            if (sent[box.id] && box.value === "") {
                box.value = sent[box.id];
            }
        });
    });

    document.addEventListener("dragstart", function (e) {
        var card = e.target.closest && e.target.closest("li.card[data-card]");
        if (card) {
            e.dataTransfer.setData("text/plain", card.getAttribute("data-card"));
            e.dataTransfer.effectAllowed = "move";
        }
    });
    document.addEventListener("dragover", function (e) {
        var theme = e.target.closest && e.target.closest("article.theme[data-theme]");
        if (theme) {
            e.preventDefault();
            theme.classList.add("drop-here");
        }
    });
    document.addEventListener("dragleave", function (e) {
        var theme = e.target.closest && e.target.closest("article.theme[data-theme]");
        if (theme) {
            theme.classList.remove("drop-here");
        }
    });
    document.addEventListener("drop", function (e) {
        var theme = e.target.closest && e.target.closest("article.theme[data-theme]");
        if (!theme) {
            return;
        }
        e.preventDefault();
        theme.classList.remove("drop-here");
        var card = document.querySelector('li.card[data-card="' + e.dataTransfer.getData("text/plain") + '"]');
        var form = card && card.querySelector("form.move-form");
        if (form) {
            form.querySelector("select").value = theme.getAttribute("data-theme");
            htmx.trigger(form, "submit");
        }
    });
})();
