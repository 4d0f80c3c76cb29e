from targetlint.rule import Fix, FixSafety, Severity
from targetlint.source import BinaryFormat, ProblemKind, WorkbookTrouble

from ._problems import ProblemRule


class YamlSyntax(ProblemRule):
    """YAML 语法错误：文件无法按 YAML 解析。

    **作用**：报告 YAML 解析器拒绝的文本（引号未闭合、缩进错误、制表符、重复的键、
    不允许的标签如 `!!python/object`、超出加载预算的别名展开或嵌套、超过大小上限
    （默认 1 MB）的文件、无法读取的 Excel 工作簿（损坏、设有密码、解压后过大）），
    位置为出错之处（未闭合的引号或括号报告其起始处）。
    同一文件中其他文档照常检查。最常见的两种笔误直接点名：键后用了全角冒号
    （`项目名称：…`，报告在该冒号处，即使解析器在后面的行才出错）和缩进中的制表符。

    **为什么重要**：无法解析的申报表无法被任何工具读取，评审系统会直接拒收。

    **示例**：
    ```yaml
    项目名称: "劳动人事争议仲裁工作专项
    ```

    **修复方法**：按提示的位置修正语法；键重复时合并或删除其一。

    **修复安全性**：全角冒号可安全自动修复（改为“: ”），仅当改后文档能够解析时才提供；
    其他语法错误需手工修正。
    ---
    YAML syntax error: the file cannot be parsed as YAML.

    **What it does**: reports text the YAML parser rejects (an unclosed quote,
    bad indentation, tabs, a duplicate key, a disallowed tag such as
    `!!python/object`, alias expansion or nesting beyond the loader's budget,
    a file over the size limit, 1 MB by default, an Excel workbook that
    cannot be read: corrupt, password-protected, unpacking too large) at the line and column of
    the error (an unclosed quote or bracket where it was opened). Other
    documents of the same file are still checked. The two commonest slips are
    named as such: a full-width colon after a key (`项目名称：…`, reported at
    the colon even when the parser only stumbles lines later) and a tab in
    the indentation.

    **Why it matters**: a declaration nothing can parse is rejected outright.

    **Example**:
    ```yaml
    项目名称: "劳动人事争议仲裁工作专项
    ```

    **How to fix**: correct the syntax at the reported position; merge or
    remove duplicate keys.

    **Fix safety**: the full-width colon has a safe fix (write ': '), offered
    only when that makes the document parse; other syntax errors are fixed
    by hand.
    """

    code = "TL001"
    name = "yaml-syntax"
    severity = Severity.ERROR
    kinds = (
        ProblemKind.YAML_SYNTAX,
        ProblemKind.FULLWIDTH_COLON,
        ProblemKind.TAB_INDENT,
        ProblemKind.DUPLICATE_KEY,
        ProblemKind.UNSAFE_TAG,
        ProblemKind.TOO_COMPLEX,
        ProblemKind.TOO_LARGE,
        ProblemKind.BINARY,
        ProblemKind.WORKBOOK,
    )
    fixable = FixSafety.SAFE

    def describe(self, problem):
        detail = problem.detail
        if problem.kind == ProblemKind.FULLWIDTH_COLON:
            line = problem.span.line
            return (
                f"第 {line} 行的键后用了全角冒号“：”，YAML 需要半角冒号和空格“: ”",
                f"line {line}: full-width colon '：' after the key; YAML needs a half-width colon and a space ': '",
            )
        if problem.kind == ProblemKind.TAB_INDENT:
            line = problem.span.line
            return (
                f"第 {line} 行的缩进用了制表符（Tab），YAML 的缩进只能用空格",
                f"line {line}: the indentation holds a tab; YAML indents with spaces only",
            )
        if problem.kind == ProblemKind.DUPLICATE_KEY:
            if problem.expected:  # the same field under its other name
                return (
                    f"键“{detail}”与前面的“{problem.expected}”是同一字段，重复出现（以前者为准）",
                    f"key '{detail}' repeats '{problem.expected}' above, the same field (the first one is used)",
                )
            return f"键“{detail}”重复出现", f"duplicate key '{detail}'"
        if problem.kind == ProblemKind.UNSAFE_TAG:
            return (
                f"不允许的 YAML 标签 {detail}（只接受标准类型，不会构造对象）",
                f"tag {detail} is not allowed (only YAML's core types are read; nothing is constructed)",
            )
        if problem.kind == ProblemKind.TOO_COMPLEX:
            return f"文档过于复杂，超出加载预算：{detail}", f"document too complex to load: {detail}"
        if problem.kind == ProblemKind.TOO_LARGE:
            return f"文件过大，未检查（{detail}）", f"file too large to check ({detail})"
        if problem.kind == ProblemKind.WORKBOOK:
            return _WORKBOOK.get(problem.detail, _WORKBOOK[WorkbookTrouble.CORRUPT])
        if problem.kind == ProblemKind.BINARY:
            return _BINARY.get(problem.detail, _BINARY[BinaryFormat.DATA])
        return f"YAML 语法错误：{detail}", f"YAML syntax error: {detail}"

    def fix(self, problem):
        if problem.kind != ProblemKind.FULLWIDTH_COLON:
            return None
        # Offered only when ': ' for every such colon makes the document parse
        # (the loader checks), and --fix checks the file again.
        return Fix(problem.span, ": ", FixSafety.SAFE, "改为半角冒号和空格“: ”", "write ': '", text=True)


