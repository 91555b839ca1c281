"""Content: the files editors write (campaigns, dispatches, pages, unit catalog), loaded with line numbers and validated."""
