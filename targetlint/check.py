"""``targetlint check``: configuration → files → findings → baseline → report → exit code.

Exit codes: 0 clean; 1 findings at or above each file's fail-on, or stale
baseline entries; 2 configuration, usage, I/O or internal errors.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from targetlint import __version__, os_errors
from targetlint.command import EXIT_CLEAN, EXIT_ERROR, CheckOptions, exit_code
from targetlint.i18n import Message

if TYPE_CHECKING:
    from targetlint.baseline import BaselineError


def _selects(overrides) -> bool:
    return bool(overrides.select or overrides.ignore or overrides.extend_select)


def run_check(args: CheckOptions, catalogue, report_error) -> int:
    """Check as ``args`` say with the rules of ``catalogue`` (whose own errors
    were reported when it was loaded)."""
    from targetlint.config import ConfigError, Overrides
    from targetlint.selection import UnknownSelector, expand

    lang = args.lang or args.locale_lang or "zh"
    if args.prune_baseline and not args.baseline:
        report_error("--prune-baseline 需要与 --baseline 一起使用", "--prune-baseline needs --baseline", lang)
        return EXIT_ERROR
    if args.baseline and args.write_baseline:
        report_error(
            "--baseline 与 --write-baseline 不能同时使用", "--baseline and --write-baseline cannot be combined", lang
        )
        return EXIT_ERROR
    overrides = Overrides(
        select=args.selection.select,
        ignore=args.selection.ignore or [],
        extend_select=args.selection.extend_select or [],
        fail_on=args.fail_on,
        lang=args.lang,
        profile=args.profile,
    )
    from targetlint.planner import Planner

    try:
        planner = Planner(catalogue, overrides, args.config)
        # Rule files from the configuration and profile define codes the flags may name.
        named = planner.catalogue_for(planner.global_config(args.first_path)) if _selects(overrides) else catalogue
    except ConfigError as error:
        report_error(error.message("zh"), error.message("en"), lang)
        return EXIT_ERROR
    for selectors in (overrides.select or [], overrides.ignore, overrides.extend_select):
        try:
            expand(named, selectors)
        except UnknownSelector as error:
            report_error(
                f"未知的规则：{error.selector}{error.hint[0]}（见 targetlint rules）",
                f"unknown rule: {error.selector}{error.hint[1]} (see targetlint rules)",
                lang,
            )
            return EXIT_ERROR
    user_errors: tuple[type[ConfigError | BaselineError], ...] = (ConfigError,)
    if args.baseline or args.write_baseline:  # baseline code is imported only when used
        from targetlint.baseline import BaselineError

        user_errors += (BaselineError,)
    try:
        return _run(args, planner, report_error, args.color)
    except user_errors as error:
        report_error(error.message("zh"), error.message("en"), lang)
        return EXIT_ERROR


def _run(args: CheckOptions, planner, report_error, color: bool) -> int:
    from targetlint.gitignore import gitignored
    from targetlint.parallel import default_jobs
    from targetlint.runner import RunResult, check_files, check_source, collect
    from targetlint.source import MAX_FILE_SIZE, decode

    overrides = planner.overrides
    paths = list(args.targets)
    reading_stdin = args.reading_stdin
    lang = args.lang or planner.global_config(args.first_path).settings.lang or args.locale_lang or "zh"
    output_format = args.output_format or (
        "github" if os.environ.get("GITHUB_ACTIONS") == "true" and not args.output_file else "text"
    )
    if args.show_settings is not None:
        from targetlint.show import settings_text

        sys.stdout.write(settings_text(planner, args.show_settings, lang))
        return EXIT_ERROR if _rule_errors(planner) else EXIT_CLEAN
    from targetlint.reporters import BINARY_FORMATS

    if output_format in BINARY_FORMATS and not args.output_file:
        report_error(
            f"--format {output_format} 写出的是 Excel 文件：请用 -o 指定文件名，如 -o findings.xlsx",
            f"--format {output_format} writes a workbook: name the file with -o, e.g. -o findings.xlsx",
            lang,
        )
        return EXIT_ERROR
    keep_sources = output_format == "text" or args.show_source
    # The one place standard input is read, for the check and the fixer alike.
    # Read one byte past the size limit, no more: `yes | targetlint check -`
    # must end with a too-large finding, not with the memory exhausted.
    data = sys.stdin.buffer.read((args.max_file_size or MAX_FILE_SIZE) + 1) if reading_stdin else None
    if args.fix or args.diff:
        from targetlint import fix_command

        fixed = fix_command.run(args, planner, lang, data)
        if fixed.complete:
            _report_rule_errors(planner, lang, report_error)
            # --diff and a fixed standard input end here: --exit-zero speaks for findings, not for a diff.
            return exit_code(
                errors=fixed.errors or _rule_errors(planner),
                failing=fixed.failing,
                exit_zero=args.exit_zero and not args.diff,
            )

    if data is not None:
        result = RunResult()
        name = args.stdin_name
        # pre-commit and editors pass the real name: its configuration applies, exclusions included.
        from targetlint.workbook_source import is_encrypted, is_workbook

        if args.stdin_filename and planner.excluded(name):
            pass
        elif is_workbook(data) or is_encrypted(data):  # a workbook piped in is checked in place too
            from targetlint.runner import check_workbook

            result.add(check_workbook(data, name, planner.plan(name)), planner.plan(name))
        else:
            check_source(
                None,
                decode(data, name, max_size=args.max_file_size or MAX_FILE_SIZE),
                result,
                keep_sources,
                planner.plan(name),
            )
        _report_rule_errors(planner, lang, report_error)
    else:
        notices: list[Message] = []
        files, errors = collect(paths, planner.excluded_directory, notices, gitignored(args.respect_gitignore))
        for notice in notices:  # nothing to check is neither an error nor an all-clear
            report_error(notice.zh, notice.en, lang)
        found = len(files)
        files = [path for path in files if not planner.excluded(path)]
        if not files and not errors:
            # A configuration above the repository that excludes everything
            # must not pass for a clean run: say which one decided.
            report_error(*_nothing_checked(planner, paths, found - len(files)), lang)
        if args.show_files:
            for error in errors:
                report_error(error.zh, error.en, lang)
            sys.stdout.write("".join(f"{path}\n" for path in files))
            return EXIT_ERROR if errors else EXIT_CLEAN
        for path in files:  # resolve every configuration before any work, so a bad one fails fast
            planner.plan(path)
        # Text output is printed file by file as results arrive and not kept,
        # so memory follows the largest file, not the corpus. Baselines,
        # statistics and the formats that are not spooled keep them.
        streaming = output_format in ("text", "concise") and not (
            args.baseline or args.write_baseline or args.output_file or args.statistics
        )
        # JSON and SARIF are spooled to disk file by file and written at the end.
        from targetlint.reporters import STREAMED_FORMATS

        spooled = output_format in STREAMED_FORMATS and not (args.baseline or args.write_baseline or args.statistics)
        cache = _cache(args)
        render_key = f"{output_format}|{lang}|{color}|{args.show_source}" if streaming and cache is not None else None
        from targetlint.progress import progress_for

        progress = progress_for(len(files), lang)
        on_file = _streamer(args, output_format, lang, color, cache, render_key, progress) if streaming else None
        report, codes = None, set[str]()
        if spooled:
            report, on_file = _spooler(output_format, lang, codes)
        result = check_files(
            None,
            files,
            plans=planner.plan,
            jobs=args.jobs or default_jobs(),
            cache=cache,
            on_file=on_file,
            on_done=progress.advance if progress is not None else None,
            render_key=render_key,
            max_file_size=args.max_file_size or MAX_FILE_SIZE,
        )
        if progress is not None:
            progress.clear()
        if cache is not None:
            _prune_cache(cache.directory, lang, report_error)
        result.errors[:0] = errors
        _report_rule_errors(planner, lang, report_error)
        if streaming or report is not None:
            for error in result.errors:
                report_error(error.zh, error.en, lang)
        if streaming:
            return _finish_stream(args, planner, result, lang, color)
        if report is not None:
            context = _context(args, planner, result, codes, lang, color)
            return _finish_report(args, report, context, planner, result, lang, report_error)
    for error in result.errors:
        report_error(error.zh, error.en, lang)

    findings = sorted(result.findings, key=lambda f: f.sort_key())
    stale = 0
    if args.write_baseline:
        return _write_baseline(args, findings, result, planner, lang)
    if args.baseline:
        findings, stale = _apply_baseline(args, findings, result, lang)

    context = _context(args, planner, result, {f.code for f in findings}, lang, color)
    context.stale = stale
    if not _emit(args, output_format, findings, context, lang, report_error):
        return EXIT_ERROR

    from targetlint.rule import Severity

    default = Severity(overrides.fail_on or "error")
    failing = any(
        f.severity.rank >= (result.checked[f.path].fail_on if f.path in result.checked else default).rank
        for f in findings
    )
    return exit_code(
        errors=bool(result.errors or result.crashed or _rule_errors(planner)),
        failing=failing or bool(stale),
        exit_zero=args.exit_zero,
    )


def _nothing_checked(planner, paths: list[str], excluded: int) -> tuple[str, str]:
    used = [path for path in dict.fromkeys(planner.global_config(path).path for path in paths) if path]
    zh_used = "、".join(used) if used else "未找到配置文件，使用默认设置"
    en_used = ", ".join(used) if used else "no configuration file found; defaults apply"
    if excluded:
        return (
            f"没有检查任何文件：{excluded} 个文件被配置的 exclude 排除（所用配置：{zh_used}）",
            f"no file was checked: {excluded} file(s) excluded by the configuration's exclude "
            f"(configuration used: {en_used})",
        )
    return f"没有检查任何文件（所用配置：{zh_used}）", f"no file was checked (configuration used: {en_used})"


def _rule_errors(planner) -> bool:
    """Whether loading or planning the rules met an error (the run exits 2)."""
    return bool(planner.catalogue.errors or planner.errors)


def _report_rule_errors(planner, lang: str, report_error) -> None:
    # Rules that failed to be created while planning (see plugins.instantiate);
    # the catalogue's own errors were reported when it was loaded.
    for error in planner.errors:
        report_error(f"插件 {error.plugin}：{error.error}", f"plugin {error.plugin}: {error.error}", lang)


def cache_directory(cache_dir: str | None) -> Path:
    from targetlint.cache import DEFAULT_DIRECTORY

    return Path(cache_dir or os.environ.get("TARGETLINT_CACHE_DIR") or DEFAULT_DIRECTORY)


def _prune_cache(directory: Path, lang: str, report_error) -> None:
    """Keep the cache bounded (see cache_pruning): at most once a day, and
    under $TARGETLINT_CACHE_MAX_SIZE (default 512MB)."""
    from targetlint.cache_pruning import DEFAULT_MAX_SIZE, prune_if_due
    from targetlint.sizes import parse_size

    setting = os.environ.get("TARGETLINT_CACHE_MAX_SIZE", "")
    max_size = parse_size(setting) if setting else DEFAULT_MAX_SIZE
    if max_size is None:
        report_error(
            f"TARGETLINT_CACHE_MAX_SIZE={setting!r} 不是有效的大小（如 200MB），按默认 512MB 处理",
            f"TARGETLINT_CACHE_MAX_SIZE={setting!r} is not a size (such as 200MB); using the default 512MB",
            lang,
        )
        max_size = DEFAULT_MAX_SIZE
    prune_if_due(directory, max_size=max_size)


def _cache(args: CheckOptions):
    if args.no_cache:
        return None
    from targetlint.cache import Cache

    return Cache(cache_directory(args.cache_dir))


def _streamer(args, output_format, lang, color, cache=None, render_key=None, progress=None):
    from targetlint.reporters import ReportContext
    from targetlint.reporters.text import block
    from targetlint.runner import RunResult
    from targetlint.source import MAX_FILE_SIZE

    # Excerpts re-read only files that have findings, and no more than the check did.
    lines = RunResult(read_limit=args.max_file_size or MAX_FILE_SIZE).source_lines
    context = ReportContext(
        lang=lang, color=color, sources=lines, tool_version=__version__, show_source=args.show_source
    )
    full = output_format == "text" or args.show_source

    def emit(outcome) -> None:
        text = outcome.rendered
        if text is None:
            text = block(outcome.findings, context, full, outcome.projects)
            # Keep the rendering for the next run over the unchanged file: a
            # warm run then prints it without rebuilding a single finding.
            if cache is not None and outcome.cache_entry:
                cache.keep_rendering(outcome.cache_entry, f"{render_key}|{outcome.path}", text)
        if progress is not None:  # the progress line shares the terminal: blank it first
            progress.clear()
        sys.stdout.write(text)
        if progress is not None:
            sys.stdout.flush()

    return emit


def _cannot_write(path: str, error: OSError, lang: str, report_error) -> None:
    reason = os_errors.reason(error)
    report_error(f"{path}：无法写入（{reason.zh}）", f"{path}: cannot be written ({reason.en})", lang)


def _spooler(output_format: str, lang: str, codes: set[str]):
    """A format's Report, and what hands it each file's findings (sorted by
    the runner) as they arrive; ``codes`` collects the codes reported."""
    from importlib import import_module

    from targetlint.reporters import FORMATS, ReportContext

    report = import_module(FORMATS[output_format]).Report(ReportContext(lang=lang, tool_version=__version__))

    def add(outcome) -> None:
        codes.update(finding.code for finding in outcome.findings)
        report.add(outcome.findings)

    return report, add


def _finish_report(args, report, context, planner, result, lang, report_error) -> int:
    """Write a spooled report (standard output, or ``-o`` replaced at once when complete)."""
    from targetlint.reporters.text import summary

    if args.output_file:
        from targetlint.atomic import writing_atomic

        try:
            with writing_atomic(args.output_file) as handle:
                report.finish(context, lambda text: handle.write(text.encode("utf-8")))
        except OSError as error:
            _cannot_write(args.output_file, error, lang, report_error)
            return EXIT_ERROR
        if not args.quiet:
            where = _written(args.output_file).text(lang)
            sys.stdout.write(f"{summary((), context, result.counts)}\n{where}\n")
    else:
        report.finish(context, sys.stdout.write)
    sys.stdout.flush()
    return exit_code(
        errors=bool(result.errors or result.crashed or _rule_errors(planner)),
        failing=result.failing,
        exit_zero=args.exit_zero,
    )


def _finish_stream(args, planner, result, lang, color) -> int:
    from targetlint.reporters import ReportContext
    from targetlint.reporters.text import summary

    if not args.quiet:
        context = ReportContext(
            lang=lang,
            color=color,
            files_checked=result.files,
            declarations_checked=result.declarations,
            tool_version=__version__,
            files_skipped=result.skipped,
            errors=_messages(result.errors, lang),
            successful=not (result.errors or result.crashed or _rule_errors(planner)),
        )
        sys.stdout.write(summary((), context, result.counts) + "\n")
    sys.stdout.flush()
    return exit_code(
        errors=bool(result.errors or result.crashed or _rule_errors(planner)),
        failing=result.failing,
        exit_zero=args.exit_zero,
    )


def _context(args, planner, result, codes: set[str], lang, color):
    """The report's context; ``codes``: the codes of the findings reported."""
    from targetlint.reporters import ReportContext, RuleInfo

    enabled = set().union(*(plan.enabled for plan in result.checked.values())) if result.checked else set()
    enabled |= codes
    rules = {}
    for rule in planner.run_catalogue.sorted_rules():
        if rule.code in enabled:
            fixable = str(rule.fixable) if rule.fixable else None
            rules[rule.code] = RuleInfo(
                rule.code,
                rule.name,
                str(rule.severity),
                rule.summary(lang),
                rule.doc(lang),
                fixable,
                rule.origin,
                rule.how_to_fix(lang),
            )
    return ReportContext(
        lang=lang,
        color=color and not args.output_file,
        files_checked=result.files,
        declarations_checked=result.declarations,
        rules=rules,
        sources=result.source_lines,
        tool_version=__version__,
        show_source=args.show_source,
        paths=list(result.checked),
        step_summary=os.environ.get("GITHUB_STEP_SUMMARY") or None,
        successful=not (result.errors or result.crashed or _rule_errors(planner)),
        projects=result.projects,
        fail_on={path: str(plan.fail_on) for path, plan in result.checked.items()},
        files_skipped=result.skipped,
        errors=_messages(result.errors, lang),
    )