# What a binary file is, as people call it, and what to do with it.
_BINARY = {
    BinaryFormat.DATA: ("文件是二进制数据，不是 YAML 文本", "the file holds binary data, not YAML text"),
    BinaryFormat.WORKBOOK: (
        "文件是 Excel 工作簿，不是 YAML 文本：请先用 targetlint import 转换为 YAML 再检查"
        "（如 targetlint import 申报表.xlsx -o 申报表.yaml）",
        "the file is an Excel workbook, not YAML text: convert it with targetlint import first, then check the "
        "YAML (e.g. targetlint import form.xlsx -o form.yaml)",
    ),
    BinaryFormat.OLD_WORKBOOK: (
        "文件是旧版 Excel（.xls）工作簿，无法直接检查：请在 Excel 中“另存为”.xlsx 格式，再检查 .xlsx 文件",
        "the file is an old-format Excel (.xls) workbook, which cannot be checked: save it as .xlsx in Excel "
        "(Save As), then check the .xlsx file",
    ),
}
# Why an Excel workbook given to check could not be read.
_WORKBOOK = {
    WorkbookTrouble.CORRUPT: (
        "Excel 工作簿已损坏或不是 .xlsx 文件，无法读取：请在 Excel 中打开并重新保存为 .xlsx",
        "the Excel workbook is damaged or not an .xlsx file and cannot be read: open it in Excel and save it "
        "again as .xlsx",
    ),
    WorkbookTrouble.ENCRYPTED: (
        "Excel 工作簿设有密码保护，无法读取：请在 Excel 中取消密码（文件 > 信息 > 保护工作簿）后保存，再检查",
        "the Excel workbook is password-protected and cannot be read: remove the password in Excel "
        "(File > Info > Protect Workbook), save, and check it again",
    ),
    WorkbookTrouble.UNPACKED_TOO_LARGE: (
        "Excel 工作簿解压后过大（或是伪装成工作簿的压缩炸弹），未读取",
        "the Excel workbook unpacks to far too much data (or is a zip bomb posing as a workbook); not read",
    ),
    WorkbookTrouble.UNREADABLE: (
        "Excel 工作簿无法读取（内容不是有效的 .xlsx 工作簿）：请在 Excel 中打开并重新保存为 .xlsx",
        "the Excel workbook cannot be read (its content is not a valid .xlsx workbook): open it in Excel and "
        "save it again as .xlsx",
    ),
}

RULES = [YamlSyntax]
