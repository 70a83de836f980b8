"""The reading rule: when a lesson section counts as read, from its length and the course's numbers."""

from __future__ import annotations

import pytest

from workbook.core.reading import ReadingRule, reading_status, word_count


def test_the_minimum_time_is_a_share_of_the_reading_time_kept_between_the_bounds():
    rule = ReadingRule()  # a quarter of the time at 230 words a minute, 5 to 60 seconds
    assert rule.minimum_seconds(400) == 26  # 400 / 230 min = 104 s, a quarter is 26 s
    assert rule.minimum_seconds(10) == 5
    assert rule.minimum_seconds(5000) == 60
    assert ReadingRule(words_per_minute=100, share=0.5, max_seconds=600).minimum_seconds(200) == 60


def test_words_leave_out_link_targets_images_and_tags():
    text = "Say **this**: [the guide](https://example.test/long/path) ![a chart](images/x.png) <br> it's fine"
    assert word_count(text) == 6  # Say this the guide it's fine


@pytest.mark.parametrize(("seconds", "at_end", "expected"), [
    (1, True, (False, "Keep reading: 25 s more")),
    (25.5, False, (False, "Keep reading: 1 s more")),
    (26, False, (False, "Scroll to the end to finish this section")),
    (26, True, (True, "")),
])
def test_a_section_needs_its_time_and_its_end(seconds, at_end, expected):
    assert reading_status(ReadingRule(), 400, seconds, at_end) == expected


def test_the_end_need_not_be_reached_when_the_course_says_so():
    assert reading_status(ReadingRule(reach_end=False), 400, 30, False) == (True, "")


def test_the_shipped_course_sets_the_rule_and_a_bad_number_names_its_line(tmp_path, library):
    import shutil

    from workbook.core.loader import load_library

    assert library.course.reading == ReadingRule(words_per_minute=230, share=0.25, min_seconds=5,
                                                 max_seconds=60, reach_end=True)
    root = tmp_path / "lessons"
    shutil.copytree(library.root, root)
    shutil.copytree(library.root.parent / "assets", tmp_path / "assets")
    (root / "course.yaml").write_text("id: c\ntitle: C\nreading:\n  words_per_minute: 5\n", encoding="utf-8")
    broken = load_library(root)
    assert broken.course is None
    found = [p.format() for p in broken.all_problems()]
    assert len(found) == 1 and found[0].startswith(f"{root / 'course.yaml'}:4: reading.words_per_minute:")
