"""docs/intake-format.md is the intake's contract: its worked example goes in as written,
and its table names every field, what is required, the choices and the length limits."""

from __future__ import annotations

import json
import re
from pathlib import Path

from hotline_core.domain.intake import FORM, REQUIRED_AT_INTAKE, REQUIRED_BEFORE_CLOSE
from hotline_core.domain.vocabulary import (
    AppealType,
    BusinessArea,
    Channel,
    DisabilityCategory,
    Gender,
    Place,
)

DOC = Path(__file__).parents[2] / "docs" / "intake-format.md"
CHOICES = {
    "channel": Channel,
    "appeal_type": AppealType,
    "business_area": BusinessArea,
    "county": Place,
    "gender": Gender,
    "disability": DisabilityCategory,
}
# The longest text each field takes, as intake.py reads it.
LIMITS = {"id": "64", "appeal": "4,000", "reply": "4,000", "name": "50", "address": "200", "phone": "30"}


def blocks(kind: str) -> list[str]:
    return re.findall(rf"```{kind}\n(.*?)```", DOC.read_text(encoding="utf-8"), flags=re.S)


def rows() -> dict[str, list[str]]:
    """The field table: field name → its cells."""
    found = {}
    for line in DOC.read_text(encoding="utf-8").splitlines():
        match = re.match(r"\| `([a-z_]+)` \|(.*)\|$", line)
        if match:
            found[match.group(1)] = [cell.strip() for cell in match.group(2).split("|")]
    return found


def test_the_worked_example_goes_in_as_the_document_shows(cli, tmp_path) -> None:
    (example,) = blocks("json")
    forms = json.loads(example)
    path = tmp_path / "push.json"
    path.write_text(example, encoding="utf-8")
    cli("init")
    code, said, _ = cli("intake", str(path))
    assert code == 0
    (session,) = blocks("console")
    command, shown = session.strip().splitlines()
    assert command == "$ hotline intake push.json" and said.strip() == shown
    code, data, _ = cli("show", forms[1]["id"], "--json")
    assert (
        data["record"]["appeal"]["channel"] == "wechat" and data["record"]["appeal"]["appeal_type"] == "help"
    )
    again = cli("intake", str(path), "--json")[1]
    assert again["added"] == [] and again["present"] == [f["id"] for f in forms]


def test_the_table_names_every_field_and_no_other() -> None:
    assert set(rows()) == set(FORM)


def test_the_table_says_which_fields_are_required_and_which_before_close() -> None:
    for field, (_kind, required, _allowed) in rows().items():
        assert (required == "required") == (field in REQUIRED_AT_INTAKE), field
        if field not in REQUIRED_AT_INTAKE:
            assert required.startswith("before close") == (field in REQUIRED_BEFORE_CLOSE), field


def test_the_table_lists_every_choice_and_every_length_limit() -> None:
    table = rows()
    for field, enum in CHOICES.items():
        for member in enum:
            assert f"`{member.value}`" in table[field][2], f"{field}: {member.value} is not listed"
    for field, limit in LIMITS.items():
        assert f"at most {limit} characters" in table[field][2], field
