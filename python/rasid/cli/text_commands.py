"""``rasid normalize`` and ``rasid digits``: Unix filters over files or stdin.

Both stream: input is read in chunks (1 MiB) and normalized bytes → bytes, so a file of any
size runs in bounded memory; chunks may split a character or a white-space run anywhere
(the core's stream normalizer carries the state across), and the output is exactly that of
normalizing each whole file.
"""

from __future__ import annotations

import os
import sys
from typing import BinaryIO, Callable

import click

from ..errors import InvalidTextError
from ..text import OPTIONS, StreamNormalizer
from . import main

CHUNK = 1 << 20

_HELP = {
    "diacritics": "delete harakat, superscript alef and Quranic marks",
    "tatweel": "delete tatweel (ـ)",
    "alef": "أ إ آ ٱ → ا",
    "alef_maqsura": "ى → ي",
    "teh_marbuta": "ة → ه",
    "hamza": "ؤ ئ → و ي",
    "persian": "Persian/Urdu letters ی ک ۀ → ي ك ه",
    "presentation_forms": "presentation forms (ﻻ …) → base letters",
    "invisible": "delete ZWNJ, ZWJ, bidi marks, BOM and other invisible marks",
    "punctuation": '، ؛ ؟ « » “ ” → , ; ? "',
    "whitespace": "fold white-space runs (a run with a line break → newline)",
    "digits": "Arabic-Indic and Persian digits → ASCII",
}


def _option_flags(func):
    """Add ``--step/--no-step`` for every normalization option (default: the SPEC default)."""
    for name in reversed(list(OPTIONS)):
        flag = name.replace("_", "-")
        default = "on" if OPTIONS[name] else "off"
        func = click.option(
            f"--{flag}/--no-{flag}",
            name,
            default=None,
            help=f"{_HELP[name]} (default: {default})",
        )(func)
    return func


def _open_inputs(files: tuple[str, ...]):
    if not files:
        files = ("-",)
    for name in files:
        if name == "-":
            yield "<stdin>", sys.stdin.buffer, False
        else:
            yield name, open(name, "rb"), True  # noqa: SIM115 (closed by _filter)


def _filter(files: tuple[str, ...], make: Callable[[], StreamNormalizer]) -> None:
    out: BinaryIO = sys.stdout.buffer
    try:
        for name, stream, close in _open_inputs(files):
            stream_normalizer = make()
            try:
                while True:
                    chunk = stream.read(CHUNK)
                    if not chunk:
                        break
                    out.write(stream_normalizer.feed(chunk))
                out.write(stream_normalizer.finish())
            except InvalidTextError as err:
                out.flush()
                raise click.ClickException(f"{name}: {err}") from None
            finally:
                if close:
                    stream.close()
        out.flush()
    except BrokenPipeError:
        # The reader went away (e.g. `| head`): stop quietly, like other Unix filters.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(0)


@main.command("normalize")
@click.argument("files", nargs=-1, type=click.Path(exists=True, dir_okay=False, allow_dash=True))
@_option_flags
def normalize_command(files: tuple[str, ...], **flags: bool | None) -> None:
    """Normalize Arabic text from FILES (or stdin) to stdout.

    Every normalization step has a --STEP/--no-STEP flag; unset flags keep the SPEC default.
    Input must be UTF-8: invalid bytes stop with an error naming the file and byte offset.
    """
    options = {k: v for k, v in flags.items() if v is not None}
    _filter(files, lambda: StreamNormalizer(**options))


@main.command("digits")
@click.argument("files", nargs=-1, type=click.Path(exists=True, dir_okay=False, allow_dash=True))
def digits_command(files: tuple[str, ...]) -> None:
    """Arabic-Indic (٠-٩) and Persian (۰-۹) digits in FILES (or stdin) to ASCII, on stdout.

    ٫ becomes '.' and ٬ becomes ','; nothing else changes.
    """
    _filter(files, lambda: StreamNormalizer(digits_only=True))
