"""The timeline chart: a search's results by year in, the bars of an SVG out
(one series by publication year, one by the years the articles mention), each
bar with the URL that filters the search to it.
"""
from __future__ import annotations

from dataclasses import dataclass

WIDTH, HEIGHT, PAD = 720, 140, 24


@dataclass
class Bar:
    x: float
    y: float
    width: float
    height: float
    year: str
    count: int
    series: str
    url: str


@dataclass
class Chart:
    bars: list[Bar]
    ticks: list[tuple[float, str]]
    width: int = WIDTH
    height: int = HEIGHT


def chart(timeline: dict, url_for_bar) -> Chart | None:
    """Bars for every year from the first to the last with results; None when there is nothing to draw."""
    years = sorted({int(v.value) for values in timeline.values() for v in values if v.value.isdigit()})
    if not years:
        return None
    first, last = years[0], years[-1]
    span = last - first + 1
    slot = (WIDTH - 2 * PAD) / span
    peak = max(v.count for values in timeline.values() for v in values)
    bars = []
    for offset, series in enumerate(("published", "mentioned")):
        for value in timeline.get(series, []):
            height = (HEIGHT - 2 * PAD) * value.count / peak
            x = PAD + (int(value.value) - first) * slot + offset * slot / 2
            bars.append(Bar(round(x, 1), round(HEIGHT - PAD - height, 1), round(max(slot / 2 - 1, 1), 1),
                            round(height, 1), value.value, value.count, series, url_for_bar(series, value.value)))
    step = max(1, span // 8)
    ticks = [(round(PAD + (y - first) * slot + slot / 2, 1), str(y)) for y in range(first, last + 1, step)]
    return Chart(bars, ticks)
