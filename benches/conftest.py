"""Benchmarks: by default each runs once as a plain test (it asserts its result);
`python -m pytest benches --benchmark-enable` runs them for figures."""
