"""Orders go to plain JSON and come back the same, times keeping their offsets."""

from __future__ import annotations

import json
from datetime import timedelta

import cattrs
import pytest

from hotline_core.adapters.serialization import (
    SCHEMA_VERSION,
    SchemaMismatch,
    store_order,
    structure_order,
    unstructure_order,
)
from hotline_core.domain.events import Command
from hotline_core.domain.intake import parse_order
from hotline_core.domain.lifecycle import perform, receive
from hotline_core.domain.model import Attachment
from hotline_core.domain.organization import UnitKind
from hotline_core.domain.vocabulary import Action, Channel
from tests.support import HANDLER, MINIMAL_FORM


def roundtrip(order):
    return structure_order(json.loads(json.dumps(unstructure_order(order), ensure_ascii=False)))


def test_an_order_with_its_events_survives_json(story) -> None:
    s = story().do("sign").do("transfer", to="延吉市").do("contact")
    s.do("record", age="70", grade="二级")
    back = roundtrip(s.order)
    assert back == s.order
    assert back.state == s.state


def test_times_keep_the_offset_they_were_given_in() -> None:
    order = receive(parse_order({**MINIMAL_FORM, "received_at": "2026-11-20T08:00:00+00:00"}))
    data = unstructure_order(order)
    assert data["record"]["received_at"] == "2026-11-20T08:00:00+00:00"
    assert roundtrip(order).record.received_at.utcoffset() == timedelta(0)


def test_the_stored_form_is_plain_json_with_readable_chinese_and_a_schema_version(story) -> None:
    data = unstructure_order(story().do("sign").order)
    assert data["schema"] == SCHEMA_VERSION
    assert data["record"]["place"] == "延吉市"
    assert data["events"][1]["action"] == "sign"
    assert "state" not in data


def test_storage_leaves_out_what_is_at_its_default_and_reads_back_the_same_order(story) -> None:
    s = story().do("sign").do("transfer", to="延吉市").do("contact").do("record", age="70")
    stored = store_order(s.order)
    assert stored["schema"] == SCHEMA_VERSION
    assert "note" not in stored["events"][0] and "note" in unstructure_order(s.order)["events"][0]
    assert len(json.dumps(stored, ensure_ascii=False)) < len(
        json.dumps(unstructure_order(s.order), ensure_ascii=False)
    )
    back = structure_order(json.loads(json.dumps(stored, ensure_ascii=False)))
    assert back == s.order and back.state == s.state


def test_an_order_stored_with_every_field_still_reads_back(story) -> None:
    order = story().do("sign").order
    assert structure_order(json.loads(json.dumps(unstructure_order(order)))) == order


def test_attachments_are_kept_by_reference(story) -> None:
    picture = Attachment("ab" * 32, "现场照片.jpg", "image/jpeg", 120_000)
    s = story().do("sign").do("contact")
    order = perform(s.order, Command("feedback", {"text": "已办"}, attachments=(picture,)), HANDLER, s.now)
    assert roundtrip(order).events[-1].attachments == (picture,)


def test_another_schema_version_is_refused_not_guessed(story) -> None:
    data = unstructure_order(story().order)
    with pytest.raises(SchemaMismatch):
        structure_order({**data, "schema": 99})


def test_a_time_without_offset_in_a_stored_order_is_refused(story) -> None:
    data = unstructure_order(story().order)
    data["record"]["received_at"] = "2026-11-20T16:00:00"
    with pytest.raises(cattrs.BaseValidationError):
        structure_order(data)


def test_codes_come_back_as_the_members_themselves(story) -> None:
    back = roundtrip(story().do("sign").do("transfer", to="延吉市").order)
    assert back.events[1].action is Action.SIGN
    assert back.state.owner.kind is UnitKind.COUNTY
    assert back.record.appeal.channel is Channel.PHONE


DAMAGES = {
    "an unknown action": (("events", 1, "action"), "teleport", "$.events[1].action"),
    "an action that is not text": (("events", 1, "action"), ["sign"], "$.events[1].action"),
    "an unknown place": (("record", "place"), "Atlantis", "$.record.place"),
    "a grade given as a number": (("record", "citizen", "grade"), 1, "$.record.citizen.grade"),
    "a field this program does not know": (
        ("record", "colour"),
        "red",
        "extra fields found (colour) @ $.record",
    ),
    "an attachment missing its name": (
        ("record", "attachments"),
        [{"sha256": "ab"}],
        "$.record.attachments[0].name",
    ),
    "events that are not a list": (("events",), None, "$.events"),
}


@pytest.mark.parametrize("damage", list(DAMAGES))
def test_a_damaged_order_is_refused_naming_the_field_at_fault(story, damage: str) -> None:
    path, value, where = DAMAGES[damage]
    data = unstructure_order(story().do("sign").order)
    place = data
    for key in path[:-1]:
        place = place[key]
    place[path[-1]] = value
    with pytest.raises(cattrs.BaseValidationError) as refused:
        structure_order(data)
    assert any(where in line for line in cattrs.transform_error(refused.value))
