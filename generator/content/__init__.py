"""Content: the files editors write (campaigns, dispatches, pages, unit catalog, mkdocs.yml), loaded with
line numbers and validated."""
