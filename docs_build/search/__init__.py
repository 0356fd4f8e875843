"""Site search: what weighs above body text (`weights`), and the documents indexed beside the pages
(`documents`: one per troubleshooting row). The index itself is Pagefind's, written by the adapter
(`docs_build.adapter.search_index`, `search_stream`): the only code that knows Pagefind.
"""
