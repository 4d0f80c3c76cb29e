from collections.abc import Iterator

from targetlint.model import Indicator
from targetlint.names import indicator_key
from targetlint.rule import Finding, Rule, Severity


class DuplicateIndicator(Rule):
    """重复的三级指标：同一申报表中同一个三级指标出现了两次。

    **作用**：同一申报表内，三级指标名称去掉空白、统一全角半角后相同，即报告后出现的那一个，
    位置在其名称，并指出第一次出现的行号。不同类别下的同名指标也算重复；
    不同申报表（同一文件中以 `---` 分隔）之间的同名指标不算。

    **为什么重要**：同一指标写两次会被重复计分，两处的指标值还可能互相矛盾；
    通常是复制粘贴时忘了改名。

    **示例**：
    ```yaml
    质量指标:
      - 三级指标: 培训合格率
        指标值: ≥95%
      - 三级指标: 培训 合格率
        指标值: 100%
    ```

    **修复方法**：删除重复的一项，或改名为它真正衡量的内容。
    ---
    Duplicate indicator: the same 三级指标 twice in one declaration.

    **What it does**: reports, at its name, the second of two indicators
    in one declaration whose names are equal once whitespace is removed and
    full-width forms are folded, and names the first one's line. The same
    name under different categories counts; the same name in different
    declarations (documents separated by `---`) does not.

    **Why it matters**: an indicator written twice is scored twice, and the
    two values may contradict each other; usually a copy-paste whose name
    was never changed.

    **Example**:
    ```yaml
    质量指标:
      - 三级指标: 培训合格率
        指标值: ≥95%
      - 三级指标: 培训 合格率
        指标值: 100%
    ```

    **How to fix**: delete the repeated one, or rename it for what it
    really measures.
    """

    code = "TL109"
    name = "duplicate-indicator"
    severity = Severity.WARNING

    def check(self, declaration, source) -> Iterator[Finding]:
        first: dict[str, Indicator] = {}
        for indicator in declaration.indicators():
            if not (indicator.name or "").strip():
                continue  # a missing name is TL003's
            key = indicator_key(indicator.name)
            earlier = first.setdefault(key, indicator)
            if earlier is indicator:
                continue
            line = earlier.span("name").line
            yield self.report(
                indicator.span("name"),
                f"三级指标“{indicator.name}”与第 {line} 行的“{earlier.name}”重复：请删除其一，或改名为它真正衡量的内容",
                f"indicator '{indicator.name}' repeats '{earlier.name}' on line {line}; delete one or rename it for "
                "what it measures",
                indicator=indicator,
                subject=indicator.name,
            )


RULES = [DuplicateIndicator]
