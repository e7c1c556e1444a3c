"""The anonymous session report for a project's monitoring (`barst report`).

`record` is the pure session record (aggregates only) and its folder of one JSON file per session;
`summary` adds records up for a period and applies the small-count rule; `export` writes CSV and JSON,
`pdf` the printed report (fpdf2, imported only by `--format pdf`); `cli` is `barst report`.
"""
