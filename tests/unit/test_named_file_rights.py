"""Whose rights a file a person names is opened with: the permission bits read as the kernel does.

Through the sudo rule the process is the service account; the clerk (the acting account)
must be able to do by the bits what the program does for them (docs/security.md)."""

from __future__ import annotations

import pytest

from hotline_core.adapters.named_files import READ, SEARCH, WRITE, Account, may

CLERK = Account(1001, frozenset({1001, 500}))  # kim, in her own group and the group hotline (500)
SERVICE, SERVICE_GROUP = 990, 990  # the service account owns the database's files


@pytest.mark.parametrize(
    ("mode", "owner", "group", "want", "allowed"),
    [
        (0o600, 1001, 1001, READ, True),  # her own private file
        (0o600, SERVICE, SERVICE_GROUP, READ, False),  # chain.key: the service account's alone
        (0o640, SERVICE, 500, READ, True),  # shared with the group hotline, which she is in
        (0o640, SERVICE, SERVICE_GROUP, READ, False),  # shared with a group she is not in
        (0o644, SERVICE, SERVICE_GROUP, READ, True),  # readable by everyone
        (0o044, 1001, 1001, READ, False),  # her own file without the owner's bit: the kernel says no
        (0o700, SERVICE, SERVICE_GROUP, SEARCH, False),  # the database folder, 0700
        (0o2770, SERVICE, 500, SEARCH | WRITE, True),  # the shared outbox, 2770 group hotline
        (0o755, SERVICE, SERVICE_GROUP, SEARCH, True),  # she may pass through
        (0o755, SERVICE, SERVICE_GROUP, SEARCH | WRITE, False),  # but not write into it
        (0o1777, 0, 0, SEARCH | WRITE, True),  # /tmp
    ],
)
def test_a_clerk_may_do_what_the_bits_let_her_account_do(mode, owner, group, want, allowed) -> None:
    assert may(mode, owner, group, CLERK, want) is allowed


def test_an_account_without_groups_is_judged_by_the_others_bits() -> None:
    nobody = Account(65534)
    assert may(0o604, 1001, 1001, nobody, READ)
    assert not may(0o640, 1001, 1001, nobody, READ)


def test_root_acting_may_read_and_write_anything() -> None:
    assert may(0o000, SERVICE, SERVICE_GROUP, Account(0), READ | WRITE | SEARCH)
