from targetlint.rule import Fix, FixSafety, Severity
from targetlint.source import ProblemKind

from ._problems import ProblemRule

_EXPECTED = {
    "text": ("文本", "text"),
    "integer": ("整数", "an integer"),
    "amount": ("金额（数字）", "an amount (a number)"),
    "date": ("日期（YYYY-MM-DD）", "a date (YYYY-MM-DD)"),
    "mapping": ("映射（键: 值）", "a mapping (key: value)"),
    "list": ("指标列表（- 三级指标: …）", "a list of indicators (- 三级指标: …)"),
    "indicator": ("指标（含 三级指标 和 指标值 的映射）", "an indicator (a mapping with 三级指标 and 指标值)"),
    "number": ("数字（如 20）", "a number (such as 20)"),
    "direction": ("正向、反向或中性（也可写 越大越好、越小越好）", "正向, 反向 or 中性 (or 越大越好, 越小越好)"),
    "table-kind": ("项目支出、部门整体或转移支付", "项目支出, 部门整体 or 转移支付"),
    "period": ("含 开始 和 结束 的映射（如 开始: 2023-07）", "a mapping of 开始 and 结束 (such as 开始: 2023-07)"),
    "year-month": ("年份或年月（2023、2023-07）", "a year or a year-month (2023, 2023-07)"),
}
_FOUND = {
    "sequence": ("列表", "a list"),
    "scalar": ("单个值", "a single value"),
    "foreign": ("不像申报表的 YAML（没有申报表的字段）", "YAML with none of the declaration's keys"),
}


class InvalidType(ProblemRule):
    """类型错误：字段的值类型不对，或文档不是一份申报表。

    **作用**：报告类型不符的值（如 申报年度 写成文字、金额写成“1,732,000.00”字符串、
    指标值写成列表、二级指标下不是指标列表），以及根节点是申报表列表或单个值、而不是
    申报表映射的文档。位置在该值上。其他 YAML 文件（CI 配置、Ansible 剧本等列表）
    不是申报表，直接跳过。

    **为什么重要**：类型错误的字段无法被读取和汇总，其后的检查也会缺少依据。

    **示例**：
    ```yaml
    申报年度: 二〇二三
    项目资金:
      年度资金申请总额: "1,732,000.00"
    ```

    **修复方法**：按格式写值：年度为整数，金额为不带千分位的数字，日期为 YYYY-MM-DD。

    **修复安全性**：带单位或千分位的年度和金额会给出改正（“2024年”→ 2024，
    “1,732,000.00”→ 1732000.00，可安全自动修复）；“150万元”→ 1500000 换算了单位，
    需作者确认（`--unsafe-fixes`）。
    ---
    Invalid type: a value has the wrong type, or a document is not a declaration.

    **What it does**: reports values of the wrong type (a year in words, an
    amount written as the string "1,732,000.00", an indicator value that is a
    list, a 二级 that is not a list of indicators) and documents whose root is
    a list of declarations or a scalar instead of a declaration mapping, at
    the value. Other YAML (a CI workflow, a list such as an Ansible
    playbook) is not a declaration and is skipped.

    **Why it matters**: such fields can be neither read nor summarised, and
    the checks that depend on them lose their footing.

    **Example**:
    ```yaml
    申报年度: 二〇二三
    项目资金:
      年度资金申请总额: "1,732,000.00"
    ```

    **How to fix**: write values as the format says: the year as an integer,
    amounts as plain numbers, dates as YYYY-MM-DD.

    **Fix safety**: a year or amount written with its unit or digit grouping
    gets the correction ("2024年" → 2024, "1,732,000.00" → 1732000.00: safe
    fixes); "150万元" → 1500000 converts the unit, so the author confirms it
    (`--unsafe-fixes`).
    """

    code = "TL004"
    name = "invalid-type"
    severity = Severity.ERROR
    fixable = FixSafety.SAFE
    kinds = (ProblemKind.INVALID_TYPE, ProblemKind.NOT_A_DECLARATION)

    def describe(self, problem):
        if problem.kind == ProblemKind.NOT_A_DECLARATION and problem.detail == "sequence":
            return (
                "文档是申报表的列表：每份申报表应是一个 YAML 文档，用 --- 分隔，而不是列表中的一项",
                "the document is a list of declarations: write each declaration as a YAML document of its own, "
                "separated by ---, not as an item of a list",
            )
        if problem.kind == ProblemKind.NOT_A_DECLARATION:
            zh, en = _FOUND.get(problem.detail, (problem.detail, problem.detail))
            return (
                f"文档是{zh}，不是申报表（应为 项目名称、绩效指标 等字段的映射）",
                f"the document is {en}, not a declaration (a mapping of 项目名称, 绩效指标, …)",
            )
        zh, en = _EXPECTED.get(problem.expected, (problem.expected, problem.expected))
        hint_zh = f"（是否应为 {problem.suggestion}？）" if problem.suggestion else ""
        hint_en = f" (did you mean {problem.suggestion}?)" if problem.suggestion else ""
        return (
            f"“{problem.detail}”的值类型错误，应为{zh}{hint_zh}",
            f"'{problem.detail}' has the wrong type; expected {en}{hint_en}",
        )

    def fix(self, problem):
        if not problem.suggestion:
            return None
        safety = FixSafety.SAFE if problem.exact else FixSafety.UNSAFE
        new = problem.suggestion
        return Fix(problem.span, new, safety, f"改为 {new}", f"write {new}")


RULES = [InvalidType]
