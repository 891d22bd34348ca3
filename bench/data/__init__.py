"""The benchmark data set, one module per app: ``fill(log)`` bulk-creates its share, ``urls()``
names the pages to measure as {"name": "/path/"}."""
