"""Command line: ``targetlint check``, ``rule``, ``rules``, ``import``.

Exit codes follow ruff, sqlfluff and ESLint: 0 clean, 1 findings at or above
``--fail-on``, 2 usage, configuration or internal errors.
"""

from __future__ import annotations

import argparse
import os
import re
import sys

from targetlint import __version__, escape
from targetlint.command import EXIT_CLEAN, EXIT_ERROR, CheckOptions, RuleSelection, StatisticsBy

# Kept here rather than imported from targetlint.reporters so that building
# the parser imports no reporter.
_FORMAT_NAMES = ["text", "concise", "json", "sarif", "github", "gitlab", "junit", "html", "xlsx"]
# `targetlint report -o FILE`: the format each file name asks for.
_REPORT_SUFFIXES = {".html": "html", ".htm": "html", ".xlsx": "xlsx"}


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # usage errors exit 2 with the usage line, like every anchor
        self.print_usage(sys.stderr)
        self.exit(EXIT_ERROR, f"targetlint: 错误 / error: {message}\n")


def _split(values: list[str] | None) -> list[str] | None:
    if values is None:
        return None
    return [part for value in values for part in value.split(",") if part.strip()]


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number ≥ 1, got {text!r}")
    return value


def _milliseconds(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = -1
    if value < 0:
        raise argparse.ArgumentTypeError(f"expected a whole number of milliseconds ≥ 0, got {text!r}")
    return value


def _size(text: str) -> int:
    units = {"": 1, "b": 1, "k": 1024, "kb": 1024, "m": 1024**2, "mb": 1024**2, "g": 1024**3, "gb": 1024**3}
    number = text.strip().lower().rstrip("ib") if text.strip().lower().endswith("ib") else text.strip().lower()
    digits = number.rstrip("kmgb")
    try:
        value = float(digits) * units[number[len(digits) :]]
    except (ValueError, KeyError):
        raise argparse.ArgumentTypeError(f"expected a size such as 500KB or 5MB, got {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a positive size, got {text!r}")
    return int(value)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="targetlint",
        description="财政项目支出绩效目标申报表检查工具 / linter for budget performance-target declarations",
    )
    parser.add_argument("--version", action="version", version=f"targetlint {__version__}")
    commands = parser.add_subparsers(dest="command", parser_class=_Parser)

    check = commands.add_parser("check", help="检查申报表 / check declarations")
    check.add_argument("paths", nargs="*", help="files or directories (default: .); '-' reads standard input")
    check.add_argument(
        "--format",
        "--output-format",
        dest="format",
        default=None,
        choices=_FORMAT_NAMES,
        help=(
            "output format (default: text, which shows the source line; concise is one line a finding; github when "
            "GITHUB_ACTIONS=true)"
        ),
    )
    check.add_argument(
        "--output-file", "-o", default=None, help="write the report to FILE; the terminal gets the summary"
    )
    check.add_argument("--config", default=None, help="use this configuration file instead of discovering one")
    check.add_argument("--lang", choices=["zh", "en"], default=None, help="message language (default: zh)")
    check.add_argument(
        "--profile",
        default=None,
        help=(
            "policy profile: default, central-2021, shanghai-2025, or a profile file (overrides the configuration's "
            "profile)"
        ),
    )
    check.add_argument("--select", action="append", help="rules to run: codes, names, prefixes (TL2) or ALL")
    check.add_argument("--extend-select", action="append", help="rules to add to the selection")
    check.add_argument("--ignore", action="append", help="rules to skip")
    check.add_argument(
        "--fail-on",
        choices=["error", "warning", "info"],
        default=None,
        help="lowest severity that fails the run (default: error)",
    )
    check.add_argument("--exit-zero", action="store_true", help="exit 0 even when findings exist")
    check.add_argument("--quiet", "-q", action="store_true", help="print findings only, no summary")
    check.add_argument(
        "--statistics", action="store_true", help="print the number of findings per rule instead of the findings"
    )
    check.add_argument(
        "--statistics-by",
        choices=["rule", "project"],
        default=None,
        help="with --statistics (implied): count per rule (default) or per project, with its pass/fail",
    )
    check.add_argument(
        "--show-source",
        action="store_true",
        help="print the source line and a caret under each finding (the text format always does)",
    )
    check.add_argument("--no-color", action="store_true", help="never colour the output")
    check.add_argument(
        "--stdin-filename",
        default=None,
        help="the name to report for standard input (also used to find its configuration)",
    )
    check.add_argument("--baseline", default=None, metavar="FILE", help="report only findings not recorded in FILE")
    check.add_argument(
        "--write-baseline", default=None, metavar="FILE", help="record every current finding in FILE and exit"
    )
    check.add_argument(
        "--prune-baseline", action="store_true", help="with --baseline: remove entries that no longer match anything"
    )
    check.add_argument(
        "--jobs",
        "-j",
        type=_positive_int,
        default=None,
        metavar="N",
        help="check files in N processes (default: the number of cores)",
    )
    check.add_argument(
        "--show-settings",
        default=None,
        metavar="PATH",
        help="print the settings that apply to PATH (configuration file, profile, rules, severities, options) and exit",
    )
    check.add_argument(
        "--show-files", action="store_true", help="print the files that would be checked, one a line, and exit"
    )
    check.add_argument(
        "--no-respect-gitignore",
        action="store_true",
        help="also check files that .gitignore ignores when walking directories (default: skip them, as git does)",
    )
    check.add_argument(
        "--no-cache",
        action="store_true",
        help="check every file, ignoring and not writing the result cache (nor the remembered plugin discovery)",
    )
    check.add_argument(
        "--cache-dir",
        default=None,
        metavar="DIR",
        help="where to keep the result cache (default: $TARGETLINT_CACHE_DIR or .targetlint_cache)",
    )
    check.add_argument(
        "--max-file-size",
        type=_size,
        default=None,
        metavar="SIZE",
        help="refuse files larger than SIZE (e.g. 5MB; default 1MB) with a finding instead of parsing them",
    )
    check.add_argument(
        "--fix",
        action="store_true",
        help="apply safe fixes in place, then report what remains ('-': print the fixed text)",
    )
    check.add_argument(
        "--unsafe-fixes",
        action="store_true",
        help="with --fix or --diff: also apply fixes that need the author's judgment",
    )
    check.add_argument(
        "--fix-read-only",
        action="store_true",
        help="with --fix: also fix files without write permission (refused otherwise, as editors ask first)",
    )
    check.add_argument(
        "--diff",
        action="store_true",
        help="print the changes --fix would make as a unified diff; write nothing (exit 1 if any)",
    )

    report = commands.add_parser(
        "report",
        help="生成给人看的检查报告（网页或 Excel）/ write a report people read (HTML page or Excel workbook)",
        description=(
            "检查 PATHS，把结果写成一个网页（-o report.html：概况、图表、各项目问题表、筛选和搜索）或一个 Excel "
            "问题清单（-o findings.xlsx）。/ Check PATHS and write the findings as one self-contained HTML page or "
            "an Excel workbook; exit codes as for check."
        ),
    )
    report.add_argument("paths", nargs="*", help="files or directories (default: .)")
    report.add_argument(
        "--output", "-o", required=True, metavar="FILE", help="report.html (a web page) or findings.xlsx (a workbook)"
    )
    report.add_argument("--lang", choices=["zh", "en"], default=None, help="report language (default: zh)")
    report.add_argument("--config", default=None, help="use this configuration file instead of discovering one")
    report.add_argument("--profile", default=None, help="policy profile, as for check")
    report.add_argument(
        "--fail-on", choices=["error", "warning", "info"], default=None, help="lowest severity that fails a project"
    )
    report.add_argument("--jobs", "-j", type=_positive_int, default=None, metavar="N", help="check in N processes")
    report.add_argument("--no-cache", action="store_true", help="check every file, ignoring the result cache")

    rule = commands.add_parser("rule", help="显示规则说明 / explain a rule")
    rule.add_argument("code", help="rule code or name, e.g. TL201 or rate-with-count")
    rule.add_argument("--lang", choices=["zh", "en"], default="zh")
    rule.add_argument("--profile", default=None, help="also look among this profile's declarative rules")

    rules = commands.add_parser("rules", help="列出所有规则 / list every rule")
    rules.add_argument("--lang", choices=["zh", "en"], default="zh")
    rules.add_argument(
        "--config",
        default=None,
        help="configuration deciding the 'enabled' column (default: discovered from the current directory)",
    )
    rules.add_argument("--profile", default=None, help="policy profile whose rules and settings decide the listing")
    rules.add_argument("--format", choices=["text", "json", "markdown"], default="text")

    importer = commands.add_parser(
        "import", help="把已公开的申报表（文本、Excel）转换为 YAML / convert published tables to declaration YAML"
    )
    importer.add_argument("source")
    importer.add_argument("-o", "--output", default=None, help="output file or directory")
    importer.add_argument("--split", action="store_true", help="one file per declaration")
    importer.add_argument("--force", action="store_true", help="overwrite existing files")

    schema = commands.add_parser(
        "schema", help="输出申报表格式的 JSON Schema / print the declaration format's JSON Schema"
    )
    schema.add_argument("-o", "--output", default=None, metavar="FILE", help="write it to FILE instead of stdout")

    server = commands.add_parser(
        "server", help="编辑器的语言服务器（LSP，标准输入输出） / language server for editors (LSP over stdio)"
    )
    server.add_argument(
        "--debounce",
        type=_milliseconds,
        default=None,
        metavar="MS",
        help="while the user types, check MS milliseconds after the last change (default 200)",
    )
    server.add_argument(
        "--lang", choices=["zh", "en"], default=None, help="message language (default: each file's configuration's)"
    )
    server.add_argument(
        "--cache-dir",
        default=None,
        metavar="DIR",
        help="result cache (default: $TARGETLINT_CACHE_DIR, else .targetlint_cache in the workspace's root folder)",
    )
    server.add_argument("--no-cache", action="store_true", help="neither read nor write the result cache")
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return EXIT_ERROR
    try:
        if args.command == "check":
            return _check(args)
        if args.command == "report":
            return _report(args, parser)
        if args.command == "rule":
            return _rule(args)
        if args.command == "rules":
            return _rules(args)
        if args.command == "schema":
            return _schema(args)
        if args.command == "server":
            return _server(args)
        if args.command == "import":
            from targetlint.importer import run_import

            return run_import(
                args.source, args.output, split=args.split, force=args.force, stdout=sys.stdout, stderr=sys.stderr
            )
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # `targetlint check | head` closes the pipe early; that is not an error.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_CLEAN
    return EXIT_ERROR


