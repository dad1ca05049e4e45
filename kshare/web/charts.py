"""Server-rendered SVG charts: no JavaScript, every value also written as text."""

from html import escape

from markupsafe import Markup

WIDTH, HEIGHT, PAD = 640, 180, 28


def bar_chart(series: list[tuple[str, float]], title: str, unit: str = "") -> Markup:
    """Vertical bars with their values and labels; an empty series says so."""
    if not series:
        return Markup(f'<p class="meta">{escape(title)}: nothing yet.</p>')
    top = max(value for _, value in series) or 1
    step = (WIDTH - 2 * PAD) / len(series)
    bars = "".join(
        _bar(PAD + n * step, step, (HEIGHT - 2 * PAD) * value / top, label, value, unit)
        for n, (label, value) in enumerate(series)
    )
    return Markup(
        f'<svg class="chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        f'aria-label="{escape(title)}"><title>{escape(title)}</title>{bars}</svg>'
    )


def _bar(left: float, step: float, height: float, label: str, value, unit: str) -> str:
    x, y, middle = left + step * 0.15, HEIGHT - PAD - height, left + step / 2
    tip = f"{escape(label)}: {value:g}{escape(unit)}"
    return (
        f'<rect x="{x:.1f}" y="{y:.1f}" width="{step * 0.7:.1f}" '
        f'height="{height:.1f}"><title>{tip}</title></rect>'
        f'<text x="{middle:.1f}" y="{y - 4:.1f}" class="value">{value:g}</text>'
        f'<text x="{middle:.1f}" y="{HEIGHT - 8}" class="label">{escape(label)}</text>'
    )


def meter(value: float | None, target: float, title: str) -> Markup:
    """A horizontal bar of value against target (e.g. sessions vs cadence)."""
    if value is None or not target:
        return Markup(f'<p class="meta">{escape(title)}: not enough data yet.</p>')
    scale = (WIDTH - 2 * PAD) / 1.5  # the bar shows up to 150% of the target
    width, mark = scale * max(0.0, min(value / target, 1.5)), PAD + scale
    return Markup(
        f'<svg class="meter" viewBox="0 0 {WIDTH} 40" role="img" '
        f'aria-label="{escape(title)}"><title>{escape(title)}: {value:g} of '
        f'{target:g}</title><rect x="{PAD}" y="10" width="{width:.1f}" height="16">'
        f'</rect><line x1="{mark:.1f}" y1="4" x2="{mark:.1f}" y2="34"></line></svg>'
    )
