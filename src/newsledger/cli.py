"""The ``newsledger`` command line: thin, calls the pipeline and the query side only.

Errors are turned into one-line messages here, at the edge. Every listing command
shares one set of output flags: a table by default, ``--json`` or ``--csv``.
"""

from __future__ import annotations

import json
import signal
import sys
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

import click

from newsledger import __version__
from newsledger.config import SETTINGS, Settings, load_settings
from newsledger.errors import NewsledgerError
from newsledger.models import ENTITY_FILTERS, Failure
from newsledger.output import all_columns, cell, emit, emit_events, emit_reextract, flat_event

F = TypeVar("F", bound=Callable[..., Any])
_STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM)  # `newsledger watch` stops cleanly on these


# --- shared options ------------------------------------------------------------


def _help(name: str) -> str:
    setting = next(s for s in SETTINGS if s.name == name)
    return f"{setting.help} [env: {setting.env}]"


def db_option(func: F) -> F:
    return click.option("--db", "db", default=None, metavar="PATH|URL", help=_help("db"))(func)


def input_options(func: F) -> F:
    func = click.option(
        "--published",
        type=click.DateTime(formats=["%Y-%m-%d"]),
        default=None,
        help="Publication date (YYYY-MM-DD) for plain-text inputs without one.",
    )(func)
    func = click.option("--source", default=None, help="Outlet name for plain-text inputs.")(func)
    func = click.option("--pipeline", default=None, help=_help("spacy_pipeline"))(func)
    return func


def output_options(func: F) -> F:
    func = click.option("--json", "fmt", flag_value="json", help="Print JSON.")(func)
    func = click.option("--csv", "fmt", flag_value="csv", help="Print CSV.")(func)
    func = click.option(
        "--table", "fmt", flag_value="table", default=True, help="Print a table (default)."
    )(func)
    return func


def page_options(func: F) -> F:
    func = click.option(
        "--limit",
        type=click.IntRange(min=0),
        default=50,
        show_default=True,
        help="Rows to show (any number: more than a page is fetched page by page).",
    )(func)
    func = click.option(
        "--offset", type=click.IntRange(min=0), default=0, show_default=True, help="Rows to skip."
    )(func)
    return func


def _seconds_option(name: str, default: float, help: str) -> Callable[[F], F]:
    return click.option(
        name, type=click.FloatRange(min=0), default=default, show_default=True, help=help
    )


Fetch = Callable[[int, int], Any]  # (limit, offset) -> a query Page


def _pages(fetch: Fetch, limit: int | None, offset: int) -> Iterator[Any]:
    """Pages from ``offset`` on until ``limit`` rows (None: to the end), each at most
    the query side's page size: a --limit above it is paged through, never cut."""
    from newsledger.query.api import MAX_LIMIT

    seen = 0
    while True:
        size = MAX_LIMIT if limit is None else min(MAX_LIMIT, limit - seen)
        page = fetch(size, offset + seen)
        yield page
        seen += len(page.items)
        if not page.items or not page.has_next or (limit is not None and seen >= limit):
            return


def _listing(fetch: Fetch, limit: int, offset: int) -> list[Any]:
    """``limit`` rows from ``offset``; says on stderr how many more there are."""
    items: list[Any] = []
    total = 0
    for page in _pages(fetch, limit, offset):
        items.extend(page.items)
        total = page.total
    if offset + len(items) < total:
        first = f"{offset + 1:,}-{offset + len(items):,}" if items else "none"
        click.echo(
            f"rows {first} of {total:,} shown; --limit and --offset show the others", err=True
        )
    return items


def _settings(**overrides: Any) -> Settings:
    try:
        return load_settings(**overrides)
    except NewsledgerError as err:
        raise click.ClickException(str(err)) from err


def _date(value: Any) -> date | None:
    return value.date() if value is not None else None


T = TypeVar("T")


def _on_store(
    settings: Settings, run: Callable[[Any], T], also: type[Exception] = NewsledgerError
) -> T:
    """``run`` on the store opened for writing; its errors (and ``also``) one line."""
    from newsledger.store import open_store

    try:
        with open_store(settings.db_target) as store:
            return run(store)
    except (NewsledgerError, also) as err:
        raise click.ClickException(str(err)) from err


