"""The troubleshooting feature: one linkable, searchable row per symptom (rows), the tables that are
troubleshooting tables by the roles of their columns (columns, with the header words of
docs_build/data/troubleshooting.yml), and the hub of all rows, one page while it fits and split by
collection past its budget (hubsplit plans, hubpages renders)."""
