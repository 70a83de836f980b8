"""The content the app keeps is plain records (msgspec Structs); pydantic checks files only
(`workbook/core/schemas.py`). Each schema model and its record agree field for field, the data
attempts store is what pydantic's `model_dump` wrote before, and a start from the content cache
imports no pydantic."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import msgspec
import pytest

from workbook.core import schemas
from workbook.core.attempt import AttemptPlan, draw_attempt
from workbook.core.content_cache import load_library_cached
from workbook.core.loader import load_library
from workbook.core.plain_data import as_data
from workbook.core.quiz import stored_question
from workbook.paths import bundled_content_dir


@pytest.fixture(scope="module")
def library():
    return load_library(bundled_content_dir())


@pytest.mark.parametrize("model", list(schemas.PLAIN), ids=lambda model: model.__name__)
def test_each_schema_model_has_a_record_of_the_same_name_and_fields(model):
    plain = schemas.PLAIN[model]
    assert plain.__name__ == model.__name__
    assert [spec.name for spec in msgspec.structs.fields(plain)] == list(model.model_fields)
    missing = msgspec.NODEFAULT
    for spec in msgspec.structs.fields(plain):
        info = model.model_fields[spec.name]
        if info.is_required():
            assert spec.default is missing and spec.default_factory is missing, spec.name
        elif info.default_factory is not None:
            made = schemas.plain(info.default_factory())
            assert as_data(spec.default_factory()) == as_data(made), spec.name
        else:
            assert spec.default == info.default, spec.name


def test_stored_data_is_what_pydantic_wrote(library):
    """Quiz attempts already stored keep reading back the same, and new ones store the same JSON."""
    quizzes = [module.quiz for module in library.modules if module.quiz is not None]
    assert quizzes
    for quiz in quizzes:
        model = schemas.QuizFile.model_validate(as_data(quiz))
        assert as_data(quiz.settings) == model.settings.model_dump(mode="json")
        assert as_data(quiz.settings, exclude_defaults=True) == model.settings.model_dump(
            mode="json", exclude_defaults=True)
        for question, checked in zip(quiz.questions, model.questions, strict=True):
            data = as_data(question, exclude_none=True)
            assert data == checked.model_dump(mode="json", exclude_none=True)
            assert stored_question(data) == question
    for scenario in library.scenarios:
        assert as_data(scenario) == schemas.Scenario.model_validate(as_data(scenario)).model_dump(mode="json")


def test_an_attempt_plan_reads_back_equal(library):
    import json
    import random

    module = next(m for m in library.modules if m.quiz is not None)
    plan = draw_attempt(module.quiz, module.id, random.Random(3))
    assert AttemptPlan.from_payload(json.loads(json.dumps(plan.to_payload()))) == plan


def test_data_of_another_shape_is_refused():
    with pytest.raises(ValueError):
        stored_question({"type": "single-choice", "id": "q", "colour": "red"})
    with pytest.raises(ValueError):
        stored_question({"type": "hotspot"})


def test_a_start_from_the_content_cache_imports_no_pydantic(tmp_path: Path):
    load_library_cached(bundled_content_dir(), tmp_path)  # fills the cache
    code = ("import sys; from pathlib import Path; "
            "from workbook.core.content_cache import load_library_cached; "
            "from workbook.paths import bundled_content_dir; "
            f"library = load_library_cached(bundled_content_dir(), Path({str(tmp_path)!r})); "
            "print(len(library.modules), 'pydantic' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    count, imported = done.stdout.split()
    assert int(count) > 0 and imported == "False"