def _echo_failure(failure: Failure) -> None:
    click.echo(f"error: {failure.line()}", err=True)


def _open_query(db: str | None) -> Any:
    from newsledger.query import Query
    from newsledger.store import open_store

    settings = _settings(db=db)
    try:
        return Query(open_store(settings.db_target))
    except NewsledgerError as err:
        raise click.ClickException(str(err)) from err


def event_columns(rows: list[dict[str, Any]], fmt: str) -> list[str]:
    """Every field for JSON; for CSV the nested evidence list stays out (its first
    sentence is ``evidence_text``, its article ``article_id``)."""
    columns = all_columns(rows)
    return columns if fmt == "json" else [c for c in columns if c != "evidence"]


# --- commands -------------------------------------------------------------------


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="newsledger")
def cli() -> None:
    """newsledger: business news in, a source-linked record of what companies did and said out.

    Start with `newsledger ingest examples/articles` and `newsledger timeline Sony`.
    """


@cli.command()
@click.argument("file")
@input_options
def extract(file: str, published: Any, source: str | None, pipeline: str | None) -> None:
    """Extract one article (FILE, a URL or -) and print its facts as JSON.

    Touches no database. A feed or JSON Lines file prints one JSON object per line.
    """
    from newsledger.ingest import read_inputs
    from newsledger.pipeline import Extractor

    settings = _settings(spacy_pipeline=pipeline)
    items = list(
        read_inputs(
            [file],
            published=_date(published),
            source=source,
            max_bytes=settings.max_bytes,
            stdin=sys.stdin.buffer,
        )
    )
    failures = [i for i in items if isinstance(i, Failure)]
    articles = [i for i in items if not isinstance(i, Failure)]
    for failure in failures:
        click.echo(f"error: {failure.line()}", err=True)
    try:
        extractor = Extractor(settings)
    except NewsledgerError as err:
        raise click.ClickException(str(err)) from err
    for article in articles:
        result = extractor.extract(article)
        indent = 2 if len(articles) == 1 else None
        click.echo(json.dumps(result.contract(), indent=indent, ensure_ascii=False))
    if failures or not articles:
        sys.exit(1)


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@input_options
@db_option
@click.option("--workers", type=int, default=None, help=_help("workers"))
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
@click.option(
    "--dates",
    "dates_file",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Publication dates beside the inputs: CSV (name,date) or JSON ({name: date}), "
    "names being file names, paths, 'file.jsonl:line N' or article ids; dates YYYY-MM-DD.",
)
def ingest(
    paths: tuple[str, ...],
    published: Any,
    source: str | None,
    pipeline: str | None,
    db: str | None,
    workers: int | None,
    quiet: bool,
    dates_file: Path | None,
) -> None:
    """Extract and store articles from files, folders (recursive), URLs or - (stdin).

    Plain text, HTML, RSS/Atom and JSON Lines are recognised. Re-ingesting an
    article changes nothing. Exits non-zero when any input failed.
    """
    from newsledger.ingest.sidecar import read_dates
    from newsledger.pipeline import ingest as run_ingest

    try:
        dates = read_dates(dates_file) if dates_file is not None else None
    except NewsledgerError as err:
        raise click.ClickException(str(err)) from err
    settings = _settings(db=db, spacy_pipeline=pipeline, workers=workers)
    summary = _on_store(
        settings,
        lambda store: run_ingest(
            paths,
            store,
            settings,
            published=_date(published),
            source=source,
            stdin=sys.stdin.buffer,
            on_failure=_echo_failure,
            progress=not quiet,
            dates=dates,
        ),
    )
    if summary.dates_unmatched:
        names = ", ".join(summary.dates_unmatched[:5])
        more = "…" if len(summary.dates_unmatched) > 5 else ""
        click.echo(
            f"{dates_file}: {len(summary.dates_unmatched)} names matched no article read:"
            f" {names}{more}",
            err=True,
        )
    click.echo(
        f"{summary.new} new, {summary.known} already known, {summary.failed} failed"
        f" ({summary.duplicates} near-duplicates); facts found: {summary.events} events,"
        f" {summary.quotes} quotes, {summary.entities} entities"
        f" -> {settings.db_target}"
    )
    if summary.outdated:
        click.echo(
            f"{summary.outdated} stored articles have facts from an older extractor;"
            " `newsledger reextract --all` brings them up to date",
            err=True,
        )
    if summary.failed:
        sys.exit(1)


