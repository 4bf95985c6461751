"""Python-Markdown extensions for the hand-written pages: table regions and cited sources."""
