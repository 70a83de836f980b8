"""Where "Continue" leads: the newest position while it is unread, else the next unread section of its
module, then the next unread section in course order, and nothing once every section is read."""

from __future__ import annotations

from workbook.core.progress import continue_target


def _all_read(library, modules):
    return {m.id: {s.id for s in m.sections} for m in modules}


def test_continue_stays_where_the_learner_left_off_while_that_section_is_unread(library):
    first = library.modules[0]
    positions = [(first.id, first.sections[2].id)]
    read = {first.id: {first.sections[0].id}}
    module, index = continue_target(library, positions, read)
    assert (module.id, index) == (first.id, 2)


def test_a_section_left_off_already_read_leads_on_to_the_next_unread_one_of_its_module(library):
    """Not back into a section already read (the tester's "Continue" reopened one)."""
    first = library.modules[0]
    positions = [(first.id, first.sections[2].id)]
    read = {first.id: {first.sections[0].id, first.sections[2].id}}
    assert [(m.id, i) for m, i in [continue_target(library, positions, read)]] == [(first.id, 3)]
    later_read = {first.id: {s.id for s in first.sections[2:]}}  # only the sections before it are left
    module, index = continue_target(library, positions, later_read)
    assert (module.id, index) == (first.id, 0)


def test_a_finished_module_leads_on_to_the_next_unread_section(library):
    first, second = library.modules[:2]
    positions = [(first.id, first.sections[-1].id)]
    read = _all_read(library, [first]) | {second.id: {second.sections[0].id}}
    module, index = continue_target(library, positions, read)
    assert (module.id, index) == (second.id, 1)


def test_unread_sections_before_the_last_module_are_found_by_wrapping_round(library):
    last = library.modules[-1]
    read = _all_read(library, library.modules[1:])
    module, index = continue_target(library, [(last.id, last.sections[-1].id)], read)
    assert (module.id, index) == (library.modules[0].id, 0)


def test_nothing_to_continue_once_everything_is_read(library):
    last = library.modules[-1]
    assert continue_target(library, [(last.id, last.sections[-1].id)],
                           _all_read(library, library.modules)) is None
    assert continue_target(library, [], {})[1] == 0  # a new learner starts at the beginning
