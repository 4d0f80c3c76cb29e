from targetlint.model import FUNDS_KEYS, INDICATOR_KEYS, TOP_LEVEL_KEYS
from targetlint.rule import Severity
from targetlint.source import ProblemKind
from targetlint.suggest import hint

from ._problems import ProblemRule

_WHERE = {
    "declaration": ("申报表", "the declaration"),
    "funds": ("项目资金", "项目资金 (funds)"),
    "indicator": ("指标", "an indicator"),
    "period": ("实施期（只有 开始、结束）", "实施期 (only 开始 and 结束)"),
}
# The keys each record accepts, for "did you mean".
_KEYS = {"declaration": TOP_LEVEL_KEYS, "funds": tuple(FUNDS_KEYS), "indicator": tuple(INDICATOR_KEYS)}


class UnknownKey(ProblemRule):
    """未知的键：申报表格式中没有定义的字段。

    **作用**：报告申报表、项目资金或指标中格式未定义的键（中文标签及其英文别名
    之外的键），位置在该键上。

    **为什么重要**：拼错的键（如“指标值 ”“三级指标名称”）会让字段被当作缺失，
    其内容不会被检查，也不会进入汇总。

    **示例**：
    ```yaml
    - 三级指标: 培训完成率
      指标数值: 100%
    ```

    与格式的键相近的键会给出建议（“是否应为‘指标值’？”）。键大多是中文、且有键与格式的
    键相近（如“项目”“绩效指标表”）的 YAML 也按申报表检查，而不是当作其他文件跳过。
    直接检查 Excel 工作簿时，无法归入格式的行或单元格（签章行、表外的注释、表格列之外的单元格）
    、没有保存计算结果的公式以及没有绩效指标表的工作表，也在其单元格处报告。

    **修复方法**：改用格式中的键名（见 README 的格式说明），如 `指标值`。
    ---
    Unknown key: a field the declaration format does not define.

    **What it does**: reports keys of a declaration, its 项目资金 or an
    indicator that are neither the form's Chinese labels nor their English
    aliases, at the key.

    **Why it matters**: a misspelt key ("指标数值") leaves the real field
    missing; its content is neither checked nor summarised.

    **Example**:
    ```yaml
    - 三级指标: 培训完成率
      指标数值: 100%
    ```

    A key close to one of the format's gets a suggestion ("did you mean
    '指标值'?"). YAML whose keys are mostly Chinese, one of them close to a
    key of the format (项目, 绩效指标表), is checked as a declaration rather
    than skipped as some other file. A workbook checked in place reports its
    rows and cells that have no place in the format (a signature row, a note
    below the table, a cell outside the table's columns), formulas with no
    saved value and a sheet with no indicator table, at their cells.

    **How to fix**: use the format's key (see the format reference in the
    README), e.g. `指标值`.
    """

    code = "TL002"
    name = "unknown-key"
    severity = Severity.WARNING
    kinds = (ProblemKind.UNKNOWN_KEY, ProblemKind.IMPORT)

    def describe(self, problem):
        if problem.kind == ProblemKind.IMPORT:
            chinese = problem.suggestion or problem.detail  # the importer says it in both languages
            if problem.expected in ("formula", "no-table"):
                return chinese, problem.detail
            return (
                f"工作簿中这一行或单元格无法归入申报表格式，未被检查：{chinese}",
                f"a row or cell of the workbook has no place in the declaration format and was not checked: "
                f"{problem.detail}",
            )
        zh, en = _WHERE.get(problem.expected, ("", ""))
        hint_zh, hint_en = hint(problem.detail, _KEYS.get(problem.expected, ()))
        return f"{zh}中未知的键“{problem.detail}”{hint_zh}", f"unknown key '{problem.detail}' in {en}{hint_en}"


RULES = [UnknownKey]
