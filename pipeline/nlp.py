"""The Korean NLP layer: one spaCy pipeline per process with a Kiwi morpheme tokenizer.

Built lazily, only when a rule has a candidate sentence whose reading needs morphology (modality and
negation: "재하도급은 금지한다" vs "재하도급은 승인 없이 가능하다", "초과할 수 없다" vs "수 없이 많은").
Kiwi's model ships inside the kiwipiepy_model wheel; nothing is downloaded at run time. spaCy's own
Korean tokenizer (MeCab) is never imported: the config names our tokenizer instead.

Tokens are Kiwi morphemes; morphemes whose character spans overlap (한다 = 하 + ᆫ다) are merged into
one token so that ``doc.text`` equals the input and spaCy offsets map straight back.
"""
from __future__ import annotations

import threading
from dataclasses import dataclass
from functools import lru_cache

_LOCK = threading.Lock()

# Kiwi tag → universal POS (enough for matcher patterns; unknown tags become X)
_UPOS = {
    "NNG": "NOUN", "NNP": "PROPN", "NNB": "NOUN", "NR": "NUM", "NP": "PRON",
    "VV": "VERB", "VA": "ADJ", "VX": "AUX", "VCP": "VERB", "VCN": "ADJ",
    "MM": "DET", "MAG": "ADV", "MAJ": "CCONJ", "IC": "INTJ",
    "JKS": "ADP", "JKC": "ADP", "JKG": "ADP", "JKO": "ADP", "JKB": "ADP", "JKV": "ADP",
    "JKQ": "ADP", "JX": "ADP", "JC": "CCONJ",
    "EP": "PART", "EF": "PART", "EC": "PART", "ETN": "PART", "ETM": "PART",
    "XPN": "X", "XSN": "X", "XSV": "X", "XSA": "X", "XR": "X",
    "SF": "PUNCT", "SP": "PUNCT", "SS": "PUNCT", "SSO": "PUNCT", "SSC": "PUNCT", "SE": "PUNCT",
    "SO": "PUNCT", "SW": "SYM", "SL": "X", "SH": "X", "SN": "NUM", "SB": "X",
}


def _kiwi():
    from kiwipiepy import Kiwi

    kiwi = Kiwi(num_workers=1)
    # RFP terms Kiwi would otherwise split by context
    for word in ("하도급", "재하도급", "하자담보", "하자보수", "과업심의위원회", "협상적격자", "지식재산권",
                 "투입인력", "상주", "분리발주", "시큐어코딩", "보안약점", "영향평가", "제안요청서"):
        kiwi.add_user_word(word, "NNG")
    return kiwi


class KiwiTokenizer:
    """spaCy tokenizer callable: text → Doc of Kiwi morphemes (overlapping ones merged)."""

    def __init__(self, vocab) -> None:
        self.vocab = vocab
        self.kiwi = _kiwi()

    def __call__(self, text: str):
        from spacy.tokens import Doc

        morphs = self.kiwi.tokenize(text, split_sents=False) if text else []
        # group overlapping morphemes into surface tokens
        groups: list[list] = []
        for m in morphs:
            if groups and m.start < max(x.end for x in groups[-1]):
                groups[-1].append(m)
            else:
                groups.append([m])
        words: list[str] = []
        spaces: list[bool] = []
        attrs: list[tuple[str, str, list[str]]] = []

        def gap(chunk: str) -> None:
            if not chunk:
                return
            if words and chunk[0] == " ":
                spaces[-1] = True
                chunk = chunk[1:]
            if chunk:  # other whitespace or characters Kiwi skipped: a token of their own
                words.append(chunk)
                spaces.append(False)
                attrs.append(("_SP" if chunk.isspace() else "X", chunk, []))

        pos = 0
        for g in groups:
            start, end = g[0].start, max(m.end for m in g)
            gap(text[pos:start])
            words.append(text[start:end])
            spaces.append(False)
            attrs.append(("+".join(m.tag for m in g), _lemma(g[0]), [m.form for m in g if m.tag.startswith("E")]))
            pos = end
        gap(text[pos:])
        doc = Doc(self.vocab, words=words, spaces=spaces)
        for tok, (tag, lemma, ends) in zip(doc, attrs):
            tok.tag_ = tag
            first = tag.split("+")[0]
            tok.pos_ = "SPACE" if tag == "_SP" else _UPOS.get(first, "X")
            tok.lemma_ = lemma
            if ends:
                tok.set_morph("Ending=" + ",".join(sorted(set(e.replace("|", "") for e in ends if e))))
        return doc


