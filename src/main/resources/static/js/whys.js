// Five whys: move through the tree with the arrow keys, open an answer with Enter or a click, and keep one's place
// when the tree is redrawn after a vote or a poll. Without this script the tree's list and each answer's page work.
(function () {
    "use strict";
    if (window.kintsugiWhys) return; // the page may include the script more than once
    window.kintsugiWhys = true;

    var current = "0"; // the answer (data-node) that has the tree's tab stop; 0 is the problem statement
    var hadFocus = false;
    var fit = null; // fit the drawing to the width: null until the reader chooses, then true or false
    var scrolled = null; // where the drawing was scrolled to before it was redrawn

    function treeItem(el) { return el && el.closest ? el.closest(".why-diagram [role=treeitem]") : null; }
    function isItem(el) { return el && el.getAttribute && el.getAttribute("role") === "treeitem"; }
    function parentOf(item) { var up = item.parentElement; return up ? up.closest("[role=treeitem]") : null; }
    function childrenOf(item) {
        var group = Array.from(item.children).find(function (c) { return c.getAttribute("role") === "group"; });
        return group ? Array.from(group.children).filter(isItem) : [];
    }
    function siblingsOf(item) { return Array.from(item.parentElement.children).filter(isItem); }
    function allItems() { return Array.from(document.querySelectorAll(".why-diagram [role=treeitem]")); }

    function move(to) {
        if (!to) return;
        allItems().forEach(function (i) { i.setAttribute("tabindex", "-1"); });
        to.setAttribute("tabindex", "0");
        current = to.getAttribute("data-node");
        to.focus();
    }

    function open(item, focusPanel) {
        var base = item.closest("[data-whys]").getAttribute("data-whys");
        var node = item.getAttribute("data-node");
        var url = base + (node === "0" ? "/problem" : "/nodes/" + node);
        if (!window.htmx) { window.location.href = url; return; }
        window.htmx.ajax("GET", url, { target: "#why-panel", swap: "innerHTML" }).then(function () {
            var heading = document.getElementById("why-panel-heading");
            if (focusPanel && heading) heading.focus();
        });
    }

    // Fit a drawing that is a little wider than the page; scroll a wider one to the problem statement, or back to
    // where the reader had scrolled it before it was redrawn.
    function frame() {
        var box = document.querySelector(".why-scroll");
        var svg = box && box.querySelector("svg");
        var zoom = document.querySelector(".why-zoom");
        // Until the stylesheet is in, the box does not scroll yet; the load event frames it again.
        if (!svg || getComputedStyle(box).overflowX === "visible") return;
        var natural = Number(svg.getAttribute("width"));
        var fits = fit !== null ? fit : natural <= box.clientWidth * 1.3;
        box.classList.toggle("fit", fits && natural > box.clientWidth);
        if (zoom) {
            zoom.hidden = natural <= box.clientWidth;
            zoom.setAttribute("aria-pressed", String(box.classList.contains("fit")));
            zoom.textContent = box.classList.contains("fit") ? "Show the tree at full size" : "Fit the tree to the width";
        }
        if (scrolled) {
            box.scrollLeft = scrolled.left;
            box.scrollTop = scrolled.top;
            scrolled = null;
        } else if (!box.classList.contains("fit") && !box.dataset.framed) {
            var problem = svg.querySelector("#why-node-0 > rect");
            if (problem) {
                var x = Number(problem.getAttribute("x")) + Number(problem.getAttribute("width")) / 2;
                box.scrollLeft = Math.max(0, x - box.clientWidth / 2);
            }
        }
        box.dataset.framed = "true";
    }

    // Show which answer the panel holds, and give the tab stop back after the tree was redrawn.
    function restore() {
        frame();
        var panel = document.querySelector("#why-panel [data-node]");
        var opened = panel ? panel.getAttribute("data-node") : null;
        var items = allItems();
        if (!items.length) return;
        var stop = items.find(function (i) { return i.getAttribute("data-node") === current; }) || items[0];
        items.forEach(function (i) {
            i.setAttribute("tabindex", i === stop ? "0" : "-1");
            i.classList.toggle("why-open", i.getAttribute("data-node") === opened);
        });
        if (hadFocus && (document.activeElement === document.body || !document.activeElement)) stop.focus();
        hadFocus = false;
    }

    document.addEventListener("keydown", function (e) {
        var item = treeItem(e.target);
        if (item && item === e.target) {
            var to = null;
            var siblings = siblingsOf(item);
            var at = siblings.indexOf(item);
            switch (e.key) {
                case "ArrowUp": to = parentOf(item); break;
                case "ArrowDown": to = childrenOf(item)[0]; break;
                case "ArrowLeft": to = siblings[at - 1]; break;
                case "ArrowRight": to = siblings[at + 1]; break;
                case "Home": to = allItems()[0]; break;
                case "End": var items = allItems(); to = items[items.length - 1]; break;
                case "Enter": case " ": e.preventDefault(); open(item, true); return;
                default: return;
            }
            e.preventDefault();
            move(to);
            return;
        }
        // Escape in the panel goes back to the answer in the tree.
        if (e.key === "Escape" && e.target.closest && e.target.closest("#why-panel")) {
            var panel = document.querySelector("#why-panel [data-node]");
            var back = panel && allItems().find(function (i) {
                return i.getAttribute("data-node") === panel.getAttribute("data-node");
            });
            if (back) { e.preventDefault(); move(back); }
        }
    });

    document.addEventListener("click", function (e) {
        if (e.target.closest && e.target.closest(".why-zoom")) {
            var box = document.querySelector(".why-scroll");
            fit = !box.classList.contains("fit");
            box.dataset.framed = "";
            frame();
            return;
        }
        var item = treeItem(e.target);
        if (!item) return;
        move(item);
        open(item, false);
    });

    function noteFocus(e) {
        var tree = document.getElementById("why-tree");
        var target = e.detail && (e.detail.target || e.detail.elt);
        if (!tree || !target || (target !== tree && !tree.contains(target) && target.id !== "why-tree")) return;
        hadFocus = tree.contains(document.activeElement);
        var box = tree.querySelector(".why-scroll");
        if (box) scrolled = { left: box.scrollLeft, top: box.scrollTop };
    }
    document.addEventListener("htmx:beforeSwap", noteFocus);
    document.addEventListener("htmx:oobBeforeSwap", noteFocus);
    document.addEventListener("htmx:afterSettle", restore);
    document.addEventListener("DOMContentLoaded", restore);
    window.addEventListener("load", frame);
})();
