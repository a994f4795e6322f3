"""``rasid extract``, ``rasid export``, ``rasid dedup``: archives in, event tables out."""

from __future__ import annotations

import os
import signal
import sys
import tempfile

import click

from ..errors import InputError, OptionError, RasidError, StoreError
from ..io import (
    MAX_RECORD_BYTES,
    OUTPUT_FORMATS,
    RESERVED_FIELDS,
    Document,
    Fields,
    Problem,
    ReadStats,
    check_fields,
    expand_inputs,
    iter_documents,
    open_writer,
    output_format,
    read_events,
    sample_fields,
)
from ..io.writers import JsonlWriter
from ..pipeline import Delivery, Progress, Reporter, StrictError, Summary, run
from . import main

_FORMAT = click.Choice(OUTPUT_FORMATS)


def _check_output(path: str | None, fmt: str | None, **options):
    """Open the writer now, so an unwritable output fails before any work."""
    try:
        return open_writer(path, fmt, **options)
    except OptionError as exc:
        raise click.BadParameter(str(exc), param_hint="'-o' / '--format'") from None
    except (OSError, InputError) as exc:
        raise click.BadParameter(f"cannot write {path!r}: {exc}", param_hint="'-o'") from None


def _close_writer(writer) -> None:
    """Close ``writer`` and tell the user what the output left out (ACLED)."""
    writer.close()
    notice = writer.notice()
    if notice:
        click.echo(notice, err=True)


#: Input fields taken as the outlet for ACLED's ``source`` when --source-field is not given.
SOURCE_FIELDS = ("source", "outlet", "url")


def _check_keep(keep: tuple[str, ...]) -> None:
    clash = sorted(set(keep) & RESERVED_FIELDS)
    if clash:
        raise click.BadParameter(
            f"{clash[0]!r} is the name of an event field; an input field of that name "
            "cannot be kept",
            param_hint="'--keep'",
        )


def _check_not_an_input(path: str | None, inputs: list[str], option: str) -> None:
    """Refuse an output file that is one of the inputs (it would be emptied before being
    read), whatever name it is given."""
    if not path or path == "-" or not os.path.exists(path):
        return
    for source in inputs:
        if source != "-" and os.path.exists(source) and os.path.samefile(path, source):
            raise click.BadParameter(f"{path} is also an input", param_hint=f"'{option}'")


def _open_store(path: str, create: bool = True, readonly: bool = False):
    from ..store import EventStore

    try:
        return EventStore(path, create=create, readonly=readonly)
    except StoreError as exc:
        raise click.BadParameter(str(exc), param_hint="'--db'") from None


def _sigterm_as_interrupt() -> None:
    def handler(signum, frame):
        raise KeyboardInterrupt

    if hasattr(signal, "SIGTERM"):
        signal.signal(signal.SIGTERM, handler)


def _kept_in(path: str) -> list[str]:
    """The kept input fields of an events file (from its first record); raises
    :class:`click.BadParameter` when it is not a file of rasid events."""
    try:
        first = next(read_events(path), None)
    except (InputError, OptionError) as exc:
        raise click.BadParameter(str(exc), param_hint="'INPUT'") from None
    return [k for k in (first or {}) if k not in RESERVED_FIELDS]


def _dedup_file(src: str, writer, clusters_path: str | None, max_km: float) -> tuple[int, int]:
    """Cluster the events of ``src`` (two streaming passes) into ``writer`` (+ clusters file)."""
    from ..dedup import cluster

    assignments, clusters = cluster(read_events(src), max_km=max_km)
    n = 0
    for record in read_events(src):
        record = dict(record)
        record["cluster_id"] = assignments.get(str(record.get("event_id")))
        writer.write(record)
        n += 1
    if clusters_path:
        with JsonlWriter(clusters_path) as cw:
            for c in clusters:
                cw.write(c)
    return n, len(clusters)


def _default_clusters_path(output: str | None) -> str | None:
    if not output or output == "-":
        return None
    base = output
    for ext in (".jsonl.gz", ".jsonl", ".ndjson", ".json", ".csv", ".parquet", ".geojson"):
        if base.lower().endswith(ext):
            base = base[: -len(ext)]
            break
    return base + ".clusters.jsonl"