def _written(output_file: str) -> Message:
    return Message(f"报告已写入 {output_file}", f"report written to {output_file}")


def _messages(errors: list[Message], lang: str) -> list[str]:
    return [error.text(lang) for error in errors]


def _emit(args, output_format, findings, context, lang, report_error) -> bool:
    from targetlint.command import StatisticsBy
    from targetlint.reporters import get_renderer
    from targetlint.reporters.text import project_statistics, statistics, summary

    if args.statistics_by is StatisticsBy.PROJECT:
        statistics = project_statistics

    if args.output_file:
        from targetlint.atomic import write_atomic

        report = get_renderer(output_format)(findings, context)
        try:
            write_atomic(args.output_file, report if isinstance(report, bytes) else report.encode("utf-8"), force=True)
        except OSError as error:
            _cannot_write(args.output_file, error, lang, report_error)
            return False
        terminal = statistics(findings, context) if args.statistics else ""
        if not args.quiet:
            where = _written(args.output_file).text(lang)
            terminal += f"{summary(findings, context)}\n{where}\n"
        sys.stdout.write(terminal)
    elif args.statistics and output_format == "json":
        import json

        from targetlint.reporters.text import statistic_rows

        rows = [
            {"code": code, "name": name, "count": count, "severities": severities}
            for code, name, count, severities in statistic_rows(findings)
        ]
        if args.statistics_by is StatisticsBy.PROJECT:
            from targetlint.reporters.text import project_statistic_rows

            rows = project_statistic_rows(findings, context)
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
    elif args.statistics:
        sys.stdout.write(statistics(findings, context) + ("" if args.quiet else summary(findings, context) + "\n"))
    else:
        rendered = get_renderer(output_format)(findings, context)
        if args.quiet and output_format in ("text", "concise"):
            rendered = "".join(line + "\n" for line in rendered.rstrip("\n").splitlines()[:-1])
        sys.stdout.write(rendered)
    sys.stdout.flush()
    return True


