"""Building the pages: records → page objects and the views their templates print."""
