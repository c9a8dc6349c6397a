"""Sync between offline stations: keys, certificates, the batch file format, merge and conflicts."""