def _write_baseline(args, findings, result, planner, lang) -> int:
    from targetlint import baseline

    recorded = baseline.record(args.write_baseline, findings, result.checked)
    baseline.save(recorded)
    if not args.quiet:
        total = sum(recorded.entries.values())
        written = Message(
            f"targetlint: 已把 {len(findings)} 个问题写入基线 {args.write_baseline}（基线共 {total} 个）\n",
            f"targetlint: wrote {len(findings)} finding(s) to {args.write_baseline} ({total} in the baseline)\n",
        )
        sys.stderr.write(written.text(lang))
    return exit_code(errors=bool(result.errors or result.crashed or _rule_errors(planner)), failing=False)


def _apply_baseline(args, findings, result, lang):
    """(findings the baseline does not hold, number of stale entries); the run fails on stale entries."""
    from targetlint import baseline

    loaded = baseline.load(args.baseline)
    outcome = baseline.compare(loaded, findings, result.checked)
    hidden = sum(outcome.matched.values())
    if hidden and not args.quiet:
        hidden_note = Message(
            f"targetlint: {hidden} 个已记录在基线 {args.baseline} 中的问题未显示\n",
            f"targetlint: {hidden} finding(s) recorded in {args.baseline} not shown\n",
        )
        sys.stderr.write(hidden_note.text(lang))
    listed = "".join(f"  {baseline.describe(key, count)}\n" for key, count in outcome.stale)
    count = sum(n for _, n in outcome.stale)
    if args.prune_baseline:
        if outcome.stale or outcome.moved:
            baseline.save(baseline.pruned(loaded, outcome))
        if outcome.stale:
            removed = Message(
                f"targetlint: 已从基线 {args.baseline} 删除 {count} 条不再匹配的记录：\n{listed}",
                f"targetlint: removed {count} stale entr(y/ies) from {args.baseline}:\n{listed}",
            )
            sys.stderr.write(removed.text(lang))
        return outcome.new, 0
    if not outcome.stale:
        return outcome.new, 0
    command = _prune_command(args)
    stale_note = Message(
        f"targetlint: 基线 {args.baseline} 中有 {count} 条记录已不再匹配任何问题（已修复或已删除）：\n"
        f"{listed}targetlint: 用以下命令把它们从基线中删除：{command}\n",
        f"targetlint: {count} entr(y/ies) in {args.baseline} no longer match any finding (fixed or deleted):\n"
        f"{listed}targetlint: remove them from the baseline with: {command}\n",
    )
    sys.stderr.write(stale_note.text(lang))
    return outcome.new, count


def _prune_command(args) -> str:
    """The command that prunes what this run found stale: the same baseline,
    configuration and paths (entries of files not checked are never pruned)."""
    import shlex

    words = ["targetlint", "check", "--baseline", args.baseline, "--prune-baseline"]
    if args.config:
        words += ["--config", args.config]
    if args.profile:
        words += ["--profile", args.profile]
    words += args.paths or []
    return shlex.join(words)
