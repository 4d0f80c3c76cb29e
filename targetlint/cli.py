"""Command line: ``targetlint check``, ``rule``, ``rules``, ``import``.

Exit codes follow ruff, sqlfluff and ESLint: 0 clean, 1 findings at or above
``--fail-on``, 2 usage, configuration or internal errors.
"""

from __future__ import annotations

import argparse
import os
import re
import sys

from targetlint import __version__, escape, os_errors
from targetlint.cli_parser import Parser
from targetlint.command import EXIT_CLEAN, EXIT_ERROR, CheckOptions, RuleSelection, StatisticsBy
from targetlint.i18n import Lang, Message, locale_lang, requested_lang, resolve_lang
from targetlint.sizes import parse_size

# Kept here rather than imported from targetlint.reporters so that building
# the parser imports no reporter.
_FORMAT_NAMES = ["text", "concise", "json", "sarif", "github", "gitlab", "junit", "html", "xlsx"]
# `targetlint report -o FILE`: the format each file name asks for.
_REPORT_SUFFIXES = {".html": "html", ".htm": "html", ".xlsx": "xlsx"}


def _split(values: list[str] | None) -> list[str] | None:
    if values is None:
        return None
    return [part for value in values for part in value.split(",") if part.strip()]


def _at_least(minimum: int, what: Message, lang: Lang):
    """An argparse type: a whole number ≥ ``minimum``; ``what`` names it in the error."""

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            value = minimum - 1
        if value < minimum:
            raise argparse.ArgumentTypeError(
                Message(
                    f"应为不小于 {minimum} 的{what.zh}，而不是 {text!r}",
                    f"expected a whole number{what.en} ≥ {minimum}, got {text!r}",
                ).text(lang)
            )
        return value

    return parse


def _whole_number(lang: Lang):
    return _at_least(1, Message("整数", ""), lang)


def _milliseconds(lang: Lang):
    return _at_least(0, Message("毫秒数（整数）", " of milliseconds"), lang)


def _size(lang: Lang):
    def parse(text: str) -> int:
        value = parse_size(text)
        if value is None:
            raise argparse.ArgumentTypeError(
                Message(
                    f"应为正的大小，例如 500KB 或 5MB，而不是 {text!r}",
                    f"expected a positive size such as 500KB or 5MB, got {text!r}",
                ).text(lang)
            )
        return value

    return parse


