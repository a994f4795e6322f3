"""The build of rasid's default gazetteer data (run ``tools/build_gazetteer_data.py``).

Modules: ``text`` (Arabic name helpers, the entity), ``wordlists`` (ambiguity and drop lists),
``iraq_syria`` (the Iraq/Syria layer), ``curated`` (sites and actors from ``sources/``),
``regional`` (countries and the region's cities), ``output`` (rows, checks, files).
"""
