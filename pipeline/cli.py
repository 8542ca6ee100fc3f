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
        if "entities" in config.stages:
            from .ner import check_ner_model
            check_ner_model(config.ner_model_path)
    except InputError as exc:
        raise click.ClickException(str(exc)) from None
    except _model_errors() as exc:
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


# --- eval (issue 3: evaluation harness; pipeline/evaluation/) ----------------------------------------------


@cli.command("eval")
@click.option("--gold", "gold_path", required=True, type=click.Path(exists=True),
              help="A gold *.jsonl file or a folder of them (ANNOTATION.md format).")
@click.option("--pred", "pred_path", type=click.Path(exists=True, dir_okay=False),
              help="Score this JSONL prediction file instead of running the pipeline.")
@click.option("--corpus-root", type=click.Path(file_okay=False),
              help="Where stand-off gold texts live [default: $NEWSFACTS_DATA, else ../shared/data].")
@click.option("--metrics", "metrics_path", type=click.Path(dir_okay=False),
              help="Write the metrics to this JSON file (sorted keys, no timestamps).")
@click.option("--errors", "show_errors", is_flag=True,
              help="List every error per article (missed, spurious, wrong label/boundary/type/value/role).")
@click.option("--role-errors", is_flag=True,
              help="Add a table of fact-role error types with counts (missing, spurious, other span, change).")
@config_option
def eval_command(gold_path: str, pred_path: Optional[str], corpus_root: Optional[str],
                 metrics_path: Optional[str], show_errors: bool, role_errors: bool,
                 config_path: Optional[str]) -> None:
    """Score the pipeline against gold annotations (ANNOTATION.md §5) and print the metrics table.

    Runs the pipeline over the gold articles' texts, or scores the predictions in --pred (for example a
    `newsfacts run --out pred.jsonl` output). Stand-off gold (records without text) is read from the corpus
    root and checked against its text_sha256.

    \b
    Examples:
      newsfacts eval --gold corpora/gold
      newsfacts eval --gold corpora/gold/seed.jsonl --corpus-root ../shared/data --errors
      newsfacts eval --gold corpora/gold --pred pred.jsonl --metrics metrics.json
    """
    from pathlib import Path

    from .evaluation import GoldError, ScoringError, default_corpus_root, evaluate, metrics_json
    from .evaluation.report import evaluation_report

    config = _load_config(config_path) if pred_path is None else None
    root = Path(corpus_root) if corpus_root else default_corpus_root()
    try:
        result = evaluate(gold_path, corpus_root=root, pred_path=pred_path, config=config)
    except (GoldError, ScoringError) as exc:
        raise click.ClickException(str(exc)) from None
    except _model_errors() as exc:
        raise click.ClickException(str(exc)) from None
    source = f"predictions {pred_path}" if pred_path else "the pipeline"
    click.echo(f"gold: {gold_path} ({len(result.gold)} articles), scoring {source}")
    click.echo(evaluation_report(result.evaluation, result.gold, errors=show_errors))
    if role_errors:
        from .evaluation.report import role_error_counts, role_error_table

        click.echo()
        click.echo(role_error_table(role_error_counts(result.gold, result.pred)))
    if metrics_path:
        try:
            Path(metrics_path).write_text(metrics_json(result.metrics()), encoding="utf-8")
        except OSError as exc:
            raise click.ClickException(f"cannot write {metrics_path}: {exc}") from None
        click.echo(f"metrics written to {metrics_path}")

# --- end of eval --------------------------------------------------------------------------------------------


# --- segmentation (issue 5: PKU-standard segmenter, SIGHAN scorer, dictionary build) -----------------------


def _segmenter_options(dictionary: Optional[str], hmm: bool):
    from pathlib import Path

    from .segment import NEWS_DICTIONARY, Segmenter

    path = Path(dictionary) if dictionary else NEWS_DICTIONARY
    if not path.exists():
        raise click.ClickException(f"E_SEGDICT: dictionary {path} is missing; rebuild it with "
                                   f"`newsfacts build-dict --corpus-root ../shared/data --out models/seg-dict`")
    return Segmenter(dictionary=path, hmm=hmm)


@cli.command("segment")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--out", "out_path", default="-", show_default=True, help="Output file, or - for stdout.")
@click.option("--dictionary", type=click.Path(exists=True, dir_okay=False),
              help="A jieba dictionary [default: models/seg-dict/dict.txt].")