def _lemma(m) -> str:
    lemma = getattr(m, "lemma", None) or m.form
    return lemma


@lru_cache(maxsize=1)
def get_nlp():
    """The process-wide spaCy pipeline (built on first use, ~1–2 s)."""
    with _LOCK:
        import spacy

        nlp = spacy.blank("ko", config={"nlp": {"tokenizer": {"@tokenizers": "spacy.Tokenizer.v1"}}})
        nlp.tokenizer = KiwiTokenizer(nlp.vocab)
        return nlp


# -- modality --------------------------------------------------------------------------------------

@dataclass
class Modality:
    prohibit: bool = False  # 금지한다, 할 수 없다, 불가, 아니 된다, 불허
    permit: bool = False  # 가능하다, 허용한다, 할 수 있다
    oblige: bool = False  # 하여야 한다, 할 것, 필수

    @property
    def label(self) -> str:
        if self.prohibit:
            return "prohibit"
        if self.permit:
            return "permit"
        if self.oblige:
            return "oblige"
        return "neutral"


@lru_cache(maxsize=1)
def _matcher():
    from spacy.matcher import Matcher

    nlp = get_nlp()
    m = Matcher(nlp.vocab)
    m.add("PROHIBIT", [
        [{"LEMMA": {"IN": ["금지", "불허", "불가", "배제"]}}],
        [{"LEMMA": "수", "TAG": {"REGEX": "^NNB"}}, {"LEMMA": {"IN": ["없다", "없"]}, "TAG": {"REGEX": "^VA"}}],
        [{"LEMMA": {"IN": ["아니", "안"]}}, {"LEMMA": {"IN": ["되다", "되"]}}],
        [{"TAG": {"REGEX": "EC"}, "MORPH": {"IS_SUPERSET": ["Ending=어서는"]}}, {"LEMMA": {"IN": ["안", "아니"]}}],
        [{"LEMMA": {"IN": ["허용", "가능", "인정"]}}, {"OP": "{0,3}"},
         {"LEMMA": {"IN": ["않다", "않", "아니하다", "아니다"]}}],
    ])
    # a negated prohibition is a permission: "금지하지 아니한다", "제한하지 않는다"
    m.add("NEGATED_PROHIBIT", [
        [{"LEMMA": {"IN": ["금지", "불허", "제한", "배제"]}}, {"OP": "{0,3}"},
         {"LEMMA": {"IN": ["않다", "않", "아니하다"]}}],
    ])
    m.add("PERMIT", [
        [{"LEMMA": {"IN": ["가능", "허용"]}}],
        [{"LEMMA": "수", "TAG": {"REGEX": "^NNB"}}, {"LEMMA": {"IN": ["있다", "있"]}}],
    ])
    m.add("OBLIGE", [
        [{"MORPH": {"IS_SUPERSET": ["Ending=어야"]}}],
        [{"MORPH": {"IS_SUPERSET": ["Ending=아야"]}}],
        [{"LEMMA": {"IN": ["필수", "의무"]}}],
        [{"LEMMA": "것", "TAG": {"REGEX": "^NNB"}}, {"TAG": {"REGEX": "^(SF|SP)"}, "OP": "?"}],
    ])
    return m


def modality(sentence: str) -> Modality:
    """Read the deontic force of one sentence with morphology (negation scope, 수 없다 vs 수 없이)."""
    nlp = get_nlp()
    doc = nlp(sentence)
    out = Modality()
    matches = _matcher()(doc)
    negated = [(s, e) for mid, s, e in matches if nlp.vocab.strings[mid] == "NEGATED_PROHIBIT"]
    for match_id, start, end in matches:
        label = nlp.vocab.strings[match_id]
        if label == "NEGATED_PROHIBIT":
            out.permit = True
            continue
        if label == "PROHIBIT" and any(s <= start < e for s, e in negated):
            continue  # the 금지 inside "금지하지 아니한다"
        if label == "PROHIBIT":
            out.prohibit = True
        elif label == "PERMIT":
            # "허용하지 않는다" is a prohibition, handled above; a bare 허용/가능 after it is not a permit
            out.permit = True
        elif label == "OBLIGE":
            out.oblige = True
    if out.prohibit and out.permit and not negated:
        # "허용하지 않는다", "할 수 없다" next to "가능": the negated reading wins over its own verb
        out.permit = False
    return out


def tokens(sentence: str) -> list[tuple[str, str, str]]:
    """(text, tag, lemma) per token — for debugging and tests."""
    return [(t.text, t.tag_, t.lemma_) for t in get_nlp()(sentence)]
