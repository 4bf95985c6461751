"""Publishing files beside the pages: previews, QR codes, feeds, open data and the search index."""
