"""Command-line tools: the `showcase` command, new stories, and stories sent with the issue form."""