@cli.command()
@click.argument("feeds", nargs=-1, required=True)
@db_option
@click.option("--pipeline", default=None, help=_help("spacy_pipeline"))
@click.option("--once", is_flag=True, help="Run one round and exit (for cron).")
@_seconds_option("--interval", 900.0, "Seconds between two polls of a feed.")
@_seconds_option("--host-delay", 1.0, "Seconds between two requests to the same host.")
@_seconds_option(
    "--max-backoff", 21600.0, "Longest wait, in seconds, before retrying a failing feed."
)
@_seconds_option("--timeout", 20.0, "Seconds to wait for a server's answer.")
def watch(
    feeds: tuple[str, ...],
    db: str | None,
    pipeline: str | None,
    once: bool,
    interval: float,
    host_delay: float,
    max_backoff: float,
    timeout: float,
) -> None:
    """Keep the store current from feeds: FEEDS are feed URLs, files with one URL
    a line, or OPML files.

    Polls every --interval seconds with conditional GETs; new and changed items
    are fetched, extracted and stored, one line each, and a summary line per
    round. Ctrl-C or SIGTERM stops after the article in progress. With --once,
    exits 1 when a feed or item failed.
    """
    import threading

    from newsledger.ingest.watch import feed_list
    from newsledger.store import open_store
    from newsledger.watcher import Watcher, WatchOptions

    listed = feed_list(feeds)
    for failure in listed.failures:
        click.echo(f"error: {failure.line()}", err=True)
    if not listed.urls:
        raise click.ClickException("no feed URLs to watch")
    settings = _settings(db=db, spacy_pipeline=pipeline)
    options = WatchOptions(interval, host_delay, max_backoff, timeout)
    stop = threading.Event()

    def stopping(signum: int, frame: object) -> None:
        if not stop.is_set():
            click.echo("stopping after the article in progress", err=True)
        stop.set()

    previous = {sig: signal.signal(sig, stopping) for sig in _STOP_SIGNALS}
    try:
        with open_store(settings.db_target) as store:
            watcher = Watcher(
                store,
                settings,
                options,
                stop=stop,
                echo=click.echo,
                warn=lambda line: click.echo(line, err=True),
            )
            rounds = watcher.run(listed.urls, once=once)
    except NewsledgerError as err:
        raise click.ClickException(str(err)) from err
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    failed = listed.failures or any(r.failed_feeds or r.failed_items for r in rounds)
    if once and failed:
        sys.exit(1)


@cli.command()
@click.option("--company", default=None, help="Only articles that name this company.")
@click.option("--since", type=click.DateTime(formats=["%Y-%m-%d"]), default=None)
@click.option("--until", type=click.DateTime(formats=["%Y-%m-%d"]), default=None)
@click.option("--all", "everything", is_flag=True, help="Every stored article.")
@click.option("--details", is_flag=True, help="List each fact added, removed or changed.")
@output_options
@click.option("--pipeline", default=None, help=_help("spacy_pipeline"))
@db_option
@click.option("--workers", type=int, default=None, help=_help("workers"))
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
def reextract(
    company: str | None,
    since: Any,
    until: Any,
    everything: bool,
    details: bool,
    fmt: str,
    pipeline: str | None,
    db: str | None,
    workers: int | None,
    quiet: bool,
) -> None:
    """Run the current extractor again over stored articles and replace their facts.

    Select with --company, --since/--until (publication dates), or --all. Articles
    whose facts this extractor version made already are skipped, so an interrupted
    run can be run again. Prints the facts added, removed and changed per type;
    --details (and --json) per article. Exits non-zero when any article failed.
    """
    from newsledger.pipeline import reextract as run_reextract

    if not (everything or company or since or until):
        raise click.UsageError("say which articles: --company, --since/--until, or --all")
    settings = _settings(db=db, spacy_pipeline=pipeline, workers=workers)
    summary = _on_store(
        settings,
        lambda store: run_reextract(
            store,
            settings,
            company=company,
            since=_date(since),
            until=_date(until),
            on_failure=_echo_failure,
            progress=not quiet,
        ),
        also=ValueError,  # a company the store does not know
    )
    emit_reextract(summary, details, fmt)
    if summary.failed:
        sys.exit(1)


