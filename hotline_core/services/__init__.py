"""Use cases: what the command line and the terminal UI ask of the system.

Each function takes the repository (a :mod:`ports` protocol), the acting login and
``now`` (the edge reads the clock, not the rules), runs one transaction, and either
commits a change the rules allowed or raises the rules' refusal having changed
nothing. No use case knows about Textual or argparse; the edges import this package
and the domain's values, never an adapter.

By theme: :mod:`access` (who acts), :mod:`users`, :mod:`orders`, :mod:`alerts`,
:mod:`reports`, :mod:`knowledge`, :mod:`maintenance` (open, demo, check, backup, restore).
"""

from hotline_core.services.access import UnknownLogin, access_log, identify, require_role
from hotline_core.services.alerts import InboxItem, acknowledge, escalate, inbox, run_escalation
from hotline_core.services.documents import entry_document, order_document
from hotline_core.services.knowledge import (
    KB_STEPS,
    kb_entries,
    kb_export,
    kb_import,
    kb_save,
    kb_search,
    kb_step,
    kb_suggest,
)
from hotline_core.services.maintenance import (
    DatabaseDamaged,
    DatabaseExists,
    DatabaseNotFound,
    FileRepository,
    LockTimeout,
    StorageError,
    backup,
    check,
    create_demo,
    history_digest,
    inspect_database,
    open_database,
    restore,
)
from hotline_core.services.orders import (
    IntakeReport,
    act,
    find_order,
    inspect_attachments,
    intake,
    list_orders,
    opened,
    raise_alerts,
    search_orders,
    view_of,
    visible_orders,
)
from hotline_core.services.policies import (
    PolicyView,
    government_departments,
    policy_view,
    set_policy,
    version_json,
    view_json,
)
from hotline_core.services.ports import Repository, Session
from hotline_core.services.reports import (
    REPORT_KINDS,
    export_report,
    file_summary,
    orders_for_report,
    report,
    report_json,
)
from hotline_core.services.summaries import (
    attach_scan,
    check_summary,
    generate_summary,
    note_summary,
    summary_table_json,
    summary_table_of,
)
from hotline_core.services.users import (
    add_user,
    change_settings,
    initialise,
    list_users,
    person_for,
    remove_user,
    settings_of,
)

__all__ = [
    "KB_STEPS",
    "REPORT_KINDS",
    "DatabaseDamaged",
    "DatabaseExists",
    "DatabaseNotFound",
    "FileRepository",
    "InboxItem",
    "IntakeReport",
    "LockTimeout",
    "PolicyView",
    "Repository",
    "Session",
    "StorageError",
    "UnknownLogin",
    "access_log",
    "acknowledge",
    "act",
    "add_user",
    "attach_scan",
    "backup",
    "change_settings",
    "check",
    "check_summary",
    "create_demo",
    "entry_document",
    "escalate",
    "export_report",
    "file_summary",
    "find_order",
    "generate_summary",
    "government_departments",
    "history_digest",
    "identify",
    "inbox",
    "initialise",
    "inspect_attachments",
    "inspect_database",
    "intake",
    "kb_entries",
    "kb_export",
    "kb_import",
    "kb_save",
    "kb_search",
    "kb_step",
    "kb_suggest",
    "list_orders",
    "list_users",
    "note_summary",
    "open_database",
    "opened",
    "order_document",
    "orders_for_report",
    "person_for",
    "policy_view",
    "raise_alerts",
    "remove_user",
    "report",
    "report_json",
    "require_role",
    "restore",
    "run_escalation",
    "search_orders",
    "set_policy",
    "settings_of",
    "summary_table_json",
    "summary_table_of",
    "version_json",
    "view_json",
    "view_of",
    "visible_orders",
]
