"""``rasid match``: gazetteer names found in documents, one JSON object per match."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator

import click

from ..errors import GazetteerError, InputError
from . import main

_BATCH = 256


def _stdin_documents(id_field: str, text_field: str) -> Iterator[tuple[str, str]]:
    """stdin as JSONL documents when it starts with ``{``, else as one plain-text document."""
    data = sys.stdin.read()
    if data.lstrip().startswith("{"):
        for n, line in enumerate(data.splitlines(), 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except ValueError as exc:
                click.echo(f"<stdin>:{n}: not_json: {exc}", err=True)
                continue
            text = record.get(text_field) if isinstance(record, dict) else None
            if not isinstance(text, str):
                click.echo(f"<stdin>:{n}: no_text", err=True)
                continue
            yield str(record.get(id_field, f"stdin:{n}")), text
    else:
        yield "<stdin>", data


def _file_documents(paths, id_field: str, text_field: str) -> Iterator[tuple[str, str]]:
    from ..io import iter_documents

    for doc in iter_documents(paths, id_field=id_field, text_field=text_field):
        yield doc.doc_id, doc.text


@main.command("match")
@click.argument("files", nargs=-1, type=click.Path(allow_dash=True))
@click.option(
    "-g",
    "--gazetteer",
    "gazetteers",
    multiple=True,
    type=click.Path(dir_okay=False),
    help="A gazetteer file (.csv/.tsv/.jsonl with name,id,kind,... or a saved binary "
    ".rgz) added to the default one; repeatable. Same id: this file's attributes win.",
)
@click.option("--no-default", is_flag=True, help="Do not use the gazetteer shipped with rasid.")
@click.option("--id-field", default="id", show_default=True, help="Document id field.")
@click.option("--text-field", default="text", show_default=True, help="Document text field.")
@click.option("--overlapping", is_flag=True, help="Report overlapping matches too.")
@click.option("--attrs", is_flag=True, help="Add each match's name and attributes.")
def match_command(files, gazetteers, no_default, id_field, text_field, overlapping, attrs):
    """Find gazetteer names in FILES (JSONL/CSV/Parquet documents, .txt files, folders;
    stdin when none: JSONL if it starts with '{', else one plain-text document).

    Prints one JSON object a match: {"doc_id", "start", "end", "id", "kind", "text"}, with
    start/end code-point offsets into the document's text.
    """
    from ..gazetteer import Gazetteer

    binaries = [g for g in gazetteers if not g.lower().endswith(_SOURCE_SUFFIXES)]
    sources = [g for g in gazetteers if g.lower().endswith(_SOURCE_SUFFIXES)]
    try:
        if binaries:
            if len(binaries) > 1 or sources or not no_default:
                raise click.UsageError(
                    "a saved binary gazetteer is used alone: pass it with --no-default "
                    "and no other --gazetteer"
                )
            gaz = Gazetteer.load(binaries[0])
        else:
            gaz = Gazetteer.from_files(*sources, include_default=not no_default)
    except (GazetteerError, OSError) as exc:
        raise click.ClickException(str(exc)) from None
    if len(gaz) == 0:
        click.echo("rasid match: the gazetteer is empty", err=True)

    docs = (
        _file_documents(files, id_field, text_field)
        if files
        else _stdin_documents(id_field, text_field)
    )
    out = sys.stdout
    try:
        batch: list[tuple[str, str]] = []
        for item in docs:
            batch.append(item)
            if len(batch) >= _BATCH:
                _emit(gaz, batch, overlapping, attrs, out)
                batch = []
        _emit(gaz, batch, overlapping, attrs, out)
    except InputError as exc:
        raise click.ClickException(str(exc)) from None
    except BrokenPipeError:
        sys.stderr.close()


_SOURCE_SUFFIXES = (".csv", ".tsv", ".tab", ".jsonl", ".ndjson", ".csv.gz", ".tsv.gz", ".jsonl.gz")


def _emit(gaz, batch, overlapping: bool, attrs: bool, out) -> None:
    if not batch:
        return
    results = gaz.find_batch([t for _, t in batch], overlapping=overlapping)
    for (doc_id, _), matches in zip(batch, results):
        for m in matches:
            record = {
                "doc_id": doc_id,
                "start": m.start,
                "end": m.end,
                "id": m.id,
                "kind": m.kind,
                "text": m.text,
            }
            if attrs:
                record["name"] = m.name
                record["attrs"] = m.attrs
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
