"""Read articles from a folder or a JSONL corpus and turn their bytes into canonical text.

Canonical text (ANNOTATION.md §1): the decoded file with ``\\r\\n`` and lone ``\\r`` turned into ``\\n``; nothing
else changes. Decoding is strict: a file that no candidate encoding decodes cleanly is skipped with a reason,
never decoded with ``errors="ignore"``.
"""
from __future__ import annotations

import codecs
import datetime as _dt
import gzip
import json
import logging
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, Optional, Tuple, Union

from charset_normalizer import from_bytes

from ..model import Article

logger = logging.getLogger(__name__)

TEXT_SUFFIXES = (".txt", ".md")
JSONL_SUFFIXES = (".jsonl", ".jsonl.gz")
DEFAULT_MAX_BYTES = 20 * 1024 * 1024

# Encodings Chinese news arrives in; detection chooses among these only, so a short GBK file is never
# mistaken for, say, a Cyrillic code page.
CANDIDATE_ENCODINGS = ("gb18030", "big5", "utf_16")
# Above this share of "chaos" (charset-normalizer's mess ratio) a decode is taken to be mojibake.
MAX_CHAOS = 0.2


class InputError(Exception):
    """An input that cannot be read at all (missing or empty folder, unknown file type)."""


@dataclass(frozen=True)
class Skipped:
    """An input that was not processed, and why."""

    path: str
    reason: str
    article_id: Optional[str] = None