def build_parser(lang: Lang = Lang.ZH) -> argparse.ArgumentParser:
    """The command line, with every help text and usage error in ``lang``."""

    def say(zh: str, en: str) -> str:
        return Message(zh, en).text(lang)

    parser = Parser(
        prog="targetlint",
        lang=lang,
        description=say("财政项目支出绩效目标申报表检查工具", "linter for budget performance-target declarations"),
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"targetlint {__version__}",
        help=say("显示版本号并退出", "show the version and exit"),
    )
    commands = parser.add_subparsers(dest="command", parser_class=Parser, title=say("命令", "commands"))
    languages = ["zh", "en"]
    language_help = say(
        "提示语言：zh（中文）或 en（英文）；默认取配置文件的 lang，否则按系统语言环境，否则中文",
        "message language: zh or en (default: the configuration's lang, else the locale's, else zh)",
    )
    config_help = say("使用此配置文件，不再自动查找", "use this configuration file instead of discovering one")
    paths_help = say("文件或目录（默认：当前目录）", "files or directories (default: .)")

    check = commands.add_parser(
        "check",
        lang=lang,
        help=say("检查申报表", "check declarations"),
        description=say(
            "检查申报表。退出码：0 未发现问题，1 有达到 --fail-on 的问题，2 用法、配置或内部错误。",
            "Check declarations. Exit codes: 0 clean, 1 findings at or above --fail-on, 2 usage, "
            "configuration or internal errors.",
        ),
    )
    check.add_argument(
        "paths",
        nargs="*",
        help=say(paths_help + "；“-”读取标准输入", "files or directories (default: .); '-' reads standard input"),
    )
    check.add_argument(
        "--format",
        "--output-format",
        dest="format",
        default=None,
        choices=_FORMAT_NAMES,
        help=say(
            "输出格式（默认 text，显示原文行；concise 每个问题一行；GITHUB_ACTIONS=true 时为 github）",
            "output format (default: text, which shows the source line; concise is one line a finding; github when "
            "GITHUB_ACTIONS=true)",
        ),
    )
    check.add_argument(
        "--output-file",
        "-o",
        default=None,
        metavar="FILE",
        help=say("把报告写入 FILE，终端只显示汇总", "write the report to FILE; the terminal gets the summary"),
    )
    check.add_argument("--config", default=None, metavar="FILE", help=config_help)
    check.add_argument("--lang", choices=languages, default=None, help=language_help)
    check.add_argument(
        "--profile",
        default=None,
        help=say(
            "政策配置：default、central-2021、shanghai-2025，或一个配置文件（优先于配置文件中的 profile）",
            "policy profile: default, central-2021, shanghai-2025, or a profile file (overrides the configuration's "
            "profile)",
        ),
    )
    check.add_argument(
        "--select",
        action="append",
        metavar="RULES",
        help=say("要运行的规则：代码、名称、前缀（TL2）或 ALL", "rules to run: codes, names, prefixes (TL2) or ALL"),
    )
    check.add_argument(
        "--extend-select",
        action="append",
        metavar="RULES",
        help=say("在选择之外再加的规则", "rules to add to the selection"),
    )
    check.add_argument("--ignore", action="append", metavar="RULES", help=say("跳过的规则", "rules to skip"))
    check.add_argument(
        "--fail-on",
        choices=["error", "warning", "info"],
        default=None,
        help=say(
            "达到此严重程度即判为不通过：error（错误）、warning（警告）、info（提示）；默认 error",
            "lowest severity that fails the run (default: error)",
        ),
    )
    check.add_argument(
        "--exit-zero", action="store_true", help=say("即使有问题也以 0 退出", "exit 0 even when findings exist")
    )
    check.add_argument(
        "--quiet", "-q", action="store_true", help=say("只输出问题，不输出汇总", "print findings only, no summary")
    )
    check.add_argument(
        "--statistics",
        action="store_true",
        help=say("按规则统计问题数，代替逐条输出", "print the number of findings per rule instead of the findings"),
    )
    check.add_argument(
        "--statistics-by",
        choices=["rule", "project"],
        default=None,
        help=say(
            "统计方式（隐含 --statistics）：按规则（默认）或按项目，并给出每个项目是否通过",
            "with --statistics (implied): count per rule (default) or per project, with its pass/fail",
        ),
    )
    check.add_argument(
        "--show-source",
        action="store_true",
        help=say(
            "在每个问题下显示原文行并标出位置（text 格式总是显示）",
            "print the source line and a caret under each finding (the text format always does)",
        ),
    )
    check.add_argument("--no-color", action="store_true", help=say("不使用颜色", "never colour the output"))
    check.add_argument(
        "--stdin-filename",
        default=None,
        metavar="NAME",
        help=say(
            "标准输入在报告中使用的文件名（也用于查找其配置）",
            "the name to report for standard input (also used to find its configuration)",
        ),
    )
    check.add_argument(
        "--baseline",
        default=None,
        metavar="FILE",
        help=say("只报告 FILE 中未记录的问题", "report only findings not recorded in FILE"),
    )
    check.add_argument(
        "--write-baseline",
        default=None,
        metavar="FILE",
        help=say("把当前所有问题记录到 FILE 后退出", "record every current finding in FILE and exit"),
    )
    check.add_argument(
        "--prune-baseline",
        action="store_true",
        help=say(
            "与 --baseline 同用：删除不再对应任何问题的记录",
            "with --baseline: remove entries that no longer match anything",
        ),
    )
    check.add_argument(
        "--jobs",
        "-j",
        type=_whole_number(lang),
        default=None,
        metavar="N",
        help=say("用 N 个进程检查（默认：CPU 核数）", "check files in N processes (default: the number of cores)"),
    )
    check.add_argument(
        "--show-settings",
        default=None,
        metavar="PATH",
        help=say(
            "显示适用于 PATH 的设置（配置文件、政策配置、规则、严重程度、选项）后退出",
            "print the settings that apply to PATH (configuration file, profile, rules, severities, options) and exit",
        ),
    )
    check.add_argument(
        "--show-files",
        action="store_true",
        help=say("列出将被检查的文件（每行一个）后退出", "print the files that would be checked, one a line, and exit"),
    )
    check.add_argument(
        "--no-respect-gitignore",
        action="store_true",
        help=say(
            "遍历目录时也检查 .gitignore 忽略的文件（默认与 git 一样跳过）",
            "also check files that .gitignore ignores when walking directories (default: skip them, as git does)",
        ),
    )
    check.add_argument(
        "--no-cache",
        action="store_true",
        help=say(
            "不读也不写结果缓存（以及记住的插件查找结果），逐个检查所有文件",
            "check every file, ignoring and not writing the result cache (nor the remembered plugin discovery)",
        ),
    )
    check.add_argument(
        "--cache-dir",
        default=None,
        metavar="DIR",
        help=say(
            "结果缓存的位置（默认：$TARGETLINT_CACHE_DIR 或 .targetlint_cache）",
            "where to keep the result cache (default: $TARGETLINT_CACHE_DIR or .targetlint_cache)",
        ),
    )
    check.add_argument(
        "--max-file-size",
        type=_size(lang),
        default=None,
        metavar="SIZE",
        help=say(
            "大于 SIZE 的文件不解析，只报告一个问题（如 5MB；默认 1MB）",
            "refuse files larger than SIZE (e.g. 5MB; default 1MB) with a finding instead of parsing them",
        ),
    )
    check.add_argument(
        "--fix",
        action="store_true",
        help=say(
            "就地应用安全的自动修复，再报告剩下的问题（“-”：输出修复后的文本）",
            "apply safe fixes in place, then report what remains ('-': print the fixed text)",
        ),
    )
    check.add_argument(
        "--unsafe-fixes",
        action="store_true",
        help=say(
            "与 --fix 或 --diff 同用：也应用需要作者判断的修复",
            "with --fix or --diff: also apply fixes that need the author's judgment",
        ),
    )
    check.add_argument(
        "--fix-read-only",
        action="store_true",
        help=say(
            "与 --fix 同用：也修复没有写权限的文件（否则拒绝，就像编辑器会先询问）",
            "with --fix: also fix files without write permission (refused otherwise, as editors ask first)",
        ),
    )
    check.add_argument(
        "--diff",
        action="store_true",
        help=say(
            "以统一差异格式显示 --fix 会做的修改，不写文件（有修改时退出码为 1）",
            "print the changes --fix would make as a unified diff; write nothing (exit 1 if any)",
        ),
    )

    report = commands.add_parser(
        "report",
        lang=lang,
        help=say("生成给人看的检查报告（网页或 Excel）", "write a report people read (HTML page or Excel workbook)"),
        description=say(
            "检查 PATHS，把结果写成一个网页（-o report.html：概况、图表、各项目问题表、筛选和搜索）或一个 Excel "
            "问题清单（-o findings.xlsx）。退出码与 check 相同。",
            "Check PATHS and write the findings as one self-contained HTML page or an Excel workbook; exit codes "
            "as for check.",
        ),
    )
    report.add_argument("paths", nargs="*", help=paths_help)
    report.add_argument(
        "--output",
        "-o",
        required=True,
        metavar="FILE",
        help=say(
            "report.html（网页）或 findings.xlsx（Excel 问题清单）",
            "report.html (a web page) or findings.xlsx (a workbook)",
        ),
    )
    report.add_argument("--lang", choices=languages, default=None, help=language_help)
    report.add_argument("--config", default=None, metavar="FILE", help=config_help)
    report.add_argument("--profile", default=None, help=say("政策配置，与 check 相同", "policy profile, as for check"))
    report.add_argument(
        "--fail-on",
        choices=["error", "warning", "info"],
        default=None,
        help=say("达到此严重程度即判项目不通过", "lowest severity that fails a project"),
    )
    report.add_argument(
        "--jobs",
        "-j",
        type=_whole_number(lang),
        default=None,
        metavar="N",
        help=say("用 N 个进程检查", "check in N processes"),
    )
    report.add_argument(
        "--no-cache",
        action="store_true",
        help=say("不使用结果缓存，逐个检查", "check every file, ignoring the result cache"),
    )

    rule = commands.add_parser("rule", lang=lang, help=say("显示规则说明", "explain a rule"))
    rule.add_argument(
        "code",
        help=say("规则代码或名称，如 TL201 或 rate-with-count", "rule code or name, e.g. TL201 or rate-with-count"),
    )
    rule.add_argument("--lang", choices=languages, default=None, help=language_help)
    rule.add_argument(
        "--profile",
        default=None,
        help=say("也在此政策配置的声明式规则中查找", "also look among this profile's declarative rules"),
    )

    rules = commands.add_parser("rules", lang=lang, help=say("列出所有规则", "list every rule"))
    rules.add_argument("--lang", choices=languages, default=None, help=language_help)
    rules.add_argument(
        "--config",
        default=None,
        metavar="FILE",
        help=say(
            "决定“启用”一栏的配置文件（默认：从当前目录查找）",
            "configuration deciding the 'enabled' column (default: discovered from the current directory)",
        ),
    )
    rules.add_argument(
        "--profile",
        default=None,
        help=say("按此政策配置的规则和设置列出", "policy profile whose rules and settings decide the listing"),
    )
    rules.add_argument(
        "--format", choices=["text", "json", "markdown"], default="text", help=say("输出格式", "output format")
    )

    importer = commands.add_parser(
        "import",
        lang=lang,
        help=say("把已公开的申报表（文本、Excel）转换为 YAML", "convert published tables to declaration YAML"),
    )
    importer.add_argument(
        "source", help=say("表格文件：.xlsx 或文本表格", "the table: an .xlsx workbook or a text table")
    )
    importer.add_argument(
        "-o",
        "--output",
        default=None,
        metavar="PATH",
        help=say(
            "输出文件或目录（目录不存在时会创建）",
            "output file or directory (a directory is created when missing)",
        ),
    )
    importer.add_argument("--split", action="store_true", help=say("每份申报表一个文件", "one file per declaration"))
    importer.add_argument("--force", action="store_true", help=say("覆盖已有文件", "overwrite existing files"))
    importer.add_argument("--lang", choices=languages, default=None, help=language_help)

    schema = commands.add_parser(
        "schema",
        lang=lang,
        help=say("输出申报表格式的 JSON Schema", "print the declaration format's JSON Schema"),
    )
    schema.add_argument(
        "-o",
        "--output",
        default=None,
        metavar="FILE",
        help=say("写入 FILE，而不是标准输出", "write it to FILE instead of stdout"),
    )

    cache = commands.add_parser("cache", lang=lang, help=say("管理结果缓存", "manage the result cache"))
    cache_commands = cache.add_subparsers(
        dest="cache_command", parser_class=Parser, required=True, metavar="{clean}", title=say("命令", "commands")
    )
    clean = cache_commands.add_parser(
        "clean",
        lang=lang,
        help=say("删除结果缓存目录（随时可删，下次检查会重建）", "delete the result cache (safe at any time)"),
    )
    clean.add_argument(
        "--cache-dir",
        default=None,
        metavar="DIR",
        help=say(
            "缓存目录（默认：$TARGETLINT_CACHE_DIR 或 .targetlint_cache）",
            "the cache directory (default: $TARGETLINT_CACHE_DIR or .targetlint_cache)",
        ),
    )
    clean.add_argument("--lang", choices=languages, default=None, help=language_help)

    server = commands.add_parser(
        "server",
        lang=lang,
        help=say("编辑器的语言服务器（LSP，标准输入输出）", "language server for editors (LSP over stdio)"),
    )
    server.add_argument(
        "--debounce",
        type=_milliseconds(lang),
        default=None,
        metavar="MS",
        help=say(
            "输入时在最后一次修改 MS 毫秒后检查（默认 200）",
            "while the user types, check MS milliseconds after the last change (default 200)",
        ),
    )
    server.add_argument(
        "--lang",
        choices=languages,
        default=None,
        help=say(
            "提示语言（默认：各文件配置的 lang，否则按系统语言环境）",
            "message language (default: each file's configuration's, else the locale's)",
        ),
    )
    server.add_argument(
        "--cache-dir",
        default=None,
        metavar="DIR",
        help=say(
            "结果缓存（默认：$TARGETLINT_CACHE_DIR，否则工作区根目录下的 .targetlint_cache）",
            "result cache (default: $TARGETLINT_CACHE_DIR, else .targetlint_cache in the workspace's root folder)",
        ),
    )
    server.add_argument(
        "--no-cache", action="store_true", help=say("不读也不写结果缓存", "neither read nor write the result cache")
    )
    return parser


