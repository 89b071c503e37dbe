"""Whatever clerks try, in any order, an order's state is what its events say."""

from __future__ import annotations

import json
from datetime import timedelta

from hypothesis import HealthCheck, event, given, note, settings
from hypothesis import strategies as st

from hotline_core.adapters.serialization import structure_order, unstructure_order
from hotline_core.domain.events import Command
from hotline_core.domain.intake import parse_order
from hotline_core.domain.lifecycle import RULES, available_actions, decide, receive
from hotline_core.domain.organization import RIGHTS_DEPT
from hotline_core.domain.problems import HotlineError
from hotline_core.domain.state import replay
from hotline_core.domain.vocabulary import Action, Status
from tests.support import (
    COMPLETE_FORM,
    HANDLER,
    LEADER,
    MINIMAL_FORM,
    REHAB_CONTACT,
    VIEWER,
    YANJI_CLERK,
)

DATA_CHOICES: dict[Action, list[dict[str, str]]] = {
    Action.REQUEST_RETURN: [{"reason": "非本单位职责", "basis": "三定方案"}, {}],
    Action.DECLINE: [
        {"reason": "not_specific", "explanation": "无法核实", "guidance": "请补充"},
        {"reason": "x"},
    ],
    Action.RECORD: [
        {"name": "李某"},
        {"phone": "bad"},
        {
            "reply": "已答复",
            "gender": "男",
            "age": "50",
            "ethnicity": "汉族",
            "disability": "visual",
            "address": "龙井市",
            "name": "李某",
            "business_area": "rights",
            "phone": "13900000000",
        },
    ],
    Action.TRANSFER: [{"to": "延吉市"}, {"to": "北京市"}],
    Action.ASSIGN: [{"to": "康复部"}, {"to": "无此部"}],
    Action.SUBMIT_RESULT: [{"text": "已办理"}, {}],
    Action.REQUEST_EXTENSION: [{"until": "2027-03-01T17:00:00+08:00", "reason": "核查"}, {"until": "x"}],
    Action.APPROVE_EXTENSION: [{"by": "leader"}, {"by": "center"}, {"by": "someone"}],
    Action.FEEDBACK: [
        {"text": "已反馈", "images": "现场.jpg"},
        {"text": "已电话答复", "no_image_reason": "电话咨询"},
        {"text": "已反馈"},
        {},
    ],
    Action.REPLY: [{"text": "已答复"}],
    Action.RATE: [{"level": "satisfied"}, {"level": "unsatisfied"}, {"level": "meh"}],
    Action.REPORT_UNSATISFIED: [{"text": "已报告"}],
}
ACTIONS = [a for a in Action if a is not Action.RECEIVE]

ACTORS = [HANDLER, HANDLER, HANDLER, LEADER, YANJI_CLERK, REHAB_CONTACT, VIEWER]


def first_time(order, action: Action):
    return next((e.at for e in order.events if e.action is action), None)


def assert_explained(order) -> None:
    """Independent checks that the state follows from the event list."""
    state = order.state
    assert state == replay(order.record, order.events)
    times = [e.at for e in order.events]
    assert times == sorted(times)
    actions = [e.action for e in order.events]
    assert state.signed_at == first_time(order, Action.SIGN)
    assert state.contacted_at == first_time(order, Action.CONTACT)
    assert (state.status is Status.ARCHIVED) == (Action.ARCHIVE in actions)
    if Action.APPROVE_RETURN in actions:
        assert state.status in (Status.RETURNED, Status.ARCHIVED)
    moves = [e for e in order.events if e.action in (Action.TRANSFER, Action.ASSIGN, Action.SUBMIT_RESULT)]
    if not moves or moves[-1].action is Action.SUBMIT_RESULT:
        assert state.owner == RIGHTS_DEPT
    else:
        assert state.owner.name == moves[-1].data["to"]
    pending_returns = 0
    for action in actions:
        if action is Action.REQUEST_RETURN:
            pending_returns += 1
        elif action in (Action.APPROVE_RETURN, Action.REFUSE_RETURN):
            assert pending_returns == 1, "a return decided without a request"
            pending_returns -= 1
    since_redo = actions[max((i for i, a in enumerate(actions) if a is Action.REDO), default=0) :]
    if state.status is Status.CLOSED:
        assert Action.FEEDBACK in since_redo and Action.CLOSE in since_redo
        assert since_redo.index(Action.FEEDBACK) < since_redo.index(Action.CLOSE)
    if Action.RATE in since_redo:
        assert since_redo.index(Action.FEEDBACK) < since_redo.index(Action.RATE)
    # Each recorded event was allowed by the rules on the state before it.
    for i in range(1, len(order.events)):
        RULES[order.events[i].action].precondition(replay(order.record, order.events[:i]))


