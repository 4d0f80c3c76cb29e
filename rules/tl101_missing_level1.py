from collections.abc import Iterator
from dataclasses import field
from typing import Annotated

from targetlint.model import INDICATORS_KEYS
from targetlint.names import LEVEL1_KINDS, UnprintedLevels, level1_kind, older_template_placement, unprinted_levels
from targetlint.options import Check, rule_options
from targetlint.rule import Finding, Rule, Severity
from targetlint.source import ProblemKind
from targetlint.vocabulary import REQUIRED_LEVEL1


def _level1_kinds(labels: list[str]) -> list[str]:
    kinds: list[str] = []
    for label in labels:
        kind = level1_kind(label)
        if kind is None:
            raise ValueError(f"{label!r} is no 一级 指标 (expected one of {', '.join(LEVEL1_KINDS)})")
        kinds.append(kind)
    return kinds


@rule_options
class Options:
    # Labels are read like the form's: "满意度指标" and "满意度" both name 满意度.
    required: Annotated[list[str], Check(_level1_kinds)] = field(default_factory=lambda: list(REQUIRED_LEVEL1))


def indicators_rejected(declaration, source) -> bool:
    """Whether the loader refused the 绩效指标 value itself (a list or text
    where the table belongs): TL004 reports that, and nothing in it can be judged."""
    return any(
        problem.kind == ProblemKind.INVALID_TYPE
        and problem.detail in INDICATORS_KEYS  # the key as written: 绩效指标 or indicators
        and problem.document == declaration.index
        for problem in source.problems
    )


class MissingLevel1(Rule):
    """缺少必备的一级指标：绩效指标中没有 产出、效益 或 满意度 指标。

    **作用**：绩效指标表中缺少某个必备一级指标（产出指标、效益指标、满意度指标）时，
    在“绩效指标”处逐一报告。标签先规范化再判断：“产出 指标”“产出指标(必填)”
    “项目完成指标”都算产出，“效果指标”算效益，“社会公众或服务对象满意度指标”算满意度。
    新旧两种格式都要求这三个一级指标；成本指标是否必备由 TL102 判断。
    如果某个一级指标下的二级指标（如“服务对象满意度指标”）被放在了别的一级指标下，
    消息会指出它的位置，错放本身由 TL103 报告。旧版模板把满意度作为效益指标下的二级
    （“社会公众或服务对象满意度指标”），这是模板的格式，满意度算作已有，由 TL103 提示。
    申报表完全没有“绩效指标”时由 TL003 报告。

    一张完全不分一级、二级的指标清单只报一次（警告），说明它没有分类，而不是每缺一个
    一级报一个错误。

    **为什么重要**：绩效目标须同时说明产出、效果和服务对象的评价；缺少任何一类，
    申报表不完整，评审会退回。

    **示例**：
    ```yaml
    绩效指标:
      产出指标:
        数量指标:
          - 三级指标: 培训人次
            指标值: ≥200人次
      效益指标:
        社会效益指标:
          - 三级指标: 政策知晓率
            指标值: ≥90%
      # 缺少 满意度指标
    ```

    **修复方法**：补上缺少的一级指标及其二级、三级指标，如
    “满意度指标 → 服务对象满意度指标 → 参训人员满意度 ≥90%”。

    **选项**：`required`：必备的一级指标（默认 产出、效益、满意度）。
    ---
    Missing 一级 indicator: the table has no 产出, 效益 or 满意度 indicators.

    **What it does**: reports, at the 绩效指标 key, each required 一级
    (产出指标, 效益指标, 满意度指标) the table lacks. Labels are normalised
    first: "产出 指标", "产出指标(必填)" and "项目完成指标" are 产出, "效果指标"
    is 效益, "社会公众或服务对象满意度指标" is 满意度. Both layouts require
    these three; whether 成本指标 is required is TL102's call. When a 二级 of
    the missing 一级 (such as 服务对象满意度指标) sits under another 一级, the
    message says where; the misplacement itself is TL103's. Older templates
    printed satisfaction as a 二级 under 效益 ("社会公众或服务对象满意度指标");
    that layout has the category, and TL103 notes it. A declaration
    without any 绩效指标 is TL003's.

    A flat list with no 一级 or 二级 at all is one warning saying so, not
    one error per missing 一级.

    **Why it matters**: a target states the output, the effect and how those
    served judge it; without one of them the declaration is incomplete and
    reviewers return it.

    **Example**:
    ```yaml
    绩效指标:
      产出指标:
        数量指标:
          - 三级指标: 培训人次
            指标值: ≥200人次
      效益指标:
        社会效益指标:
          - 三级指标: 政策知晓率
            指标值: ≥90%
      # no 满意度指标
    ```

    **How to fix**: add the missing 一级 with its 二级 and indicators, e.g.
    "满意度指标 → 服务对象满意度指标 → 参训人员满意度 ≥90%".

    **Options**: `required`: the required 一级 (default 产出, 效益, 满意度).
    """

    code = "TL101"
    name = "missing-level1"
    severity = Severity.ERROR
    options: Options  # self.options, typed (declared before the alias below shadows the class)
    Options = Options

    def check(self, declaration, source) -> Iterator[Finding]:
        if not declaration.has_indicators or indicators_rejected(declaration, source):
            return
        level1s = declaration.level1s
        layout = unprinted_levels(
            [one.label for one in level1s], [two.label for one in level1s for two in one.categories]
        )
        if layout is UnprintedLevels.NONE_PRINTED:
            # One finding for the layout, not one per 一级 it lacks.
            yield self.report(
                declaration.span("indicators"),
                "绩效指标是一张不分一级、二级的清单：看不出哪些是产出、效益、满意度指标；请按产出、效益、满意度"
                "（及成本）指标分类填写",
                "the indicators are one list with no 一级 or 二级, so nothing says which are 产出, 效益 or 满意度; "
                "file them under those categories (and 成本)",
                subject="",
                severity=Severity.WARNING,
            )
            return
        present = {level1.kind for level1 in level1s}
        # An older template's layout ("…满意度指标" as a 二级 under 效益) has the
        # category; TL103 says what the layout is.
        present |= {
            level2.home
            for level1 in declaration.level1s
            for level2 in level1.categories
            if older_template_placement(level1.kind, level2.kind)
        }
        for kind in self.options.required:
            if kind in present:
                continue
            stray = [level2 for level2 in declaration.categories() if level2.home == kind]
            where_zh = where_en = ""
            if stray:
                level2 = stray[0]
                where_zh = f"（其二级指标“{level2.label}”写在了第 {level2.span().line} 行的其他一级指标下）"
                where_en = f" (its 二级 '{level2.label}' sits under another 一级 on line {level2.span().line})"
            yield self.report(
                declaration.span("indicators"),
                f"绩效指标缺少一级指标“{kind}指标”{where_zh}：请补上该类指标",
                f"the indicators have no 一级 '{kind}指标'{where_en}; add that category",
                subject=kind,
            )


RULES = [MissingLevel1]