@click.option("--no-hmm", is_flag=True, help="No unknown-word HMM.")
def segment_command(file: str, out_path: str, dictionary: Optional[str], no_hmm: bool) -> None:
    """Segment FILE (UTF-8 text) line by line to the PKU standard, words separated by two spaces.

    \b
    Example:
      newsfacts segment ../shared/data/sighan2005/pku_dev.utf8 --out pku_dev.seg
    """
    from .segment import segment_file

    segmenter = _segmenter_options(dictionary, not no_hmm)
    with click.open_file(out_path, "w", encoding="utf-8") as target:
        segment_file(segmenter, file, target)


@cli.command("eval-seg")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.option("--train-words", "train_words", type=click.Path(exists=True, dir_okay=False),
              help="The training word list that defines OOV [default: pku_training_words.utf8 beside GOLD].")
@click.option("--dictionary", type=click.Path(exists=True, dir_okay=False),
              help="Our dictionary [default: models/seg-dict/dict.txt].")
@click.option("--no-baseline", is_flag=True, help="Skip jieba's default dictionary.")
def eval_seg_command(gold: str, train_words: Optional[str], dictionary: Optional[str], no_baseline: bool) -> None:
    """Score segmentation on a SIGHAN gold file (official score: P, R, F, OOV rate, OOV and IV recall).

    Segments the gold file's own text with our segmenter and with jieba's default dictionary, in one run.

    \b
    Examples:
      newsfacts eval-seg ../shared/data/sighan2005/pku_dev_gold.utf8
      newsfacts eval-seg ../shared/data/sighan2005/msr_test_gold.utf8 \\
          --train-words ../shared/data/sighan2005/msr_training_words.utf8
    """
    from pathlib import Path

    from .evaluation.segmentation import SegmentationMismatch, evaluate_segmenter, format_report, read_word_list
    from .segment import Segmenter

    words_path = Path(train_words) if train_words else Path(gold).parent / "pku_training_words.utf8"
    if not words_path.exists():
        raise click.ClickException(f"no training word list at {words_path}; pass --train-words")
    training = read_word_list(words_path)
    systems = {"newsfacts": _segmenter_options(dictionary, True)}
    if not no_baseline:
        systems["jieba-default"] = Segmenter(rules=False)
    try:
        scores = {name: evaluate_segmenter(seg.cut, Path(gold), training) for name, seg in systems.items()}
    except SegmentationMismatch as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(f"gold: {gold}  training words: {words_path} ({len(training):,})")
    click.echo(format_report(scores))


@cli.command("build-dict")
@click.option("--corpus-root", type=click.Path(file_okay=False),
              help="The shared data folder [default: $NEWSFACTS_DATA, else ../shared/data].")
@click.option("--out", "out_dir", default="models/seg-dict", show_default=True, type=click.Path(file_okay=False),
              help="Folder for dict.txt, hmm.json, names.tsv and build.json (domain_words.txt is read from it).")
@click.option("--lines", "max_lines", type=int, help="Use only the first N corpus lines (a quick trial build).")
def build_dict_command(corpus_root: Optional[str], out_dir: str, max_lines: Optional[int]) -> None:
    """Rebuild the news segmentation dictionary from the shared corpora (a few minutes on 2 cores).

    \b
    Example:
      newsfacts build-dict --corpus-root ../shared/data --out models/seg-dict
    """
    from pathlib import Path

    from .dictionary import BuildSettings, MissingCorpus, build_dictionary
    from .evaluation import default_corpus_root

    root = Path(corpus_root) if corpus_root else default_corpus_root()
    try:
        report = build_dictionary(root, Path(out_dir), BuildSettings(max_lines=max_lines))
    except MissingCorpus as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(f"vocabulary {report.vocabulary:,} + {report.domain_words} domain words, "
               f"{len(report.dropped_split_words)} dropped as split by the PKU standard")
    click.echo(f"corpus {report.corpus_lines:,} lines, {report.corpus_chars:,} chars; "
               f"EM tokens {report.tokens_counted}")
    click.echo(f"names: {report.surnames} surnames, {report.given_chars} given-name characters")
    click.echo(f"unknown words: {report.new_words:,} new corpus words, {report.affixes} affixes, "
               f"{report.foreign_name_chars:,} foreign-name characters")
    click.echo(f"written to {out_dir}")

# --- end of segmentation ------------------------------------------------------------------------------------

# --- NER: train ner, eval-ner (issue 6) ---------------------------------------------------------------------


@cli.group()
def train() -> None:
    """Train the models shipped in models/.

    \b
    Example:
      newsfacts train ner --corpus-root ../shared/data
    """


