/* Agent Atlas: the faceted catalog ("All agents and skills"): facet selects, a text filter, sortable columns.
 *
 * The filters live in the address (?collection=…&kind=…&model=…&tool=…&filter=…), so a filtered view can be
 * shared and comes back on reload, back/forward and Material's instant navigation (`document$`).
 */
(function () {
  "use strict";

  var TEXT_PARAM = "filter"; // not "q": Material opens its search on ?q= (the troubleshooting hub does the same)
  var DEBOUNCE_MS = 80;

  /* Each row with its facet values and lowercased text, read once. */
  function rowsOf(root) {
    if (!root.atlasRows) {
      root.atlasRows = Array.prototype.map.call(root.querySelectorAll("tbody tr"), function (row) {
        return {
          row: row,
          // The collection is shown without its owner; its full name is searchable too.
          text: (row.textContent + " " + (row.getAttribute("data-collection") || "")).toLowerCase(),
          collection: (row.getAttribute("data-collection") || "").toLowerCase(),
          kind: (row.getAttribute("data-kind") || "").toLowerCase(),
          plugin: (row.getAttribute("data-plugin") || "").toLowerCase(),
          model: (row.getAttribute("data-model") || "").toLowerCase(),
          tools: (row.getAttribute("data-tools") || "").toLowerCase(),
        };
      });
    }
    return root.atlasRows;
  }

  function selects(root) {
    return Array.prototype.slice.call(root.querySelectorAll("[data-atlas-facet]"));
  }

  /* Whether one row passes one facet: tools are a |-separated list, the others one value. */
  function matches(item, attribute, value) {
    if (attribute === "tools") return item.tools.indexOf("|" + value + "|") !== -1;
    return item[attribute] === value;
  }

  /* The values of one row for one facet (tools: several). */
  function valuesOf(item, attribute) {
    return attribute === "tools" ? item.tools.split("|").filter(Boolean) : [item[attribute]];
  }

  /* Each list's counts say how many rows its values would leave, given the other filters and the text. */
  function updateCounts(root, active, words) {
    selects(root).forEach(function (select) {
      var attribute = select.getAttribute("data-atlas-facet-attribute");
      var others = active.filter(function (facet) { return facet.attribute !== attribute; });
      var counts = {};
      rowsOf(root).forEach(function (item) {
        if (!others.every(function (facet) { return matches(item, facet.attribute, facet.value); })) return;
        if (!words.every(function (word) { return item.text.indexOf(word) !== -1; })) return;
        valuesOf(item, attribute).forEach(function (value) { counts[value] = (counts[value] || 0) + 1; });
      });
      Array.prototype.forEach.call(select.options, function (option) {
        if (option.value) option.textContent = option.value + " (" + (counts[option.value.toLowerCase()] || 0) + ")";
      });
    });
  }

  /* Show the rows that pass every facet and contain every word; optionally write the state into the URL. */
  function apply(root, updateUrl) {
    var input = root.querySelector("[data-atlas-facet-text]");
    var query = input ? input.value.trim() : "";
    var words = query.toLowerCase().split(/\s+/).filter(Boolean);
    var active = selects(root).filter(function (select) { return select.value; }).map(function (select) {
      return { attribute: select.getAttribute("data-atlas-facet-attribute"), value: select.value.toLowerCase() };
    });
    var rows = rowsOf(root);
    var shown = 0;
    rows.forEach(function (item) {
      var visible = active.every(function (facet) { return matches(item, facet.attribute, facet.value); }) &&
        words.every(function (word) { return item.text.indexOf(word) !== -1; });
      if (item.row.hidden === visible) item.row.hidden = !visible; // untouched rows cost no style work
      if (visible) shown += 1;
    });
    window.atlasTables.updateBlocks(root);
    updateCounts(root, active, words);
    var filtered = words.length || active.length;
    var count = root.querySelector("[data-atlas-facet-count]");
    var noun = count ? count.getAttribute("data-atlas-facet-noun") || "entries" : "";  // a marketplace counts plugins
    if (count) count.textContent = filtered ? shown + " of " + rows.length + " " + noun : rows.length + " " + noun;
    var empty = root.querySelector("[data-atlas-facet-empty]");
    if (empty) empty.hidden = shown > 0;
    if (updateUrl) {
      var url = new URL(location.href);
      selects(root).forEach(function (select) {
        var name = select.getAttribute("data-atlas-facet");
        if (select.value) url.searchParams.set(name, select.value);
        else url.searchParams.delete(name);
      });
      if (query) url.searchParams.set(TEXT_PARAM, query);
      else url.searchParams.delete(TEXT_PARAM);
      if (url.href !== location.href) history.replaceState(history.state, "", url.href);
    }
  }

  /* Put the URL's state into the controls; a value the page has no option for (a stale link) is still applied. */
  function readUrl(root) {
    var params = new URL(location.href).searchParams;
    selects(root).forEach(function (select) {
      var wanted = params.get(select.getAttribute("data-atlas-facet")) || "";
      var option = Array.prototype.find.call(select.options, function (o) {
        return o.value.toLowerCase() === wanted.toLowerCase();
      });
      if (!option && wanted) {
        option = new Option(wanted + " (0)", wanted);
        select.add(option);
      }
      select.value = option ? option.value : "";
    });
    var input = root.querySelector("[data-atlas-facet-text]");
    if (input) input.value = params.get(TEXT_PARAM) || "";
  }

  function setupCatalog(root) {
    if (root.dataset.atlasReady) return;
    root.dataset.atlasReady = "1";
    readUrl(root);
    var timer = 0;
    var input = root.querySelector("[data-atlas-facet-text]");
    if (input) {
      input.addEventListener("input", function () {
        clearTimeout(timer);
        timer = setTimeout(function () { apply(root, true); }, DEBOUNCE_MS);
      });
    }
    selects(root).forEach(function (select) {
      select.addEventListener("change", function () { apply(root, true); });
    });
    var reset = root.querySelector("[data-atlas-facet-reset]");
    if (reset) {
      reset.addEventListener("click", function () {
        selects(root).forEach(function (select) { select.value = ""; });
        if (input) input.value = "";
        apply(root, true);
      });
    }
    root.querySelectorAll("[data-atlas-sort]").forEach(function (button) {
      button.addEventListener("click", function () { window.atlasTables.sortBy(root, button); });
    });
    apply(root, false);
  }

  function setup() {
    document.querySelectorAll("[data-atlas-facets]").forEach(setupCatalog);
  }

  /* Back and forward within the page (no reload): the address is the state. */
  window.addEventListener("popstate", function () {
    document.querySelectorAll("[data-atlas-facets]").forEach(function (root) {
      if (!root.dataset.atlasReady) return;
      readUrl(root);
      apply(root, false);
    });
  });
  if (typeof document$ !== "undefined") {
    document$.subscribe(setup);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setup);
  } else {
    setup();
  }
})();
