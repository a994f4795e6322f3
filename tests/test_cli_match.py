"""rasid match: gazetteer names in documents, as JSONL."""

from __future__ import annotations

import json

import rasid
from click.testing import CliRunner
from rasid.cli import main

GAZ = "name,id,kind,lat\nبغداد,baghdad,place,33.31\nالتحالف,coalition,actor,\nهيت,hit,place,33.64\n"


def run(args, stdin=None):
    result = CliRunner().invoke(main, args, input=stdin)
    return result


def records(output):
    return [json.loads(line) for line in output.splitlines() if line.strip()]


def test_jsonl_documents(tmp_path):
    gaz = tmp_path / "g.csv"
    gaz.write_text(GAZ, encoding="utf-8")
    docs = tmp_path / "docs.jsonl"
    docs.write_text(
        json.dumps({"id": "a1", "text": "قصف وبغداد وللتحالف"}, ensure_ascii=False)
        + "\n"
        + json.dumps({"id": "a2", "text": "لا شيء هنا"}, ensure_ascii=False)
        + "\n",
        encoding="utf-8",
    )
    r = run(["match", str(docs), "--gazetteer", str(gaz), "--no-default"])
    assert r.exit_code == 0, r.output
    assert records(r.output) == [
        {"doc_id": "a1", "start": 5, "end": 10, "id": "baghdad", "kind": "place", "text": "بغداد"},
        {
            "doc_id": "a1",
            "start": 13,
            "end": 19,
            "id": "coalition",
            "kind": "actor",
            "text": "لتحالف",
        },
    ]


def test_plain_text_stdin_and_fields(tmp_path):
    gaz = tmp_path / "g.csv"
    gaz.write_text(GAZ, encoding="utf-8")
    r = run(["match", "-g", str(gaz), "--no-default", "--attrs"], stdin="من هيت إلى بغداد")
    assert r.exit_code == 0, r.output
    out = records(r.output)
    assert [(o["doc_id"], o["start"], o["end"], o["text"]) for o in out] == [
        ("<stdin>", 3, 6, "هيت"),
        ("<stdin>", 11, 16, "بغداد"),
    ]
    assert out[1]["attrs"] == {"lat": 33.31} and out[1]["name"] == "بغداد"
    doc = json.dumps({"key": "k9", "body": "ببغداد"}, ensure_ascii=False) + "\n"
    r = run(
        ["match", "-g", str(gaz), "--no-default", "--id-field", "key", "--text-field", "body"],
        stdin=doc,
    )
    assert records(r.output) == [
        {"doc_id": "k9", "start": 1, "end": 6, "id": "baghdad", "kind": "place", "text": "بغداد"}
    ]


def test_user_file_overrides_default_and_binary(tmp_path):
    default = rasid.default_gazetteer()
    gaz = tmp_path / "g.csv"
    gaz.write_text(GAZ, encoding="utf-8")
    r = run(["match", "-g", str(gaz), "--attrs"], stdin="في بغداد")
    assert r.exit_code == 0, r.output
    hits = [o for o in records(r.output) if o["id"] == "baghdad"]
    assert hits and hits[0]["attrs"]["lat"] == 33.31
    # the user's names come in addition to the default gazetteer's, which still match
    default_ids = {m.id for m in default.find("في بغداد")}
    assert default_ids and default_ids <= {o["id"] for o in records(r.output)}
    saved = tmp_path / "g.rgz"
    rasid.Gazetteer.from_files(gaz).save(saved)
    r = run(["match", "-g", str(saved), "--no-default"], stdin="في بغداد")
    assert [o["id"] for o in records(r.output)] == ["baghdad"]
    r = run(["match", "-g", str(saved)], stdin="في بغداد")
    assert r.exit_code != 0 and "--no-default" in r.output


def test_bad_gazetteer_file(tmp_path):
    bad = tmp_path / "bad.rgz"
    bad.write_bytes(b"garbage")
    r = run(["match", "-g", str(bad), "--no-default"], stdin="x")
    assert r.exit_code != 0 and "not a rasid gazetteer" in r.output
    r = run(["match", "-g", str(tmp_path / "none.csv"), "--no-default"], stdin="x")
    assert r.exit_code != 0