# "path:line:col: message", the shape editors' and CI's problem matchers read.
_LOCATED = re.compile(r"[^\s:][^:\n]*:\d+:\d+: ")


def _error(zh: str, en: str, lang: str) -> None:
    # Messages quote paths and values, which may hold control characters;
    # the message's own line breaks stay.
    message = "\n".join(map(escape.text, (en if lang == "en" else zh).split("\n")))
    # A located error starts with its location, as findings do; others name the tool.
    sys.stderr.write(f"{message}\n" if _LOCATED.match(message) else f"targetlint: {message}\n")


def _registry(lang: str):
    from targetlint.plugins import load_registry

    registry = load_registry()
    for error in registry.errors:
        _error(
            f"插件 {error.plugin} 加载失败：{error.error}", f"plugin {error.plugin} failed to load: {error.error}", lang
        )
    return registry


def _check(args: argparse.Namespace) -> int:
    from targetlint import discovery
    from targetlint.check import cache_directory, run_check

    if not args.no_cache:
        from targetlint.atomic import directory_problem

        directory = cache_directory(args.cache_dir)
        problem = directory_problem(directory)
        if problem is not None:
            # A cache directory committed as a symlink, or one of another
            # user's, could point writes anywhere or serve forged results.
            _error(
                f"缓存目录 {directory} {problem[0]}，本次不使用缓存",
                f"the cache directory {directory} {problem[1]}; running without the cache",
                args.lang or "zh",
            )
            args.no_cache = True
    options = check_options(args)
    # Plugin discovery is remembered beside the result cache (see discovery.py).
    discovery.cache_directory = None if options.no_cache else cache_directory(options.cache_dir)
    try:
        return run_check(options, _registry(options.lang or "zh"), _error)
    finally:
        discovery.cache_directory = None


