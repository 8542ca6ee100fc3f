"""The ``newsfacts`` command line: a thin layer that parses options, calls the library and reports.

Exit codes: 0 every input processed; 1 an error stopped the command (missing input, bad config, missing
model); 2 a usage error (bad option); 3 the run finished but some inputs were skipped or failed (they are
listed in the summary and recorded in the output's errors).
"""
from __future__ import annotations

import logging
import sys
import time
from typing import Optional

import click

from . import __version__
from .config import Config, ConfigError
from .io.reader import InputError, Skipped, read_inputs

EXIT_SKIPPED = 3

_LABEL_COLOURS = {"PERSON": "magenta", "ORG": "blue", "LOC": "green", "PRODUCT": "cyan"}


def _configure_logging(verbose: int) -> None:
    level = logging.DEBUG if verbose > 1 else logging.INFO if verbose == 1 else logging.WARNING
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")
    # jieba logs its dictionary loading at DEBUG through its own handler; keep it quiet unless asked.
    logging.getLogger("jieba").setLevel(logging.DEBUG if verbose > 1 else logging.WARNING)


def _load_config(path: Optional[str], **overrides) -> Config:
    try:
        return Config.load(path, **overrides)
    except ConfigError as exc:
        raise click.ClickException(str(exc)) from None


def _validate_date(ctx, param, value):
    if value is None:
        return None
    import datetime
    try:
        return datetime.date.fromisoformat(value).isoformat()
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date in the form YYYY-MM-DD") from None


config_option = click.option("--config", "config_path", type=click.Path(exists=True, dir_okay=False),
                             help="A TOML file with a [newsfacts] table of settings (see README).")
date_option = click.option("--date", "default_date", callback=_validate_date, metavar="YYYY-MM-DD",
                           help="Publication date for articles whose file name and dateline give none.")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="newsfacts")
@click.option("-v", "--verbose", count=True, help="More log output (-vv for debug).")
def cli(verbose: int) -> None:
    """Structured fact records from Chinese news text.

    \b
    Example:
      newsfacts run corpora/samples --out facts.sqlite
    """
    _configure_logging(verbose)


@cli.command()
@click.argument("input_path", metavar="INPUT", type=click.Path())
@click.option("--out", default="newsfacts.sqlite", show_default=True,
              help="SQLite database to write, or a .jsonl file (ANNOTATION format), or - for JSONL on stdout.")
@date_option
@config_option
@click.option("--workers", "-j", default=1, show_default=True, type=click.IntRange(1, 64),
              help="Worker processes.")
@click.option("--quiet", "-q", is_flag=True, help="No progress line and no summary.")
def run(input_path: str, out: str, default_date: Optional[str], config_path: Optional[str], workers: int,
        quiet: bool) -> None:
    """Extract entities, times, quantities and facts from every article in INPUT.

    INPUT is a folder (searched recursively for .txt and .md files) or a JSONL / JSONL.gz file of
    {"id", "date", "text"} records. Inputs that cannot be read are skipped, recorded with the reason
    and listed in the summary; the exit code is then 3.

    \b
    Examples:
      newsfacts run corpora/samples
      newsfacts run articles.jsonl.gz --out pd.sqlite -j 2
      newsfacts run corpora/samples --out - | head -1
    """
    from .batch import run_corpus
    from .io.sinks import open_sink

    config = _load_config(config_path)
    try:
        read_inputs(input_path)  # fail fast, before an output file is created
    except InputError as exc:
        raise click.ClickException(str(exc)) from None
    try:
        sink = open_sink(out)
    except OSError as exc:
        raise click.ClickException(f"cannot write {out}: {exc}") from None
    show_progress = not quiet and sys.stderr.isatty()
    last = [0.0]

    def progress(summary) -> None:
        now = time.monotonic()
        if show_progress and now - last[0] > 0.5:
            last[0] = now
            click.echo(f"\r{summary.articles:,} articles, {len(summary.skipped):,} skipped…", err=True, nl=False)

    try:
        summary = run_corpus(input_path, sink, config, default_date=default_date, workers=workers,
                             on_progress=progress)
    except InputError as exc:
        raise click.ClickException(str(exc)) from None
    except _model_errors() as exc:
        raise click.ClickException(str(exc)) from None
    if show_progress:
        click.echo("\r" + " " * 60 + "\r", err=True, nl=False)
    if not quiet:
        _echo_summary(summary, out)
    if not summary.ok:
        sys.exit(EXIT_SKIPPED)


