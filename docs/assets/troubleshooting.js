/* Agent Atlas: troubleshooting rows (copy-link, target highlight) and the hub's filter and sorting.
 *
 * Material's instant navigation swaps pages without reloading, so no script runs twice and
 * `:target` is not updated by history.pushState: everything is (re)wired on each `document$`
 * emission, and the targeted row is also marked with a class.
 */
(function () {
  "use strict";

  var TARGET_CLASS = "atlas-ts-target";
  var QUERY_PARAM = "filter"; // not "q": the site search (search.js) opens on ?q=
  var HIGHLIGHT_PARAM = "h"; // a site-search result (search.js) links to ?h=<query>
  var DEBOUNCE_MS = 80; // typing fast filters once, not once per keystroke (569 rows on the corpus)

  /* The hub rows with their lowercased text, read once: walking 569 rows' text on each keystroke was the cost. */
  function hubRows(hub) {
    if (!hub.atlasRows) {
      hub.atlasRows = Array.prototype.map.call(hub.querySelectorAll("tbody tr"), function (row) {
        // The collection is shown shortened; its full name is searchable too.
        return { row: row, text: (row.textContent + " " + (row.getAttribute("data-collection") || "")).toLowerCase() };
      });
    }
    return hub.atlasRows;
  }

  /* Hide the blocks of rows left with no visible row (shared with the faceted catalog: tables.js). */
  function updateBlocks(hub) {
    window.atlasTables.updateBlocks(hub);
  }

  /* Say something under the filter box, or nothing. */
  function setNote(hub, text) {
    var note = hub.querySelector("[data-atlas-ts-note]");
    if (!note) return;
    note.textContent = text;
    note.hidden = !text;
  }

  /* A targeted row the filter hides is shown anyway, and the reader is told why it does not match. */
  function revealTarget(row) {
    var hub = row.closest("[data-atlas-ts-hub]");
    if (!hub || !row.hidden) return;
    row.hidden = false;
    var block = row.closest("[data-atlas-ts-block]");
    if (block) block.hidden = false;
    var input = hub.querySelector("[data-atlas-ts-filter]");
    var query = input ? input.value.trim() : "";
    setNote(hub, "The linked row is shown although it does not match the filter \u201c" + query + "\u201d.");
    var empty = hub.querySelector("[data-atlas-ts-empty]");
    if (empty) empty.hidden = true;
  }

  /* Mark the row named by the URL's fragment (and only it), and bring it into view. */
  function highlightTarget(scroll) {
    document.querySelectorAll("." + TARGET_CLASS).forEach(function (row) {
      row.classList.remove(TARGET_CLASS);
    });
    var id = decodeURIComponent(location.hash.slice(1));
    if (!id) return;
    var row = document.getElementById(id);
    if (!row || !row.classList.contains("atlas-ts-row")) return;
    revealTarget(row);
    row.classList.add(TARGET_CLASS);
    if (scroll) row.scrollIntoView({ block: "center" });
  }

  /* The ¶ control: copy the absolute link to the row, and go there so it is highlighted. */
  function onCopyLink(event) {
    var link = event.target.closest(".atlas-ts-link");
    if (!link) return;
    event.preventDefault();
    // On entry pages the copy buttons beside the ¶ know the public address (copylinks.js); the hub has none.
    var control = link.parentElement.querySelector("[data-atlas-copy-path]");
    var url = control && window.atlasCopyLinks ? window.atlasCopyLinks.absoluteUrl(control) : null;
    if (!url) {
      url = new URL(link.getAttribute("href"), location.href);
      url.search = "";
    }
    history.replaceState(history.state, "", link.getAttribute("href"));
    highlightTarget(false);
    if (navigator.clipboard) {
      navigator.clipboard.writeText(url.href).then(function () {
        link.classList.add("atlas-ts-link--copied");
        setTimeout(function () { link.classList.remove("atlas-ts-link--copied"); }, 1500);
      }, function () { /* clipboard refused (insecure context): the address bar holds the link */ });
    }
  }

  /* Keep only rows containing every word of the query; keep the query in the URL. */
  function applyFilter(hub, query, updateUrl) {
    var words = query.toLowerCase().split(/\s+/).filter(Boolean);
    var rows = hubRows(hub);
    var shown = 0;
    rows.forEach(function (item) {
      var visible = words.every(function (word) { return item.text.indexOf(word) !== -1; });
      if (item.row.hidden === visible) item.row.hidden = !visible; // untouched rows cost no style work
      if (visible) shown += 1;
    });
    updateBlocks(hub);
    setNote(hub, "");
    var count = hub.querySelector("[data-atlas-ts-count]");
    if (count) count.textContent = words.length ? shown + " of " + rows.length + " rows" : rows.length + " rows";
    var empty = hub.querySelector("[data-atlas-ts-empty]");
    if (empty && rows.length) empty.hidden = shown > 0;
    if (updateUrl) {
      var url = new URL(location.href);
      if (query) url.searchParams.set(QUERY_PARAM, query);
      else url.searchParams.delete(QUERY_PARAM);
      url.searchParams.delete(HIGHLIGHT_PARAM); // the typed filter replaces the one search brought
      history.replaceState(history.state, "", url.href);
    }
  }

  /* Sort the rows of all blocks by one column (shared with the faceted catalog: tables.js). */
  function sortBy(hub, button) {
    window.atlasTables.sortBy(hub, button);
  }

  function setupHub(hub) {
    if (hub.dataset.atlasReady) return;
    hub.dataset.atlasReady = "1";
    var input = hub.querySelector("[data-atlas-ts-filter]");
    var params = new URL(location.href).searchParams;
    // A shared ?filter= link first, then a search result's ?h=, then text typed before this ran (slow load).
    var initial = params.get(QUERY_PARAM) || params.get(HIGHLIGHT_PARAM) || (input ? input.value : "");
    if (input) {
      var timer = 0;
      input.value = initial;
      input.addEventListener("input", function () {
        clearTimeout(timer);
        timer = setTimeout(function () { applyFilter(hub, input.value.trim(), true); }, DEBOUNCE_MS);
      });
    }
    if (initial.trim()) applyFilter(hub, initial.trim(), false);
    hub.querySelectorAll("[data-atlas-sort]").forEach(function (button) {
      button.addEventListener("click", function () { sortBy(hub, button); });
    });
  }

  function setup() {
    document.querySelectorAll("[data-atlas-ts-hub]").forEach(setupHub);
    highlightTarget(true);
  }

  document.addEventListener("click", onCopyLink);
  window.addEventListener("hashchange", function () { highlightTarget(true); });
  if (typeof document$ !== "undefined") {
    document$.subscribe(setup);
    /* Instant navigation may update the address after it swaps the document: look again then. */
    if (typeof location$ !== "undefined") {
      location$.subscribe(function () { setTimeout(function () { highlightTarget(false); }, 0); });
    }
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setup);
  } else {
    setup();
  }
})();
