"""Template HTML kept away from Python-Markdown: a placeholder paragraph in the page, the HTML put back after.

Python-Markdown reads every raw HTML block with its HTML parser only to pass it through unchanged. On the
corpus an entry page's card and handoff tables were 1,600 characters of such HTML and a quarter of its
conversion time. A generated page holds its template-made blocks back (`hold`); the hook puts them back
into the converted HTML (`put_back`) before the sanitiser and the features' transforms read it, so the
page is what Python-Markdown would have made of the whole (tests/test_heldhtml.py). Content bodies are
never held: they go through Python-Markdown as written.
"""

from __future__ import annotations

import hashlib

#: (placeholder, HTML) pairs of one page.
Held = tuple[tuple[str, str], ...]


def hold(parts: list[str], body: str) -> tuple[list[str], Held]:
    """Template-made parts with each whole-HTML part replaced by a placeholder word, and what was held.

    A part is held when it is one HTML block: it starts with a tag and ends with one. The placeholder
    carries a hash of every part and of the page's body, so a body cannot spell out its own placeholder.
    """
    salted = "\0".join([body, *parts]).encode("utf-8", "surrogatepass")
    digest = hashlib.blake2b(salted, digest_size=8).hexdigest()
    out, held = [], []
    for part in parts:
        if part.startswith("<") and part.rstrip().endswith(">"):
            token = f"atlasheld{digest}n{len(held)}"
            held.append((token, part))
            out.append(token)
        else:
            out.append(part)
    return out, tuple(held)


def put_back(html: str, held: Held) -> str:
    """The converted page with each placeholder replaced by its HTML.

    A placeholder is a paragraph of its own, or bare text where a body's unclosed HTML block swallowed it:
    Python-Markdown would then have passed the held HTML through as raw text, which is what is put back.
    """
    for token, block in held:
        paragraph = f"<p>{token}</p>"
        if paragraph not in html:
            html = html.replace(token, block, 1)
        else:  # Python-Markdown leaves a blank line after a raw HTML block, except at the end of the page
            html = html.replace(paragraph, block if html.endswith(paragraph) else block + "\n", 1)
    return html
