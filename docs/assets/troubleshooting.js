/* Agent Atlas: troubleshooting rows (copy-link, target highlight) and the hub's filter and sorting.
 *
 * Material's instant navigation swaps pages without reloading, so no script runs twice and
 * `:target` is not updated by history.pushState: everything is (re)wired on each `document$`
 * emission, and the targeted row is also marked with a class.
 */
(function () {
  "use strict";

  var TARGET_CLASS = "atlas-ts-target";
  var QUERY_PARAM = "filter"; // not "q": Material opens its search on ?q=

  /* Mark the row named by the URL's fragment (and only it), and bring it into view. */
  function highlightTarget(scroll) {
    document.querySelectorAll("." + TARGET_CLASS).forEach(function (row) {
      row.classList.remove(TARGET_CLASS);
    });
    var id = decodeURIComponent(location.hash.slice(1));
    if (!id) return;
    var row = document.getElementById(id);
    if (!row || !row.classList.contains("atlas-ts-row")) return;
    row.classList.add(TARGET_CLASS);
    if (scroll) row.scrollIntoView({ block: "center" });
  }

  /* The ¶ control: copy the absolute link to the row, and go there so it is highlighted. */
  function onCopyLink(event) {
    var link = event.target.closest(".atlas-ts-link");
    if (!link) return;
    event.preventDefault();
    var url = new URL(link.getAttribute("href"), location.href);
    url.search = "";
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
    var rows = hub.querySelectorAll("tbody tr");
    var shown = 0;
    rows.forEach(function (row) {
      var text = row.textContent.toLowerCase();
      var visible = words.every(function (word) { return text.indexOf(word) !== -1; });
      row.hidden = !visible;
      if (visible) shown += 1;
    });
    var count = hub.querySelector("[data-atlas-ts-count]");
    if (count) count.textContent = words.length ? shown + " of " + rows.length + " rows" : rows.length + " rows";
    var empty = hub.querySelector("[data-atlas-ts-empty]");
    if (empty && rows.length) empty.hidden = shown > 0;
    if (updateUrl) {
      var url = new URL(location.href);
      if (query) url.searchParams.set(QUERY_PARAM, query);
      else url.searchParams.delete(QUERY_PARAM);
      history.replaceState(history.state, "", url.href);
    }
  }

  /* Sort the body rows by one column; a second click on it reverses the order. */
  function sortBy(hub, button) {
    var column = Number(button.getAttribute("data-atlas-sort"));
    var header = button.closest("th");
    var ascending = header.getAttribute("aria-sort") !== "ascending";
    hub.querySelectorAll("th[aria-sort]").forEach(function (th) { th.setAttribute("aria-sort", "none"); });
    header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
    var body = hub.querySelector("tbody");
    var rows = Array.prototype.slice.call(body.rows);
    var collator = new Intl.Collator(undefined, { numeric: true, sensitivity: "base" });
    rows.sort(function (a, b) {
      var order = collator.compare(a.cells[column].textContent.trim(), b.cells[column].textContent.trim());
      return ascending ? order : -order;
    });
    rows.forEach(function (row) { body.appendChild(row); });
  }

  function setupHub(hub) {
    if (hub.dataset.atlasReady) return;
    hub.dataset.atlasReady = "1";
    var input = hub.querySelector("[data-atlas-ts-filter]");
    // Text typed before this ran (slow load) counts as much as a shared ?q= link.
    var initial = new URL(location.href).searchParams.get(QUERY_PARAM) || (input ? input.value : "");
    if (input) {
      input.value = initial;
      input.addEventListener("input", function () { applyFilter(hub, input.value.trim(), true); });
    }
    if (initial) applyFilter(hub, initial.trim(), false);
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
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setup);
  } else {
    setup();
  }
})();
