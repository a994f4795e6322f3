"""(being written) rasid normalize, rasid digits."""
