"""Errors of the reports, as codes the CLI and the GUI turn into words."""

from __future__ import annotations

from ..errors import CoreError


class ReportError(CoreError):
    """A report could not be made: no font, a bad month or format, totals that disagree."""

    code = "report_error"
