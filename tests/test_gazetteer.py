"""rasid.Gazetteer: Arabic word boundaries, clitics, offsets, files, batches."""

from __future__ import annotations

import os
import pickle

import pytest
import rasid
from hypothesis import given, settings
from hypothesis import strategies as st
from rasid.errors import GazetteerBuildError, GazetteerFileError, OptionError, TextTypeError

ENTRIES = [
    {"name": "بغداد", "id": "baghdad", "kind": "place", "lat": 33.31, "lon": 44.36},
    {"name": "الأنبار", "id": "anbar", "kind": "place", "admin1": "الأنبار"},
    {"name": "التحالف", "id": "coalition", "kind": "actor"},
    {"name": "التحالف الدولي", "id": "coalition", "kind": "actor"},
    {"name": "حزب الله", "id": "hezbollah", "kind": "actor"},
    {"name": "كتائب حزب الله", "id": "kataib_hezbollah", "kind": "actor"},
    {"name": "بلد", "id": "balad", "kind": "place", "ambiguous": True},
    {"name": "القائم", "id": "qaim", "kind": "place"},
    {"name": "هيت", "id": "hit", "kind": "place", "ambiguous": True},
    {"name": "حديثة", "id": "haditha", "kind": "place", "ambiguous": True},
    {"name": "الميادين", "id": "mayadin", "kind": "place"},
    {"name": "الميادين", "id": "al_mayadeen_tv", "kind": "media"},
    {"name": "عين الأسد", "id": "ain_al_asad", "kind": "base", "country": "IQ"},
    {"name": "قاعدة عين الأسد", "id": "ain_al_asad", "kind": "base"},
    {"name": "التاجي", "id": "taji", "kind": "base"},
    {"name": "كاتيوشا", "id": "katyusha", "kind": "weapon"},
]


@pytest.fixture(scope="module")
def g():
    return rasid.Gazetteer(ENTRIES)


def spans(gaz, text, **kw):
    """(surface, id) pairs, the surface cut from the text by the returned offsets."""
    out = []
    for m in gaz.find(text, **kw):
        assert text[m.start : m.end] == m.text
        out.append((text[m.start : m.end], m.id))
    return out


@pytest.mark.parametrize(
    "text, surface",
    [
        ("سقط صاروخ في بغداد", "بغداد"),
        ("وبغداد", "بغداد"),
        ("فبغداد", "بغداد"),
        ("ببغداد", "بغداد"),
        ("لبغداد", "بغداد"),
        ("كبغداد", "بغداد"),
        ("وببغداد", "بغداد"),
        ("ولبغداد", "بغداد"),
        ("فكبغداد", "بغداد"),
        ("فببغداد", "بغداد"),
        ("بـبغداد", "بغداد"),
        ("لـبغداد", "بغداد"),
        ("«بغداد»", "بغداد"),
        ("(بغداد)،", "بغداد"),
        ("بغداد.", "بغداد"),
    ],
)
def test_clitics_before_a_name_without_article(g, text, surface):
    assert spans(g, text) == [(surface, "baghdad")]


@pytest.mark.parametrize(
    "text, surface",
    [
        ("الأنبار", "الأنبار"),
        ("بالأنبار", "الأنبار"),
        ("وبالأنبار", "الأنبار"),
        ("فبالأنبار", "الأنبار"),
        ("والأنبار", "الأنبار"),
        ("كالأنبار", "الأنبار"),
        ("بالانبار", "الانبار"),
    ],
)
def test_clitics_before_a_name_with_article(g, text, surface):
    assert spans(g, text) == [(surface, "anbar")]


@pytest.mark.parametrize(
    "text, start",
    [("للتحالف", 1), ("وللتحالف", 2), ("فللتحالف", 2), ("بيان للتحالف", 6)],
)
def test_lam_alef_lam_contraction_spans_from_the_article_lam(g, text, start):
    [m] = g.find(text)
    assert (m.start, m.end, m.id, m.name) == (start, len(text), "coalition", "التحالف")
    assert m.text == "لتحالف"


def test_lam_stems_merge_with_the_article_lam():
    gaz = rasid.Gazetteer([{"name": "اللواء 47", "id": "brigade47", "kind": "actor"}])
    text = "بيان للواء 47 وللواء 47"
    assert spans(gaz, text) == [("لواء 47", "brigade47"), ("لواء 47", "brigade47")]


