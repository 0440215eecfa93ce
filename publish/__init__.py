"""The only layer that writes DuckDB files and reports."""
