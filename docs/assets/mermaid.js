/* Agent Atlas: Mermaid from the site itself, never from a CDN.
 *
 * Material 9.x draws `.mermaid` blocks with a global `mermaid` and, when there is none, loads one from
 * unpkg.com: an intranet without internet access would show raw diagram source. This stand-in is that
 * global: Material calls initialize() and render(); the first render() loads the site's own copy of
 * mermaid.min.js (3.5 MB, shipped by hooks/atlas.py from the npm package `make setup` installs), so pages
 * without a diagram never download it. The real library then replaces this object as `window.mermaid`.
 */
(function () {
  "use strict";

  if (typeof window.mermaid !== "undefined") return;
  var BUNDLE = new URL("mermaid/mermaid.min.js", document.currentScript.src).href;
  var settings = {};
  var loaded = null;

  function load() {
    if (!loaded) {
      loaded = new Promise(function (resolve, reject) {
        var script = document.createElement("script");
        script.src = BUNDLE;
        script.onload = function () {
          window.mermaid.initialize(settings);
          resolve(window.mermaid);
        };
        script.onerror = function () { reject(new Error("Mermaid could not be loaded from " + BUNDLE)); };
        document.head.appendChild(script);
      });
    }
    return loaded;
  }

  window.mermaid = {
    initialize: function (options) { settings = options || {}; },
    render: function (id, text) {
      return load().then(function (mermaid) { return mermaid.render(id, text); });
    }
  };
})();