def _model_errors():
    try:
        from .ner import ModelNotFoundError
        return (ModelNotFoundError,)
    except ImportError:
        return ()


def _echo_summary(summary, out: str) -> None:
    rate = summary.chars / summary.elapsed if summary.elapsed else 0.0
    lines = [
        f"articles    {summary.articles:>10,}",
        f"entities    {summary.entities:>10,}",
        f"times       {summary.times:>10,}",
        f"quantities  {summary.quantities:>10,}",
        f"facts       {summary.facts:>10,}",
        f"errors      {len(summary.skipped):>10,}",
        f"elapsed     {summary.elapsed:>9.1f}s  ({rate:,.0f} chars/s)",
    ]
    if out != "-":
        lines.append(f"output      {out}")
    for skipped in summary.skipped:
        lines.append(f"skipped: {skipped.path}: {skipped.reason}")
    click.echo("\n".join(lines), err=out == "-")


@cli.command()
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--id", "article_id", help="The article to show from a JSONL file (default: the first).")
@date_option
@config_option
@click.option("--color/--no-color", default=None, help="Colour highlights (default: when a terminal).")
def show(file: str, article_id: Optional[str], default_date: Optional[str], config_path: Optional[str],
         color: Optional[bool]) -> None:
    """Show one article with its entities, times and quantities highlighted, then its fact records.

    Without colour, spans are marked [like this]LABEL, times as {like this} and quantities as <like this>.

    \b
    Examples:
      newsfacts show corpora/samples/20250701-ai-token-usage.txt
      newsfacts show articles.jsonl.gz --id pd-20191018-02-06
    """
    from .nlp import annotate, build_nlp

    config = _load_config(config_path)
    try:
        items = read_inputs(file, default_date=default_date, max_bytes=config.max_bytes)
        article = None
        for item in items:
            item_id = item.article_id if isinstance(item, Skipped) else item.id
            if article_id is not None and item_id != article_id:
                continue
            if isinstance(item, Skipped):
                raise click.ClickException(f"{item.path}: {item.reason}")
            article = item
            break
    except InputError as exc:
        raise click.ClickException(str(exc)) from None
    if article is None:
        raise click.ClickException(f"no article with id {article_id!r} in {file}")
    try:
        nlp = build_nlp(config)
    except _model_errors() as exc:
        raise click.ClickException(str(exc)) from None
    article = annotate(nlp, article)
    use_colour = sys.stdout.isatty() if color is None else color
    click.echo(click.style(f"{article.id}  date={article.date or '-'}", bold=True), color=use_colour)
    click.echo(render_highlighted(article, use_colour), color=use_colour)
    click.echo()
    for q in article.quantities:
        click.echo(format_fact(article, q))


def render_highlighted(article, colour: bool) -> str:
    """The article text with every span marked (colours, or brackets when ``colour`` is off)."""
    marks = []
    for e in article.entities:
        marks.append((e.start, e.end, "entity", e.label))
    for t in article.times:
        marks.append((t.start, t.end, "time", t.type))
    for q in article.quantities:
        marks.append((q.start, q.end, "quantity", q.kind))
    marks.sort(key=lambda m: (m[0], -m[1]))
    out, pos = [], 0
    text = article.text
    for start, end, what, label in marks:
        if start < pos:  # overlapping spans: the first one wins the highlight
            continue
        out.append(text[pos:start])
        span = text[start:end]
        if colour:
            if what == "entity":
                out.append(click.style(span, fg=_LABEL_COLOURS.get(label, "white"), bold=True))
            elif what == "time":
                out.append(click.style(span, fg="yellow", underline=True))
            else:
                out.append(click.style(span, fg="red", bold=True))
        else:
            out.append({"entity": f"[{span}]{label}", "time": "{" + span + "}", "quantity": f"<{span}>"}[what])
        pos = end
    out.append(text[pos:])
    return "".join(out)


def format_fact(article, q) -> str:
    """One line per fact: value and unit, qualifier, roles."""
    value = q.value if q.value is not None else f"{q.min}..{q.max}"
    roles = []
    for name in ("subject", "metric", "time"):
        span = getattr(q, name)
        roles.append(f"{name}={article.span_text(span) if span else '-'}")
    return (f"{article.span_text(q.span)}\t{q.qualifier} {value} {q.unit or '-'} ({q.kind}, {q.change})\t"
            + " ".join(roles))


def main() -> None:
    cli(prog_name="newsfacts")
