from collections.abc import Iterator
from typing import Annotated

from targetlint.goal import agrees, compatible, numeric_parts, relatedness, same_number
from targetlint.options import Range, rule_options
from targetlint.rule import Finding, Rule, Severity
from targetlint.text import offset_span
from targetlint.values import UnitClass

# Money and durations in a goal are the budget and the schedule, which other
# fields carry; only what the project produces is matched with indicators.
_MATCHED = (UnitClass.PERCENT, UnitClass.COUNT, UnitClass.MEASURE)


@rule_options
class Options:
    # Relative difference under which two numbers are the same target
    # (0.05 accepts 400台 against 390台). Zero: they must be equal.
    tolerance: Annotated[float, Range(ge=0.0, lt=1.0)] = 0.0
    # An indicator is the goal target's own when it shares at least this
    # share of its name's two-character sequences with the target's clause
    # (and at least three): "人才调查数据认可度" for "人才调查数据的认可度达到100%".
    related_share: Annotated[float, Range(gt=0.0, le=1.0)] = 0.6


class GoalIndicatorMismatch(Rule):
    """目标与指标不一致：总体目标写了可衡量的目标，指标中却没有或数值不同。

    **作用**：年度总体目标中每个“数字 + 单位”的目标（“培训人次达到150人”
    “满意度达到90%及以上”“完成400台设备的更新”）都应由某个指标承载：
    - 名称与目标所在分句高度相关的指标（共有名称中至少六成的两字组合），其值
      与目标不一致（“认可度达到100%” 对 “人才调查数据认可度 99%”），或不是数值，
      即报告；
    - 没有这样的指标时，只要有同类计量（百分比、计数、同一计量单位）、数值相同的
      指标即视为承载（“约400台”承载“400台”；“≥90%”承载“达到90%及以上”，
      更严的“≥95%”也承载），否则报告“没有指标承载”。

    年份、序号、金额与时长不参与比较（资金与期间由其他字段承载）。无单位的指标值
    在比率类指标上按百分比理解，其他按计数理解。

    说明所建之物的尺寸、规格（“宽3米”“占地300平方米”，词表 `goal-specification-words`），
    以及同一句中紧跟在“1个”“一座”之后、描述这一件东西的量（“新建厕所1个，长4.5米”）
    不要求对应指标；同一单位的不同写法（公里/km，平方米/㎡，词表 `measure-unit-spellings`）
    视为相同。

    **为什么重要**：总体目标与指标是同一份承诺的两种写法；目标写了“培训150人次”
    而指标里没有，年终评价就无从考核这一项，数值不同则必有一处写错。

    **示例**：
    ```yaml
    年度总体目标: 按计划及时开展2场法治工作培训，培训人次达到150人……
    绩效指标:
      产出指标:
        数量指标:
          - 三级指标: 法治工作培训完成场数
            指标值: =2.00(场)
    ```

    **修复方法**：为目标补充指标（“培训人次 ≥150人次”），或改正两处中写错的
    数值，使目标与指标一致。

    **选项**：`tolerance`（数值视为相同的相对误差，默认 0）；`related-share`
    （判定指标与目标相关所需的名称重合比例，默认 0.6）。
    ---
    Goal–indicator mismatch: the goal states a measurable target that no
    indicator carries, or that an indicator contradicts.

    **What it does**: every number-with-unit target in the 年度总体目标
    ("培训人次达到150人", "满意度达到90%及以上", "完成400台设备的更新") should be
    carried by an indicator:
    - an indicator whose name is closely related to the target's clause (it
      shares at least six tenths of its name's two-character sequences) but
      whose value differs ("认可度达到100%" against "人才调查数据认可度 99%") or
      is not a number is reported;
    - without such an indicator, any indicator measured alike (percent,
      count, the same measure) with the same number carries the target
      ("约400台" carries "400台"; "≥90%", and the stricter "≥95%", carry
      "达到90%及以上"); otherwise "no indicator carries it" is reported.

    Years, list numbers, money and durations are not compared (the funds and
    dates carry them). A unitless indicator value is a percentage on a
    rate-named indicator and a count elsewhere.

    A dimension or specification of what is built ("宽3米", "占地300平方米";
    word list `goal-specification-words`), and a measure of the one item the
    same sentence counts ("新建厕所1个,长4.5米"), need no indicator; spellings
    of one unit (公里/km, 平方米/㎡; `measure-unit-spellings`) are the same.

    **Why it matters**: the goal and the indicators state one commitment
    twice. A goal promising "150 trainees" with no indicator for it cannot be
    evaluated at year end; two different numbers mean one of them is wrong.

    **Example**:
    ```yaml
    年度总体目标: 按计划及时开展2场法治工作培训，培训人次达到150人……
    绩效指标:
      产出指标:
        数量指标:
          - 三级指标: 法治工作培训完成场数
            指标值: =2.00(场)
    ```

    **How to fix**: add an indicator for the target ("培训人次 ≥150人次"), or
    correct whichever number is wrong so the goal and the indicators agree.

    **Options**: `tolerance` (relative difference under which numbers are the
    same, default 0); `related-share` (share of an indicator's name the
    target's clause must contain for the two to be related, default 0.6).
    """

    code = "TL404"
    name = "goal-indicator-mismatch"
    severity = Severity.WARNING
    options: Options  # self.options, typed (declared before the alias below shadows the class)
    Options = Options

    def check(self, declaration, source) -> Iterator[Finding]:
        facts = declaration.goal_facts
        if facts is None or not facts.targets:
            return
        # A row's numbers: its 指标值's and each area's, and the areas' total
        # (7 areas of 1个 carry a goal of 7个).
        indicators = [
            (i, (*(p for v in i.judged() for p in numeric_parts(v.parsed)), *numeric_parts(i.area_total)))
            for i in declaration.indicators()
            if i.name
        ]
        tolerance = self.options.tolerance
        for target in facts.targets:
            goal_value = target.value
            if goal_value.unit_class not in _MATCHED or target.specification:
                continue  # "宽3米" specifies what is built; no indicator is expected for it
            own, alike = [], []
            for indicator, numbers in indicators:
                parts = [p for p in numbers if compatible(goal_value, p, indicator.facts.is_rate, self.vocabulary)]
                shared, share = relatedness(target, indicator.name)
                # A related indicator measured otherwise (a rate beside a
                # count) is a different measure of the same thing.
                if shared >= 3 and share >= self.options.related_share and (parts or not numbers):
                    own.append((indicator, parts))
                if parts:
                    alike.append((indicator, parts))
            if target.implied:
                # "全部合格" is checked against a related number only.
                own = [(indicator, parts) for indicator, parts in own if parts]
                if not own:
                    continue
            if own:
                if any(agrees(goal_value, p, tolerance) for _, parts in own for p in parts):
                    continue
                indicator, parts = own[0]
                if parts:
                    zh = (
                        f"总体目标“{target.clause}”与指标“{indicator.name}”的值“{_written(indicator)}”不一致："
                        "请改正其中写错的一处"
                    )
                    en = (
                        f"the goal's '{target.clause}' contradicts the value '{_written(indicator)}' of "
                        f"'{indicator.name}'; correct whichever is wrong"
                    )
                else:
                    zh = (
                        f"总体目标“{target.clause}”写了“{target.fragment}”，相应指标“{indicator.name}”的"
                        f"值“{indicator.value or ''}”却不是数值：请在指标中写明目标值"
                    )
                    en = (
                        f"the goal's '{target.clause}' states '{target.fragment}', but the related indicator "
                        f"'{indicator.name}' has no number ('{indicator.value or ''}'); state the target in the "
                        "indicator"
                    )
            elif any(same_number(goal_value, p, tolerance) for _, parts in alike for p in parts):
                continue
            else:
                zh = (
                    f"总体目标“{target.clause}”中的“{target.fragment}”没有对应的绩效指标：请补充指标，"
                    "或删去目标中的该数值"
                )
                en = (
                    f"no indicator carries '{target.fragment}' stated in the goal ('{target.clause}'); add an "
                    "indicator, or drop the number from the goal"
                )
            yield self.report(
                offset_span(
                    declaration.span("goal"),
                    target.start,
                    target.end - target.start,
                    declaration.goal,
                    source.source.lines,
                ),
                zh,
                en,
                subject=target.clause,
            )


def _written(indicator) -> str:
    """The row's 指标值, or its area values when it has only those."""
    return indicator.value or "、".join(f"{area} {v.raw}" for area, v in indicator.area_values.items())


RULES = [GoalIndicatorMismatch]
