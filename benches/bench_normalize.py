"""rasid normalization vs peers, in one run, on one varied Arabic corpus (benches/corpus.py).

Quick mode by default (1 MB corpus, each benchmark runs once as a test and asserts its result).
Figures (20 MB corpus, timed):

    RASID_BENCH_MB=20 python -m pytest benches/bench_normalize.py --benchmark-enable

MB = 10**6 bytes of UTF-8 input; MB/s is computed from the fastest round, and a table
(library, version, MB/s, ratio to rasid str->str) is printed at the end of the run. On a
machine shared with other work, add ``--benchmark-timer time.process_time`` (CPU time).

Peers and what is asserted equal to rasid (on the operations both claim):

* pure Python: successive ``str.replace`` (plus one regex for white space) implementing the
  full SPEC default chain -> equal to rasid's default chain on the whole corpus;
* PyArabic: ``strip_diacritics``, ``strip_tatweel``, ``normalize_alef`` -> the first two are
  equal to rasid(diacritics, tatweel); ``normalize_alef`` also turns ى into ا (rasid: ى -> ي),
  so the chain is timed, not compared;
* CAMeL Tools: ``dediac_ar``, ``normalize_alef_ar``, ``normalize_alef_maksura_ar``,
  ``normalize_teh_marbuta_ar`` -> equal to rasid(diacritics, alef, alef_maqsura, teh_marbuta)
  on the documents without Quranic marks and tatweel (CAMeL's dediac knows neither);
* ANLTK: ``remove_tashkeel``, ``remove_kasheeda``, ``normalize_hamzat`` -> equal to
  rasid(diacritics, tatweel, alef) on the documents without superscript alef (U+0670, which
  ANLTK keeps);
* arabic-normalize (Rust/PyO3): ``Normalizer(diacritics, tatweel, alef, alef_maqsura, persian,
  bidi_marks)`` -> equal to rasid with the same steps on the whole corpus (it has no
  presentation-form or white-space step).
"""

from __future__ import annotations

import importlib.metadata
import os
import re
import sys
import types
import unicodedata

import pytest

sys.path.insert(0, os.path.dirname(__file__))
import corpus  # noqa: E402
import rasid  # noqa: E402
from rasid.text import OPTIONS  # noqa: E402

MB = float(os.environ.get("RASID_BENCH_MB", "1"))
ROUNDS = 5 if MB >= 5 else 3
# rasid's own runs are short: more rounds, so that the best one is not disturbed by other work
FAST_ROUNDS = 4 * ROUNDS
DOCS = corpus.documents(MB)
SIZE = corpus.utf8_size(DOCS)
NONE = dict.fromkeys(OPTIONS, False)
RESULTS: dict[str, tuple[str, float | None]] = {}


def fresh(docs: list[str]) -> list[str]:
    """New str objects with the same text (no UTF-8 form cached by an earlier call)."""
    return [(d + " ")[:-1] for d in docs]


def consume(fn, docs) -> None:
    """The timed work: ``fn`` on every document, each result dropped as the next is made."""
    for doc in docs:
        fn(doc)


def timed(benchmark, name: str, version: str, fn, docs: list, make=fresh, rounds=ROUNDS):
    """Time ``fn`` over every document (fresh copies each round), record MB/s, and return
    its outputs (computed once more, untimed, for the correctness checks)."""
    benchmark.pedantic(consume, setup=lambda: ((fn, make(docs)), {}), rounds=rounds, iterations=1)
    stats = getattr(benchmark, "stats", None)
    mbps = SIZE / 1e6 / stats.stats.min if stats is not None and stats.stats.min else None
    if mbps:
        benchmark.extra_info["MB/s"] = round(mbps, 1)
    RESULTS[name] = (version, mbps)
    return [fn(d) for d in make(docs)]


def version(dist: str) -> str:
    try:
        return importlib.metadata.version(dist)
    except importlib.metadata.PackageNotFoundError:
        return "?"