def main(argv: list[str] | None = None) -> int:
    words = sys.argv[1:] if argv is None else argv
    parser = build_parser(requested_lang(words, os.environ))
    args = parser.parse_args(words)
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
        if args.command == "cache":
            return _cache_clean(args.cache_dir, _lang(args.lang))
        if args.command == "import":
            from targetlint.importer import language, run_import

            return run_import(
                args.source,
                args.output,
                split=args.split,
                force=args.force,
                stdout=sys.stdout,
                stderr=sys.stderr,
                lang=language(args.lang, args.source),
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
    message = "\n".join(map(escape.text, Message(zh, en).text(lang).split("\n")))
    # A located error starts with its location, as findings do; others name the tool.
    sys.stderr.write(f"{message}\n" if _LOCATED.match(message) else f"targetlint: {message}\n")


def _lang(flag: str | None) -> str:
    """The language of messages printed before any configuration is read."""
    return resolve_lang(flag, None, os.environ).value


def _catalogue(lang: str):
    from targetlint.plugins import load_catalogue

    catalogue = load_catalogue()
    for error in catalogue.errors:
        _error(
            f"插件 {error.plugin} 加载失败：{error.error}", f"plugin {error.plugin} failed to load: {error.error}", lang
        )
    return catalogue


def _configured_catalogue(lang: str, profile: str | None, config: str | None = None):
    """``(catalogue, planner, error)`` for the commands that describe rules:
    the plugins' and packs' rules with those of the rule files the
    configuration (``--config`` or the current directory's) and its profile
    name, read once. A configuration that cannot be read leaves the plugins'
    catalogue, no planner, and its ConfigError."""
    from targetlint.config import ConfigError, Overrides
    from targetlint.planner import Planner

    catalogue = _catalogue(lang)
    try:
        planner = Planner(catalogue, Overrides(profile=profile), config_path=config)
        return planner.catalogue_for(planner.global_config()), planner, None
    except ConfigError as error:
        return catalogue, None, error


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
                _lang(args.lang),
            )
            args.no_cache = True
    options = check_options(args)
    # Plugin discovery is remembered beside the result cache (see discovery.py).
    discovery.cache_directory = None if options.no_cache else cache_directory(options.cache_dir)
    try:
        return run_check(options, _catalogue(_lang(options.lang)), _error)
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
        reason = os_errors.reason(error)
        _error(
            f"{args.output}：无法写入（{reason.zh}）", f"{args.output}: cannot be written ({reason.en})", _lang(None)
        )
        return EXIT_ERROR
    return EXIT_CLEAN