def canonical_text(text: str) -> str:
    """Fold ``\\r\\n`` and lone ``\\r`` into ``\\n``; everything else stays as it is."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


class DecodeError(ValueError):
    """The bytes are not text in any encoding we accept; the message says why."""


def decode_bytes(raw: bytes) -> Tuple[str, str]:
    """Decode strictly and return ``(text, encoding)``; raise DecodeError with a reason otherwise.

    Order: a byte-order mark decides (UTF-8, UTF-16, UTF-32); then strict UTF-8; then the best of
    GB18030 / Big5 / UTF-16 by charset-normalizer, accepted only when it decodes without error and does not
    read as mojibake.
    """
    if not raw:
        raise DecodeError("empty file")
    for bom, encoding in ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
                          (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                          (codecs.BOM_UTF16_BE, "utf-16")):
        if raw.startswith(bom):
            try:
                return raw.decode(encoding), encoding
            except UnicodeDecodeError as exc:
                raise DecodeError(f"starts with a {encoding} byte-order mark but is not valid {encoding} "
                                  f"(byte {exc.start})") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        if "\x00" in text:
            raise DecodeError("binary file (contains NUL bytes)")
        return text, "utf-8"
    if b"\x00" in raw and not _looks_utf16(raw):
        raise DecodeError("binary file (contains NUL bytes)")
    best = from_bytes(raw, cp_isolation=list(CANDIDATE_ENCODINGS)).best()
    if best is None:
        raise DecodeError("not decodable as UTF-8, GB18030, Big5 or UTF-16 (binary or mixed encodings?)")
    encoding = best.encoding
    try:
        text = raw.decode(encoding)
    except UnicodeDecodeError as exc:
        raise DecodeError(f"not valid {encoding} at byte {exc.start}") from None
    if best.chaos > MAX_CHAOS:
        raise DecodeError(f"decodes as {encoding} only as mojibake (mixed encodings or binary?)")
    if _control_share(text) > 0.05:
        raise DecodeError("binary file (mostly control characters)")
    return text, encoding


def _looks_utf16(raw: bytes) -> bool:
    # UTF-16 without a BOM: in CJK/ASCII text, every other byte position carries most of the NULs.
    sample = raw[:4096]
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    return len(sample) % 2 == 0 and (even > len(sample) // 8) != (odd > len(sample) // 8)


def _control_share(text: str) -> float:
    sample = text[:10000]
    if not sample:
        return 0.0
    bad = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\r\t\f\v")
    return bad / len(sample)


def read_text_file(path: Union[str, os.PathLike], *, max_bytes: int = DEFAULT_MAX_BYTES) -> Tuple[str, str]:
    """Canonical text and detected encoding of one file; raises DecodeError with a reason."""
    path = Path(path)
    size = path.stat().st_size
    if size > max_bytes:
        raise DecodeError(f"file is {size:,} bytes, over the limit of {max_bytes:,} (max_bytes)")
    text, encoding = decode_bytes(path.read_bytes())
    text = canonical_text(text)
    if not text.strip():
        raise DecodeError("empty file (only whitespace)")
    return text, encoding


_FILENAME_DATE = re.compile(r"(?<!\d)(\d{4})-?(\d{2})-?(\d{2})(?!\d)")
_DATELINE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")


def _iso(year: str, month: str, day: str) -> Optional[str]:
    try:
        return _dt.date(int(year), int(month), int(day)).isoformat()
    except ValueError:
        return None


def date_from_name(name: str) -> Optional[str]:
    """``YYYYMMDD`` or ``YYYY-MM-DD`` in a file name, as an ISO date, if it is a real date."""
    for match in _FILENAME_DATE.finditer(name):
        iso = _iso(*match.groups())
        if iso and 1900 <= int(match.group(1)) <= 2100:
            return iso
    return None


def date_from_dateline(text: str, *, head_chars: int = 200) -> Optional[str]:
    """A full ``YYYY年M月D日`` date near the top of the article (its dateline), if there is one."""
    match = _DATELINE.search(text[:head_chars])
    return _iso(*match.groups()) if match else None


def article_from_file(path: Path, root: Path, *, default_date: Optional[str] = None,
                      max_bytes: int = DEFAULT_MAX_BYTES) -> Article:
    """One text file as an Article; id = path relative to ``root`` without extension."""
    text, _encoding = read_text_file(path, max_bytes=max_bytes)
    rel = path.relative_to(root) if path != root else Path(path.name)
    article_id = rel.with_suffix("").as_posix()
    date = date_from_name(path.name) or date_from_dateline(text) or default_date
    return Article(id=article_id, text=text, date=date, source=rel.as_posix())


def _iter_files(root: Path) -> Iterator[Path]:
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if name.startswith("."):
                continue
            yield Path(dirpath) / name


def _is_jsonl(path: Path) -> bool:
    return path.name.endswith(JSONL_SUFFIXES)


def json_lines(path: Path) -> Iterator[Tuple[int, object, Optional[Exception]]]:
    """``(line number, value, error)`` for each non-blank line of a JSONL or JSONL.gz file.

    A line that is not UTF-8 JSON gives ``value`` None and the error; callers decide whether that skips the line
    (corpus input) or stops the load (gold).
    """
    opener = gzip.open if path.name.endswith(".gz") else open
    with opener(path, "rb") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                yield number, json.loads(line.decode("utf-8")), None
            except (UnicodeDecodeError, json.JSONDecodeError) as exc:
                yield number, None, exc


def read_jsonl_corpus(path: Path, *, default_date: Optional[str] = None,
                      max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Union[Article, Skipped]]:
    """Articles from a JSONL or JSONL.gz file of ``{"id", "date", "text"}`` records."""
    seen = set()
    try:
        for number, record, error in json_lines(path):
            where = f"{path}:{number}"
            if error is not None:
                yield Skipped(where, f"line {number} is not a JSON record ({error.__class__.__name__})")
                continue
            if not isinstance(record, dict) or not isinstance(record.get("text"), str):
                yield Skipped(where, f"line {number} has no string field 'text'")
                continue
            article_id = str(record.get("id") or f"{path.name}:{number}")
            if article_id in seen:
                yield Skipped(where, f"duplicate id {article_id!r}", article_id)
                continue
            seen.add(article_id)
            text = canonical_text(record["text"])
            if not text.strip():
                yield Skipped(where, "empty text", article_id)
                continue
            if len(text.encode("utf-8")) > max_bytes:
                yield Skipped(where, f"text is over the limit of {max_bytes:,} bytes (max_bytes)", article_id)
                continue
            date = record.get("date") or date_from_dateline(text) or default_date
            source = f"{path.name}#{article_id}"
            yield Article(id=article_id, text=text, date=date, source=source)
    except (OSError, EOFError, gzip.BadGzipFile) as exc:
        yield Skipped(str(path), f"cannot read the rest of the file: {exc}")


def read_inputs(path: Union[str, os.PathLike], *, default_date: Optional[str] = None,
                max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Union[Article, Skipped]]:
    """Every article under ``path`` (a folder, searched recursively, or one file), in a stable order.

    Text files (``.txt``, ``.md``) become one article each; ``.jsonl`` / ``.jsonl.gz`` files hold many.
    Files that cannot be read come out as ``Skipped`` with the reason; other file types are ignored.
    Raises InputError at once (before anything is read) when the path is missing, is a folder without
    any input file, or is a file of an unknown type.
    """
    root = Path(path)
    if not root.exists():
        raise InputError(f"input not found: {root}")
    if root.is_file():
        if not (_is_jsonl(root) or root.suffix.lower() in TEXT_SUFFIXES):
            raise InputError(f"{root}: not a .txt, .md, .jsonl or .jsonl.gz file")
        files = [root]
        base = root.parent
    else:
        files = [f for f in _iter_files(root) if _is_jsonl(f) or f.suffix.lower() in TEXT_SUFFIXES]
        if not files:
            raise InputError(f"no .txt, .md, .jsonl or .jsonl.gz files in {root}")
        base = root
    return _read_files(files, base, default_date, max_bytes)


def _read_files(files, base: Path, default_date: Optional[str], max_bytes: int):
    for file in files:
        if _is_jsonl(file):
            yield from read_jsonl_corpus(file, default_date=default_date, max_bytes=max_bytes)
        else:
            yield from _read_one(file, base, default_date, max_bytes)


def _read_one(file: Path, root: Path, default_date: Optional[str], max_bytes: int):
    try:
        yield article_from_file(file, root, default_date=default_date, max_bytes=max_bytes)
    except DecodeError as exc:
        rel = file.relative_to(root).with_suffix("").as_posix()
        yield Skipped(str(file), str(exc), rel)
    except OSError as exc:
        yield Skipped(str(file), f"cannot read: {exc.strerror or exc}")
