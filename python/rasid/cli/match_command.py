"""(being written) rasid match."""
