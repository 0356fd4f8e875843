/* Agent Atlas: the words a search result was found by, marked on the page it opens (`?h=<query>`),
 * as Material's search.highlight did for its own search. Runs for each page instant navigation shows.
 */
(function () {
  "use strict";

  var HIGHLIGHT_PARAM = "h"; // set by search.js on every result link
  var MAX_MARKS = 300; // a long page with a common word: mark the first ones, not thousands
  var SKIP_TAGS = { SCRIPT: 1, STYLE: 1, MARK: 1, SVG: 1, TEXTAREA: 1, INPUT: 1, SELECT: 1 };

  /* Wrap each occurrence of the query's words in the page's content in <mark>. */
  function highlight() {
    var query = new URL(location.href).searchParams.get(HIGHLIGHT_PARAM);
    var root = document.querySelector("[data-pagefind-body]");
    if (!query || !root) return;
    var words = query.split(/\s+/).filter(function (word) { return word.length > 1; });
    if (!words.length) return;
    var pattern = new RegExp("(" + words.map(function (word) {
      return word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    }).join("|") + ")", "gi");
    var walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
      acceptNode: function (node) {
        for (var parent = node.parentNode; parent && parent !== root; parent = parent.parentNode) {
          if (SKIP_TAGS[parent.nodeName.toUpperCase()] || (parent.classList && parent.classList.contains("mermaid"))) {
            return NodeFilter.FILTER_REJECT;
          }
        }
        pattern.lastIndex = 0;
        return pattern.test(node.nodeValue) ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_SKIP;
      }
    });
    var nodes = [];
    while (walker.nextNode() && nodes.length < MAX_MARKS) nodes.push(walker.currentNode);
    nodes.forEach(function (node) {
      var fragment = document.createDocumentFragment();
      node.nodeValue.split(pattern).forEach(function (part, index) {
        if (!part) return;
        if (index % 2) {
          var mark = document.createElement("mark");
          mark.setAttribute("data-atlas-highlight", "");
          mark.textContent = part;
          fragment.appendChild(mark);
        } else {
          fragment.appendChild(document.createTextNode(part));
        }
      });
      node.parentNode.replaceChild(fragment, node);
    });
  }

  if (typeof document$ !== "undefined") {
    document$.subscribe(function () { highlight(); });
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", highlight);
  } else {
    highlight();
  }
})();
