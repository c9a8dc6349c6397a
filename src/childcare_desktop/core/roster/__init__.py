"""Excel ledgers (台账): reading, mapping, checking and writing the roster officers keep."""