def test_contraction_with_a_longer_name(g):
    text = "أكد المتحدث باسم للتحالف الدولي"
    assert spans(g, text) == [("لتحالف الدولي", "coalition")]


@pytest.mark.parametrize(
    "text",
    [
        "البغداد",  # an article before a name without one
        "سبغداد",  # not a clitic
        "ببببغداد",
        "وفبغداد",  # not a combination
        "بفبغداد",
        "بغدادي",  # enclitic / nisba
        "بغدادنا",
        "لالتحالف",
        "تحالف",
        "البلاد",  # «بلد» trap
        "البلدة",
        "بلدي",
        "القائمة",  # «القائم» trap
        "قائمة",
        "انتهيت",  # «هيت» trap
        "الهيتي",
        "حديثها",  # «حديثة» trap
        "الحديثة",
    ],
)
def test_never_inside_another_word(g, text):
    assert g.find(text) == []


def test_traps_match_as_whole_words(g):
    text = "أطلقت الصواريخ من مدينة هيت وقضاء بلد وحديثة والقائم"
    assert spans(g, text) == [
        ("هيت", "hit"),
        ("بلد", "balad"),
        ("حديثة", "haditha"),
        ("القائم", "qaim"),
    ]
    # the same name for a town and a TV channel: both ids are reported
    assert spans(g, "قالت قناة الميادين") == [
        ("الميادين", "mayadin"),
        ("الميادين", "al_mayadeen_tv"),
    ]


def test_normalized_matching_maps_back_to_the_original(g):
    text = "وصلت إلى بَغْدَادَ ثم بغــداد ثم قاعدة عین الاسد"
    assert spans(g, text) == [
        ("بَغْدَادَ", "baghdad"),
        ("بغــداد", "baghdad"),
        ("قاعدة عین الاسد", "ain_al_asad"),
    ]


def test_names_match_across_any_white_space(g):
    text = "قرب كتائب حزب\n  الله"
    assert spans(g, text) == [("كتائب حزب\n  الله", "kataib_hezbollah")]


def test_quotes_and_tatweel_clitic(g):
    text = "في بيان لـ«حزب الله» و«كتائب حزب الله»"
    assert spans(g, text) == [("حزب الله", "hezbollah"), ("كتائب حزب الله", "kataib_hezbollah")]


def test_leftmost_longest_and_overlapping(g):
    text = "أعلنت كتائب حزب الله"
    assert spans(g, text) == [("كتائب حزب الله", "kataib_hezbollah")]
    assert spans(g, text, overlapping=True) == [
        ("كتائب حزب الله", "kataib_hezbollah"),
        ("حزب الله", "hezbollah"),
    ]
    text = "قاعدة عين الأسد"
    assert spans(g, text, overlapping=True) == [
        ("قاعدة عين الأسد", "ain_al_asad"),
        ("عين الأسد", "ain_al_asad"),
    ]


def test_exact_offsets_with_astral_characters(g):
    text = "😀 قصف 🚀 على وبغداد"
    [m] = g.find(text)
    assert (m.start, m.end) == (13, 18)
    assert text[13:18] == "بغداد"


def test_match_fields_and_attributes(g):
    [m] = g.find("في بغداد")
    assert (m.start, m.end, m.id, m.kind, m.name, m.text) == (
        3,
        8,
        "baghdad",
        "place",
        "بغداد",
        "بغداد",
    )
    assert m.attrs == {"lat": 33.31, "lon": 44.36}
    assert m["lat"] == 33.31 and m["id"] == "baghdad"
    assert m.get("country") is None and m.get("country", "IQ") == "IQ"
    with pytest.raises(KeyError):
        m["country"]
    assert m.as_dict()["attrs"] == {"lat": 33.31, "lon": 44.36}
    assert "baghdad" in repr(m)
    assert m == g.find("في بغداد")[0]
    assert len({m, g.find("في بغداد")[0]}) == 1


def test_variants_share_an_id_and_later_attributes_win():
    gaz = rasid.Gazetteer(
        [
            {"name": "عين الأسد", "id": "q1", "kind": "base", "country": "IQ", "lat": 33.8},
            {"name": "عين الاسد", "id": "q1", "kind": "base"},
            {"name": "قاعدة الأسد", "id": "q1", "kind": "", "lat": 33.79, "note": None},
        ]
    )
    assert len(gaz) == 3 and gaz.entity_count == 1
    [m] = gaz.find("قاعدة الأسد")
    assert m.attrs == {"country": "IQ", "lat": 33.79}
    assert m.kind == "base"


