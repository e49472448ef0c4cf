// Small enhancements; every page works without them.
(function () {
    "use strict";

    // Tag inputs: a comma-separated field becomes chips with an entry box that autocompletes from a datalist.
    function enhanceTags(field) {
        if (field.dataset.enhanced) return;
        field.dataset.enhanced = "true";
        var box = document.createElement("div");
        box.className = "tag-input";
        var entry = document.createElement("input");
        entry.type = "text";
        entry.id = field.id;
        field.removeAttribute("id");
        entry.setAttribute("list", field.getAttribute("list") || "");
        entry.setAttribute("aria-describedby", field.getAttribute("aria-describedby") || "");
        entry.placeholder = "type, then Enter or comma";
        field.type = "hidden";
        field.parentNode.insertBefore(box, field);
        var values = field.value.split(",").map(function (v) { return v.trim(); }).filter(Boolean);

        function sync() {
            field.value = values.join(", ");
            box.querySelectorAll(".tag").forEach(function (t) { t.remove(); });
            values.forEach(function (value, index) {
                var chip = document.createElement("span");
                chip.className = "tag";
                chip.textContent = value;
                var remove = document.createElement("button");
                remove.type = "button";
                remove.textContent = "×";
                remove.setAttribute("aria-label", "Remove " + value);
                remove.addEventListener("click", function () { values.splice(index, 1); sync(); entry.focus(); });
                chip.appendChild(remove);
                box.insertBefore(chip, entry);
            });
        }
        function commit() {
            entry.value.split(",").map(function (v) { return v.trim(); }).filter(Boolean).forEach(function (v) {
                if (!values.some(function (x) { return x.toLowerCase() === v.toLowerCase(); })) values.push(v);
            });
            entry.value = "";
            sync();
        }
        entry.addEventListener("keydown", function (e) {
            if (e.key === "Enter" || e.key === ",") { if (entry.value.trim()) { e.preventDefault(); commit(); } else if (e.key === ",") e.preventDefault(); }
            else if (e.key === "Backspace" && !entry.value && values.length) { values.pop(); sync(); }
        });
        entry.addEventListener("change", function () { if (entry.value.trim()) commit(); });
        entry.addEventListener("blur", function () { if (entry.value.trim()) commit(); });
        box.appendChild(entry);
        if (field.form) field.form.addEventListener("submit", function () { if (entry.value.trim()) commit(); });
        sync();
    }

    // On a form that came back with problems, move focus to the first field that needs attention.
    function focusFirstProblem() {
        var bad = document.querySelector("[aria-invalid='true']");
        if (bad && bad.focus) bad.focus();
    }

    // Pick the browser's time zone on the set-up page, where nothing is known yet.
    function defaultZone() {
        var select = document.querySelector("select[data-default-zone]");
        if (!select || !window.Intl) return;
        var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
        if (zone && select.querySelector("option[value='" + zone + "']")) select.value = zone;
    }

    // A token shown once is selected whole when focused, ready to copy (no inline handler: the CSP refuses those).
    document.addEventListener("focusin", function (e) {
        if (e.target.matches && e.target.matches("input[data-select-on-focus]")) e.target.select();
    });

    // The coach's panel answers 400 when a text is past its limits, saying which one: show that in the panel rather
    // than dropping it as an error, so the writer learns why no findings come.
    document.addEventListener("htmx:beforeSwap", function (e) {
        var target = e.detail.target;
        if (e.detail.xhr.status === 400 && target && target.classList && target.classList.contains("coach-panel")) {
            e.detail.shouldSwap = true;
            e.detail.isError = false;
        }
    });

    // Leave empty filters out of the address, so a shared view reads ?severity=SEV1&q=dns, not ?service=&team=&...
    document.addEventListener("htmx:configRequest", function (e) {
        if (e.detail.verb !== "get") return;
        var data = e.detail.formData;
        if (!data) return;
        Array.from(new Set(Array.from(data.keys()))).forEach(function (key) {
            var values = data.getAll(key).filter(function (v) { return String(v).trim() !== ""; });
            data.delete(key);
            values.forEach(function (v) { data.append(key, v); });
        });
    });

    // On a narrow screen the header's links fold behind the Menu button; it says whether they are showing.
    function foldingMenu() {
        var toggle = document.querySelector(".menu-toggle");
        var menu = toggle && document.getElementById(toggle.getAttribute("aria-controls"));
        if (!menu) return;
        toggle.addEventListener("click", function () {
            var open = toggle.getAttribute("aria-expanded") !== "true";
            toggle.setAttribute("aria-expanded", String(open));
            menu.classList.toggle("open", open);
        });
    }

    // The Admin menu closes on Escape, handing focus back to its summary, and on a click anywhere else.
    document.addEventListener("keydown", function (e) {
        if (e.key !== "Escape") return;
        document.querySelectorAll("details.admin-menu[open]").forEach(function (menu) {
            var hadFocus = menu.contains(document.activeElement);
            menu.open = false;
            if (hadFocus) menu.querySelector("summary").focus();
        });
    });
    document.addEventListener("click", function (e) {
        document.querySelectorAll("details.admin-menu[open]").forEach(function (menu) {
            if (!menu.contains(e.target)) menu.open = false;
        });
    });

    // "/" anywhere outside a text field goes to the header's search box; Arrow Down there moves into the live results,
    // the arrows move between them, and Escape goes back to the box and closes them.
    function typingInField(el) {
        return el && (el.isContentEditable || /^(input|textarea|select)$/i.test(el.tagName));
    }
    document.addEventListener("keydown", function (e) {
        var box = document.getElementById("site-search-q");
        if (!box) return;
        if (e.key === "/" && !e.ctrlKey && !e.metaKey && !e.altKey && !typingInField(document.activeElement)) {
            e.preventDefault();
            box.focus();
            box.select();
            return;
        }
        var results = document.getElementById("site-search-results");
        var links = Array.from(results.querySelectorAll("a.suggestion"));
        var at = links.indexOf(document.activeElement);
        if (e.key === "ArrowDown" && (document.activeElement === box || at >= 0) && links.length) {
            e.preventDefault();
            links[Math.min(at + 1, links.length - 1)].focus();
        } else if (e.key === "ArrowUp" && at >= 0) {
            e.preventDefault();
            if (at === 0) box.focus(); else links[at - 1].focus();
        } else if (e.key === "Escape" && (document.activeElement === box || at >= 0)) {
            results.innerHTML = "";
            box.focus();
        }
    });
    document.addEventListener("click", function (e) {
        var form = document.querySelector(".site-search");
        var results = document.getElementById("site-search-results");
        if (form && results && !form.contains(e.target)) results.innerHTML = "";
    });

    document.addEventListener("DOMContentLoaded", function () {
        foldingMenu();
        document.querySelectorAll("input[data-tags]").forEach(enhanceTags);
        focusFirstProblem();
        defaultZone();
    });
})();