@train.command("ner")
@click.option("--config", "config_file", default="configs/ner.cfg", show_default=True,
              type=click.Path(exists=True, dir_okay=False), help="The spaCy training config.")
@click.option("--corpus-root", type=click.Path(file_okay=False),
              help="The shared data folder [default: $NEWSFACTS_DATA, else ../shared/data].")
@click.option("--work-dir", default="~/.cache/newsfacts/ner-train", show_default=True,
              help="Converted corpora and checkpoints; they hold corpus text, so keep it outside the repository.")
@click.option("--out", "out_dir", default="models/ner-zh", show_default=True, type=click.Path(file_okay=False),
              help="Where the best model is installed (MODEL_CARD.md there is kept).")
@click.option("--max-steps", type=int, help="Stop after this many updates (a quick trial run).")
@click.option("--cluener/--no-cluener", default=True, show_default=True,
              help="Mix CLUENER 2020 into the training data (--no-cluener: MSRA alone, an ablation).")
def train_ner_command(config_file: str, corpus_root: Optional[str], work_dir: str, out_dir: str,
                      max_steps: Optional[int], cluener: bool) -> None:
    """Train the NER model from configs/ner.cfg on MSRA (90%), CLUENER 2020 and evaluate on MSRA (10%).

    About 80 minutes on one core; set OMP_NUM_THREADS=1 on a shared machine. A config with a
    [pretraining] block (configs/ner-pretrain.cfg) first pretrains the encoder on the People's Daily
    articles (spacy pretrain; its weights are kept in the work folder and reused).

    \b
    Examples:
      newsfacts train ner --corpus-root ../shared/data
      newsfacts train ner --max-steps 200 --out /tmp/ner-trial
      newsfacts train ner --config configs/ner-pretrain.cfg --out /tmp/ner-pretrained
    """
    from pathlib import Path

    from .evaluation import default_corpus_root
    from .training.ner_train import train_ner

    root = Path(corpus_root) if corpus_root else default_corpus_root()
    overrides = {"training.max_steps": max_steps} if max_steps else None
    try:
        run = train_ner(config=Path(config_file), data_root=root, work_dir=Path(work_dir).expanduser(),
                        output_dir=Path(out_dir), overrides=overrides, use_cluener=cluener)
    except FileNotFoundError as exc:
        raise click.ClickException(f"{exc} (is --corpus-root the shared data folder?)") from None
    except ImportError as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(f"sentences: {run.sentences}")
    click.echo(f"model installed in {run.model_dir}; {run.seconds / 60:.1f} min, peak RSS {run.peak_rss_mb:.0f} MB")


@cli.command("eval-ner")
@click.argument("bio_file", metavar="FILE.bio", type=click.Path(exists=True, dir_okay=False))
@click.option("--model", "model_dir", type=click.Path(file_okay=False), help="Model folder [default: models/ner-zh].")
@click.option("--rules/--no-rules", default=False, show_default=True,
              help="Add the rule layer (PRODUCT/ORG rules, ANNOTATION.md filters) to the statistical model.")
def eval_ner_command(bio_file: str, model_dir: Optional[str], rules: bool) -> None:
    """Strict entity P/R/F per label on a character BIO file (MSRA `char<TAB>tag` or `char tag`).

    By default the statistical model alone is scored, as it was trained to the corpus conventions; --rules
    scores what the pipeline outputs. Only labels present in the gold file are scored.

    \b
    Example:
      newsfacts eval-ner ~/.cache/newsfacts/ner-train/data/msra-dev.bio
    """
    from .evaluation.bio import format_scores, read_bio
    from .ner import DEFAULT_MODEL_DIR, EntityRecognizer, ModelNotFoundError, score_bio

    try:
        recognizer = EntityRecognizer(model_dir or DEFAULT_MODEL_DIR, use_rules=rules)
    except ModelNotFoundError as exc:
        raise click.ClickException(str(exc)) from None
    try:
        sentences = read_bio(bio_file)
    except ValueError as exc:
        raise click.ClickException(f"{bio_file}: {exc}") from None
    started = time.perf_counter()
    scores = score_bio(recognizer, sentences)
    elapsed = time.perf_counter() - started
    click.echo(format_scores(scores))
    chars = sum(len(s.chars) for s in sentences)
    click.echo(f"{len(sentences):,} sentences, {chars:,} chars, {chars / elapsed:,.0f} chars/s")

# --- end of NER ---------------------------------------------------------------------------------------------
