"""Every code a vocabulary offers has its words in Chinese and English: a code without them
shows as itself (civil_affairs) on a form, a list or a printed page."""

from __future__ import annotations

import pytest

from childcare_desktop.core.domain import care, vocab
from childcare_desktop.words import EN, LABELS, ZH, label

VOCABULARIES = {
    "report_target": care.REPORT_TARGETS,
    "concern_kind": care.CONCERN_KINDS + care.OLD_CONCERN_KINDS,
    "wish_state": care.WISH_STATES,
    "referral_target": care.REFERRAL_TARGETS,
    "referral_status": care.REFERRAL_STATUSES,
    "review_reason": care.REVIEW_REASONS,
    "sex": vocab.SEXES,
    "guardianship": vocab.GUARDIANSHIP,
    "risk": vocab.RISKS,
    "health": vocab.HEALTH,
    "schooling": vocab.SCHOOLING,
    "relation": vocab.RELATIONS + vocab.OLD_RELATIONS,
    "hukou_type": vocab.HUKOU_TYPES,
    "income_source": vocab.INCOME_SOURCES,
    "situation": vocab.SITUATIONS,
    "assistance": vocab.ASSISTANCE,
    "close_reason": vocab.CLOSE_REASONS,
    "no_id_reason": vocab.NO_ID_REASONS,
}


@pytest.mark.parametrize("kind", sorted(VOCABULARIES))
def test_each_code_has_its_words(kind):
    missing = [code for code in VOCABULARIES[kind] if code not in LABELS[kind]]
    assert not missing
    for code in VOCABULARIES[kind]:
        assert label(kind, code, ZH) != code and label(kind, code, EN)
