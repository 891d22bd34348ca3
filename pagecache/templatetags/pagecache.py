from pagecache.fragments import register  # noqa: F401  ({% load pagecache %}: the fragment tag)
