"""``rasid report``: one offline HTML page of the events, each checkable against its article."""

from __future__ import annotations

import os

import click

from .. import __version__
from ..errors import InputError, OptionError, StoreError
from ..io import expand_inputs, read_events
from ..vocabulary import EVENT_TYPES
from . import main


def _events_from_store(db: str) -> tuple[list[dict], list[str], dict]:
    """The store's events, the input files its documents came from, and when they were
    processed."""
    from ..store import EventStore

    if not os.path.exists(db):
        raise click.BadParameter(f"{db}: no such event store", param_hint="'--db'")
    try:
        store = EventStore(db, create=False)
    except StoreError as exc:
        raise click.BadParameter(str(exc), param_hint="'--db'") from None
    try:
        events = list(store.iter_events())
        # the store keeps where each document came from, not its text
        sources = [s for (s,) in store.conn.execute("SELECT DISTINCT source FROM documents") if s]
        first, last, n = store.conn.execute(
            "SELECT min(processed_at), max(processed_at), count(*) FROM documents"
        ).fetchone()
    finally:
        store.close()
    return events, sorted(sources), {"first": first, "last": last, "documents": n}


@main.command()
@click.argument("events_path", required=False, metavar="[EVENTS]")
@click.option("--db", help="Read the events of this SQLite event store instead of EVENTS.")
@click.option(
    "--docs", "docs", multiple=True,
    help="Archive(s) holding the articles (as for `rasid extract`); repeatable. "
    "Default with --db: the input files the store recorded, when they still exist.",
)  # fmt: skip
@click.option("-o", "--output", required=True, help="The HTML file to write.")
@click.option("--title", default="rasid report", show_default=True, help="The page's title.")
@click.option("--id-field", default="id", show_default=True, help="--docs: field of the id.")
@click.option("--text-field", default="text", show_default=True, help="--docs: text field.")
@click.option(
    "--date-field", default="published", show_default=True, help="--docs: publication date."
)
def report(events_path, db, docs, output, title, id_field, text_field, date_field):
    """Write one self-contained HTML page (works offline) to check the events.

    EVENTS is any events file rasid writes (JSONL, CSV, Parquet, GeoJSON), or use --db.
    The page has a map, a timeline, filters, a sortable table with English summaries, and
    the evidence view: each event in its article (right to left) with every field's span
    highlighted and labelled. Spans that do not match the article are reported on stderr.
    """
    from ..report import Report, describe_input, gazetteer_digest, load_documents, now_utc, render

    if bool(events_path) == bool(db):
        raise click.UsageError("give an events file EVENTS or --db STORE (one of them)")
    folder = os.path.dirname(os.path.abspath(output))
    if not os.path.isdir(folder) or not os.access(folder, os.W_OK):
        # before any work: reading a large store and its articles takes a while
        raise click.BadParameter(
            f"cannot write {output!r}: no writable folder {folder}", param_hint="'-o'"
        )
    provenance: dict = {"rasid version": __version__, "report made (UTC)": now_utc()}
    if db:
        events, recorded, run = _events_from_store(db)
        provenance["events"] = f"event store {describe_input(db)}"
        provenance["extraction run"] = (
            f"{run['documents']:,} documents processed {run['first']} – {run['last']}"
            if run["documents"]
            else "no documents"
        )
        if recorded:
            provenance["extraction inputs"] = recorded
        if not docs:
            docs = tuple(p for p in recorded if os.path.exists(p))
            if recorded and not docs:
                click.echo(
                    "rasid: warning: the store's input files are not here (give --docs); "
                    "the evidence view shows the evidence clauses only",
                    err=True,
                )
    else:
        if not os.path.exists(events_path):
            raise click.BadParameter(f"{events_path}: no such file", param_hint="'EVENTS'")
        events = []
        try:
            for record in read_events(events_path):
                events.append(record)
        except (OptionError, InputError, ValueError, KeyError) as exc:
            raise click.BadParameter(
                f"{events_path}: not a rasid events file (record {len(events) + 1}): {exc}",
                param_hint="'EVENTS'",
            ) from None
        for n, record in enumerate(events, 1):
            kind = record.get("event_type") if isinstance(record, dict) else None
            if kind not in EVENT_TYPES:
                why = f"unknown event_type {kind!r}" if kind else "no event_type"
                raise click.BadParameter(
                    f"{events_path}: record {n} is not an event record ({why})",
                    param_hint="'EVENTS'",
                )
        provenance["events"] = describe_input(events_path)
    gaz = gazetteer_digest()
    provenance["gazetteer"] = (
        f"default gazetteer of rasid {__version__}: {gaz['files']} data files, "
        f"sha256 {gaz['sha256']} (the events file does not record the extraction's gazetteer)"
    )
    options = [f"--title {title!r}"]
    documents: dict = {}
    if docs:
        try:
            paths = expand_inputs(docs)
        except InputError as exc:
            raise click.BadParameter(str(exc), param_hint="'--docs'") from None
        wanted = {str(e.get("doc_id")) for e in events if e.get("doc_id") is not None}
        documents, problems = load_documents(
            paths, wanted, id_field=id_field, text_field=text_field, date_field=date_field
        )
        for problem in problems:
            click.echo(f"rasid: skipped {problem}", err=True)
        provenance["articles"] = [describe_input(p) for p in paths]
        missing = len(wanted) - len(documents)
        if missing:
            click.echo(
                f"rasid: warning: {missing} of {len(wanted)} articles not found in --docs; "
                "their events show the evidence clauses only",
                err=True,
            )
        options += [f"--id-field {id_field}", f"--text-field {text_field}"]
        options.append(f"--date-field {date_field}")
    else:
        provenance["articles"] = "none given: the evidence view shows the evidence clauses only"
    provenance["options"] = " ".join(options)

    page, span_problems = render(
        Report(events=events, documents=documents, provenance=provenance, title=title)
    )
    for problem in span_problems[:20]:
        click.echo(f"rasid: warning: {problem}", err=True)
    if len(span_problems) > 20:
        click.echo(f"rasid: warning: … {len(span_problems) - 20} more span problems", err=True)
    try:
        with open(output, "w", encoding="utf-8") as f:
            f.write(page)
    except OSError as exc:
        raise click.BadParameter(f"cannot write {output!r}: {exc}", param_hint="'-o'") from None
    located = sum(1 for e in events if (e.get("location") or {}).get("lat") is not None)
    click.echo(
        f"rasid: report of {len(events)} events ({located} on the map, "
        f"{len({e.get('doc_id') for e in events})} articles, {len(documents)} with text) "
        f"written to {output} ({len(page.encode('utf-8')):,} bytes)",
        err=True,
    )
