"""Links from wikis: objects.inv for Sphinx-style inventories (inventory), copy-link buttons (copylinks), and
redirect pages left at renamed entries' old URLs (redirects, read from the content's redirects.yml)."""
