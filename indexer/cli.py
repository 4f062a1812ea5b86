"""The `archivist` command line: thin click commands over the indexer library.

Each command parses its options, calls one library function and prints the
result, as text for people or as JSON (`--json`) for programs. Errors are one
sentence on stderr that says how to fix them; exit code 2 for bad usage or a
missing path, 1 for a failure.
"""
from __future__ import annotations

import json
import os
import re
import sys
from pathlib import Path

import click

from . import config, export
from .build import NoInput, reindex
from .backend import WriteFailed
from .search import IndexDamaged, IndexNotFound, IndexOutdated, QueryError, open_index
from .storage import IndexLocked


class Fail(click.ClickException):
    def __init__(self, message: str, exit_code: int = 1):
        super().__init__(message)
        self.exit_code = exit_code


def emit_json(data) -> None:
    click.echo(json.dumps(data, ensure_ascii=False))


def choose(setting: str):
    """A callback that puts an option's value, when given, into config (read by the library)."""

    def callback(ctx, param, value):
        if value is not None:
            setattr(config, setting, value)

    return callback


def index_option(command):
    """--index, and the engine that holds the index: --engine, --opensearch-url."""
    command = click.option(
        "--opensearch-url", default=None, expose_value=False, callback=choose("OPENSEARCH_URL"),
        help="The OpenSearch cluster (default: $ARCHIVIST_OPENSEARCH_URL, else http://localhost:9200).",
    )(command)
    command = click.option(
        "--engine", type=click.Choice(config.ENGINES), default=None, expose_value=False, callback=choose("ENGINE"),
        help="The search engine: whoosh, embedded (the default, or $ARCHIVIST_ENGINE), or an opensearch cluster.",
    )(command)
    return click.option(
        "--index",
        "index_dir",
        type=click.Path(path_type=Path),
        default=None,
        help="Index directory (default: $ARCHIVIST_INDEX, else var/index).",
    )(command)


def check_engine() -> None:
    """Fail now, in one sentence, when the chosen engine cannot be used (OpenSearch: unreachable)."""
    if config.ENGINE != "opensearch":
        return
    try:
        from .opensearch.client import ClusterUnavailable, check
    except ImportError:
        raise Fail("the opensearch engine needs opensearch-py - pip install 'archivist-search[opensearch]'", 2) from None
    try:
        check()
    except ClusterUnavailable as exc:
        raise Fail(f"{exc} - start the cluster, or give its address with --opensearch-url "
                   f"or ARCHIVIST_OPENSEARCH_URL") from None


def json_option(command):
    return click.option("--json", "as_json", is_flag=True, help="Print JSON on stdout.")(command)


def load_index(index_dir: Path | None):
    index_dir = index_dir or config.default_index_dir()
    check_engine()
    try:
        return open_index(index_dir)
    except IndexOutdated:
        raise Fail("the index was written by another version of Archivist - run 'archivist reindex --full'", 1) from None
    except IndexDamaged as exc:
        raise Fail(f"the index is damaged ({exc}) - run 'archivist reindex --full' to rebuild it", 1) from None
    except IndexNotFound as exc:
        raise Fail(
            f"no index at '{exc}' - run 'archivist reindex' first",
            exit_code=2,
        ) from None


MARK = re.compile(r"</?mark>")


def terminal_snippet(snippet: str) -> str:
    """The HTML snippet for a terminal: marks as bold, entities decoded."""
    import html

    parts = MARK.split(snippet)
    return "".join(
        click.style(html.unescape(p), bold=True) if i % 2 else html.unescape(p) for i, p in enumerate(parts)
    )


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="archivist-search")
def main():
    """Archivist: full-text search over a news archive."""


@main.command("reindex")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--full", is_flag=True, help="Rebuild every article, not only new and changed files.")
@click.option("--workers", type=click.IntRange(1, 64), default=os.cpu_count() or 1, show_default="all cores",
              help="Processes for cleaning, language and extraction.")
