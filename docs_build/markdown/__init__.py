"""Markdown lexing shared by every feature: fences, code spans, pipe tables and headings, block separation
(gfm), linear-time text scans, and the HTML sanitiser run on converted bodies."""