@pytest.fixture(scope="module", autouse=True)
def report(request):
    yield
    rows = [(n, v, m) for n, (v, m) in RESULTS.items() if m]
    if not rows:
        return
    base = RESULTS.get("rasid str->str", (None, None))[1]
    lines = [""]
    write = lines.append
    write(
        f"normalization, {SIZE / 1e6:.1f} MB corpus, {len(DOCS)} documents, "
        f"best of {FAST_ROUNDS} rounds (rasid) or {ROUNDS} (peers)"
    )
    write(f"{'library':34} {'version':10} {'MB/s':>9} {'ratio':>7}")
    for name, ver, mbps in rows:
        ratio = f"{mbps / base:.3f}" if base else "-"
        write(f"{name:34} {ver:10} {mbps:9.1f} {ratio:>7}")
    capture = request.config.pluginmanager.get_plugin("capturemanager")
    if capture is not None:
        with capture.global_and_fixture_disabled():
            print("\n".join(lines))
    else:
        print("\n".join(lines))


# ---- rasid ----

REFERENCE = [rasid.normalize(d) for d in DOCS]


def test_rasid_str(benchmark):
    out = timed(
        benchmark, "rasid str->str", rasid.__version__, rasid.normalize, DOCS, rounds=FAST_ROUNDS
    )
    assert out == REFERENCE


def test_rasid_offsets(benchmark):
    out = timed(
        benchmark,
        "rasid str->(str, OffsetMap)",
        rasid.__version__,
        rasid.normalize_with_offsets,
        DOCS,
        rounds=FAST_ROUNDS,
    )
    assert [o[0] for o in out] == REFERENCE
    norm, offsets = out[0]
    assert offsets.normalized_len == len(norm)
    assert offsets.original_len == len(DOCS[0])


def test_rasid_bytes(benchmark):
    encoded = [d.encode("utf-8") for d in DOCS]
    out = timed(
        benchmark,
        "rasid bytes->bytes",
        rasid.__version__,
        rasid.normalize,
        encoded,
        make=list,
        rounds=FAST_ROUNDS,
    )
    assert out == [r.encode("utf-8") for r in REFERENCE]


# ---- pure Python: the SPEC default chain with str.replace ----


def _range(lo: int, hi: int) -> list[str]:
    return [chr(c) for c in range(lo, hi + 1)]


DIACRITICS = _range(0x064B, 0x0652) + ["\u0670"] + _range(0x0610, 0x061A) + _range(0x06D6, 0x06ED)
INVISIBLE = (
    ["\u00ad", "\u034f", "\u061c", "\u180e", "\ufeff"]
    + _range(0x200B, 0x200F)
    + _range(0x202A, 0x202E)
    + _range(0x2060, 0x2064)
    + _range(0x2066, 0x206F)
)
LETTERS = [
    ("\u06cc", "\u064a"), ("\u06d2", "\u064a"), ("\u06a9", "\u0643"), ("\u06aa", "\u0643"),
    ("\u06c0", "\u0647"), ("\u06c1", "\u0647"), ("\u06c2", "\u0647"), ("\u06be", "\u0647"),
    ("\u06d5", "\u0647"), ("\u06d3", "\u0626"), ("\u06c3", "\u0629"),
    ("\u0622", "\u0627"), ("\u0623", "\u0627"), ("\u0625", "\u0627"), ("\u0671", "\u0627"),
    ("\u0672", "\u0627"), ("\u0673", "\u0627"), ("\u0649", "\u064a"),
]  # fmt: skip


def _presentation_pairs() -> list[tuple[str, str]]:
    pairs = []
    for cp in list(range(0xFB50, 0xFE00)) + list(range(0xFE70, 0xFF00)):
        ch = chr(cp)
        nfkc = unicodedata.normalize("NFKC", ch)
        if nfkc != ch:
            if nfkc[0] == " " and all(unicodedata.category(c) == "Mn" for c in nfkc[1:]):
                nfkc = nfkc[1:]
            pairs.append((ch, nfkc))
    return pairs


PRESENTATION = _presentation_pairs()
SPACES = "\t \u00a0\u1680\u2000-\u200a\u202f\u205f\u3000"
LINES = "\n\u000b\u000c\r\u0085\u2028\u2029"
WS_RUN = re.compile(f"[{SPACES}{LINES}]+")
HAS_LINE = re.compile(f"[{LINES}]")


def _fold(match: re.Match) -> str:
    return "\n" if HAS_LINE.search(match.group()) else " "


def python_chain(text: str) -> str:
    """The SPEC default chain, one str.replace per character (skipping absent ones)."""
    for old, new in PRESENTATION:
        if old in text:
            text = text.replace(old, new)
    for ch in INVISIBLE:
        if ch in text:
            text = text.replace(ch, "")
    for ch in DIACRITICS:
        if ch in text:
            text = text.replace(ch, "")
    text = text.replace("\u0640", "")
    for old, new in LETTERS:
        if old in text:
            text = text.replace(old, new)
    return WS_RUN.sub(_fold, text)


