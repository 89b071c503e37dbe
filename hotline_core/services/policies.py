"""Use cases of the deadline policies per unit: show one unit's, set a new version (issue 18).

Every version is kept in the settings with who set it, when, on which document and from
when it applies; the settings are written to the hash-chained journal like every other
change, so ``hotline check`` proves the policy history untouched. Orders already received
keep the version in force at their receipt.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from attrs import evolve, frozen

from hotline_core.adapters.serialization import CONVERTER
from hotline_core.domain.intake import BadValue, read_moment
from hotline_core.domain.policy import Policy, PolicyVersion
from hotline_core.domain.policy_change import describe, named_limits, new_version
from hotline_core.domain.problems import InvalidInput, Problem
from hotline_core.domain.vocabulary import COUNTIES, Place, Role
from hotline_core.services.access import identify, require
from hotline_core.services.ports import Repository


@frozen
class PolicyView:
    """One unit's policy as of ``at``: the rules in force, whether they are the unit's own,
    and every version set for the unit (its audit trail), the prefecture's beside a county's."""

    unit: Place
    at: datetime
    policy: Policy
    own: bool
    versions: tuple[PolicyVersion, ...]
    prefecture: Policy


def read_unit(text: str | None) -> Place:
    """``None`` or ``州本级`` is the prefecture; otherwise one of the eight counties."""
    if text is None or not text.strip() or text.strip() == Place.PREFECTURE.value:
        return Place.PREFECTURE
    if text.strip() not in {c.value for c in COUNTIES}:
        raise InvalidInput([Problem("county", "not_a_county")])
    return Place(text.strip())


def policy_view(repo: Repository, actor: str, county: str | None, now: datetime) -> PolicyView:
    """What any user may read: the rules are not personal data."""
    session = repo.snapshot()
    identify(session, actor)
    schedule = session.settings().policies
    unit = read_unit(county)
    policy = schedule.policy_for(now, unit)
    own = unit is Place.PREFECTURE or schedule.version_at(now, unit) != schedule.version_at(now)
    return PolicyView(unit, now, policy, own, schedule.own_versions(unit), schedule.policy_for(now))


def set_policy(
    repo: Repository,
    actor: str,
    county: str | None,
    effective: str,
    document: str,
    changes: Mapping[str, str],
    now: datetime,
) -> PolicyVersion:
    """An administrator sets a new version for the prefecture or a county; refused with every
    reason (a looser county rule names the limit and both values), nothing stored then."""
    unit = read_unit(county)
    try:
        moment = read_moment(effective)
    except BadValue:
        raise InvalidInput([Problem("effective", "bad_datetime")]) from None
    with repo.transaction() as session:
        person = identify(session, actor)
        require(person, Role.ADMIN, "policy set")
        settings = session.settings()
        version = new_version(settings.policies, unit, moment, document, changes, actor, now)
        session.put_settings(evolve(settings, policies=settings.policies.with_version(version)))
    return version


def policy_json(policy: Policy) -> dict[str, Any]:
    """A policy as plain values: every stored field, and each limit as it is typed (``72h@working_day``)."""
    return {
        **CONVERTER.unstructure(policy),
        "limits": {name: describe(limit) for name, limit in named_limits(policy).items()},
    }


def version_json(version: PolicyVersion) -> dict[str, Any]:
    """A version's audit facts and its policy."""
    facts = CONVERTER.unstructure(version)
    facts["policy"] = policy_json(version.policy)
    return dict(facts)


def view_json(view: PolicyView) -> dict[str, Any]:
    return {
        "unit": view.unit.value,
        "at": view.at.isoformat(),
        "own": view.own,
        "policy": policy_json(view.policy),
        "versions": [version_json(v) for v in view.versions],
    }


def government_departments(repo: Repository, actor: str, change: str | None, name: str) -> tuple[str, ...]:
    """The government departments orders are passed to; an administrator adds or removes one
    (a settings change, in the hash-chained journal). Orders already passed keep their name."""
    if change is None:
        session = repo.snapshot()
        identify(session, actor)
        return session.settings().government
    name = name.strip()
    if not name:
        raise InvalidInput([Problem("government", "required")])
    with repo.transaction() as session:
        require(identify(session, actor), Role.ADMIN, f"government {change}")
        settings = session.settings()
        current = settings.government
        names = (*current, name) if change == "add" and name not in current else current
        if change == "remove":
            names = tuple(n for n in current if n != name)
        session.put_settings(evolve(settings, government=names))
    return names
