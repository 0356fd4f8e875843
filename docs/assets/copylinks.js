/* Agent Atlas: copy-link buttons on agent, skill and troubleshooting-row links (URL, Markdown, MediaWiki), and
 * install commands (data-atlas-copy-text, copied as written).
 *
 * The text is built here, not in the page: the absolute address comes from the site's public URL
 * (<meta name="atlas:site-url">, written when SITE_URL is set at build time), else from the address
 * the page was opened at. One delegated listener, so Material's instant navigation needs no rewiring.
 */
(function () {
  "use strict";

  var COPIED_MS = 1500;

  /* The absolute site root: the public address when the build knew it, else this page's way up to the root. */
  function siteRoot(control) {
    var meta = document.querySelector('meta[name="atlas:site-url"]');
    if (meta && meta.content) return new URL(meta.content, location.href);
    return new URL(control.getAttribute("data-atlas-copy-root") || "./", location.href);
  }

  /* The absolute URL a control links to, or null for anything but a web address. */
  function absoluteUrl(control) {
    var url = new URL(control.getAttribute("data-atlas-copy-path") || "", siteRoot(control));
    return url.protocol === "https:" || url.protocol === "http:" ? url : null;
  }

  /* The text one button copies. */
  function linkText(control, format) {
    var url = absoluteUrl(control);
    if (!url) return null;
    var title = control.getAttribute("data-atlas-copy-title") || url.href;
    if (format === "markdown") return "[" + title.replace(/([\\\[\]])/g, "\\$1") + "](" + url.href + ")";
    // MediaWiki external link: [URL text]; a "]" in the text would end the link early.
    if (format === "mediawiki") return "[" + url.href + " " + title.replace(/\]/g, "&#93;") + "]";
    return url.href;
  }

  function onClick(event) {
    var button = event.target.closest("[data-atlas-copy]");
    var control = button && button.closest("[data-atlas-copy-path], [data-atlas-copy-text]");
    if (!control) return;
    event.preventDefault();
    // An install command is copied exactly as written; a link is built from the site's address.
    var text = control.hasAttribute("data-atlas-copy-text") ? control.getAttribute("data-atlas-copy-text")
      : linkText(control, button.getAttribute("data-atlas-copy"));
    var status = control.querySelector(".atlas-copy__status");
    if (!text || !navigator.clipboard) return;
    navigator.clipboard.writeText(text).then(function () {
      button.classList.add("atlas-copy__button--copied");
      if (status) status.textContent = "Copied: " + text;
      setTimeout(function () {
        button.classList.remove("atlas-copy__button--copied");
        if (status) status.textContent = "";
      }, COPIED_MS);
    }, function () {
      if (status) status.textContent = "The browser refused the clipboard: " + text;
    });
  }

  document.addEventListener("click", onClick);
  // The row's ¶ (troubleshooting.js) copies the same address as the buttons beside it.
  window.atlasCopyLinks = { absoluteUrl: absoluteUrl };
})();