def test_len_and_repr(g):
    assert len(g) == len(ENTRIES)
    assert repr(g) == f"<Gazetteer {len(ENTRIES)} names, 14 ids>"


def test_batch_equals_single(g):
    texts = [f"خبر {i}: وبغداد وللتحالف و«كتائب حزب الله» في هيت" * (i % 3 + 1) for i in range(40)]
    texts.append("")
    texts.append("no arabic here")
    batch = g.find_batch(texts)
    assert batch == [g.find(t) for t in texts]
    assert g.find_batch(texts, overlapping=True, threads=2) == [
        g.find(t, overlapping=True) for t in texts
    ]
    assert g.find_batch([]) == []


def test_batch_after_fork(g):
    if not hasattr(os, "fork"):
        pytest.skip("no fork")
    texts = ["وبغداد"] * 20
    g.find_batch(texts)  # the pool exists in the parent
    pid = os.fork()
    if pid == 0:  # pragma: no cover - child
        ok = g.find_batch(texts) == [g.find(t) for t in texts]
        os._exit(0 if ok else 1)
    _, status = os.waitpid(pid, 0)
    assert os.WEXITSTATUS(status) == 0


def test_save_load_round_trip(g, tmp_path):
    path = tmp_path / "g.rgz"
    g.save(path)
    h = rasid.Gazetteer.load(path)
    assert len(h) == len(g)
    text = "في بغداد وللتحالف الدولي وقاعدة عين الأسد وقناة الميادين"
    assert h.find(text) == g.find(text) or [
        (m.start, m.end, m.id, m.attrs) for m in h.find(text)
    ] == [(m.start, m.end, m.id, m.attrs) for m in g.find(text)]
    assert [m.attrs for m in h.find(text)] == [m.attrs for m in g.find(text)]
    assert pickle.loads(pickle.dumps(g)).find(text)[0].id == "baghdad"


