"""Plain text and Markdown: one block per paragraph (blank-line separated) or list line."""
from __future__ import annotations

import re
from pathlib import Path

from ..errors import InputError
from ..model import HEADING, LIST_ITEM, PARAGRAPH, Document, RawBlock, build_document

_MD_HEADING = re.compile(r"^(#{1,6})\s+(.*)$")
_BULLET = re.compile(r"^\s*(?:[-*•□■○●◦▪※]|\d+[.)]|[가-하][.)])\s+")


def _decode(data: bytes, path: str) -> str:
    for enc in ("utf-8-sig", "cp949", "utf-16"):
        try:
            return data.decode(enc)
        except UnicodeDecodeError:
            continue
    raise InputError(path, "텍스트 파일의 문자 인코딩을 알 수 없습니다 (UTF-8 또는 CP949로 저장해 주세요).", "corrupt")


def extract_text(path: str) -> Document:
    data = Path(path).read_bytes()
    text = _decode(data, path)
    blocks: list[RawBlock] = []
    para: list[str] = []
    n = 0

    def flush() -> None:
        nonlocal n
        if para:
            blocks.append(RawBlock("\n".join(para), PARAGRAPH, para=n))
            n += 1
            para.clear()

    for line in text.splitlines():
        if not line.strip():
            flush()
            continue
        m = _MD_HEADING.match(line)
        if m:
            flush()
            blocks.append(RawBlock(m.group(2), HEADING, level=len(m.group(1)) - 1, para=n))
            n += 1
        elif _BULLET.match(line):
            flush()
            blocks.append(RawBlock(line.strip(), LIST_ITEM, para=n))
            n += 1
        else:
            para.append(line.strip())
    flush()
    return build_document(path, "txt", blocks, pages=None)
