"""Sources: the content directory read into plain data.

discover (layouts -> Source records, ignored files with reasons) -> encoding (bytes -> text, BOMs and odd
encodings) -> yamltext (frontmatter as written: no YAML 1.1 coercions) -> parse (one file -> Entry + Problems).
"""