@index_option
@json_option
def reindex_command(paths, full, workers, index_dir, as_json):
    """Index the archive files under PATHS (default: archive/)."""
    paths = list(paths) or [Path(config.DEFAULT_ARCHIVE)]
    index_dir = index_dir or config.default_index_dir()

    def progress(files):
        if as_json or not sys.stderr.isatty():
            return files
        return click.progressbar(files, label="Indexing", file=sys.stderr)

    check_engine()
    try:
        report = reindex(paths, index_dir, full=full, progress=progress, workers=workers)
    except NoInput as exc:
        raise Fail(f"no such file or folder '{exc}' - give the path of an archive folder or file", 2) from None
    except IndexLocked:
        raise Fail(f"another reindex of '{index_dir}' is running - wait for it to finish and try again") from None
    except (OSError, WriteFailed) as exc:
        raise Fail(f"could not write the new index ({exc}); the previous index is still served") from None
    if as_json:
        emit_json(report.to_json())
    else:
        click.echo(
            f"{report.indexed} articles in {index_dir}: {len(report.added)} added, "
            f"{len(report.changed)} changed, {len(report.removed)} removed, "
            f"{len(report.unchanged)} unchanged ({report.seconds:.1f} s)"
        )
    for failure in report.failed:
        click.echo(f"Warning: {failure.source}: {failure.reason}", err=True)
    if report.failed and not report.indexed:
        raise Fail("every input file failed - nothing was indexed; the previous index is still served")


def year_range(year: str | None, year_from: int | None, year_to: int | None) -> dict:
    if year and ".." in year:
        start, _, end = year.partition("..")
        year_from, year_to, year = int(start or 0) or None, int(end or 0) or None, None
    return {"year": int(year) if year else None, "year_from": year_from, "year_to": year_to}


@main.command("search")
@click.argument("query", nargs=-1)
@click.option("--venue", help="Only articles at this venue.")
@click.option("--country", help="Only events in this country.")
@click.option("--year", help="Only this year (or a range: 2019..2021).")
@click.option("--from", "year_from", type=int, help="From this year on.")
@click.option("--to", "year_to", type=int, help="Up to this year.")
@click.option("--lang", help="Only articles in this language (ISO 639-1).")
@click.option("--sort", type=click.Choice(["relevance", "newest", "oldest"]), default="relevance")
@click.option("--page", type=int, default=1)
@click.option("--per-page", type=int, default=10)
@click.option("--explain", is_flag=True, help="Say which fields and terms each hit matched.")
@click.option("--match", type=click.Choice(["all", "any"]), default=None,
              help="Every word, or any word. Left out: every word, then the articles with most of them "
                   "when fewer than a page has every word.")
@index_option
@json_option
def search_command(query, venue, country, year, year_from, year_to, lang, sort, page, per_page, explain, match,
                   index_dir, as_json):
    """Search the index for QUERY (words, "a phrase", field:value)."""
    ix = load_index(index_dir)
    try:
        years = year_range(year, year_from, year_to)
    except ValueError:
        raise Fail(f"--year must be a year or a range like 2019..2021, not '{year}'", 2) from None
    try:
        results = ix.search(
            " ".join(query), venue=venue, country=country, lang=lang,
            sort=sort, page=page, per_page=per_page, explain=explain, match=match, **years,
        )
    except QueryError as exc:
        raise Fail(f"{exc}", 2) from None
    if as_json:
        emit_json(results.to_json())
        return
    if results.notice:
        click.echo(f"Note: {results.notice}", err=True)
    click.echo(f"{results.total} result{'s' if results.total != 1 else ''} (page {results.page} of {results.pages})")
    for rank, hit in enumerate(results.hits, start=(results.page - 1) * results.per_page + 1):
        copies = f"{hit.copies} cop{'y' if hit.copies == 1 else 'ies'}" if hit.copies else ""
        meta = " · ".join(str(v) for v in (hit.published or hit.year, hit.venue, hit.country, hit.language, copies) if v)
        click.echo(f"\n{rank}. {click.style(hit.title, bold=True)}  [{hit.id}]")
        if meta:
            click.echo(f"   {meta}")
        click.echo(f"   {terminal_snippet(hit.snippet)}")
        if hit.explain:
            click.echo(f"   matched: {', '.join(hit.explain)}")


