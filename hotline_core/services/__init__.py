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
    DatabaseNotFound,
    FileRepository,
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
    view_of,
    visible_orders,
)
from hotline_core.services.paper import PAPERS, paper_font, print_order, set_paper_font
from hotline_core.services.ports import Repository, Session
from hotline_core.services.reports import (
    REPORT_KINDS,
    export_report,
    file_summary,
    orders_for_report,
    report,
    report_json,
)
from hotline_core.services.studies import (
    add_study_orders,
    answer_study,
    draft_study,
    find_study,
    list_studies,
    open_study,
    submit_study,
    write_study,
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
    "PAPERS",
    "REPORT_KINDS",
    "DatabaseNotFound",
    "FileRepository",
    "InboxItem",
    "IntakeReport",
    "Repository",
    "Session",
    "StorageError",
    "UnknownLogin",
    "access_log",
    "acknowledge",
    "act",
    "add_study_orders",
    "add_user",
    "answer_study",
    "backup",
    "change_settings",
    "check",
    "create_demo",
    "draft_study",
    "entry_document",
    "escalate",
    "export_report",
    "file_summary",
    "find_order",
    "find_study",
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
    "list_studies",
    "list_users",
    "open_database",
    "open_study",
    "opened",
    "order_document",
    "orders_for_report",
    "paper_font",
    "person_for",
    "print_order",
    "raise_alerts",
    "remove_user",
    "report",
    "report_json",
    "require_role",
    "restore",
    "run_escalation",
    "set_paper_font",
    "settings_of",
    "submit_study",
    "view_of",
    "visible_orders",
    "write_study",
]