@main.command()
@click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")
@click.option("-o", "--output", help="Output file (default: stdout, unless --db is given).")
@click.option(
    "-f", "--format", "fmt", type=_FORMAT,
    help="Output format (default: from the -o extension, else jsonl).",
)  # fmt: skip
@click.option("--db", help="SQLite event store to fill; a rerun skips stored documents.")
@click.option(
    "-w", "--workers", type=click.IntRange(min=0), default=0, show_default=True,
    help="Processes extracting, this one included (0: all cores).",
)  # fmt: skip
@click.option("--id-field", default="id", show_default=True, help="Field holding the id.")
@click.option("--text-field", default="text", show_default=True, help="Field holding the text.")
@click.option(
    "--date-field", default="published", show_default=True,
    help="Field holding the publication date.",
)  # fmt: skip
@click.option(
    "--keep", multiple=True, metavar="FIELD",
    help="Input field carried into every event (url, outlet, title); repeatable.",
)  # fmt: skip
@click.option(
    "--source-field", metavar="FIELD",
    help="Input field naming the outlet, for ACLED's source (default: the first of source, "
    "outlet, url the input has); kept like --keep.",
)  # fmt: skip
@click.option(
    "--background", is_flag=True,
    help="ACLED format: also write background events (left out by default).",
)  # fmt: skip
@click.option("--strict", is_flag=True, help="Stop with an error at the first bad record.")
@click.option("--dedup", "do_dedup", is_flag=True, help="Cluster reports of the same event.")
@click.option("--max-km", type=float, default=25.0, show_default=True, help="Dedup distance.")
@click.option("--clusters", "clusters_path", help="Clusters file (with --dedup and -o).")
@click.option("--scheduler", help="Run on the Dask cluster at this address.")
@click.option(
    "--blocksize", type=click.IntRange(min=1), default=32, show_default=True,
    help="Dask: MB of JSONL per partition.",
)  # fmt: skip
@click.option(
    "--progress/--no-progress", default=None,
    help="Progress bar on stderr (default: when stderr is a terminal).",
)  # fmt: skip
@click.option(
    "--extractor", metavar="MODULE:FUNCTION",
    help="Extraction function to use instead of rasid.events.extract.",
)  # fmt: skip
@click.option(
    "--gazetteer", "gazetteers", multiple=True, type=click.Path(exists=True, dir_okay=False),
    help="Extra gazetteer entries (CSV/TSV/JSONL) added to the default one; repeatable.",
)  # fmt: skip
@click.option(
    "--explain", is_flag=True,
    help="Add to each event the ids of the rules that made it (`rules`; JSONL and --db).",
)  # fmt: skip
@click.option(
    "--max-record-mb", type=click.FloatRange(min=0, min_open=True),
    default=MAX_RECORD_BYTES / (1 << 20), show_default=True,
    help="Largest record read (a JSONL line, a CSV record, a text); a larger one is skipped.",
)  # fmt: skip
def extract(
    inputs, output, fmt, db, workers, id_field, text_field, date_field, keep, source_field,
    background, strict, do_dedup, max_km, clusters_path, scheduler, blocksize, progress,
    extractor, gazetteers, explain, max_record_mb,
):  # fmt: skip
    """Extract events from archives of articles.

    INPUT: JSONL (.jsonl, .jsonl.gz), CSV, Parquet, .txt files, folders of them, or - for
    JSONL on stdin. Writes one event record per line (JSONL), or CSV, ACLED-shaped CSV,
    Parquet, GeoJSON; or fills an SQLite event store with --db. Bad records are reported on
    stderr and skipped (--strict: stop with exit 1); a one-line summary ends every run.
    A publication date that cannot be read never costs the article: it is kept without one,
    and counted. A field option that names no field of the input is an error.

    With --db, documents already in the store are skipped, so a killed run restarted ends
    with the events of an uninterrupted one; -o then receives this run's events only
    (`rasid export --db` writes the whole store). --dedup adds a cluster_id to every event
    and writes the clusters next to -o (FILE.clusters.jsonl) or into the store.
    """
    unreadable: list[Problem] = []  # files of input folders, reported once the run starts
    try:
        paths = expand_inputs(inputs, unreadable.append)
    except InputError as exc:
        raise click.BadParameter(str(exc), param_hint="'INPUT'") from None
    keep = tuple(dict.fromkeys(keep))
    _check_keep(keep)
    keep, source_field = _checked_fields(
        paths, id_field, text_field, date_field, keep, source_field, output, fmt
    )  # fmt: skip
    _check_not_an_input(output, paths, "-o")
    if do_dedup and output:
        _check_not_an_input(clusters_path or _default_clusters_path(output), paths, "--clusters")
    extract_fn = _load_extractor(extractor) if extractor else None
    if explain:
        if extractor:
            raise click.BadParameter(
                "--explain traces rasid's own extractor, not --extractor", param_hint="'--explain'"
            )
        from ..pipeline import explaining_extract

        extract_fn = explaining_extract
    if gazetteers:
        from ..pipeline import WithGazetteer

        extract_fn = WithGazetteer(gazetteers, extract_fn)
        try:
            extract_fn.prepare()  # a bad file is a usage error, before any work
        except Exception as exc:
            raise click.BadParameter(str(exc), param_hint="'--gazetteer'") from None
    if scheduler and "-" in paths:
        raise click.BadParameter("stdin cannot be read on a Dask cluster", param_hint="'INPUT'")
    store = _open_store(db) if db else None
    if explain and (output is not None or not db):
        try:
            explained_format = output_format(output, fmt)
        except OptionError:
            explained_format = "jsonl"  # the output check below reports the mistake
        if explained_format != "jsonl":
            raise click.BadParameter(
                "rule ids go into JSONL records (or the --db store); use -f jsonl",
                param_hint="'--explain'",
            )
    final_writer = (
        _check_output(output, fmt, keep=keep, background=background, source_field=source_field)
        if (output is not None or not db)
        else None
    )
    tmp_path = None
    writer = final_writer
    if do_dedup and final_writer is not None:
        fd, tmp_path = tempfile.mkstemp(
            suffix=".jsonl", dir=os.path.dirname(os.path.abspath(output)) if output else None
        )
        os.close(fd)
        writer = open_writer(tmp_path, "jsonl")

    summary = Summary()
    reporter = Reporter(summary, sys.stderr, strict=strict)
    stats = ReadStats()
    show = sys.stderr.isatty() if progress is None else progress
    bar = Progress(stats) if show else None
    _sigterm_as_interrupt()

    # Without a store, workers encode JSONL themselves and leave out documents without
    # events: the parent process then only writes text (it shares the cores with them).
    delivery = Delivery(
        encoded=store is None and isinstance(writer, JsonlWriter), eventless=store is not None
    )

    def sink(doc, events) -> None:
        if store is not None:
            if store.has_document(doc.doc_id):  # stored earlier in this run
                detail = f"id {doc.doc_id!r} is already in the store (its events are not stored)"
                reporter(Problem(doc.source, doc.line, "duplicate_doc", detail))
                return
            store.add_documents([(doc.doc_id, doc.source, events)])
        if writer is not None:
            if isinstance(events, str):  # encoded by the workers
                writer.write_lines(events)
                return
            for event in events:
                writer.write(event)

    def skip(doc):
        if store is not None and store.has_document(doc.doc_id):
            return "already_stored"
        return None

    code = 0
    try:
        if scheduler:
            _run_on_dask(
                scheduler, paths, sink, skip, reporter, summary, id_field, text_field,
                date_field, blocksize * 1024 * 1024, extract_fn, keep,
                int(max_record_mb * (1 << 20)),
            )  # fmt: skip
        else:
            for problem in unreadable:
                reporter(problem)
            # JSONL lines are parsed by the workers: the parent only reads bytes.
            docs = iter_documents(
                paths, id_field=id_field, text_field=text_field, date_field=date_field,
                keep=keep, on_problem=reporter, stats=stats, raw_jsonl=True,
                max_record_bytes=int(max_record_mb * (1 << 20)),
            )  # fmt: skip
            run(
                docs, sink, extract_fn=extract_fn, workers=workers or None,
                store_path=db, fields=Fields(id_field, text_field, date_field, keep),
                progress=bar, reporter=reporter, delivery=delivery,
            )  # fmt: skip
        summary.bytes = stats.bytes_done
    except StrictError as exc:
        click.echo(f"rasid: error (--strict): {exc}", err=True)
        code = 1
    except BrokenPipeError:  # `rasid extract ... | head`: the reader has gone, stop quietly
        _silence_stdout()
        code = 141
    except (OSError, RasidError) as exc:  # the disk filled up, a worker died
        click.echo(f"rasid: error: {exc}", err=True)
        code = 1
    finally:
        if writer is not None:
            try:
                writer.close()
            except BrokenPipeError:
                _silence_stdout()
            except OSError as exc:
                click.echo(f"rasid: error: {exc}", err=True)
                code = code or 1
    if code == 141:
        sys.exit(code)
    clustered = False
    if do_dedup and code == 0 and not summary.interrupted:
        try:
            if tmp_path is not None:
                cpath = clusters_path or _default_clusters_path(output)
                _dedup_file(tmp_path, final_writer, cpath, max_km)
                _close_writer(final_writer)
                clustered = True
            if store is not None:
                _dedup_store(store, max_km)  # one transaction: all or nothing
        except KeyboardInterrupt:
            summary.interrupted = True
    if tmp_path is not None:
        try:
            if not clustered:
                # a stopped run: the events extracted so far, without the clustering (it
                # needs them all), rather than an empty output
                final_writer.close()
                options = {"keep": keep, "background": background, "source_field": source_field}
                with open_writer(output, fmt, **options) as unclustered:
                    for record in read_events(tmp_path, "jsonl"):
                        unclustered.write(record)
                summary.unclustered = True
        finally:
            os.unlink(tmp_path)
    elif final_writer is not None and final_writer is not writer:
        final_writer.close()
    elif writer is not None and code == 0:
        notice = writer.notice()
        if notice:
            click.echo(notice, err=True)
    if store is not None:
        store.close()
    warning = summary.date_warning()
    if warning:
        click.echo(warning, err=True)
    click.echo(summary.line(), err=True)
    if summary.interrupted:
        sys.exit(130)
    sys.exit(code)


