// The debrief room: phase countdowns, htmx answers that carry a refusal, clearing a card once it is saved, and
// dragging a card onto a theme (which submits the same "move to theme" form the keyboard uses).
(function () {
    "use strict";

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

    // A refused room form answers 4xx with the room, the problem and the typed input: show it.
    document.addEventListener("htmx:beforeSwap", function (e) {
        var target = e.detail.target;
        var status = e.detail.xhr.status;
        if (target && target.id === "room" && status >= 400 && status < 500) {
            e.detail.shouldSwap = true;
            e.detail.isError = false;
        }
    });

    // A card being typed survives the room's live refreshes: kept before the room is swapped, put back after. It is
    // cleared as the card is sent (a refresh may come before the answer) and put back when the card is not saved;
    // a refused card comes back from the server with its text kept.
    var sentCard = null;
    var draft = null;
    function isCardForm(elt) {
        return elt && elt.classList && elt.classList.contains("card-form");
    }
    document.addEventListener("htmx:configRequest", function (e) {
        var text = document.getElementById("card-text");
        if (isCardForm(e.detail.elt) && text) {
            sentCard = text.value;
            text.value = "";
        }
    });
    document.addEventListener("htmx:beforeSwap", function (e) {
        if (!e.detail.target || e.detail.target.id !== "room") {
            return;
        }
        var text = document.getElementById("card-text");
        var column = document.getElementById("card-column");
        var sent = isCardForm(e.detail.requestConfig && e.detail.requestConfig.elt);
        draft = text && !sent ? {
            text: text.value,
            column: column ? column.value : null,
            focused: document.activeElement === text,
            start: text.selectionStart === null ? text.value.length : text.selectionStart,
            end: text.selectionEnd === null ? text.value.length : text.selectionEnd
        } : null;
    });
    document.addEventListener("htmx:load", function (e) {
        if (!e.target || e.target.id !== "room" || !draft) {
            return;
        }
        var text = document.getElementById("card-text");
        var column = document.getElementById("card-column");
        if (text && draft.text !== "") {
            // Keys pressed between the swap and now went into the new, empty box (htmx moves the focus to it at
            // once): they belong where the caret was in the draft.
            var typed = text.value;
            text.value = draft.text.slice(0, draft.start) + typed + draft.text.slice(draft.end);
            if (column && draft.column) {
                column.value = draft.column;
            }
            if (draft.focused) {
                var caret = draft.start + typed.length;
                text.focus();
                text.setSelectionRange(caret, caret);
            }
            // The coach under the card reads the restored draft again (its panel came back empty with the room).
            text.dispatchEvent(new Event("input", {bubbles: true}));
        }
        draft = null;
    });
    document.addEventListener("htmx:sendError", function (e) {
        var text = document.getElementById("card-text");
        if (isCardForm(e.detail.elt) && text && sentCard && text.value === "") {
            text.value = sentCard;
        }
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
