"""Reading and checking the data: YAML files → validated records, every problem in plain English."""