def _cache_clean(cache_dir: str | None, lang: str) -> int:
    from targetlint.cache_pruning import clean
    from targetlint.check import cache_directory

    directory = cache_directory(cache_dir)
    result = clean(directory)
    if result.refusal is not None:
        _error(*result.refusal, lang)
        return EXIT_ERROR
    if not result.existed:
        message = Message(f"没有缓存目录 {directory}，无需清理", f"no cache directory at {directory}; nothing to clean")
    else:
        size = f"{result.removed_bytes / 1024 / 1024:.1f} MB"
        message = Message(
            f"已删除缓存目录 {directory}（{result.removed_files} 个文件，{size}）",
            f"removed the cache directory {directory} ({result.removed_files} file(s), {size})",
        )
    sys.stdout.write(escape.text(message.text(lang)) + "\n")
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
            _lang(args.lang),
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
        locale_lang=locale_lang(os.environ),
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
            _lang(args.lang),
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
    args.lang = _lang(args.lang)
    catalogue, _, error = _configured_catalogue(args.lang, args.profile)
    rule = catalogue.lookup(args.code)
    if rule is None and error is not None:
        # The code may be one of the rule files the configuration names.
        _error(error.message("zh"), error.message("en"), args.lang)
        return EXIT_ERROR
    if rule is None:
        from targetlint.selection import known_words
        from targetlint.suggest import hint

        hint_zh, hint_en = hint(args.code, known_words(catalogue))
        _error(
            f"未知的规则：{args.code}{hint_zh}（见 targetlint rules）",
            f"unknown rule: {args.code}{hint_en} (see targetlint rules)",
            args.lang,
        )
        return EXIT_ERROR
    fix = {
        None: Message("不可自动修复", "not fixable"),
        "safe": Message("可安全自动修复", "safe fix"),
        "unsafe": Message("可自动修复（需确认）", "unsafe fix"),
    }[rule.fixable and str(rule.fixable)]
    header = f"{rule.code} {rule.name} [{rule.severity}] ({fix.text(args.lang)}; {rule.origin})"
    sys.stdout.write(f"{header}\n\n{rule.doc(args.lang)}\n")
    return EXIT_CLEAN


def _rules(args) -> int:
    from targetlint.rule_tables import rules_table

    args.lang = _lang(args.lang)
    catalogue, planner, error = _configured_catalogue(args.lang, args.profile, args.config)
    if error is not None or planner is None:
        _error(error.message("zh"), error.message("en"), args.lang)
        return EXIT_ERROR
    enabled = planner.enabled_codes(planner.global_config())
    sys.stdout.write(rules_table(catalogue, args.lang, args.format, enabled=enabled))
    return EXIT_ERROR if catalogue.errors else EXIT_CLEAN


if __name__ == "__main__":
    raise SystemExit(main())
