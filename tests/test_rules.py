"""The rules file: every rule's examples are tests, and the file's format is enforced."""

from __future__ import annotations

import json
import textwrap

import pytest
import rasid
from rasid.errors import GazetteerBuildError, RasidError
from rasid.events.lexicon import ROLES, check_lexicon
from rasid.events.rules import Effect, RuleError, Stage, load_rules, rules

_PUBLISHED = "2024-01-10"


def _cases(kind: str) -> list:
    return [
        pytest.param(r.id, sentence, id=f"{r.id}-{kind}{i}")
        for r in rules()
        for i, sentence in enumerate(getattr(r, kind))
    ]


def _fired(rule_id: str, sentence: str) -> list[str]:
    published = rules()[rule_id].published or _PUBLISHED
    ex = rasid.explain(sentence, published=None if published == "none" else published)
    return [f.rule for f in ex.firings]


@pytest.mark.parametrize("rule_id,sentence", _cases("fires"))
def test_rule_fires_on_its_examples(rule_id, sentence):
    assert rule_id in _fired(rule_id, sentence)


@pytest.mark.parametrize("rule_id,sentence", _cases("quiet"))
def test_rule_stays_quiet_on_its_traps(rule_id, sentence):
    assert rule_id not in _fired(rule_id, sentence)


def test_every_rule_is_complete_and_every_predicate_known():
    rs = rules()
    assert len(rs) >= 15
    for r in rs:
        assert r.fires and r.quiet and r.description
        assert r.id.startswith(r.stage.value + ".")
    rs.check_predicates()  # raises on a predicate no stage registered


def test_every_module_registering_predicates_is_imported_before_the_check():
    from pathlib import Path

    from rasid.events.rules import PREDICATE_MODULES

    events = Path(rasid.__file__).parent / "events"
    registering = sorted(
        p.stem for p in events.glob("*.py") if "@predicate(" in p.read_text(encoding="utf-8")
    )
    assert registering == sorted(PREDICATE_MODULES)


def _write(tmp_path, body: str):
    p = tmp_path / "rules.toml"
    p.write_text(textwrap.dedent(body), encoding="utf-8")
    return str(p)


_GOOD = """
[[rule]]
id = "anchor.void.x"
stage = "anchor"
effect = "void_clause"
description = "x"
when = { cue = "habitual" }
fires = ["a"]
quiet = ["b"]
"""


def test_a_well_formed_rules_file_loads(tmp_path):
    rs = load_rules(_write(tmp_path, _GOOD))
    r = rs["anchor.void.x"]
    assert (r.stage, r.effect, r.cue_roles) == (
        Stage.ANCHOR,
        Effect.VOID_CLAUSE,
        frozenset({"habitual"}),
    )


@pytest.mark.parametrize(
    "change,message",
    [
        (('quiet = ["b"]', ""), "needs at least one 'fires' and one 'quiet' example"),
        (('stage = "anchor"', 'stage = "anchors"'), "'anchors' is not a valid Stage"),
        (('effect = "void_clause"', 'effect = "void"'), "'void' is not a valid Effect"),
        (('cue = "habitual"', 'cue = "habitually"'), "cue role 'habitually' is not in the lexicon"),
        (('cue = "habitual"', 'kue = "habitual"'), "unknown pattern key(s) ['kue']"),
        (('description = "x"', 'descr = "x"'), "unknown key(s) ['descr']"),
        (('description = "x"', ""), "no description"),
    ],
)
def test_a_malformed_rule_is_an_error_naming_it(tmp_path, change, message):
    with pytest.raises(RuleError) as e:
        load_rules(_write(tmp_path, _GOOD.replace(*change)))
    assert message in str(e.value)
    assert isinstance(e.value, RasidError)


def test_a_rule_defined_twice_is_an_error(tmp_path):
    with pytest.raises(RuleError, match="defined twice"):
        load_rules(_write(tmp_path, _GOOD + _GOOD))


def test_an_unknown_predicate_is_an_error(tmp_path):
    rs = load_rules(_write(tmp_path, _GOOD.replace('cue = "habitual"', 'predicate = "nope"')))
    with pytest.raises(RuleError, match="unknown predicate 'nope'"):
        rs.check_predicates()


def test_the_shipped_lexicon_uses_declared_roles_only():
    from rasid.events.lexicon import lexicon_path

    assert check_lexicon(lexicon_path()) > 1500
    assert "denial" in ROLES["cue"] and "impact" in ROLES["trigger"]


def test_a_lexicon_row_with_an_unknown_role_is_an_error(tmp_path):
    p = tmp_path / "lex.csv"
    p.write_text(
        "name,id,kind,role\nهجوم,ev:t,trigger,noun\nتهديد,ev:c,cue,menace\n", encoding="utf-8"
    )
    with pytest.raises(GazetteerBuildError) as e:
        check_lexicon(str(p))
    assert str(e.value) == (
        f"{p}:3: unknown role 'menace' for kind 'cue' (known: "
        + ", ".join(sorted(ROLES["cue"]))
        + ")"
    )


# --- the trace -----------------------------------------------------------------------------

_TWO = (
    "سقطت ثلاثة صواريخ كاتيوشا مساء الثلاثاء على قاعدة عين الأسد. "
    "وهددت الجماعة باستهداف القواعد الأجنبية إذا لم تنسحب القوات."
)


