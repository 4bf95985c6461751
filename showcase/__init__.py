"""The Community Schools Showcase domain: loading, validating and shaping the data.

Plain Python: nothing here imports MkDocs, so any site engine can use it.
"""