def _checked_fields(
    paths, id_field, text_field, date_field, keep, source_field, output, fmt
) -> tuple[tuple[str, ...], str | None]:
    """Check the field options against the input's first records (a misspelt field is an
    error that lists the fields found, before any work), and choose the outlet field of
    ACLED's source: --source-field, else the first of :data:`SOURCE_FIELDS` the input has.
    Returns the fields to keep (with the outlet field) and the outlet field."""
    ctx = click.get_current_context()
    options = [("--text-field", text_field)]
    for name, option, value in (
        ("id_field", "--id-field", id_field),
        ("date_field", "--date-field", date_field),
    ):
        if ctx.get_parameter_source(name) is not click.core.ParameterSource.DEFAULT:
            options.append((option, value))
    options.extend(("--keep", name) for name in keep)
    if source_field:
        options.append(("--source-field", source_field))
    try:
        check_fields(paths, options)
    except OptionError as exc:
        raise click.BadParameter(str(exc), param_hint="field options") from None
    if source_field is None:
        try:
            acled = output_format(output, fmt) == "acled"
        except OptionError:
            acled = False  # reported when the output is opened
        if acled:
            found, _ = sample_fields(paths)
            source_field = next((f for f in SOURCE_FIELDS if f in found), None)
    if source_field and source_field not in keep:
        keep = (*keep, source_field)
    return keep, source_field


