"""`make bench`: the benchmark of our build beside plain MkDocs; not part of the package."""
