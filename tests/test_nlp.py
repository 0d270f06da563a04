"""The Korean NLP layer: Kiwi morphemes inside spaCy, offsets kept, modality read by morphology."""
from __future__ import annotations

import pytest

from rfpcheck.checks.common import modality, modality_compact
from rfpcheck.pipeline import nlp


@pytest.mark.parametrize(
    "sentence",
    ["재하도급은 금지한다.", "하도급 비율은 50 %를\n초과할 수 없다.", "  앞뒤 공백  ", "SFR-001 (필수)  기능"],
)
def test_tokenizer_keeps_the_text_exactly(sentence):
    doc = nlp.get_nlp()(sentence)
    assert doc.text == sentence


def test_lemmas_and_tags_come_from_kiwi():
    toks = nlp.tokens("하자보수 기간은 1년으로 한다")
    assert ("하자보수", "NNG", "하자보수") in toks  # user dictionary keeps the RFP term whole
    assert any(t[2] == "하다" for t in toks)


@pytest.mark.parametrize(
    "sentence,expected",
    [
        ("재하도급은 금지한다.", "prohibit"),
        ("하도급 비율은 50%를 초과할 수 없다.", "prohibit"),
        ("재하도급은 허용하지 아니한다.", "prohibit"),
        ("하도급을 하여서는 아니 된다.", "prohibit"),
        ("하도급은 불허함", "prohibit"),
        ("재하도급은 금지하지 아니한다.", "permit"),
        ("하도급을 제한하지 않는다.", "permit"),
        ("재하도급은 발주기관의 승인 없이 가능하다.", "permit"),
        ("산출물의 반출을 요청할 수 있다.", "permit"),
        ("계약상대자는 보안서약서를 제출하여야 한다.", "oblige"),
        ("수 없이 많은 민원이 접수되고 있다.", "neutral"),
    ],
)
def test_modality_by_morphology(sentence, expected):
    assert nlp.modality(sentence).label == expected


def test_surface_reader_defers_to_morphology_when_markers_conflict():
    # both a permission word and a negation: the surface reader alone cannot tell which governs
    s = "하도급은 허용하지 않으며 예외적으로도 가능하지 않다."
    assert modality(s) == "prohibit"
    # "수 없이" is not "수 없다"
    assert modality("수 없이 많은 요청이 있다") == "neutral"
    assert modality("하도급 비율은 50%를 초과할 수 없다") == "prohibit"
    assert modality_compact("하도급비율은50%를초과할수없다") == "prohibit"