def _silence_stdout() -> None:
    # Python would complain again when flushing stdout at exit.
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


def _load_extractor(spec: str):
    import importlib

    module, _, name = spec.partition(":")
    try:
        fn = getattr(importlib.import_module(module), name)
    except (ImportError, AttributeError, ValueError) as exc:
        raise click.BadParameter(
            f"cannot load {spec!r}: {exc}", param_hint="'--extractor'"
        ) from None
    if not callable(fn):
        raise click.BadParameter(f"{spec!r} is not callable", param_hint="'--extractor'")
    return fn


def _run_on_dask(
    address,
    paths,
    sink,
    skip,
    reporter,
    summary,
    id_field,
    text_field,
    date_field,
    blocksize,
    extract_fn,
    keep=(),
    max_record_bytes=MAX_RECORD_BYTES,
):
    import time

    from ..dask import partition_results

    try:
        from distributed import Client
    except ImportError:  # pragma: no cover
        raise click.UsageError("--scheduler needs dask: pip install rasid[dask]") from None
    start = time.monotonic()
    client = Client(address)
    try:
        bag = partition_results(
            paths, extract_fn=extract_fn, id_field=id_field, text_field=text_field,
            date_field=date_field, blocksize=blocksize, keep=keep,
            max_record_bytes=max_record_bytes,
        )  # fmt: skip
        futures = client.compute(bag.to_delayed())
        try:
            for future in futures:
                for result in future.result():
                    for problem in result["problems"]:
                        reporter(problem)
                    for doc_id, source, line, events in result["documents"]:
                        summary.documents += 1
                        doc = Document(doc_id, "", None, source, line)
                        if skip(doc) == "already_stored":
                            summary.already_stored += 1
                            continue
                        sink(doc, events)
                        summary.events += len(events)
                future.release()
        except KeyboardInterrupt:
            summary.interrupted = True
    finally:
        client.close()
        summary.seconds = time.monotonic() - start


