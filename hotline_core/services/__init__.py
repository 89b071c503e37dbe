"""Use cases: what the command line and the terminal UI ask of the system.

Each function takes the repository (a :mod:`ports` protocol), the acting login and
``now`` (the edge reads the clock, not the rules), runs one transaction, and either
commits a change the rules allowed or raises the rules' refusal having changed
nothing. No use case knows about Textual or argparse; the edges import this package
and the domain's values, never an adapter.

By theme: :mod:`access` (who acts), :mod:`users`, :mod:`orders`, :mod:`alerts`,
:mod:`reports`, :mod:`knowledge`, :mod:`maintenance` (open, demo, check, backup, restore),
:mod:`duties` (services, major incidents), :mod:`programme` (the 百姓热线 programme).

Start-up: importing this package imports no use case. A name's module is imported when the
name is first asked for (PEP 562 ``__getattr__``), so ``hotline`` opening the clerk's queue
loads the use cases the queue calls, and not documents, reports, paper, studies or exchange.
The type checker reads the imports under ``TYPE_CHECKING`` instead, so every name keeps its
type. A new name is one line in ``_HOME`` and one typed import (a test checks they agree).
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # ``X as X``: re-exported by name, for ``from hotline_core.services import X``
    from hotline_core.services.access import UnknownLogin as UnknownLogin
    from hotline_core.services.access import access_log as access_log
    from hotline_core.services.access import identify as identify
    from hotline_core.services.access import outside_database as outside_database
    from hotline_core.services.access import outside_folder as outside_folder
    from hotline_core.services.access import require_role as require_role
    from hotline_core.services.alerts import InboxItem as InboxItem
    from hotline_core.services.alerts import acknowledge as acknowledge
    from hotline_core.services.alerts import escalate as escalate
    from hotline_core.services.alerts import inbox as inbox
    from hotline_core.services.alerts import run_escalation as run_escalation
    from hotline_core.services.documents import entry_document as entry_document
    from hotline_core.services.documents import episode_document as episode_document
    from hotline_core.services.documents import incident_document as incident_document
    from hotline_core.services.documents import order_document as order_document
    from hotline_core.services.documents import service_document as service_document
    from hotline_core.services.documents import summary_document as summary_document
    from hotline_core.services.duties import add_service as add_service
    from hotline_core.services.duties import find_incident as find_incident
    from hotline_core.services.duties import follow_incident as follow_incident
    from hotline_core.services.duties import list_incidents as list_incidents
    from hotline_core.services.duties import list_services as list_services
    from hotline_core.services.duties import report_incident as report_incident
    from hotline_core.services.duties import update_service as update_service
    from hotline_core.services.knowledge import KB_STEPS as KB_STEPS
    from hotline_core.services.knowledge import kb_entries as kb_entries
    from hotline_core.services.knowledge import kb_export as kb_export
    from hotline_core.services.knowledge import kb_import as kb_import
    from hotline_core.services.knowledge import kb_save as kb_save
    from hotline_core.services.knowledge import kb_search as kb_search
    from hotline_core.services.knowledge import kb_step as kb_step
    from hotline_core.services.knowledge import kb_suggest as kb_suggest
    from hotline_core.services.maintenance import DatabaseDamaged as DatabaseDamaged
    from hotline_core.services.maintenance import DatabaseExists as DatabaseExists
    from hotline_core.services.maintenance import DatabaseNotFound as DatabaseNotFound
    from hotline_core.services.maintenance import FileRepository as FileRepository
    from hotline_core.services.maintenance import LockTimeout as LockTimeout
    from hotline_core.services.maintenance import StorageError as StorageError
    from hotline_core.services.maintenance import backup as backup
    from hotline_core.services.maintenance import check as check
    from hotline_core.services.maintenance import create_demo as create_demo
    from hotline_core.services.maintenance import history_digest as history_digest
    from hotline_core.services.maintenance import inspect_database as inspect_database
    from hotline_core.services.maintenance import open_database as open_database
    from hotline_core.services.maintenance import restore as restore
    from hotline_core.services.orders import IntakeReport as IntakeReport
    from hotline_core.services.orders import act as act
    from hotline_core.services.orders import find_order as find_order
    from hotline_core.services.orders import inspect_attachments as inspect_attachments
    from hotline_core.services.orders import intake as intake
    from hotline_core.services.orders import list_orders as list_orders
    from hotline_core.services.orders import opened as opened
    from hotline_core.services.orders import raise_alerts as raise_alerts
    from hotline_core.services.orders import search_orders as search_orders
    from hotline_core.services.orders import view_of as view_of
    from hotline_core.services.orders import visible_orders as visible_orders
    from hotline_core.services.paper import PAPERS as PAPERS
    from hotline_core.services.paper import paper_font as paper_font
    from hotline_core.services.paper import print_order as print_order
    from hotline_core.services.paper import set_paper_font as set_paper_font
    from hotline_core.services.policies import PolicyView as PolicyView
    from hotline_core.services.policies import government_departments as government_departments
    from hotline_core.services.policies import policy_view as policy_view
    from hotline_core.services.policies import set_policy as set_policy
    from hotline_core.services.policies import version_json as version_json
    from hotline_core.services.policies import view_json as view_json
    from hotline_core.services.ports import Repository as Repository
    from hotline_core.services.ports import Session as Session
    from hotline_core.services.programme import add_episode as add_episode
    from hotline_core.services.programme import episode_summary as episode_summary
    from hotline_core.services.programme import list_episodes as list_episodes
    from hotline_core.services.programme import take_question as take_question
    from hotline_core.services.queue import first_page as first_page
    from hotline_core.services.queue import remember_ranks as remember_ranks
    from hotline_core.services.reports import REPORT_KINDS as REPORT_KINDS
    from hotline_core.services.reports import export_report as export_report
    from hotline_core.services.reports import file_summary as file_summary
    from hotline_core.services.reports import orders_for_report as orders_for_report
    from hotline_core.services.reports import report as report
    from hotline_core.services.reports import report_json as report_json
    from hotline_core.services.studies import add_study_orders as add_study_orders
    from hotline_core.services.studies import answer_study as answer_study
    from hotline_core.services.studies import draft_study as draft_study
    from hotline_core.services.studies import find_study as find_study
    from hotline_core.services.studies import list_studies as list_studies
    from hotline_core.services.studies import open_study as open_study
    from hotline_core.services.studies import submit_study as submit_study
    from hotline_core.services.studies import write_study as write_study
    from hotline_core.services.summaries import attach_scan as attach_scan
    from hotline_core.services.summaries import check_summary as check_summary
    from hotline_core.services.summaries import generate_summary as generate_summary
    from hotline_core.services.summaries import note_summary as note_summary
    from hotline_core.services.summaries import summary_table_json as summary_table_json
    from hotline_core.services.summaries import summary_table_of as summary_table_of
    from hotline_core.services.users import add_user as add_user
    from hotline_core.services.users import change_settings as change_settings
    from hotline_core.services.users import initialise as initialise
    from hotline_core.services.users import list_users as list_users
    from hotline_core.services.users import person_for as person_for
    from hotline_core.services.users import remove_user as remove_user
    from hotline_core.services.users import settings_of as settings_of

# Where each name lives: ``name: module`` under ``hotline_core.services``.
_HOME = {
    "DatabaseDamaged": "maintenance",
    "DatabaseExists": "maintenance",
    "DatabaseNotFound": "maintenance",
    "FileRepository": "maintenance",
    "InboxItem": "alerts",
    "IntakeReport": "orders",
    "KB_STEPS": "knowledge",
    "LockTimeout": "maintenance",
    "PAPERS": "paper",
    "PolicyView": "policies",
    "REPORT_KINDS": "reports",
    "Repository": "ports",
    "Session": "ports",
    "StorageError": "maintenance",
    "UnknownLogin": "access",
    "access_log": "access",
    "acknowledge": "alerts",
    "act": "orders",
    "add_episode": "programme",
    "add_service": "duties",
    "add_study_orders": "studies",
    "add_user": "users",
    "answer_study": "studies",
    "attach_scan": "summaries",
    "backup": "maintenance",
    "change_settings": "users",
    "check": "maintenance",
    "check_summary": "summaries",
    "create_demo": "maintenance",
    "draft_study": "studies",
    "entry_document": "documents",
    "episode_document": "documents",
    "episode_summary": "programme",
    "escalate": "alerts",
    "export_report": "reports",
    "file_summary": "reports",
    "find_incident": "duties",
    "find_order": "orders",
    "find_study": "studies",
    "first_page": "queue",
    "follow_incident": "duties",
    "generate_summary": "summaries",
    "government_departments": "policies",
    "history_digest": "maintenance",
    "identify": "access",
    "inbox": "alerts",
    "incident_document": "documents",
    "initialise": "users",
    "inspect_attachments": "orders",
    "inspect_database": "maintenance",
    "intake": "orders",
    "kb_entries": "knowledge",
    "kb_export": "knowledge",
    "kb_import": "knowledge",
    "kb_save": "knowledge",
    "kb_search": "knowledge",
    "kb_step": "knowledge",
    "kb_suggest": "knowledge",
    "list_episodes": "programme",
    "list_incidents": "duties",
    "list_orders": "orders",
    "list_services": "duties",
    "list_studies": "studies",
    "list_users": "users",
    "note_summary": "summaries",
    "open_database": "maintenance",
    "open_study": "studies",
    "opened": "orders",
    "order_document": "documents",
    "orders_for_report": "reports",
    "outside_database": "access",
    "outside_folder": "access",
    "paper_font": "paper",
    "person_for": "users",
    "policy_view": "policies",
    "print_order": "paper",
    "raise_alerts": "orders",
    "remember_ranks": "queue",
    "remove_user": "users",
    "report": "reports",
    "report_incident": "duties",
    "report_json": "reports",
    "require_role": "access",
    "restore": "maintenance",
    "run_escalation": "alerts",
    "search_orders": "orders",
    "service_document": "documents",
    "set_paper_font": "paper",
    "set_policy": "policies",
    "settings_of": "users",
    "submit_study": "studies",
    "summary_document": "documents",
    "summary_table_json": "summaries",
    "summary_table_of": "summaries",
    "take_question": "programme",
    "update_service": "duties",
    "version_json": "policies",
    "view_json": "policies",
    "view_of": "orders",
    "visible_orders": "orders",
    "write_study": "studies",
}

__all__ = sorted(_HOME)

if not TYPE_CHECKING:  # the checker sees the imports above, and a typo in a name stays an error

    def __getattr__(name: str) -> object:
        """The name from its module, imported on first use; later uses find it here."""
        home = _HOME.get(name)
        if home is None:
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        value = getattr(import_module(f"{__name__}.{home}"), name)
        globals()[name] = value
        return value

    def __dir__() -> list[str]:
        return sorted({*globals(), *__all__})
