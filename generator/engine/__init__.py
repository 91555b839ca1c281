"""The tools the site is built with: mkdocs-material (HTML), Pagefind (search index), the live preview."""