# One step of a clerk's session: who, a roll (0: they try anything at all rather than what the
# menus offer), which action and which data among the choices, and how many minutes later.
STEP = st.tuples(
    st.sampled_from(ACTORS),
    st.integers(0, 4),
    st.integers(0, len(ACTIONS) - 1),
    st.integers(0, max(len(options) for options in DATA_CHOICES.values()) - 1),
    st.integers(-30, 600),
)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data(), complete=st.booleans())
def test_any_sequence_of_actions_leaves_a_state_its_events_explain(data, complete) -> None:
    order = receive(parse_order({**(COMPLETE_FORM if complete else MINIMAL_FORM), "reply": ""}))
    now = order.record.received_at
    # The whole plan in one draw: as many choices as a draw per step, at a fifth of the cost.
    steps = data.draw(st.integers(0, 40), label="steps")
    menus: dict[str, list[Action]] = {}  # what each login's menus offer on `order` as it stands
    for actor, roll, pick, data_pick, minutes in data.draw(st.lists(STEP, min_size=steps, max_size=steps)):
        # Mostly what the menus offer, so orders get far; one step in five (or when nothing
        # is offered), anything at all.
        if roll and actor.login not in menus:
            menus[actor.login] = available_actions(order, actor)
        choices = (menus[actor.login] if roll else []) or ACTIONS
        action = choices[pick % len(choices)]
        options = DATA_CHOICES.get(action, [{}])
        command = Command(action, options[data_pick % len(options)])
        when = now + timedelta(minutes=minutes)
        note(f"{actor.login} tries {action.value} {command.data} at {when:%d %H:%M}")
        try:
            event = decide(order, command, actor, when)
        except HotlineError:
            continue  # a refusal records nothing: `order` is unchanged by construction
        assert event.action is action and event.at == when
        order = order.with_event(event)
        menus.clear()
        now = when
        assert_explained(order)
    back = structure_order(json.loads(json.dumps(unstructure_order(order), ensure_ascii=False)))
    assert back == order and back.state == order.state


@settings(max_examples=100, deadline=None)
@given(
    form=st.fixed_dictionaries(
        {k: st.just(v) for k, v in MINIMAL_FORM.items()},
        optional={
            "name": st.text(max_size=50).filter(str.strip),
            "age": st.integers(0, 120),
            "county": st.sampled_from(["延吉市", "图们市", "州本级"]),
            "address": st.text(max_size=200).filter(str.strip),
            "grade": st.sampled_from(["1", "2", "3", "4"]),
            "emergency": st.booleans(),
        },
    )
)
def test_structuring_then_unstructuring_an_order_returns_the_same_order(form) -> None:
    order = receive(parse_order(form))
    data = unstructure_order(order)
    assert unstructure_order(structure_order(data)) == data
    assert structure_order(data) == order


# -- rounds (issue 15): what an earlier round's limits said never changes ---------------------

ROUND_STEPS: list[tuple[Action, dict[str, str]]] = [
    (Action.SIGN, {}),
    (Action.CONTACT, {}),
    (Action.REQUEST_RETURN, {"reason": "非本单位职责", "basis": "三定方案"}),
    (Action.REFUSE_RETURN, {}),
    (Action.REQUEST_EXTENSION, {"reason": "核查"}),
    (Action.APPROVE_EXTENSION, {"by": "leader"}),
    (Action.APPROVE_EXTENSION, {"by": "center"}),
    (Action.FEEDBACK, {"text": "已反馈", "images": "现场.jpg"}),
    (Action.RATE, {"level": "unsatisfied"}),
    (Action.RATE, {"level": "satisfied"}),
    (Action.REPORT_UNSATISFIED, {"text": "已报告"}),
    (Action.REDO, {}),
    (Action.CLOSE, {}),
    (Action.FLAG_EMERGENCY, {}),
    (Action.FIRST_REPLY, {}),
]
# The steps that lead to a round's end, drawn more often so that more walks get there.
ROUND_STEPS += [
    step for step in ROUND_STEPS if step[0] in (Action.FEEDBACK, Action.REDO, Action.REFUSE_RETURN)
]
ROUND_STEPS += [(Action.RATE, {"level": "unsatisfied"})] * 2


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_no_limit_outcome_of_an_earlier_round_ever_changes_after_the_round_ends(data) -> None:
    from hotline_core.domain.rounds import earlier_rounds

    order = receive(parse_order({**COMPLETE_FORM, "reply": "已答复"}))
    now, seen = order.record.received_at, []
    prelude = [(Action.SIGN, {}), (Action.CONTACT, {})] if data.draw(st.booleans(), label="signed") else []
    for number in range(data.draw(st.integers(0, 40), label="steps")):
        step = (
            prelude[number]
            if number < len(prelude)
            else data.draw(st.sampled_from(ROUND_STEPS), label="step")
        )
        action, parameters = step
        # Minutes to days apart: some steps in time, some late (sign 1 office hour, close 3 days).
        when = now + timedelta(minutes=data.draw(st.sampled_from([1, 20, 90, 600, 1500, 4000]), label="gap"))
        if action is Action.REQUEST_EXTENSION:
            days = data.draw(st.integers(1, 12), label="days")
            parameters = {**parameters, "until": (when + timedelta(days=days)).isoformat()}
        actor = LEADER if parameters.get("by") == "leader" else HANDLER
        try:
            order = order.with_event(decide(order, Command(action, parameters), actor, when))
        except HotlineError:
            continue
        now = when
        rounds = earlier_rounds(order)
        assert rounds[: len(seen)] == seen, "an earlier round's outcome changed"
        assert len(rounds) >= len(seen)
        seen = rounds
    event(f"rounds ended: {min(len(seen), 3)}")  # the statistics show the walks reach redo and returns
