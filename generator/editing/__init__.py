"""The editor's commands beside the build: import a dispatch, scaffold a new year, score extraction."""
