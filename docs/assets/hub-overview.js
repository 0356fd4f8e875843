/* Agent Atlas: the troubleshooting hub's overview, when the rows are split by collection (docs_build/hubpages.py).
 *
 * Its filter searches troubleshooting/rows.json (symptom, agent, collection of every row), fetched on first
 * use, and lists matches linked to their row on the collection's page, opened filtered and highlighted.
 * A link to a row of the former one-page hub (troubleshooting/#<row id>) is sent on to that row's page.
 */
(function () {
  "use strict";

  var QUERY_PARAM = "filter"; // as on the hub pages (troubleshooting.js)
  var HIGHLIGHT_PARAM = "h"; // a site-search result for the overview
  var DEBOUNCE_MS = 80;
  var MAX_SLUG_CHARS = 60; // troubleshooting.py MAX_SLUG_CHARS

  /* A row's anchor made from its ASCII symptom as the build makes it (troubleshooting.py symptom_anchor). */
  function symptomAnchor(symptom) {
    var slug = symptom.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
    return "ts-" + slug.slice(0, MAX_SLUG_CHARS).replace(/^-+|-+$/g, "");
  }

  /* rows.json once per overview, with each row's lowercased text; null when it cannot be read (file://). */
  function loadRows(overview) {
    if (!overview.atlasRows) {
      var url = new URL(overview.getAttribute("data-rows-url"), location.href);
      overview.atlasRows = fetch(url.href).then(function (response) {
        if (!response.ok) throw new Error(response.status);
        return response.json();
      }).then(function (data) {
        return data.rows.map(function (row) {
          var entry = data.entries[row[1]];
          return {
            symptom: row[0], title: entry[0], collection: entry[1],
            page: new URL(data.pages[row[2]], new URL("../", url)).pathname, id: entry[2] + "--" + (row[3] || symptomAnchor(row[0])),
            text: (row[0] + " " + entry[0] + " " + entry[1]).toLowerCase(),
          };
        });
      }).catch(function () { return null; });
    }
    return overview.atlasRows;
  }

  function setNote(overview, text) {
    var note = overview.querySelector("[data-atlas-ts-note]");
    note.textContent = text;
    note.hidden = !text;
  }

  /* List the rows containing every word of the query, each linked to its page filtered by the same query. */
  function render(overview, rows, query) {
    var list = overview.querySelector("[data-atlas-ts-matches]");
    var count = overview.querySelector("[data-atlas-ts-count]");
    var words = query.toLowerCase().split(/\s+/).filter(Boolean);
    list.textContent = "";
    list.hidden = !words.length;
    setNote(overview, "");
    if (!rows) {
      if (words.length) setNote(overview, "The rows could not be loaded here; open a collection below, or use the site search.");
      return;
    }
    if (!words.length) { count.textContent = rows.length + " rows"; return; }
    var shown = Number(overview.getAttribute("data-shown"));
    var matches = rows.filter(function (row) {
      return words.every(function (word) { return row.text.indexOf(word) !== -1; });
    });
    count.textContent = matches.length + " of " + rows.length + " rows";
    matches.slice(0, shown).forEach(function (row) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = row.page + "?" + QUERY_PARAM + "=" + encodeURIComponent(query) + "#" + encodeURIComponent(row.id);
      link.textContent = row.symptom;
      var where = document.createElement("span");
      where.className = "atlas-muted";
      where.textContent = " \u00b7 " + row.title + " \u00b7 " + row.collection;
      item.appendChild(link);
      item.appendChild(where);
      list.appendChild(item);
    });
    if (!matches.length) setNote(overview, "No row matches the filter.");
    else if (matches.length > shown) setNote(overview, "Showing the first " + shown + " matches; add a word to narrow them.");
  }

  /* A row id in the address that is no longer on this page: go to the collection page that has it. */
  function followRowLink(overview) {
    var id = decodeURIComponent(location.hash.slice(1));
    if (!id || document.getElementById(id)) return;
    loadRows(overview).then(function (rows) {
      var row = rows && rows.find(function (item) { return item.id === id; });
      if (row) location.replace(row.page + location.search + "#" + encodeURIComponent(id));
    });
  }

  function setup(overview) {
    if (overview.dataset.atlasReady) return;
    overview.dataset.atlasReady = "1";
    var input = overview.querySelector("[data-atlas-ts-filter]");
    var params = new URL(location.href).searchParams;
    var initial = params.get(QUERY_PARAM) || params.get(HIGHLIGHT_PARAM) || input.value;
    var timer = 0;
    function apply(updateUrl) {
      var query = input.value.trim();
      loadRows(overview).then(function (rows) { render(overview, rows, query); });
      if (!updateUrl) return;
      var url = new URL(location.href);
      if (query) url.searchParams.set(QUERY_PARAM, query);
      else url.searchParams.delete(QUERY_PARAM);
      url.searchParams.delete(HIGHLIGHT_PARAM);
      history.replaceState(history.state, "", url.href);
    }
    input.value = initial;
    // Fetch the rows when the reader reaches for the box, so the first keystroke does not wait for them.
    input.addEventListener("focus", function () { loadRows(overview); }, { once: true });
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () { apply(true); }, DEBOUNCE_MS);
    });
    if (initial.trim()) apply(false);
    followRowLink(overview);
  }

  function setupAll() {
    document.querySelectorAll("[data-atlas-ts-overview]").forEach(setup);
  }

  if (typeof document$ !== "undefined") document$.subscribe(setupAll);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setupAll);
  else setupAll();
})();
