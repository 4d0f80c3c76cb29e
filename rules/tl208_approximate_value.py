from collections.abc import Iterator

from targetlint.measurability import is_timeliness, pieces
from targetlint.rule import Finding, Rule, Severity
from targetlint.values import IndicatorValue, UnitClass


class ApproximateValue(Rule):
    """约数或区间：指标值写“约400台”“200户左右”“100余人”“2~3个”，目标不确定。

    **作用**：指标值带有约数词（约、大约、近、左右、上下、余、多…，词表
    `approximate-prefixes`、`approximate-suffixes`）或写成区间（“2~3个”“20-30人”，
    一格多值逐个检查）时报告。时效指标的时间窗口（“3-5个工作日”）与起止日期
    （“2023.07-2024.01”）是时限本身，不会触发。

    **为什么重要**：“约400台”做到 380 台算不算完成？约数和区间让年终评价无从判断，
    评审会要求写成确切目标或下限。

    **示例**：
    ```yaml
    - 三级指标: 电子设备清理、更新及运维数量
      指标值: 约400台
    - 三级指标: 专家服务基层项目/基地
      指标值: 2~3个/1~2个
    ```

    **修复方法**：写确切值或下限：“≥400台”“=200户”；区间取能保证完成的下限，
    如“≥2个”。
    ---
    Approximate value: "约400台", "200户左右", "100余人", "2~3个" leave the target uncertain.

    **What it does**: reports values with an approximation word (约, 大约,
    近, 左右, 上下, 余, 多 …; word lists `approximate-prefixes`,
    `approximate-suffixes`) or written as a range ("2~3个", "20-30人"; each
    value of a multi-value cell is checked). A timeliness indicator's time
    window ("3-5个工作日") and start-to-end dates ("2023.07-2024.01") are
    the deadline itself and do not trigger it.

    **Why it matters**: is 380 machines "about 400"? Approximations and
    ranges leave the year-end evaluation nothing firm to judge by;
    reviewers ask for an exact target or a floor.

    **Example**:
    ```yaml
    - 三级指标: 电子设备清理、更新及运维数量
      指标值: 约400台
    - 三级指标: 专家服务基层项目/基地
      指标值: 2~3个/1~2个
    ```

    **How to fix**: give an exact value or a floor ("≥400台", "=200户");
    for a range, the floor you can guarantee ("≥2个").
    """

    code = "TL208"
    name = "approximate-value"
    severity = Severity.WARNING

    def check(self, declaration, source) -> Iterator[Finding]:
        for indicator in declaration.judged_values():
            if indicator.parsed is None:
                continue
            window_ok = None
            found: IndicatorValue | None = None
            for value in pieces(indicator.parsed):
                if not value.approximate:
                    continue
                if value.upper is not None and value.unit_class is UnitClass.TIME:
                    if window_ok is None:
                        window_ok = is_timeliness(indicator)
                    if window_ok:
                        continue
                found = value
                break
            if found is None:
                continue
            raw = indicator.parsed.raw
            if found.upper is not None:
                zh, en = "是区间", "is a range"
            else:
                zh, en = "是约数", "is approximate"
            yield self.report(
                indicator.span("value"),
                f"指标“{indicator.name}”的值“{raw}”{zh}，年终无法判断是否完成：请写确切值或下限（≥）",
                f"the value '{raw}' of '{indicator.name}' {en}, so nobody can tell at year end whether it was met; "
                "give an exact value or a floor (≥)",
                indicator=indicator,
            )


RULES = [ApproximateValue]
