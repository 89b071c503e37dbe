"""Who is who: the units that can own an order and the people who act.

The federation's rights department (维权部) owns every order it signs; it can
pass one to a county federation (transfer) or to one of its own departments
(assign). The list of departments is data an administrator keeps, so it lives
in :class:`Organization`, which the rules take as a parameter.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum

from attrs import field, frozen

from hotline_core.domain.vocabulary import DEFAULT_DEPARTMENTS, Place, Role


class UnitKind(StrEnum):
    RIGHTS_DEPT = "rights_dept"
    COUNTY = "county"
    DEPARTMENT = "department"


@frozen
class Unit:
    """An organisational unit that can own an order or answer a supervision."""

    kind: UnitKind
    name: str

    @classmethod
    def county(cls, place: Place | str) -> Unit:
        return cls(UnitKind.COUNTY, Place(place).value)

    @classmethod
    def department(cls, name: str) -> Unit:
        return cls(UnitKind.DEPARTMENT, name)

    def __str__(self) -> str:
        return self.name


RIGHTS_DEPT = Unit(UnitKind.RIGHTS_DEPT, "维权部")


def _roles(roles: Iterable[Role]) -> frozenset[Role]:
    return frozenset(roles)


@frozen
class Person:
    """A login on the shared host and what it may act as.

    A county clerk belongs to one county, a department contact to one
    department; the other roles act for the rights department or above.
    """

    login: str
    roles: frozenset[Role] = field(converter=_roles)
    county: Place | None = None
    department: str | None = None

    def has(self, role: Role) -> bool:
        return role in self.roles

    @property
    def unit(self) -> Unit:
        if self.county is not None and Role.COUNTY_CLERK in self.roles:
            return Unit.county(self.county)
        if self.department is not None and Role.DEPARTMENT in self.roles:
            return Unit.department(self.department)
        return RIGHTS_DEPT


@frozen
class Organization:
    """The configurable part of the organisation: today, its departments."""

    departments: tuple[str, ...] = DEFAULT_DEPARTMENTS

    def has_department(self, name: str) -> bool:
        return name in self.departments


DEFAULT_ORGANIZATION = Organization()
