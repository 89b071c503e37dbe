"""Who acts is what the kernel says, never what the environment says (SPEC section 3)."""

from __future__ import annotations

from hotline_tui.cli.context import acting_uid

SERVICE, CLERK, ADMIN = 990, 1001, 1002


def test_a_clerk_running_hotline_directly_acts_as_their_own_account() -> None:
    assert acting_uid(CLERK, CLERK, SERVICE, None) == CLERK


def test_through_the_sudo_rule_the_clerk_sudo_names_acts() -> None:
    assert acting_uid(SERVICE, SERVICE, SERVICE, CLERK) == CLERK


def test_a_sudo_uid_set_by_hand_outside_the_service_account_changes_nothing() -> None:
    assert acting_uid(CLERK, CLERK, SERVICE, ADMIN) == CLERK


def test_a_setuid_process_is_not_taken_for_the_sudo_rule() -> None:
    assert acting_uid(CLERK, SERVICE, SERVICE, ADMIN) == CLERK


def test_the_service_account_on_its_own_acts_as_itself() -> None:
    assert acting_uid(SERVICE, SERVICE, SERVICE, None) == SERVICE
    assert acting_uid(SERVICE, SERVICE, SERVICE, SERVICE) == SERVICE


def test_root_acts_as_root_on_a_folder_it_does_not_own() -> None:
    assert acting_uid(0, 0, SERVICE, CLERK) == 0
