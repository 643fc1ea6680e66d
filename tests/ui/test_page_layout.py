"""Page positions in the continuous view: binary-searched, so 2,000 pages cost what 2 do."""

from __future__ import annotations

import pytest

from reader.ui.page_layout import MARGIN, PAGE_GAP, POINTS_TO_PIXELS, PageLayout
from reader.ui.render_worker import BAND_ROWS, keys_for_page


def test_pages_stack_with_gaps_and_centre():
    layout = PageLayout([(600, 800), (800, 600), (600, 800)], zoom=0.75)   # 0.75 × 96/72 = 1 px per point
    assert layout.scale == pytest.approx(1.0)
    assert layout.tops == [MARGIN, MARGIN + 800 + PAGE_GAP, MARGIN + 800 + PAGE_GAP + 600 + PAGE_GAP]
    assert layout.content_width == 800 + 2 * MARGIN
    x, y, w, h = layout.page_rect(0, viewport_width=1000)
    assert (x, w, h) == ((1000 - 600) // 2, 600, 800)


def test_page_at_and_visible_range():
    layout = PageLayout([(595, 842)] * 2000, zoom=1.0)
    height = layout.heights[0]
    assert layout.page_at(0) == 0
    assert layout.page_at(layout.tops[1234] + 5) == 1234
    assert layout.page_at(layout.tops[1234] - 1) == 1233          # the gap belongs to the page above
    assert layout.page_at(10 ** 9) == 1999
    top = layout.tops[10] + height - 5                              # the last 5 px of page 10 …
    assert list(layout.visible(top, top + height)) == [10, 11]      # … and page 11 below it


def test_fit_zooms():
    layout = PageLayout([(595, 842), (842, 595)], zoom=1.0)
    assert layout.fit_width_zoom(842 * POINTS_TO_PIXELS + 2 * MARGIN) == pytest.approx(1.0)   # the widest page
    zoom = layout.fit_page_zoom(2000, 842 * POINTS_TO_PIXELS + 2 * PAGE_GAP, page=0)
    assert zoom == pytest.approx(1.0)                                # height-bound for a tall page


def test_small_pages_render_whole_and_large_ones_in_bands():
    assert keys_for_page("view", 3, (595, 842), 2.0, (0, 842))[0].clip is None
    keys = keys_for_page("view", 3, (595, 842), 8.0, (100, 200))       # 4760 × 6736 px: banded
    band = BAND_ROWS / 8.0
    assert [k.clip[1] for k in keys] == [pytest.approx(i * band) for i in range(int(100 // band), int(200 // band) + 1)]
    assert all(k.clip[3] - k.clip[1] <= band + 1e-6 for k in keys)
    last = keys_for_page("view", 3, (595, 842), 8.0, (800, 5000))
    assert last[-1].clip[3] == pytest.approx(842)                      # never past the page's bottom