def _schema(args) -> int:
    from targetlint.schema import generate, render

    text = render(generate())
    if args.output is None:
        sys.stdout.write(text)
        return EXIT_CLEAN
    from targetlint.atomic import write_atomic

    try:
        write_atomic(args.output, text.encode("utf-8"), force=True)
    except OSError as error:
        reason = error.strerror or str(error)
        _error(f"{args.output}：无法写入（{reason}）", f"{args.output}: cannot be written ({reason})", "zh")
        return EXIT_ERROR
    return EXIT_CLEAN


def _server(args) -> int:
    try:
        from targetlint.server import serve
    except ImportError as error:
        if (error.name or "").partition(".")[0] not in ("pygls", "lsprotocol"):
            raise
        _error(
            "targetlint server 需要 pygls：pip install 'targetlint[server]'",
            "targetlint server needs pygls: pip install 'targetlint[server]'",
            args.lang or "zh",
        )
        return EXIT_ERROR
    return serve(debounce_ms=args.debounce, lang=args.lang, cache_dir=args.cache_dir, use_cache=not args.no_cache)


def check_options(args: argparse.Namespace) -> CheckOptions:
    """``check``'s Namespace as the typed record the rest of the program reads."""
    return CheckOptions(
        paths=tuple(args.paths),
        output_format=args.format,
        output_file=args.output_file,
        config=args.config,
        lang=args.lang,
        profile=args.profile,
        selection=RuleSelection(
            select=_split(args.select),
            ignore=_split(args.ignore) or [],
            extend_select=_split(args.extend_select) or [],
        ),
        fail_on=args.fail_on,
        exit_zero=args.exit_zero,
        quiet=args.quiet,
        statistics=args.statistics or args.statistics_by is not None,
        statistics_by=StatisticsBy(args.statistics_by or "rule"),
        show_source=args.show_source,
        color=_use_color(args.no_color),
        stdin_filename=args.stdin_filename,
        baseline=args.baseline,
        write_baseline=args.write_baseline,
        prune_baseline=args.prune_baseline,
        jobs=args.jobs,
        no_cache=args.no_cache,
        cache_dir=args.cache_dir,
        max_file_size=args.max_file_size,
        fix=args.fix,
        unsafe_fixes=args.unsafe_fixes,
        fix_read_only=args.fix_read_only,
        diff=args.diff,
        respect_gitignore=not args.no_respect_gitignore,
        show_settings=args.show_settings,
        show_files=args.show_files,
    )