def test_pure_python_chain(benchmark):
    out = timed(
        benchmark, "pure Python str.replace chain", sys.version.split()[0], python_chain, DOCS
    )
    assert out == REFERENCE


# ---- peers ----


def test_pyarabic(benchmark):
    araby = pytest.importorskip("pyarabic.araby")

    def chain(text: str) -> str:
        return araby.normalize_alef(araby.strip_tatweel(araby.strip_diacritics(text)))

    timed(benchmark, "PyArabic", version("PyArabic"), chain, DOCS)
    opts = {**NONE, "diacritics": True, "tatweel": True}
    for doc in DOCS:
        assert araby.strip_tatweel(araby.strip_diacritics(doc)) == rasid.normalize(doc, **opts)


#: CAMeL Tools lives in a folder of its own, put on sys.path by this benchmark only: .ci/run
#: installs it there with ``pip install --no-deps --target``, since its declared dependencies
#: (torch, transformers …) are not needed by its normalizers, and without them in the test
#: environment itself ``pip check`` would fail. ``$RASID_CAMEL_TOOLS`` names another folder.
CAMEL_DIR = os.environ.get("RASID_CAMEL_TOOLS") or os.path.join(
    os.path.dirname(os.path.dirname(os.path.abspath(__file__))), ".bench-peers", "camel-tools"
)


def _camel():
    if os.path.isdir(CAMEL_DIR) and CAMEL_DIR not in sys.path:
        sys.path.append(CAMEL_DIR)
    pytest.importorskip("camel_tools", reason=f"CAMeL Tools is not installed (in {CAMEL_DIR})")
    try:
        import camel_tools.utils.charsets  # noqa: F401
    except ModuleNotFoundError as err:
        if err.name != "emoji":
            raise
        # its charsets module imports `emoji` only for an emoji character set that the
        # normalizers below never use
        sys.modules["emoji"] = types.SimpleNamespace(EMOJI_DATA={})
    from camel_tools.utils import dediac, normalize

    return dediac, normalize


def test_camel_tools(benchmark):
    dediac, norm = _camel()

    def chain(text: str) -> str:
        text = norm.normalize_alef_ar(dediac.dediac_ar(text))
        return norm.normalize_teh_marbuta_ar(norm.normalize_alef_maksura_ar(text))

    out = timed(benchmark, "CAMeL Tools", version("camel-tools"), chain, DOCS)
    opts = {**NONE, "diacritics": True, "alef": True, "alef_maqsura": True, "teh_marbuta": True}
    plain = [
        i
        for i, d in enumerate(DOCS)
        if "\u0640" not in d and not re.search("[\u0610-\u061a\u06d6-\u06ed]", d)
    ]
    assert len(plain) > len(DOCS) // 3
    for i in plain:
        assert out[i] == rasid.normalize(DOCS[i], **opts)


def test_anltk(benchmark):
    anltk = pytest.importorskip("anltk")

    def chain(text: str) -> str:
        return anltk.normalize_hamzat(anltk.remove_kasheeda(anltk.remove_tashkeel(text)))

    out = timed(benchmark, "ANLTK", version("anltk"), chain, DOCS)
    opts = {**NONE, "diacritics": True, "tatweel": True, "alef": True}
    without_superscript_alef = [i for i, d in enumerate(DOCS) if "\u0670" not in d]
    assert len(without_superscript_alef) > len(DOCS) // 2
    for i in without_superscript_alef:
        assert out[i] == rasid.normalize(DOCS[i], **opts)


def test_arabic_normalize(benchmark):
    an = pytest.importorskip("arabic_normalize")
    peer = an.Normalizer(
        diacritics=True, tatweel=True, alef=True, alef_maqsura=True, persian=True, bidi_marks=True
    )
    out = timed(benchmark, "arabic-normalize", version("arabic-normalize"), peer.normalize, DOCS)
    opts = {
        **NONE,
        "diacritics": True,
        "tatweel": True,
        "alef": True,
        "alef_maqsura": True,
        "persian": True,
        "invisible": True,
    }
    assert out == [rasid.normalize(d, **opts) for d in DOCS]
