"""The faceted catalog page, "All agents and skills" at /catalog/ (facets)."""
