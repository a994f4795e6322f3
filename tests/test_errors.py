"""The errors a user sees from the compiled core: every one is a class of ``rasid.errors``
(under ``RasidError``) and also the builtin an ordinary ``except`` clause expects, with a
message that names the argument. The mapping lives in one place, rust/py/src/errors.rs."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import rasid
from rasid import errors
from rasid.errors import (
    ArgumentTypeError,
    GazetteerBuildError,
    GazetteerFileError,
    GazetteerNotFoundError,
    InvalidTextError,
    MissingKeyError,
    OptionError,
    RasidError,
    TextTypeError,
)
from rasid.numbers import NumberMention
from rasid.text import StreamNormalizer

ERRORS_RS = Path(__file__).parent.parent / "rust" / "py" / "src" / "errors.rs"

GAZ = rasid.Gazetteer([{"name": "بغداد", "id": "baghdad", "lat": 33.3}])
MATCH = GAZ.find("قصف في بغداد")[0]
_, OFFSETS = rasid.normalize_with_offsets("قَصفٌ")

# (what the user does, the class, the builtin it is also, words of the message)
CASES = [
    # text arguments
    (lambda: rasid.normalize(12), TextTypeError, TypeError, "text must be str or bytes, not int"),
    (lambda: rasid.normalize_with_offsets(b"x"), TextTypeError, TypeError, "str (offsets are"),
    (lambda: rasid.parse_numbers(None), TextTypeError, TypeError, "text must be str, not NoneType"),
    (lambda: GAZ.find(b"x"), TextTypeError, TypeError, "text must be a str, not bytes"),
    (lambda: StreamNormalizer().feed("x"), TextTypeError, TypeError, "chunk must be bytes"),
    (lambda: rasid.normalize("قصف\ud800"), InvalidTextError, ValueError, "code point 3"),
    (lambda: rasid.normalize(b"\xd8"), InvalidTextError, ValueError, "ends inside a character"),
    (lambda: rasid.parse_numbers("\udfff 5"), InvalidTextError, ValueError, "lone surrogate"),
    # options
    (lambda: rasid.normalize("x", tashkeel=True), OptionError, ValueError, "known options: "),
    (lambda: rasid.normalize("x", alef=1), OptionError, ValueError, "True or False, not int"),
    (lambda: rasid.Gazetteer([], tashkeel=True), OptionError, ValueError, "known options: "),
    (lambda: StreamNormalizer(digits_only=1), ArgumentTypeError, TypeError, "digits_only must be"),
    # offsets
    (lambda: OFFSETS.to_original(-1, 2), OptionError, ValueError, "start must be >= 0, got -1"),
    (lambda: OFFSETS.to_original(0, 2**70), OptionError, ValueError, "end is out of range"),
    (lambda: OFFSETS.to_original(3, 1), OptionError, ValueError, "span (3, 1) is not inside"),
    (lambda: OFFSETS.to_original("0", 1), ArgumentTypeError, TypeError, "an int, not str"),
    # number mentions built by hand (and by pickle)
    (lambda: NumberMention(-1, 2, 1, 1, "cardinal", "x"), OptionError, ValueError, "start must"),
    (lambda: NumberMention(0, 2, -5, 1, "cardinal", "x"), OptionError, ValueError, "min must"),
    (lambda: NumberMention(0, 2, 1, 2**70, "dual", "x"), OptionError, ValueError, "max is out"),
    (lambda: NumberMention("0", 2, 1, 1, "dual", "x"), ArgumentTypeError, TypeError, "start must"),
    (lambda: NumberMention(0, 2, 1, 1, "lots", "x"), OptionError, ValueError, "kind must be one"),
    (lambda: NumberMention(0, 2, 1, 1, 7, "x"), ArgumentTypeError, TypeError, "kind must be a str"),
    (lambda: NumberMention(0, 2, 1, 1, "dual", 7), TextTypeError, TypeError, "text must be str"),
    (lambda: NumberMention(3, 2, 1, 1, "dual", "x"), OptionError, ValueError, "start 3 is after"),
    # gazetteers
    (lambda: rasid.Gazetteer(5), ArgumentTypeError, TypeError, "entries must be an iterable"),
    (lambda: rasid.Gazetteer([{"id": "a"}]), GazetteerBuildError, ValueError, "entry 0: no 'name'"),
    (lambda: GAZ.find("x", overlapping=1), ArgumentTypeError, TypeError, "overlapping must be"),
    (lambda: GAZ.find_batch(["x"], threads=0), OptionError, ValueError, "threads must be"),
    (lambda: rasid.Gazetteer.load(3), ArgumentTypeError, TypeError, "path must be a str"),
    (lambda: rasid.Gazetteer.load("/no/such.gaz"), GazetteerNotFoundError, FileNotFoundError, ""),
    (lambda: rasid.Gazetteer.load(__file__), GazetteerFileError, OSError, "not a rasid gazetteer"),
    (lambda: GAZ.save("/no/such/dir/g.gaz"), GazetteerNotFoundError, OSError, "/no/such/dir"),
    (lambda: MATCH["country"], MissingKeyError, KeyError, "country"),
    (lambda: MATCH[5], MissingKeyError, KeyError, "5"),
]


@pytest.mark.parametrize(
    ("call", "cls", "builtin", "words"), CASES, ids=[c[3] or c[1].__name__ for c in CASES]
)
def test_the_error_a_user_sees(call, cls, builtin, words):
    with pytest.raises(cls) as info:
        call()
    assert type(info.value) is cls  # the class itself, not a more general one
    assert isinstance(info.value, RasidError)
    assert isinstance(info.value, builtin)
    assert words in str(info.value)


def test_a_build_error_names_its_entry():
    with pytest.raises(GazetteerBuildError) as info:
        rasid.Gazetteer([{"name": "بغداد", "id": "a"}, {"name": "ـــ", "id": "b"}])
    assert info.value.entry == 1  # type: ignore[attr-defined]
    assert str(info.value).startswith("gazetteer entry 1: ")


def test_a_missing_key_is_a_key_error_like_a_dicts():
    with pytest.raises(KeyError) as info:
        MATCH["country"]
    assert info.value.args == ("country",)
    assert MATCH.get("country") is None and MATCH.get(5, "none") == "none"
    assert MATCH["lat"] == 33.3


def test_every_exception_the_binding_raises_is_defined_in_rasid_errors():
    # pyo3::import_exception! looks the class up when it is first raised: a name missing
    # from rasid.errors would turn an error into an ImportError at that moment.
    names = re.findall(r"import_exception!\(rasid\.errors, (\w+)\)", ERRORS_RS.read_text())
    assert len(names) >= 8
    for name in names:
        cls = getattr(errors, name)
        assert issubclass(cls, RasidError), name


def test_every_error_class_is_under_the_root():
    defined = [v for v in vars(errors).values() if isinstance(v, type)]
    classes = [c for c in defined if c.__module__ == "rasid.errors"]
    assert len(classes) >= 12
    assert all(issubclass(c, RasidError) for c in classes)


def test_the_errors_defined_beside_their_code_are_under_the_root_too():
    from rasid.events.rules import RuleError
    from rasid.pipeline import StrictError

    assert issubclass(RuleError, RasidError) and issubclass(RuleError, ValueError)
    assert issubclass(StrictError, RasidError)
