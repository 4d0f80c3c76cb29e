from collections.abc import Iterator

from targetlint.rule import Finding, Rule, Severity
from targetlint.vocabulary import Level2Kind

# The 二级 of costs that are not money: what the project costs society or the
# environment.
_BURDEN_KINDS = (Level2Kind.SOCIAL_COST, Level2Kind.ECOLOGICAL_COST)
_BENEFIT_KINDS = (
    Level2Kind.ECONOMIC_BENEFIT,
    Level2Kind.SOCIAL_BENEFIT,
    Level2Kind.ECOLOGICAL_BENEFIT,
    Level2Kind.SUSTAINABILITY,
)


class MisfiledEffect(Rule):
    """效益与成本、产出放错：成本指标下写了效益，或效益指标下写了产出数量。

    **作用**：社会成本指标、生态环境成本指标下的三级指标，名称或指标值说的是一种收益
    （改善、提升、促进、带动…，词表 `effect-gain-words`），名称又没有说明代价（成本、
    影响、占用、污染、损失…，词表 `cost-burden-words`）时报告，如生态环境成本下的
    “改善河道景观”；效益指标下的计数指标，名称是产出动作（新建、购置、发放、举办、
    培训…，词表 `output-count-verbs`）的数量，又不涉及受益、就业、增收等效果（词表
    `benefit-count-words`）时也报告，如社会效益下的“新建公厕数量 5座”。

    **为什么重要**：社会成本和生态环境成本记的是项目带来的代价（占用、污染、对群众
    的干扰），写成收益就没有人核算代价；效益指标考核的是产出带来的效果，写成产出
    数量就重复了产出指标，效果却没有考核。

    **示例**：
    ```yaml
    成本指标:
      生态环境成本指标:
        - 三级指标: 改善河道周边景观
          指标值: 明显改善
    ```

    **修复方法**：把收益移到效益指标下，成本指标写明代价及其上限（如“施工期占用
    耕地面积 ≤2亩”“对周边环境的影响 无明显影响”）；把产出数量移到产出指标/数量指标，
    效益指标写它带来的效果（受益人数、改善程度）。

    **修复安全性**：不提供自动修复：该移到哪一类、代价怎么写，要看指标本身。
    ---
    Misfiled effect: a benefit filed as a cost, or an output count filed as a benefit.

    **What it does**: reports an indicator under 社会成本 or 生态环境成本 whose
    name or value states a gain (改善, 提升, 促进, 带动 …; word list
    `effect-gain-words`) while its name names no burden (成本, 影响, 占用,
    污染, 损失 …; `cost-burden-words`), such as "改善河道景观" under
    生态环境成本; and a count under 效益 whose name counts an output action
    (新建, 购置, 发放, 举办, 培训 …; `output-count-verbs`) and no effect
    (受益, 就业, 增收 …; `benefit-count-words`), such as "新建公厕数量 5座"
    under 社会效益.

    **Why it matters**: social and ecological costs record what the project
    costs (land taken, pollution, disturbance); a gain filed there leaves the
    cost unaccounted. Benefits measure what the outputs achieve; an output
    count filed there repeats the output indicators and measures no effect.

    **Example**:
    ```yaml
    成本指标:
      生态环境成本指标:
        - 三级指标: 改善河道周边景观
          指标值: 明显改善
    ```

    **How to fix**: move the gain to 效益 and state the cost and its limit
    ("施工期占用耕地面积 ≤2亩", "对周边环境的影响 无明显影响"); move an
    output count to 产出/数量 and measure its effect under 效益 (people
    benefiting, how much things improved).

    **Fix safety**: no automatic fix: where it belongs, and what the cost is,
    depend on the indicator.
    """

    code = "TL116"
    name = "misfiled-effect"
    severity = Severity.WARNING

    def check(self, declaration, source) -> Iterator[Finding]:
        v = self.vocabulary
        for indicator in declaration.indicators():
            level2, name = indicator.level2, indicator.name
            if level2 is None or not name:
                continue
            if level2.kind in _BURDEN_KINDS:
                value = indicator.parsed
                # The name, and the value's words and the words before its
                # number ("提升至≥90%"); "不增加" holds back, it gains nothing.
                texts = (name, *(value.words if value else ()), (value.subject or "") if value else "")
                if any(w in name for w in v.cost_burden_words):
                    continue
                written = indicator.value or ""
                gain = next(
                    (
                        g
                        for g in v.effect_gain_words
                        for text in texts
                        if g in text and f"不{g}" not in text and f"不{g}" not in written
                    ),
                    None,
                )
                if gain is None:
                    continue
                where = _where(indicator)
                yield self.report(
                    indicator.span("name"),
                    f"“{name}”说的是收益（{gain}），却放在了“{where}”下：成本指标应写项目带来的代价及其上限，"
                    "收益请移到效益指标",
                    f"'{name}' states a gain ({gain}) but is filed under '{where}'; a cost states what the project "
                    "costs and its limit: move the gain to 效益",
                    indicator=indicator,
                    subject=name,
                )
            elif level2.kind in _BENEFIT_KINDS and indicator.facts.is_count:
                verb = next((w for w in v.output_count_verbs if w in name), None)
                if verb is None or any(w in name for w in v.benefit_count_words):
                    continue
                where = _where(indicator)
                yield self.report(
                    indicator.span("name"),
                    f"“{name}”是产出数量（{verb}），却放在了“{where}”下：请移到产出指标/数量指标，效益指标写它带来的"
                    "效果（受益人数、改善程度…）",
                    f"'{name}' counts an output ({verb}) but is filed under '{where}'; move it to 产出/数量 and "
                    "measure its effect under 效益 (people benefiting, how much things improved)",
                    indicator=indicator,
                    subject=name,
                )


def _where(indicator) -> str:
    """The 一级/二级 an indicator is filed under, as the message names it."""
    level2 = indicator.level2
    return f"{indicator.level1.label}/{level2.label}" if indicator.level1 else level2.label


RULES = [MisfiledEffect]