def _report(args, parser: argparse.ArgumentParser) -> int:
    """``report`` is ``check`` with the format the output file's name asks for."""
    suffix = os.path.splitext(args.output)[1].lower()
    if suffix not in _REPORT_SUFFIXES:
        _error(
            f"{args.output}：报告文件名应以 .html（网页）或 .xlsx（Excel 问题清单）结尾",
            f"{args.output}: name the report .html (a web page) or .xlsx (an Excel workbook)",
            args.lang or "zh",
        )
        return EXIT_ERROR
    check = parser.parse_args(["check"])
    for name in ("paths", "lang", "config", "profile", "fail_on", "jobs", "no_cache"):
        setattr(check, name, getattr(args, name))
    check.format = _REPORT_SUFFIXES[suffix]
    check.output_file = args.output
    return _check(check)


def _use_color(no_color: bool) -> bool:
    if no_color or os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return sys.stdout.isatty()


def _rule(args) -> int:
    registry = _registry(args.lang)
    rule = registry.lookup(args.code)
    if rule is None:
        # Rules from the configuration's rule files and profile exist once it is read.
        from targetlint.config import ConfigError, Overrides
        from targetlint.planner import Planner

        try:
            Planner(registry, Overrides(profile=args.profile)).global_config()
        except ConfigError as error:
            _error(error.message("zh"), error.message("en"), args.lang)
            return EXIT_ERROR
        rule = registry.lookup(args.code)
    if rule is None:
        from targetlint.selection import known_words
        from targetlint.suggest import hint

        hint_zh, hint_en = hint(args.code, known_words(registry))
        _error(
            f"未知的规则：{args.code}{hint_zh}（见 targetlint rules）",
            f"unknown rule: {args.code}{hint_en} (see targetlint rules)",
            args.lang,
        )
        return EXIT_ERROR
    fix = {
        None: ("不可自动修复", "not fixable"),
        "safe": ("可安全自动修复", "safe fix"),
        "unsafe": ("可自动修复（需确认）", "unsafe fix"),
    }[rule.fixable and str(rule.fixable)]
    header = f"{rule.code} {rule.name} [{rule.severity}] ({fix[1] if args.lang == 'en' else fix[0]}; {rule.origin})"
    sys.stdout.write(f"{header}\n\n{rule.doc(args.lang)}\n")
    return EXIT_CLEAN


def _rules(args) -> int:
    from targetlint.config import ConfigError, Overrides
    from targetlint.planner import Planner
    from targetlint.rule_tables import rules_table

    registry = _registry(args.lang)
    try:
        planner = Planner(registry, Overrides(profile=args.profile), config_path=args.config)
        enabled = planner.enabled_codes(planner.global_config())
    except ConfigError as error:
        _error(error.message("zh"), error.message("en"), args.lang)
        return EXIT_ERROR
    sys.stdout.write(rules_table(registry, args.lang, args.format, enabled=enabled))
    return EXIT_ERROR if registry.errors else EXIT_CLEAN


if __name__ == "__main__":
    raise SystemExit(main())