def test_explain_gives_each_event_its_rules_and_each_voided_word_its_rule():
    ex = rasid.explain(_TWO, published="2020-03-12")
    assert len(ex.events) == 1
    (ev,) = ex.events
    assert [(f.rule, f.start, f.end) for f in ev.firings] == [
        ("anchor.attack_word", 0, 4),
        ("type.rocket", 0, 4),
    ]
    assert ev.firings[1].note == "rocket_attack, weapon katyusha_rocket"
    assert _TWO[0:4] == "سقطت"
    assert [(f.rule, _TWO[f.start : f.end]) for f in ex.voided] == [
        ("anchor.void.after_threat", "استهداف")
    ]
    text = str(ex)
    assert "anchor.attack_word" in text
    assert "munitions  3  from «ثلاثة صواريخ كاتيوشا» [5:25]" in text
    assert "killed     unknown: the text does not say" in text


def test_extract_with_explain_adds_rule_ids_and_without_it_changes_nothing():
    plain = rasid.extract(_TWO, published="2020-03-12")[0].to_dict()
    explained = rasid.extract(_TWO, published="2020-03-12", explain=True)[0].to_dict()
    assert "rules" not in plain
    assert explained.pop("rules") == ["anchor.attack_word", "type.rocket"]
    assert explained == plain


def test_a_denied_attack_is_explained_as_voided():
    text = "ونفت قيادة العمليات تعرض القاعدة لأي قصف صاروخي مساء أمس."
    ex = rasid.explain(text, published="2024-01-10")
    assert ex.events == ()
    assert [(f.rule, text[f.start : f.end]) for f in ex.voided] == [("anchor.void.denial", "نفت")]
    assert "no event" in str(ex)


# --- the command line ------------------------------------------------------------------------


def _cli(args, stdin=None):
    from click.testing import CliRunner
    from rasid.cli import main

    try:
        r = CliRunner(mix_stderr=False)
    except TypeError:  # click >= 8.2 keeps stderr apart already
        r = CliRunner()
    return r.invoke(main, args, input=stdin)


def test_rasid_explain_prints_rules_and_slots():
    res = _cli(["explain", _TWO, "--published", "2020-03-12"])
    assert res.exit_code == 0, res.output
    assert "event 1: rocket_attack (weapon katyusha_rocket" in res.output
    assert "anchor.attack_word                   «سقطت» [0:4]" in res.output
    assert "date       2020-03-10 (day)  from «مساء الثلاثاء»" in res.output
    assert "anchor.void.after_threat" in res.output


def test_rasid_explain_json_reads_stdin():
    res = _cli(["explain", "--json", "--published", "2020-03-12"], stdin=_TWO)
    assert res.exit_code == 0, res.output
    got = json.loads(res.output)
    assert [r["rule"] for r in got["events"][0]["rules"]] == ["anchor.attack_word", "type.rocket"]
    assert got["voided"][0]["rule"] == "anchor.void.after_threat"


def test_extract_explain_adds_rules_to_jsonl_and_refuses_other_formats(tmp_path):
    src = tmp_path / "a.jsonl"
    src.write_text(json.dumps({"id": "d1", "text": _TWO}, ensure_ascii=False) + "\n", "utf-8")
    out = tmp_path / "out.jsonl"
    res = _cli(["extract", str(src), "-o", str(out), "--explain", "-w", "1"])
    assert res.exit_code == 0, res.output
    (rec,) = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    assert rec["rules"] == ["anchor.attack_word", "type.rocket"]
    bad = _cli(["extract", str(src), "-o", str(tmp_path / "out.csv"), "--explain"])
    assert bad.exit_code == 2
    assert "rule ids go into JSONL records (or the --db store); use -f jsonl" in bad.output + (
        bad.stderr if hasattr(bad, "stderr") else ""
    )
    assert not (tmp_path / "out.csv").exists()


@pytest.mark.parametrize(
    "then,message",
    [
        ('{ type = "rocket" }', "then.type 'rocket' is not an event type"),
        ('{ type = "shelling", weapon = "cannon" }', "then.weapon 'cannon' is not a weapon"),
    ],
)
def test_a_type_rule_outside_the_vocabulary_is_an_error(tmp_path, then, message):
    from rasid.events.typing_stage import _compile

    body = f"""
    [[rule]]
    id = "type.x"
    stage = "type"
    effect = "decide"
    description = "x"
    when = {{ weapons = ["mortar"] }}
    then = {then}
    fires = ["a"]
    quiet = ["b"]
    """
    (r,) = load_rules(_write(tmp_path, body))
    with pytest.raises(RuleError, match=message.replace(".", r"\.")):
        _compile(r)


def test_type_rule_patterns_name_known_weapons(tmp_path):
    from rasid.events.typing_stage import _compile

    body = _GOOD.replace('stage = "anchor"', 'stage = "type"').replace(
        'effect = "void_clause"', 'effect = "decide"'
    )
    body = body.replace('id = "anchor.void.x"', 'id = "type.x"')
    body = body.replace('when = { cue = "habitual" }', 'when = { weapons = ["bow"] }')
    body = body.replace('fires = ["a"]', 'then = { type = "shelling" }\nfires = ["a"]')
    (r,) = load_rules(_write(tmp_path, body))
    with pytest.raises(RuleError, match=r"weapons names unknown value\(s\) \['bow'\]"):
        _compile(r)