EVENT_COLUMNS = (
    "date",
    "company",
    "type",
    "summary",
    "sources",
    "conflict",
    "evidence_text",
)


@cli.command()
@click.option("--company", default=None, help="Company name or alias.")
@click.option("--type", "type_", default=None, help="Event type (layoff, financial, ...).")
@click.option("--since", type=click.DateTime(formats=["%Y-%m-%d"]), default=None)
@click.option("--until", type=click.DateTime(formats=["%Y-%m-%d"]), default=None)
@click.option("--text", default=None, help="Words the evidence sentence contains.")
@page_options
@output_options
@db_option
def events(
    company: str | None,
    type_: str | None,
    since: Any,
    until: Any,
    text: str | None,
    limit: int,
    offset: int,
    fmt: str,
    db: str | None,
) -> None:
    """List events, newest first, with their evidence."""
    query = _open_query(db)
    filters = {"company": company, "type": type_, "since": _date(since), "until": _date(until)}
    items = _listing(
        lambda n, skip: query.events(**filters, text=text, limit=n, offset=skip), limit, offset
    )
    rows = [flat_event(r) for r in items]
    emit_events(rows, EVENT_COLUMNS if fmt == "table" else event_columns(rows, fmt), fmt)


@cli.command()
@click.argument("company")
@click.option(
    "--with-subsidiaries",
    is_flag=True,
    help="Add the events of its subsidiaries and brands, as articles name them "
    "('Alphabet's Google'); each event keeps the company its article named.",
)
@output_options
@db_option
def timeline(company: str, with_subsidiaries: bool, fmt: str, db: str | None) -> None:
    """A company's events in date order, with its job cuts totalled."""
    query = _open_query(db)
    result = query.timeline(company, with_subsidiaries=with_subsidiaries)
    if result is None:
        raise click.ClickException(f"no company named {company!r} in the database")
    rows = [flat_event(r) for r in result.events]
    if fmt == "json":
        click.echo(json.dumps(result.to_dict(), indent=2, ensure_ascii=False, default=str))
        return
    emit_events(rows, EVENT_COLUMNS if fmt == "table" else event_columns(rows, fmt), fmt)
    if fmt == "table":
        click.echo(f"\n{result.company.name}: {result.jobs_cut_total:,} jobs cut in all")
        from newsledger.query.format import revision_chain, sentence, stated_amount

        for fig in result.figures:  # each figure alone: none is added to another
            chain = f"  [{revision_chain(fig)}]" if fig.revised else ""
            also = ", ".join(stated_amount(e) for e in fig.same_article)
            also = f"  (the same article also gives {also})" if also else ""
            click.echo(f"  {sentence(fig.event)}{chain}{also}")
        if result.subsidiaries:
            click.echo(f"with its subsidiaries and brands: {', '.join(result.subsidiaries)}")


@cli.command()
@click.option("--speaker", default=None, help="Speaker name or alias.")
@click.option("--company", default=None, help="The speaker's organisation.")
@page_options
@output_options
@db_option
def quotes(
    speaker: str | None, company: str | None, limit: int, offset: int, fmt: str, db: str | None
) -> None:
    """List quotes with their speakers."""
    query = _open_query(db)
    items = _listing(
        lambda n, skip: query.quotes(speaker=speaker, company=company, limit=n, offset=skip),
        limit,
        offset,
    )
    rows = [r.to_dict() for r in items]
    emit(rows, ("published", "speaker", "speaker_role", "org", "text"), fmt)


