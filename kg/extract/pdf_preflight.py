"""Refuse a PDF that cannot be read, before any parsing, with one clear line saying why.

A budget PDF can fail in ways that have nothing to do with budgets: an empty or truncated
download, a corrupt file, a password, no pages, or a scan without a text layer. The PDF
libraries report those as a zoo of exception types (pdfminer's ``PDFSyntaxError``, ``PSEOF``,
``PDFPasswordIncorrect`` wrapped in pdfplumber's ``PdfminerException``; pypdf's ``PdfReadError``,
``FileNotDecryptedError``, ``PdfStreamError`` …) and print warnings on stderr. ``preflight``
turns all of them into one ``ExtractionError(path, reason)`` so that the CLI prints one line
``FILE: reason`` and goes on with the other files. The PDF reader calls it first.
"""
from __future__ import annotations

import contextlib
import logging
import os
import warnings
from typing import Iterator

from kg.extract.errors import ExtractionError
from kg.extract.limits import DEFAULT_LIMITS, ReadLimits, check_pages, check_streams

# Loggers of the PDF libraries: their warnings would reach stderr through logging's last-resort
# handler and break the CLI's "one line per bad file" promise.
_PDF_LOGGERS = ("pdfminer", "pypdf", "pdfplumber", "PIL")

# How far from the end of the file the ``%%EOF`` marker may stand (producers append whitespace or
# a few bytes of padding after it).
_EOF_WINDOW = 2048

# At most this many pages with characters are inspected for an undecodable text layer.
_CID_SAMPLE_PAGES = 3


@contextlib.contextmanager
def quiet_pdf_libraries() -> Iterator[None]:
    """Silence the PDF libraries' logging and warnings for the duration of the block.

    The reader uses it too: a recoverable oddity (a broken xref pdfminer works around) is not the
    user's business, and an unrecoverable one becomes an ExtractionError anyway.
    """
    saved = {}
    for name in _PDF_LOGGERS:
        logger = logging.getLogger(name)
        saved[name] = logger.level
        logger.setLevel(logging.CRITICAL + 1)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    finally:
        for name, level in saved.items():
            logging.getLogger(name).setLevel(level)


def _one_line(exc: BaseException, limit: int = 160) -> str:
    """An exception as ``Type: message`` on one line, short enough for a report line."""
    message = " ".join(str(exc).split())
    if len(message) > limit:
        message = message[: limit - 1] + "…"
    name = type(exc).__name__
    return f"{name}: {message}" if message else name


def _unwrap(exc: BaseException) -> BaseException:
    """pdfplumber wraps pdfminer's exception in ``PdfminerException(original)``: look inside."""
    inner = exc.args[0] if exc.args and isinstance(exc.args[0], BaseException) else None
    return inner if inner is not None and type(exc).__name__ == "PdfminerException" else exc


def _check_bytes(path: str) -> None:
    """Size, ``%PDF`` header and ``%%EOF`` trailer: the cheap checks that need no parser."""
    try:
        size = os.path.getsize(path)
        with open(path, "rb") as handle:
            head = handle.read(1024)
            handle.seek(max(0, size - _EOF_WINDOW))
            tail = handle.read()
    except OSError as exc:
        raise ExtractionError(path, f"cannot open: {exc.strerror}") from None
    if size == 0:
        raise ExtractionError(path, "empty file (0 bytes)")
    if b"%PDF" not in head:
        raise ExtractionError(path, "not a PDF (no %PDF header): the file is corrupt or mislabelled")
    if b"%%EOF" not in tail:
        raise ExtractionError(path, "truncated PDF: no %%EOF end marker (incomplete download?)")


def _check_pypdf(path: str, limits: ReadLimits = DEFAULT_LIMITS) -> int | None:
    """Open with pypdf: encryption, the page tree, page count and page sizes. Returns the page
    count, ``None`` where pypdf cannot parse the file (pdfminer, which the reader uses, is then
    asked before calling it corrupt).
    """
    import pypdf
    from pypdf.errors import FileNotDecryptedError, PyPdfError

    try:
        reader = pypdf.PdfReader(path, strict=False)
        if reader.is_encrypted:
            try:
                opened = reader.decrypt("")
            except (PyPdfError, NotImplementedError, ValueError) as exc:
                raise ExtractionError(path, f"encrypted PDF: cannot decrypt ({_one_line(exc)})") from None
            if not opened:
                raise ExtractionError(path, "encrypted PDF: needs a password to open")
        check_pages(path, reader, limits)
        return len(reader.pages)
    except (ExtractionError, MemoryError):
        raise
    except FileNotDecryptedError:
        raise ExtractionError(path, "encrypted PDF: needs a password to open") from None
    except Exception:  # PdfReadError, PdfStreamError, but also KeyError, ValueError, RecursionError …
        return None


def _check_text_layer(path: str) -> None:
    """Open with pdfplumber (what the reader uses) and find at least one page with real text."""
    import pdfplumber

    pdf = None
    try:
        pdf = pdfplumber.open(path)
        _find_text(path, pdf)
    except MemoryError:
        pdf = None  # closing would load every page again: let the worker report the memory limit
        raise
    except ExtractionError:
        raise
    except RecursionError:
        raise ExtractionError(path, "corrupt PDF: object structure nested too deeply") from None
    except Exception as exc:  # PdfminerException(PDFSyntaxError | PSEOF | PDFPasswordIncorrect …), …
        inner = _unwrap(exc)
        if isinstance(inner, MemoryError):
            pdf = None
            raise inner from None
        if type(inner).__name__ in ("PDFPasswordIncorrect", "PDFEncryptionError"):
            raise ExtractionError(path, "encrypted PDF: needs a password to open") from None
        raise ExtractionError(path, f"corrupt PDF: cannot be parsed ({_one_line(inner)})") from None
    finally:
        if pdf is not None:
            pdf.close()


def _find_text(path: str, pdf) -> None:
    """At least one page with decodable text, else the reason why not."""
    if not pdf.pages:
        raise ExtractionError(path, "PDF has no pages")
    sampled = 0
    decodable = False
    for page in pdf.pages:
        texts = [c.get("text", "") for c in page.chars]
        texts = [t for t in texts if t and t.strip()]
        if not texts:
            continue
        if any(not t.startswith("(cid:") for t in texts):
            decodable = True
            break
        sampled += 1
        if sampled >= _CID_SAMPLE_PAGES:
            break
    if sampled and not decodable:
        raise ExtractionError(path, "text layer cannot be decoded (fonts without a Unicode map): "
                                    "OCR it or export it again")
    if not decodable:
        raise ExtractionError(path, f"no text layer — scanned? OCR it first "
                                    f"({len(pdf.pages)} page(s) of images only)")


def preflight(path: str, limits: ReadLimits = DEFAULT_LIMITS) -> None:
    """Raise ExtractionError with a one-line reason where ``path`` is not a readable text PDF.

    Checks, cheapest first: empty file, no ``%PDF`` header, no ``%%EOF`` (truncated), a stream
    that inflates past the limit (a decompression bomb), a parse failure (corrupt), a password,
    too many or too large pages, no pages, no text layer (a scan). Returns ``None`` for a PDF
    the reader can go on with; whether it is a budget is decided later by the parser.
    """
    _check_bytes(path)
    check_streams(path, limits)
    with quiet_pdf_libraries():
        pages = _check_pypdf(path, limits)
        if pages == 0:  # pdfminer would read an empty page tree without complaint
            raise ExtractionError(path, "PDF has no pages")
        _check_text_layer(path)
