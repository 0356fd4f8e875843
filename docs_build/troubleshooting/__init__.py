"""The troubleshooting feature: one linkable, searchable row per symptom (rows), and the hub of all rows, one
page while it fits and split by collection past its budget (hubsplit plans, hubpages renders).
Which tables are troubleshooting tables is decided by header words in docs_build/data/troubleshooting.yml,
read by markdown/tables.py."""