@main.command("quotes")
@click.argument("query", nargs=-1)
@click.option("--speaker", help="Only quotes by this speaker (a surname alone will do).")
@click.option("--page", type=int, default=1)
@click.option("--per-page", type=int, default=20)
@index_option
@json_option
def quotes_command(query, speaker, page, per_page, index_dir, as_json):
    """Search the quote index: who said QUERY, where and when."""
    ix = load_index(index_dir)
    try:
        results = ix.quotes(" ".join(query), speaker=speaker, page=page, per_page=per_page)
    except QueryError as exc:
        raise Fail(f"{exc}", 2) from None
    if as_json:
        emit_json(results.to_json())
        return
    click.echo(f"{results.total} quote{'s' if results.total != 1 else ''}")
    for hit in results.hits:
        earliest = "first here" if hit.first else f"first in {hit.first_article}"
        who = ", ".join(v for v in (hit.speaker or "unknown speaker", hit.role) if v)
        click.echo(f"\n“{terminal_snippet(hit.text)}”")
        click.echo(f"   — {click.style(who, bold=True)} · {hit.date or 'no date'} · [{hit.article} ¶{hit.paragraph}] · {earliest}")


@main.command("show")
@click.argument("ids", nargs=-1, required=True)
@index_option
@json_option
def show_command(ids, index_dir, as_json):
    """Print the full records of articles by ID, one JSON object per line."""
    ix = load_index(index_dir)
    missing = []
    for article_id in ids:
        article = ix.article(article_id)
        if article is None:
            missing.append(article_id)
            continue
        if as_json:
            emit_json(article.to_json())
        else:
            click.echo(click.style(article.title, bold=True))
            click.echo(f"{article.id} · {article.source} · {article.published or article.year or 'no date'} · {article.language}")
            for paragraph in article.paragraphs:
                click.echo(f"\n[{paragraph.n} {paragraph.language}] {paragraph.text}")
            for removed in article.removed:
                click.echo(f"\n(removed, {removed.reason}) {removed.text}")
            click.echo()
    if missing:
        raise Fail(f"no article with id {', '.join(repr(m) for m in missing)} - 'archivist search' lists ids", 1)


@main.command("export")
@click.argument("query", nargs=-1)
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv"]), default="jsonl", show_default=True)
@index_option
def export_command(query, fmt, index_dir):
    """Print every (matching) article's record, as JSON lines or CSV."""
    ix = load_index(index_dir)
    try:
        articles = ix.articles(" ".join(query))
    except QueryError as exc:
        raise Fail(f"{exc}", 2) from None
    lines = export.json_lines(articles) if fmt == "jsonl" else export.csv_lines(articles)
    for line in lines:
        sys.stdout.write(line)


@main.command("stats")
@index_option
@json_option
def stats_command(index_dir, as_json):
    """Counts, facets, index size and the time of the last reindex."""
    stats = load_index(index_dir).stats()
    if as_json:
        emit_json(stats)
        return
    click.echo(f"{stats['articles']} articles in {stats['index']} ({stats['index_bytes'] / 1e6:.1f} MB)")
    for name, values in stats["facets"].items():
        shown = ", ".join(f"{v['value']} ({v['count']})" for v in values[:10]) or "-"
        click.echo(f"{name}: {shown}")


@main.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to bind; 0.0.0.0 exposes it to the network.")
@click.option("--port", type=int, default=5000, show_default=True)
@click.option("--threads", type=int, default=8, show_default=True)
@click.option("--api-rate", type=int, default=config.API_RATE_PER_MINUTE, show_default=True,
              help="API requests a minute per client address; 0 for no limit.")
@index_option
def serve_command(host, port, threads, api_rate, index_dir):
    """Serve the web UI with waitress."""
    import logging

    import waitress

    from webui import create_app

    index_dir = index_dir or config.default_index_dir()
    load_index(index_dir)  # fail now, with the fix, rather than on the first request
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    app = create_app({"INDEX_DIR": str(index_dir), "API_RATE_PER_MINUTE": api_rate})
    click.echo(f"Archivist is serving {index_dir} on http://{host}:{port}/  (Ctrl+C to stop)", err=True)
    waitress.serve(app, host=host, port=port, threads=threads, ident="archivist")


if __name__ == "__main__":
    main()
