"""The Community Schools Showcase domain: the data, checked, made into pages and files.

Plain Python: nothing here imports MkDocs, so any site engine can use it. Data flows one way,
and the folders say the order:

- `data/`: YAML files → validated records (`catalog.read_catalog`), every problem in plain
  English with its file and line;
- `pages/`: records → page objects (`site.generate_site`) and the views templates print;
- `markdown/`: the hand-written pages' own Markdown extensions (table regions, citations);
- `publish/`: the files published beside the pages (previews, QR codes, feeds, open data,
  the search index);
- `tools/`: the `showcase` command and the coordinators' tools built on the above.

`urls` (where each page lives), `i18n` (languages and their strings) and `resources` (fonts
and catalogues) are shared by all of them.
"""
