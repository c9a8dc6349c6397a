"""The typed error of sync: every refusal of a key, certificate, batch file or change has a code."""

from __future__ import annotations

from ..errors import CoreError


class SyncError(CoreError):
    """A sync step refused; `code` says why (the words are in `words`).

    Codes: bad_file, file_too_large, bad_signature, unknown_signer, not_for_us, cannot_decrypt,
    bad_payload, too_many, bomb, bad_request, fingerprint_mismatch, bad_certificate,
    not_below_us, not_enrolled, not_our_certificate, no_receiver, choose_receiver,
    unknown_station, written_file_differs, bad_change, equivocation, missing_record,
    conflict_not_found, conflict_resolved, bad_value, duplicate_same_file, duplicate_not_found,
    duplicate_not_same_id, duplicate_not_alike, duplicate_not_open, duplicate_not_merged,
    evidence_altered.
    """

    code = "sync_error"
