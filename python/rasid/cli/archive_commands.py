"""(being written) rasid extract, export, dedup."""
