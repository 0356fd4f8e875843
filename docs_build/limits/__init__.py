"""Limits: every bound on size, depth, count and time in one table (`table.py`), and the code that applies them.

bounds (Markdown read in linear time), values (frontmatter values on the card), pagecut (a file too large for one
page is parsed in part; `Entry.cut_note`), pagesize (the feature that shows that note), budget (slow pages named),
problemcap (problems listed per file and code).
"""