def test_bad_binary_files(g, tmp_path):
    path = tmp_path / "g.rgz"
    g.save(path)
    data = path.read_bytes()
    cases = {
        "empty": b"",
        "text": "name,id\nبغداد,1\n".encode(),
        "truncated": data[: len(data) // 2],
        "corrupt": data[:100] + bytes([data[100] ^ 0xFF]) + data[101:],
        "version": data[:8] + b"\x63\x00\x00\x00" + data[12:],
    }
    for name, blob in cases.items():
        bad = tmp_path / f"{name}.rgz"
        bad.write_bytes(blob)
        with pytest.raises(GazetteerFileError):
            rasid.Gazetteer.load(bad)
    with pytest.raises(FileNotFoundError):
        rasid.Gazetteer.load(tmp_path / "missing.rgz")
    assert issubclass(GazetteerFileError, OSError)


@pytest.mark.parametrize(
    "entries, index",
    [
        ([{"name": "بغداد", "id": "x"}, {"name": "«»", "id": "y"}], 1),  # no letter in the name
        ([{"id": "x"}], 0),
        ([{"name": "بغداد", "id": ""}], 0),
        ([{"name": "بغداد", "id": "x", "lat": [1, 2]}], 0),
        (["بغداد"], 0),  # not a mapping
    ],
)
def test_bad_entries(entries, index):
    with pytest.raises(GazetteerBuildError) as e:
        rasid.Gazetteer(entries)
    assert e.value.entry == index
    assert isinstance(e.value, ValueError)


def test_text_type_and_options(g):
    with pytest.raises(TextTypeError):
        g.find(b"bytes")
    with pytest.raises(TextTypeError):
        g.find_batch(["ok", 3])
    with pytest.raises(OptionError):
        rasid.Gazetteer(ENTRIES, no_such_step=True)
    # with tatweel kept, a tatweel inside a word breaks it
    strict = rasid.Gazetteer(ENTRIES, tatweel=False)
    assert strict.find("بغــداد") == []
    # digits: on by default, Arabic-Indic digits match ASCII names
    nums = rasid.Gazetteer([{"name": "الطريق 7", "id": "r7", "kind": "place"}])
    assert spans(nums, "على الطريق ٧") == [("الطريق ٧", "r7")]


def test_from_files_csv_tsv_jsonl_and_overrides(tmp_path):
    (tmp_path / "a.csv").write_text(
        "name,id,kind,lat,lon,code,ambiguous\n"
        "بغداد,baghdad,place,33.31,44.36,07,false\n"
        "هيت,hit,place,33.64,42.83,,true\n",
        encoding="utf-8",
    )
    (tmp_path / "b.tsv").write_text("name\tid\tkind\nالتاجي\ttaji\tbase\n", encoding="utf-8")
    (tmp_path / "c.jsonl").write_text(
        '{"name": "بغداد", "id": "baghdad", "kind": "city", "lat": 33.3}\n\n'
        '{"name": "دار السلام", "id": "baghdad"}\n',
        encoding="utf-8",
    )
    gaz = rasid.Gazetteer.from_files(
        tmp_path / "a.csv",
        str(tmp_path / "b.tsv"),
        tmp_path / "c.jsonl",
        entries=[{"name": "كاتيوشا", "id": "katyusha", "kind": "weapon"}],
    )
    assert len(gaz) == 6 and gaz.entity_count == 4
    text = "من هيت إلى دار السلام والتاجي بكاتيوشا"
    ms = gaz.find(text)
    assert [(m.id, m.text) for m in ms] == [
        ("hit", "هيت"),
        ("baghdad", "دار السلام"),
        ("taji", "التاجي"),
        ("katyusha", "كاتيوشا"),
    ]
    assert ms[0].attrs == {"lat": 33.64, "lon": 42.83, "ambiguous": True}
    assert ms[1].kind == "city"
    assert ms[1].attrs == {"lat": 33.3, "lon": 44.36, "code": "07", "ambiguous": False}


@pytest.mark.parametrize(
    "name, content, error, match",
    [
        ("x.csv", "title,id\nبغداد,1\n".encode(), GazetteerFileError, "name"),
        ("x.jsonl", '{"name": "بغداد", "id": "1"}\n{oops\n'.encode(), GazetteerFileError,
         r"x.jsonl:2"),
        ("y.csv", "name,id\nبغداد,1\n...,2\n".encode(), GazetteerFileError, r"y.csv:3"),
        ("z.csv", b"name,id\n\xff\xfe,1\n", GazetteerFileError, "UTF-8"),
        ("g.xlsx", None, GazetteerFileError, "unknown gazetteer file type"),
        ("missing.csv", None, FileNotFoundError, None),
    ],
)  # fmt: skip
def test_bad_source_files(tmp_path, name, content, error, match):
    p = tmp_path / name
    if content is not None:
        p.write_bytes(content)
    with pytest.raises(error, match=match):
        rasid.Gazetteer.from_files(p)


def test_default_gazetteer_is_cached_and_extendable(tmp_path):
    d = rasid.default_gazetteer()
    assert d is rasid.default_gazetteer()
    extra = rasid.default_gazetteer(
        extra=[{"name": "مكان تجريبي", "id": "test_place", "kind": "place"}]
    )
    assert len(extra) == len(d) + 1
    assert [m.id for m in extra.find("في مكان تجريبي")] == ["test_place"]


DATA = os.path.join(os.path.dirname(__file__), "data")


def _tsv(name):
    with open(os.path.join(DATA, name), encoding="utf-8") as f:
        return [line.rstrip("\n").split("\t") for line in f if line.strip() and line[0] != "#"]


@pytest.mark.parametrize("text, overlapping, expected", _tsv("gazetteer_cases.tsv"))
def test_table_driven_cases(text, overlapping, expected):
    """tests/data/gazetteer_cases.tsv, shared with `cargo test`."""
    gaz = _table_gazetteer()
    text = text.replace("\\n", "\n")
    got = [f"{m.start}:{m.end}:{m.id}" for m in gaz.find(text, overlapping=overlapping == "1")]
    assert (" ".join(got) or "-") == expected
    for m in gaz.find(text):
        assert text[m.start : m.end] == m.text


_TABLE = []


def _table_gazetteer():
    if not _TABLE:
        names = _tsv("gazetteer_names.tsv")
        _TABLE.append(rasid.Gazetteer([{"name": n, "id": i, "kind": k} for n, i, k in names]))
    return _TABLE[0]


ALPHABET = st.sampled_from(list("بغدادالأنبرتحفوكلـًٌَُِّْ «»،. ٣3") + ["\u200c", "\U0001f680", "ﻻ", "ی"])


@settings(max_examples=150, deadline=None)
@given(st.lists(ALPHABET, max_size=40).map("".join))
def test_offsets_always_slice_a_normalized_name(text):
    gaz = rasid.Gazetteer(ENTRIES[:3])
    for overlapping in (False, True):
        for m in gaz.find(text, overlapping=overlapping):
            assert 0 <= m.start < m.end <= len(text)
            assert text[m.start : m.end] == m.text
            surface = rasid.normalize(m.text) if hasattr(rasid, "normalize") else m.text
            assert surface.strip()


def test_default_gazetteer_cache(tmp_path, monkeypatch):
    from rasid import gazetteer as gz

    data = tmp_path / "data"
    data.mkdir()
    (data / "places.csv").write_text("name,id,kind\nبغداد,baghdad,place\n", encoding="utf-8")
    monkeypatch.setattr(gz, "_default_paths", lambda: [data / "places.csv"])
    cache = tmp_path / "cache"
    monkeypatch.setenv("RASID_CACHE_DIR", str(cache))
    gz._default.cache_clear()
    try:
        built = gz.default_gazetteer()
        assert [m.id for m in built.find("وبغداد")] == ["baghdad"]
        cached = list(cache.glob("default-gazetteer-*.rgz"))
        assert len(cached) == 1
        gz._default.cache_clear()
        loaded = gz.default_gazetteer()
        assert len(loaded) == len(built)
        # a damaged cache file is rebuilt, not an error
        cached[0].write_bytes(b"RASIDGAZ-broken")
        gz._default.cache_clear()
        assert len(gz.default_gazetteer()) == len(built)
    finally:
        gz._default.cache_clear()


def test_decomposed_hamza_and_madda_match_the_composed_names():
    # NFD Arabic (ا + U+0654 for أ, ا + U+0653 for آ), as some sites and PDF extractions
    # write it, finds the same places; the span covers the combining mark
    g = rasid.default_gazetteer()
    text = "قصف على محافظة ال\u0627\u0654نبار و\u0627\u0653مرلي"
    found = {(m.start, m.end, m.id) for m in g.find(text) if m.kind != "placetype"}
    assert (8, 23, "iq.gov.anbar") in found
    assert (25, 31, "iq.loc.amerli") in found
    for m in g.find(text):
        assert text[m.start : m.end] == m.text


# ----- demonyms and the country of an actor (issue 12) ------------------------------------


@pytest.mark.parametrize(
    "word,country",
    [
        ("التركي", "TR"),
        ("تركية", "TR"),
        ("الأتراك", "TR"),
        ("والإسرائيليين", "IL"),
        ("الروس", "RU"),
        ("الأميركية", "US"),
        ("إيرانيون", "IR"),
        ("العراقي", "IQ"),
        ("قاعدة", None),
        ("تركيا", None),  # the country's name, not its people
    ],
)
def test_demonym_country(word, country):
    assert rasid.demonym_country(word) == country


@pytest.mark.parametrize(
    "mention,country",
    [
        ("الجيش التركي", "TR"),  # a known actor
        ("القوات الإسرائيلية", "IL"),
        ("طائرة مسيرة تركية", "TR"),  # a weapon and a demonym
        ("الطيران الروسي", "RU"),
        ("مقاتلات أمريكية", "US"),
        ("جنود أتراك", "TR"),
        ("فصائل عراقية موالية لإيران", "IQ"),  # the first demonym, not the patron
        ("الفصائل الموالية لإيران", None),  # a known actor without a country
        ("عناصر من الحرس الثوري", "IR"),
        ("إسرائيل", "IL"),
        ("تنظيم داعش", None),
        ("", None),
    ],
)
def test_actor_country(mention, country):
    assert rasid.actor_country(mention) == country


def test_actor_country_of_an_event_actor():
    text = "قصفت طائرة مسيرة تركية سيارة على طريق قرب بلدة القحطانية مساء أمس."
    [ev] = rasid.extract(text, published="2024-02-01")
    # the actor is the phrase as written; its country comes from the gazetteer
    assert ev.actor.mention == "طائرة مسيرة تركية"
    assert rasid.actor_country(ev.actor) == "TR"
    assert rasid.actor_country(ev.to_dict()["actor"]) == "TR"


def test_demonyms_are_no_places():
    g = rasid.default_gazetteer()
    hits = [m for m in g.find("قصفت المدفعية التركية مواقع") if m.kind == "demonym"]
    assert [(m.text, m.get("country"), m.get("lat")) for m in hits] == [("التركية", "TR", None)]
    [ev] = rasid.extract("قصفت المدفعية التركية مواقع في ريف حلب.", published="2024-02-01")
    assert ev.location is not None and ev.location.country == "SY"
