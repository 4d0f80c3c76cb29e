from collections.abc import Iterator

from targetlint.options import rule_options
from targetlint.rule import Finding, Rule, Severity
from targetlint.vocabulary import Level1Kind, Level2Kind

from .tl101_missing_level1 import indicators_rejected


@rule_options
class Options:
    # From this 申报年度 on, a missing cost is an error (Shanghai: 2025); None keeps it a warning.
    error_from_year: int | None = None


class MissingCost(Rule):
    """缺少成本指标：既没有一级“成本指标”，也没有产出指标下的二级“成本指标”。

    **作用**：申报表的绩效指标中找不到任何成本指标时报告，位置在“绩效指标”处。两种格式都认：
    旧格式把成本指标作为产出指标下的二级，新格式把成本指标作为一级，下设 经济成本、
    社会成本、生态环境成本。成本类别虽然写了、但其中没有任何指标，也视为缺少
    （空类别本身另由 TL108 提示）。默认是警告；设置 `error-from-year` 后，申报年度
    不早于该年份的申报表报告为错误，未写申报年度的仍为警告。

    **为什么重要**：财预〔2021〕101号把“相应的成本控制要求”列为绩效目标的组成部分；
    上海 2025 年的指引要求“原则上，每一项目均应设置成本指标”。没有成本指标，
    就无从评价花了多少钱、是否超支。

    **示例**：
    ```yaml
    绩效指标:
      产出指标:
        数量指标:
          - 三级指标: 培训人次
            指标值: ≥200人次
      # 没有 成本指标
    ```

    **修复方法**：新格式加一级“成本指标 → 经济成本指标”，写总成本、单位成本或分项成本，
    如“人均培训成本 ≤500元/人”；旧格式在产出指标下加二级“成本指标”。

    **选项**：`error-from-year`：从哪一申报年度起缺少成本指标算错误（如 2025）；
    默认不设，始终为警告。
    ---
    Missing cost: no 一级 成本指标 and no 二级 成本指标 under 产出.

    **What it does**: reports, at the 绩效指标 key, a declaration whose
    indicators hold no cost indicator in either layout: the older one files
    成本指标 as a 二级 under 产出指标, the newer one makes 成本指标 a 一级
    with 经济成本, 社会成本 and 生态环境成本. A cost category that is
    written but holds no indicator counts as missing (TL108 notes the empty
    category itself). A warning by default; with `error-from-year`,
    declarations whose 申报年度 is that year or later get an error (those
    without a 申报年度 keep the warning).

    **Why it matters**: the central guidance 财预〔2021〕101号 makes "the
    corresponding cost-control requirements" part of a target, and
    Shanghai's 2025 guidance says every project should in principle set cost
    indicators. Without one, nobody can judge what the output cost or
    whether it overran.

    **Example**:
    ```yaml
    绩效指标:
      产出指标:
        数量指标:
          - 三级指标: 培训人次
            指标值: ≥200人次
      # no 成本指标
    ```

    **How to fix**: in the newer layout add "成本指标 → 经济成本指标" with a
    total, unit or itemised cost ("人均培训成本 ≤500元/人"); in the older
    layout add a 二级 成本指标 under 产出指标.

    **Options**: `error-from-year`: the 申报年度 from which a missing cost is
    an error (e.g. 2025); unset by default, always a warning.
    """

    code = "TL102"
    name = "missing-cost"
    severity = Severity.WARNING
    options: Options  # self.options, typed (declared before the alias below shadows the class)
    Options = Options

    def check(self, declaration, source) -> Iterator[Finding]:
        if not declaration.has_indicators or indicators_rejected(declaration, source):
            return
        cost_level1s = [level1 for level1 in declaration.level1s if level1.kind == Level1Kind.COST]
        cost_level2s = [
            level2
            for level2 in declaration.categories()
            if level2.home == Level1Kind.COST or level2.kind == Level2Kind.COST
        ]
        if any(level2.indicators for level2 in cost_level2s):
            return
        if cost_level1s or cost_level2s:
            label = (cost_level2s or cost_level1s)[0].label
            zh = f"成本指标“{label}”下没有成本类的指标：请写明成本，如总成本、单位成本（元/人）"
            en = (
                f"the cost category '{label}' holds no cost indicator; state the cost, e.g. a total or unit cost "
                "(元/人)"
            )
        else:
            zh = "绩效指标中没有成本指标：请加一级“成本指标”（经济成本）或产出指标下的二级“成本指标”"
            en = (
                "the indicators have no cost indicator; add a 一级 成本指标 (经济成本) or a 二级 成本指标 under "
                "产出指标"
            )
        yield self.report(
            declaration.span("indicators"),
            zh,
            en,
            subject=Level1Kind.COST.value,
            severity=self._severity(declaration.year),
        )

    def _severity(self, year: int | None) -> Severity:
        threshold = self.options.error_from_year
        if threshold is not None and year is not None and year >= threshold:
            return Severity.ERROR
        return self.severity


RULES = [MissingCost]