@cli.command()
@click.option(
    "--type",
    "type_",
    type=click.Choice(ENTITY_FILTERS),
    default="company",
    show_default=True,
    help="One type; 'organisation' for every kind of organisation, 'all' for everything.",
)
@click.option("--name", "q", default=None, help="Part of a name or alias.")
@page_options
@output_options
@db_option
def entities(type_: str, q: str | None, limit: int, offset: int, fmt: str, db: str | None) -> None:
    """List companies (or other organisations, people, places, products), most events first.

    Organisations are typed: company, government, regulator, central_bank,
    intl_body, union, media or university.
    """
    query = _open_query(db)
    items = _listing(
        lambda n, skip: query.entities(type=type_, q=q, limit=n, offset=skip), limit, offset
    )
    rows = [r.to_dict() for r in items]
    emit(rows, ("type", "name", "aliases", "role", "org", "article_count", "event_count"), fmt)


@cli.command()
@click.argument("words", nargs=-1, required=True)
@page_options
@output_options
@db_option
def search(words: tuple[str, ...], limit: int, offset: int, fmt: str, db: str | None) -> None:
    """Full-text search over articles, with snippets."""
    query = _open_query(db)
    text = " ".join(words)
    hits = _listing(lambda n, skip: query.search(text, limit=n, offset=skip), limit, offset)
    rows = []
    for hit in hits:
        row = hit.article.to_dict()
        row["snippet"] = hit.snippet
        rows.append(row)
    emit(rows, ("id", "published", "source", "title", "snippet"), fmt)


@cli.command()
@click.argument("article_id")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@db_option
def show(article_id: str, as_json: bool, db: str | None) -> None:
    """Show one article with its facts."""
    query = _open_query(db)
    view = query.article(article_id)
    if view is None:
        raise click.ClickException(f"no article with id {article_id!r}")
    data = view.to_dict()
    if as_json:
        click.echo(json.dumps(data, indent=2, ensure_ascii=False, default=str))
        return
    art = data["article"]
    click.echo(f"{art.get('title') or '(untitled)'}")
    click.echo(f"{art.get('source') or ''} {art.get('published') or ''}  id {art['id']}\n")
    click.echo(data.get("text", ""))
    click.echo("\nEvents:")
    for record in view.events:
        row = flat_event(record)
        click.echo(f"  [{row['type']}] {row.get('company') or ''}: {row['summary']}")
        click.echo(f"      “{cell(row.get('evidence_text'))}”")
    click.echo("\nQuotes:")
    for quote in view.quotes:
        q = quote.to_dict()
        click.echo(f"  {q.get('speaker') or '?'}: “{cell(q['text'])}”")


@cli.command()
@click.argument("what", type=click.Choice(["events", "quotes", "entities", "articles"]))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["csv", "json", "jsonl", "parquet"]),
    default="csv",
    show_default=True,
)
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path), required=True)
@click.option("--company", default=None, help="Only this company's events or quotes.")
@db_option
def export(what: str, fmt: str, output: Path, company: str | None, db: str | None) -> None:
    """Export events, quotes, entities or articles to CSV, JSON, JSON Lines or Parquet."""
    from newsledger.query.export import export as write_export

    query = _open_query(db)
    rows = list(_all_rows(query, what, company))
    try:
        write_export(rows, fmt, output)
    except NewsledgerError as err:
        raise click.ClickException(str(err)) from err
    click.echo(f"{len(rows)} {what} -> {output}")


def _export_fetch(query: Any, what: str, company: str | None) -> Fetch:
    if what == "events":
        return lambda n, skip: query.events(company=company, limit=n, offset=skip)
    if what == "quotes":
        return lambda n, skip: query.quotes(company=company, limit=n, offset=skip)
    if what == "entities":  # every type: an export is the whole ledger
        return lambda n, skip: query.entities(limit=n, offset=skip)
    return lambda n, skip: query.articles(limit=n, offset=skip)


def _all_rows(query: Any, what: str, company: str | None) -> Iterable[dict[str, Any]]:
    for page in _pages(_export_fetch(query, what, company), None, 0):
        for record in page.items:
            yield flat_event(record) if what == "events" else record.to_dict()


