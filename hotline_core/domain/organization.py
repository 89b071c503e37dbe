"""Who is who: the units that can own an order and the people who act.

The federation's rights department (维权部) owns every order it signs; it can
pass one to a county federation (transfer) or to one of its own departments
(assign). A county federation takes in and handles orders of its own at its
level, with its own clerks (issue 18). Government departments (民政局, 人社局 ...)
are outside the federation: an order is passed to one for its part and chased
until it answers (source 四(四)), but it never owns the order. The lists of
departments and of government departments are data an administrator keeps, so
they live in :class:`Organization`, which the rules take as a parameter.
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
    GOVERNMENT = "government"  # a government department an order is passed to for its part


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

    @classmethod
    def government(cls, name: str) -> Unit:
        return cls(UnitKind.GOVERNMENT, name)

    @property
    def place(self) -> Place:
        """The level the unit belongs to: its county, or the prefecture."""
        return Place(self.name) if self.kind is UnitKind.COUNTY else Place.PREFECTURE

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


# The government departments an order is most often passed to; the administrator keeps the list.
DEFAULT_GOVERNMENT: tuple[str, ...] = (
    "民政局",
    "人力资源和社会保障局",
    "教育局",
    "住房和城乡建设局",
    "卫生健康委员会",
    "医疗保障局",
    "交通运输局",
    "公安局",
)


@frozen
class Organization:
    """The configurable part of the organisation: its departments, the government departments
    orders are passed to, and each county's clerks (``(county, login)``) to assign to."""

    departments: tuple[str, ...] = DEFAULT_DEPARTMENTS
    government: tuple[str, ...] = DEFAULT_GOVERNMENT
    staff: tuple[tuple[str, str], ...] = ()

    def has_department(self, name: str) -> bool:
        return name in self.departments

    def has_government(self, name: str) -> bool:
        return name in self.government

    def staff_of(self, county: Place) -> tuple[str, ...]:
        return tuple(login for place, login in self.staff if place == county.value)


DEFAULT_ORGANIZATION = Organization()
