"""The adapter: the only code that imports or touches MkDocs, Material or Pagefind.

`plugin.AtlasPlugin` receives MkDocs' events (through `hooks/atlas.py`); `files` adds the generated pages,
`logs` reports problems, `theme`, `sidebars` and `pagenav` shape Material's templates and sidebars, `dirty`
plans `serve --dirty` rebuilds, `worker` is the forked page worker, `search_index` and `search_stream` run
Pagefind, `postbuild` names the end-of-build steps. `compat` lists every private name touched here.
"""

from __future__ import annotations

from .plugin import AtlasPlugin

__all__ = ["AtlasPlugin"]
