"""Type stub of the private compiled module ``rasid._core`` (rust/py)."""

__version__: str

# ---- normalize (rust/py/src/normalize.rs) ----

# ---- numerals (rust/py/src/numerals.rs) ----

# ---- gazetteer (rust/py/src/gazetteer.rs) ----
