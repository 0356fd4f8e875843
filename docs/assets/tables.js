/* Agent Atlas: what the troubleshooting hub and the faceted catalog share: tables split in blocks of rows
 * (one <table> each, laid out only near the viewport) that sort as one table and hide when emptied.
 * Loaded before troubleshooting.js and catalog.js (mkdocs.yml extra_javascript).
 */
window.atlasTables = (function () {
  "use strict";

  /* Hide the blocks of rows (marked data-atlas-ts-block) left with no visible row, so no empty table frame shows. */
  function updateBlocks(container) {
    container.querySelectorAll("[data-atlas-ts-block]").forEach(function (block) {
      block.hidden = !block.querySelector("tr:not([hidden])");
    });
  }

  /* Sort the rows of all blocks by one column (or a row attribute); a second click on it reverses the order. */
  function sortBy(container, button) {
    var column = Number(button.getAttribute("data-atlas-sort"));
    var attribute = button.getAttribute("data-atlas-sort-key");
    var ascending = button.getAttribute("data-atlas-sorted") !== "ascending";
    container.querySelectorAll("[data-atlas-sort]").forEach(function (other) { other.removeAttribute("data-atlas-sorted"); });
    container.querySelectorAll("th[aria-sort]").forEach(function (th) { th.setAttribute("aria-sort", "none"); });
    button.setAttribute("data-atlas-sorted", ascending ? "ascending" : "descending");
    button.closest("th").setAttribute("aria-sort", ascending ? "ascending" : "descending");
    var bodies = Array.prototype.slice.call(container.querySelectorAll("tbody"));
    var sizes = bodies.map(function (body) { return body.rows.length; });
    var collator = new Intl.Collator(undefined, { numeric: true, sensitivity: "base" });
    var keyed = Array.prototype.map.call(container.querySelectorAll("tbody tr"), function (row) {
      var key = attribute ? row.getAttribute("data-" + attribute) : row.cells[column].textContent;
      return { row: row, key: (key || "").trim() };
    });
    keyed.sort(function (a, b) {
      var order = collator.compare(a.key, b.key);
      return ascending ? order : -order;
    });
    // Refill the blocks in order, each with as many rows as it had.
    var next = 0;
    bodies.forEach(function (body, index) {
      var fragment = document.createDocumentFragment();
      keyed.slice(next, next + sizes[index]).forEach(function (item) { fragment.appendChild(item.row); });
      next += sizes[index];
      body.appendChild(fragment);
    });
    updateBlocks(container);
  }

  return { updateBlocks: updateBlocks, sortBy: sortBy };
})();