def _dedup_store(store, max_km: float) -> tuple[int, int]:
    from ..dedup import cluster

    assignments, clusters = cluster(store.iter_events(), max_km=max_km)
    store.set_clusters(assignments, clusters)
    return len(assignments), len(clusters)


@main.command()
@click.option("--db", required=True, help="The SQLite event store to read.")
@click.option("-o", "--output", help="Output file (default: stdout).")
@click.option("-f", "--format", "fmt", type=_FORMAT, help="Output format (default: from -o).")
@click.option("--clusters", "clusters_path", help="Also write the clusters table as JSONL.")
@click.option(
    "--keep", multiple=True, metavar="FIELD",
    help="Kept input field (extract --keep) to write as a column; repeatable.",
)  # fmt: skip
@click.option("--source-field", metavar="FIELD", help="ACLED format: the outlet field.")
@click.option("--background", is_flag=True, help="ACLED format: also background events.")
def export(db, output, fmt, clusters_path, keep, source_field, background):
    """Export the events of an SQLite event store."""
    if not os.path.exists(db):
        raise click.BadParameter(f"{db}: no such event store", param_hint="'--db'")
    keep = tuple(dict.fromkeys(keep))
    _check_keep(keep)
    _check_not_an_input(output, [db], "-o")
    _check_not_an_input(clusters_path, [db], "--clusters")
    store = _open_store(db, readonly=True)
    writer = _check_output(output, fmt, keep=keep, background=background,
                           source_field=source_field)  # fmt: skip
    n = 0
    try:
        for record in store.iter_events():
            writer.write(record)
            n += 1
        if clusters_path:
            with JsonlWriter(clusters_path) as cw:
                for c in store.iter_clusters():
                    cw.write(c)
    finally:
        _close_writer(writer)
        store.close()
    click.echo(f"rasid: {n} events exported", err=True)


@main.command()
@click.argument("input_path", required=False, metavar="[INPUT]")
@click.option("-o", "--output", help="Output file (default: stdout).")
@click.option("-f", "--format", "fmt", type=_FORMAT, help="Output format (default: from -o).")
@click.option("--db", help="Cluster the events of this store in place (clusters table).")
@click.option(
    "--clusters", "clusters_path",
    help="Clusters file (default: OUTPUT with .clusters.jsonl).",
)  # fmt: skip
@click.option("--max-km", type=float, default=25.0, show_default=True, help="Max distance.")
def dedup(input_path, output, fmt, db, clusters_path, max_km):
    """Cluster reports of the same real event across documents.

    INPUT is an events file written by `rasid extract` (JSONL, CSV, Parquet, GeoJSON; any
    other file, such as an ACLED export, is refused); each record is written back with a
    `cluster_id`, and the clusters (sources, merged figures) go to the clusters file. With
    --db the store's events and clusters table are updated.
    """
    if not input_path and not db:
        raise click.UsageError("give an events file INPUT or --db STORE")
    if input_path and not os.path.exists(input_path):
        raise click.BadParameter(f"{input_path}: no such file", param_hint="'INPUT'")
    if db:
        if not os.path.exists(db):
            raise click.BadParameter(f"{db}: no such event store", param_hint="'--db'")
        store = _open_store(db, create=False)
        try:
            n, k = _dedup_store(store, max_km)
            if output is not None:
                writer = _check_output(output, fmt)
                try:
                    for record in store.iter_events():
                        writer.write(record)
                finally:
                    _close_writer(writer)
            if clusters_path:
                with JsonlWriter(clusters_path) as cw:
                    for c in store.iter_clusters():
                        cw.write(c)
        finally:
            store.close()
    else:
        keep = _kept_in(input_path)
        cpath = clusters_path or _default_clusters_path(output)
        _check_not_an_input(output, [input_path], "-o")
        _check_not_an_input(cpath, [input_path], "--clusters")
        writer = _check_output(output, fmt, keep=keep)
        try:
            n, k = _dedup_file(input_path, writer, cpath, max_km)
        except InputError as exc:
            writer.close()
            click.echo(f"rasid: error: {exc}", err=True)
            sys.exit(1)
        _close_writer(writer)
    click.echo(f"rasid: {n} events in {k} clusters", err=True)
