"""Printed reports: the child's file, the roster, the visit ledger and the summary, as PDF/Excel.

Renderers take plain records and write a file; the services gather the records from the store.
"""
