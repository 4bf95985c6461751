"""One module per kind of generated page: records → `Page` objects."""
