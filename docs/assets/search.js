/* Agent Atlas: the site search, Pagefind in Material's search dialog (overrides/partials/search.html).
 *
 * Pagefind's index is cut into small files: a query fetches only the pieces it needs (its words' index
 * chunk, then one fragment per result shown), so the first results cost the same bytes on any size of
 * site. Results use Material's markup and CSS. A result opens with `?h=<query>`: the terms are
 * highlighted on the page (highlight.js; the troubleshooting hub filters by it); `?q=<query>` opens the
 * search with its results, so a search can be shared. Instant navigation swaps pages under the header,
 * which holds the dialog, so this runs once.
 */
(function () {
  "use strict";

  var ROOT = new URL("../", document.currentScript.src); // this file is <site>/assets/search.js
  var QUERY_PARAM = "q";
  var HIGHLIGHT_PARAM = "h"; // read by highlight.js and by the troubleshooting hub
  var PAGE_SIZE = 10; // results whose text (one fragment each) is fetched at a time
  var DEBOUNCE_MS = 120;

  var dialog = document.querySelector("[data-atlas-search]");
  var toggle = document.getElementById("__search");
  var engine = null;
  var current = { query: "", results: [], shown: 0, token: 0 };

  function element(selector) { return dialog.querySelector(selector); }

  /* Material's words for "no results", "1 matching document"…, from its page configuration. */
  function translate(key, count) {
    var config = document.getElementById("__config");
    var words = config ? (JSON.parse(config.textContent).translations || {}) : {};
    var text = words[key] || "";
    return text.replace("#", String(count));
  }

  /* Pagefind's module, imported once, on first use (typing), never on page load. Its filter lists are
   * loaded before the first search: only then does a search count its results per collection and kind. */
  function pagefind() {
    if (!engine) {
      engine = import(new URL("pagefind/pagefind.js", ROOT).href).then(function (module) {
        return module.options({ baseUrl: ROOT.pathname, excerptLength: 24 })
          .then(function () { return module.filters(); })
          .then(function () { return module; });
      });
    }
    return engine;
  }

  function selectedFilters() {
    var filters = {};
    dialog.querySelectorAll("[data-atlas-search-filter]").forEach(function (select) {
      if (select.value) filters[select.getAttribute("data-atlas-search-filter")] = select.value;
    });
    return filters;
  }

  /* Run the query in the box; render when it is still the latest one. */
  function run() {
    var query = element("[data-atlas-search-query]").value.trim();
    var token = ++current.token;
    if (!query) {
      keepInAddress("");
      clearResults(translate("search.result.placeholder"));
      return;
    }
    pagefind().then(function (module) {
      return module.debouncedSearch(query, { filters: selectedFilters() }, DEBOUNCE_MS);
    }).then(function (search) {
      if (search === null || token !== current.token) return; // a later keystroke replaced this query
      current = { query: query, results: search.results, shown: 0, token: token };
      keepInAddress(query); // once per query shown, not per keystroke: the browser re-checks the favicon
      updateFilters(search.totalFilters || search.filters || {});
      element("[data-atlas-search-results]").textContent = "";
      var count = search.results.length;
      var key = count === 0 ? "search.result.none" : count === 1 ? "search.result.one" : "search.result.other";
      element("[data-atlas-search-meta]").textContent = translate(key, count);
      return showMore(token);
    }).catch(function (error) {
      clearResults("Search is unavailable: " + error.message);
    });
  }

  function clearResults(text) {
    current.results = [];
    element("[data-atlas-search-results]").textContent = "";
    element("[data-atlas-search-meta]").textContent = text;
    element("[data-atlas-search-suggest]").textContent = "";
  }

  /* Fetch the next page of results' fragments and append them. */
  function showMore(token) {
    var page = current.results.slice(current.shown, current.shown + PAGE_SIZE);
    current.shown += page.length;
    return Promise.all(page.map(function (result) { return result.data(); })).then(function (items) {
      if (token !== current.token) return;
      var list = element("[data-atlas-search-results]");
      var more = list.querySelector("[data-atlas-search-more]");
      if (more) more.remove();
      items.forEach(function (data) { list.appendChild(resultItem(data)); });
      if (current.shown < current.results.length) list.appendChild(moreItem(token));
      suggest(items);
    });
  }

  function moreItem(token) {
    var item = document.createElement("li");
    item.className = "md-search-result__item atlas-search-more";
    item.setAttribute("data-atlas-search-more", "");
    var button = document.createElement("button");
    button.type = "button";
    button.className = "md-search-result__more";
    button.textContent = "Show " + Math.min(PAGE_SIZE, current.results.length - current.shown) + " more";
    button.addEventListener("click", function () { showMore(token); });
    item.appendChild(button);
    return item;
  }

  /* One result in Material's markup: title, excerpt with the matched words marked, where it is. */
  function resultItem(data) {
    var url = new URL(data.url, location.origin);
    url.searchParams.set(HIGHLIGHT_PARAM, current.query);
    var item = document.createElement("li");
    item.className = "md-search-result__item";
    var link = document.createElement("a");
    link.className = "md-search-result__link";
    link.href = url.href;
    link.setAttribute("data-atlas-search-result", "");
    var article = document.createElement("article");
    article.className = "md-search-result__article md-typeset";
    var title = document.createElement(url.hash ? "h2" : "h1"); // a row within a page, or a page
    title.textContent = (data.meta && data.meta.title) || data.url;
    article.appendChild(title);
    var excerpt = document.createElement("p");
    appendMarked(excerpt, data.excerpt || "");
    article.appendChild(excerpt);
    var where = whereText(data.filters || {});
    if (where) {
      var place = document.createElement("p");
      place.className = "atlas-search-result__where";
      place.textContent = where;
      article.appendChild(place);
    }
    link.appendChild(article);
    item.appendChild(link);
    return item;
  }

  function whereText(filters) {
    var parts = [];
    ["kind", "collection"].forEach(function (name) {
      if (filters[name] && filters[name].length) parts.push(filters[name].join(", "));
    });
    return parts.join(" · ");
  }

  /* Copy an excerpt's text and its <mark>s only: page text never becomes markup here. */
  function appendMarked(target, excerpt) {
    var parsed = new DOMParser().parseFromString("<body>" + excerpt + "</body>", "text/html").body;
    parsed.childNodes.forEach(function (node) {
      if (node.nodeName === "MARK") {
        var mark = document.createElement("mark");
        mark.textContent = node.textContent;
        target.appendChild(mark);
      } else {
        target.appendChild(document.createTextNode(node.textContent));
      }
    });
  }

  /* Offer the word the last typed one is growing into, taken from the marked words of the results;
   * none when the results already match the word as typed. */
  function suggest(items) {
    var box = element("[data-atlas-search-suggest]");
    var query = current.query;
    var last = query.split(/\s+/).pop().toLowerCase();
    box.textContent = "";
    if (!last) return;
    var probe = document.createElement("p");
    var longer = "";
    for (var i = 0; i < items.length; i++) {
      probe.textContent = "";
      appendMarked(probe, items[i].excerpt || "");
      var marks = probe.querySelectorAll("mark");
      for (var j = 0; j < marks.length; j++) {
        var word = marks[j].textContent.replace(/^\W+|\W+$/g, "");
        if (word.toLowerCase() === last) return;
        if (!longer && word.length > last.length && word.toLowerCase().indexOf(last) === 0) longer = word;
      }
    }
    if (longer) box.textContent = query + longer.slice(last.length);
  }

  function acceptSuggestion() {
    var box = element("[data-atlas-search-suggest]");
    var input = element("[data-atlas-search-query]");
    if (!box.textContent || input.selectionStart !== input.value.length) return false;
    input.value = box.textContent;
    run();
    return true;
  }

  /* The collection and kind filters, with the number of results each would leave. */
  function updateFilters(counts) {
    var any = false;
    dialog.querySelectorAll("[data-atlas-search-filter]").forEach(function (select) {
      var name = select.getAttribute("data-atlas-search-filter");
      var values = counts[name] || {};
      var chosen = select.value;
      while (select.options.length > 1) select.remove(1);
      Object.keys(values).sort().forEach(function (value) {
        if (!values[value] && value !== chosen) return;
        select.add(new Option(value + " (" + values[value] + ")", value, false, value === chosen));
        any = true;
      });
    });
    element("[data-atlas-search-filters]").hidden = !any;
  }

  /* ?q=<query> while the search is open with a query: the address is the shareable search. */
  function keepInAddress(query) {
    var url = new URL(location.href);
    if (query && toggle.checked) url.searchParams.set(QUERY_PARAM, query);
    else url.searchParams.delete(QUERY_PARAM);
    if (url.href !== location.href) history.replaceState(history.state, "", url.href);
  }

  function open() {
    if (!toggle.checked) {
      toggle.checked = true;
      toggle.dispatchEvent(new Event("change"));
    }
  }

  function close() {
    if (toggle.checked) {
      toggle.checked = false;
      toggle.dispatchEvent(new Event("change"));
    }
  }

  function moveFocus(step) {
    var links = Array.prototype.slice.call(dialog.querySelectorAll("[data-atlas-search-result]"));
    if (!links.length) return;
    var index = links.indexOf(document.activeElement);
    var next = index === -1 ? (step > 0 ? 0 : links.length - 1) : index + step;
    if (next < 0) { element("[data-atlas-search-query]").focus(); return; }
    links[Math.min(next, links.length - 1)].focus();
  }

  function setup() {
    if (!dialog || !toggle) return;
    var input = element("[data-atlas-search-query]");
    var timer = 0;
    input.addEventListener("focus", open);
    input.addEventListener("input", function () {
      element("[data-atlas-search-suggest]").textContent = "";
      clearTimeout(timer);
      timer = setTimeout(run, 0);
    });
    element("[data-atlas-search-form]").addEventListener("submit", function (event) {
      event.preventDefault();
      var first = dialog.querySelector("[data-atlas-search-result]");
      if (first) first.click();
    });
    element("[data-atlas-search-form]").addEventListener("reset", function () {
      setTimeout(function () { run(); input.focus(); }, 0);
    });
    dialog.querySelectorAll("[data-atlas-search-filter]").forEach(function (select) {
      select.addEventListener("change", run);
    });
    toggle.addEventListener("change", function () {
      if (toggle.checked) {
        setTimeout(function () { input.focus(); }, 0);
        keepInAddress(input.value.trim());
      } else {
        input.blur();
        keepInAddress("");
      }
    });
    dialog.addEventListener("click", function (event) {
      if (event.target.closest("[data-atlas-search-result]")) close(); // the page it opens takes over
    });
    document.addEventListener("keydown", function (event) {
      if (event.metaKey || event.ctrlKey || event.altKey) return;
      var typing = /^(INPUT|TEXTAREA|SELECT)$/.test(document.activeElement.tagName) ||
        document.activeElement.isContentEditable;
      if (!toggle.checked) {
        if (!typing && (event.key === "/" || event.key === "s" || event.key === "f")) {
          event.preventDefault();
          open();
        }
        return;
      }
      if (event.key === "Escape") { close(); event.preventDefault(); }
      else if (event.key === "ArrowDown") { moveFocus(1); event.preventDefault(); }
      else if (event.key === "ArrowUp") { moveFocus(-1); event.preventDefault(); }
      else if ((event.key === "Tab" || event.key === "ArrowRight") && document.activeElement === input) {
        if (acceptSuggestion()) event.preventDefault();
      }
    });
    var shared = new URL(location.href).searchParams.get(QUERY_PARAM);
    if (shared) {
      input.value = shared;
      open();
      run();
    }
  }

  setup();
})();