@cli.command()
@page_options
@output_options
@db_option
def failures(limit: int, offset: int, fmt: str, db: str | None) -> None:
    """List inputs that could not be ingested, and why."""
    query = _open_query(db)
    items = _listing(lambda n, skip: query.failures(limit=n, offset=skip), limit, offset)
    rows = [r if isinstance(r, dict) else r.to_dict() for r in items]
    emit(rows, ("at", "input", "stage", "code", "reason"), fmt)


# --- eval commands ---
@cli.command("eval")
@click.argument("gold", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.option("--details", is_flag=True, help="List each article's missed and spurious facts.")
@click.option(
    "--baselines/--no-baselines", default=True, show_default=True, help="Score the baselines too."
)
@click.option("--check-baseline", is_flag=True, help="Fail (exit 1) below a pinned F1 floor.")
@click.option("--update-baseline", is_flag=True, help="Raise the pinned floors to these figures.")
@click.option("--allow-regression", is_flag=True, help="Let --update-baseline lower floors.")
@click.option(
    "--baseline",
    "baseline_path",
    default="eval/baseline.json",
    show_default=True,
    type=click.Path(path_type=Path),
    help="The floors file.",
)
@click.option("--limit", type=int, default=None, help="Score only the first N articles of a set.")
@click.option(
    "--root",
    type=click.Path(path_type=Path, file_okay=False),
    default=None,
    help="Resolve gold 'path's here (default: the gold file's repository root).",
)
@click.option(
    "--fold",
    type=click.Choice(["tune", "check"]),
    default=None,
    help="Score only the articles of this fold (sets named name:fold).",
)
@click.option("--pipeline", default=None, help=_help("spacy_pipeline"))
def eval_command(
    gold: tuple[Path, ...],
    as_json: bool,
    details: bool,
    baselines: bool,
    check_baseline: bool,
    update_baseline: bool,
    allow_regression: bool,
    baseline_path: Path,
    limit: int | None,
    root: Path | None,
    fold: str | None,
    pipeline: str | None,
) -> None:
    """Score the extraction on gold JSONL files: P/R/F1 per fact type and field.

    Example: newsledger eval eval/*.gold.jsonl --check-baseline
    """
    from newsledger.evaluation.command import EvalOptions, run_eval
    from newsledger.pipeline import Extractor

    if check_baseline and update_baseline:
        raise click.UsageError("--check-baseline and --update-baseline exclude each other")
    options = EvalOptions(
        as_json=as_json,
        details=details,
        baselines=baselines,
        gate="update" if update_baseline else "check" if check_baseline else "none",
        allow_regression=allow_regression,
        baseline=baseline_path,
        limit=limit,
        root=root,
        fold=fold,
    )
    settings = _settings(spacy_pipeline=pipeline)
    try:
        outcome = run_eval(
            list(gold),
            lambda: Extractor(settings),
            options,
            progress=lambda msg: click.echo(msg, err=True),
        )
    except NewsledgerError as err:
        raise click.ClickException(str(err)) from err
    click.echo(outcome.text)
    if outcome.exit_code:
        sys.exit(outcome.exit_code)


# (end of eval commands)

# --- serve command ---


@cli.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=int, help="Port to listen on.")
@db_option
@click.option(
    "--token",
    envvar="NEWSLEDGER_TOKEN",
    default=None,
    help="Enable POST /api/articles for requests bearing this token [env: NEWSLEDGER_TOKEN].",
)
def serve(host: str, port: int, db: str | None, token: str | None) -> None:
    """Serve the HTTP API (/api, docs at /api/docs) and the web page.

    Read-only over the store unless a token is given.
    """
    import uvicorn

    from newsledger.web import create_app

    settings = _settings(db=db)
    try:
        app = create_app(settings.db_target, token=token or None, readonly=not token)
    except (NewsledgerError, ValueError) as err:
        raise click.ClickException(str(err)) from err
    click.echo(f"newsledger serving {settings.db_target} on http://{host}:{port}/", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")


# (end of serve command)


def main() -> None:
    cli()
