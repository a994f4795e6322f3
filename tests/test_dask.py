"""The same extraction on a Dask cluster (a distributed LocalCluster, 2 worker processes)
gives exactly the events of a local run."""

from __future__ import annotations

import gzip
import json
import os
from pathlib import Path

import pytest

distributed = pytest.importorskip("distributed")
import dask.bag as db  # noqa: E402
from click.testing import CliRunner  # noqa: E402
from rasid.cli import main  # noqa: E402
from rasid.dask import extract_bag, plan_partitions  # noqa: E402
from rasid.io import Document, iter_documents  # noqa: E402
from rasid.pipeline import run  # noqa: E402
from test_pipeline import docs, fake_extract  # noqa: E402

TESTS = str(Path(__file__).parent)


@pytest.fixture(scope="module")
def client():
    old = os.environ.get("PYTHONPATH")
    # the worker processes must import the test extractor
    os.environ["PYTHONPATH"] = TESTS + (os.pathsep + old if old else "")
    try:
        cluster = distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        )
        c = distributed.Client(cluster)
        yield c
        c.close()
        cluster.close()
    finally:
        if old is None:
            del os.environ["PYTHONPATH"]
        else:
            os.environ["PYTHONPATH"] = old


def archive(tmp_path):
    """Three inputs: a JSONL file cut in several blocks (with a bad line), a .jsonl.gz, a .txt."""
    big = tmp_path / "a.jsonl"
    with open(big, "w", encoding="utf-8") as f:
        for i, d in enumerate(docs(120)):
            if i == 50:
                f.write("{not json\n")
            rec = {"text": d.text, "published": d.published}  # no id: ids are a:<line>
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    with gzip.open(tmp_path / "b.jsonl.gz", "wt", encoding="utf-8") as f:
        for d in docs(30, 200):
            f.write(json.dumps({"id": d.doc_id, "text": d.text}, ensure_ascii=False) + "\n")
    (tmp_path / "c.txt").write_text("سقطت صواريخ على بلد", encoding="utf-8")
    return [str(big), str(tmp_path / "b.jsonl.gz"), str(tmp_path / "c.txt")]


def local_events(paths):
    out = []
    run(
        iter_documents(paths, on_problem=lambda p: None),
        lambda d, ev: out.extend(ev),
        extract_fn=fake_extract,
        workers=1,
    )
    return out


def test_extract_bag_equals_local_run(client, tmp_path):
    paths = archive(tmp_path)
    parts = plan_partitions(paths, blocksize=2000)
    assert len(parts) > 4  # the JSONL file is really split
    bag = extract_bag(paths, extract_fn=fake_extract, blocksize=2000)
    got = bag.compute()
    expected = local_events(paths)
    assert len(expected) > 40
    assert got == expected
    assert {e["doc_id"] for e in got} >= {"a:1", "c"}


def test_extract_bag_from_a_bag_of_documents(client):
    items = docs(40)
    bag = db.from_sequence(items, npartitions=4)
    got = extract_bag(bag, extract_fn=fake_extract).compute()
    dicts = db.from_sequence(
        [{"id": d.doc_id, "text": d.text, "published": d.published} for d in items],
        npartitions=3,
    )
    assert extract_bag(dicts, extract_fn=fake_extract).compute() == got
    expected = [e for d in items for e in fake_extract(d.text, published=d.published,
                                                       doc_id=d.doc_id)]  # fmt: skip
    assert got == expected
    assert isinstance(items[0], Document)


def test_cli_scheduler_equals_local(client, tmp_path):
    paths = archive(tmp_path)
    runner = CliRunner()
    args = ["extract", *paths, "--extractor", "test_pipeline:fake_extract"]
    local = runner.invoke(main, [*args, "--workers", "1"])
    assert local.exit_code == 0
    remote = runner.invoke(main, [*args, "--scheduler", client.scheduler.address])
    assert remote.exit_code == 0, remote.output
    assert remote.stdout == local.stdout
    assert "not_json 1" in remote.stderr


def test_cli_scheduler_applies_the_record_size_limit(client, tmp_path):
    src = tmp_path / "big.jsonl"
    big = {"id": "big", "text": "صاروخ " * 200_000}
    small = {"id": "ok", "text": "سقطت صواريخ على التاجي"}
    src.write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in (big, small)), encoding="utf-8"
    )
    args = ["extract", str(src), "--extractor", "test_pipeline:fake_extract", "--max-record-mb",
            "1"]  # fmt: skip
    local = CliRunner().invoke(main, [*args, "--workers", "1"])
    remote = CliRunner().invoke(main, [*args, "--scheduler", client.scheduler.address])
    assert local.exit_code == remote.exit_code == 0
    assert remote.stdout == local.stdout != ""
    assert f"{src}:1: too_large" in remote.stderr and "1 skipped (too_large 1)" in remote.stderr


def _has_extractor():
    try:
        from rasid.events import extract  # noqa: F401
    except ImportError:
        return False
    return True


@pytest.mark.skipif(not _has_extractor(), reason="rasid.events not available")
def test_real_extractor_on_the_cluster_equals_local(client):
    sample = str(Path(__file__).parent.parent / "examples" / "sample.jsonl")
    expected = []
    run(iter_documents([sample]), lambda d, ev: expected.extend(ev), workers=1)
    assert expected
    assert extract_bag([sample], blocksize=1500).compute() == expected


def test_cli_scheduler_keeps_fields_and_reads_every_date_form(client, tmp_path):
    src = tmp_path / "k.jsonl"
    records = [
        {"id": "a", "text": "سقطت صواريخ على التاجي", "published": "Thu, 12 Mar 2020 08:00:00 GMT",
         "url": "https://example.org/a"},
        {"id": "b", "text": "سقطت صواريخ على بلد", "published": "١٣ آذار ٢٠٢٠",
         "url": "https://example.org/b"},
        {"id": "c", "text": "سقطت صواريخ على بلد", "published": "soon", "url": "https://example.org/c"},
    ]  # fmt: skip
    src.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records))
    args = ["extract", str(src), "--keep", "url", "--extractor", "test_pipeline:fake_extract"]
    runner = CliRunner()
    local = runner.invoke(main, [*args, "--workers", "1"])
    remote = runner.invoke(main, [*args, "--scheduler", client.scheduler.address])
    assert remote.exit_code == 0, remote.output
    assert remote.stdout == local.stdout
    got = [json.loads(line) for line in remote.stdout.splitlines()]
    assert [(e["doc_id"], e["date"], e["url"]) for e in got] == [
        ("a", "2020-03-12", "https://example.org/a"),
        ("b", "2020-03-13", "https://example.org/b"),
        ("c", None, "https://example.org/c"),
    ]
    assert "1 kept without a usable date (bad_date 1)" in remote.stderr
