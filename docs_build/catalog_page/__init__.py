"""catalog_page."""
