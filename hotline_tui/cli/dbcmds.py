"""Database subcommands: ``init``, ``users``, ``demo``, ``check``, ``backup`` and ``restore``."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from hotline_core import services
from hotline_core.domain.vocabulary import Role
from hotline_tui.cli import context
from hotline_tui.cli.context import database_folder, open_repository, system_now
from hotline_tui.cli.output import Output


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    init = subparsers.add_parser("init", parents=[common], help="create an empty database")
    init.set_defaults(handler=run_init)

    users = subparsers.add_parser("users", parents=[common], help="who may use the system")
    users_sub = users.add_subparsers(dest="users_command", metavar="WHAT", required=True)
    add = users_sub.add_parser("add", parents=[common], help="give a login a role")
    add.add_argument("login")
    add.add_argument("role", help=", ".join(Role))
    add.add_argument("--county")
    add.add_argument("--department")
    add.set_defaults(handler=run_users_add)
    listing = users_sub.add_parser("list", parents=[common], help="list the users")
    listing.set_defaults(handler=run_users_list)
    remove = users_sub.add_parser("remove", parents=[common], help="take a login's access away")
    remove.add_argument("login")
    remove.set_defaults(handler=run_users_remove)

    demo = subparsers.add_parser("demo", parents=[common], help="create or refresh a demo database")
    demo.set_defaults(handler=run_demo)

    check = subparsers.add_parser("check", parents=[common], help="verify the database and the audit trail")
    check.add_argument(
        "--digest", action="store_true", help="print one short digest of the whole history, to keep on paper"
    )
    check.add_argument("--seq", type=int, help="with --digest: the history up to this change only")
    check.set_defaults(handler=run_check)

    backup = subparsers.add_parser(
        "backup", parents=[common], help="a consistent copy while others keep working"
    )
    backup.add_argument("--to", type=Path, help="folder for backups (default: beside the database, backups/)")
    backup.add_argument("--compress", action="store_true", help="one .tar.gz file instead of a folder")
    backup.set_defaults(handler=run_backup)

    restore = subparsers.add_parser("restore", parents=[common], help="put a backup back")
    restore.add_argument("source", type=Path, help="a backup folder or .tar.gz made by hotline backup")
    restore.add_argument(
        "--replace", action="store_true", help="replace a live database (it is kept aside in replaced/)"
    )
    restore.set_defaults(handler=run_restore)


def run_init(args: argparse.Namespace, out: Output) -> int:
    repo = open_repository(args, create=True)
    founder = services.initialise(repo, context.acting_login(args), context.system_now())
    out.emit(
        {"db": str(repo.folder), "login": founder.login, "roles": sorted(founder.roles)},
        out.t("cli.init.done", db=repo.folder, login=founder.login),
    )
    return 0


def _user_json(person: Any) -> dict[str, Any]:
    return {
        "login": person.login,
        "roles": sorted(person.roles),
        "county": person.county,
        "department": person.department,
    }


def run_users_add(args: argparse.Namespace, out: Output) -> int:
    repo = open_repository(args)
    person = services.person_for(
        args.login, args.role, args.county, args.department, repo.snapshot().settings()
    )
    added = services.add_user(repo, context.acting_login(args), person)
    out.emit(_user_json(added), f"{added.login}: {', '.join(sorted(added.roles))}")
    return 0


def run_users_list(args: argparse.Namespace, out: Output) -> int:
    users = services.list_users(open_repository(args), context.acting_login(args))
    rows = [_user_json(p) for p in users]
    lines = [
        f"{r['login']:<16}{','.join(r['roles']):<32}{r['county'] or r['department'] or ''}" for r in rows
    ]
    out.emit(rows, "\n".join(lines))
    return 0


def run_users_remove(args: argparse.Namespace, out: Output) -> int:
    services.remove_user(open_repository(args), context.acting_login(args), args.login)
    out.emit({"removed": args.login}, out.t("cli.users.removed", login=args.login))
    return 0


def run_demo(args: argparse.Namespace, out: Output) -> int:
    repo = open_repository(args, create=True)
    orders = services.create_demo(repo, context.acting_login(args), system_now())
    out.emit(
        {"db": str(repo.folder), "orders": len(orders)},
        out.t("cli.demo.done", db=repo.folder, n=len(orders)),
    )
    return 0


def run_backup(args: argparse.Namespace, out: Output) -> int:
    made = services.backup(
        open_repository(args),
        context.acting_login(args),
        args.to,
        system_now(),
        compress=args.compress,
        files=context.files_for(args),
    )
    out.emit({"backup": str(made)}, out.t("cli.backup.done", path=made))
    return 0


def run_restore(args: argparse.Namespace, out: Output) -> int:
    folder = database_folder(args)
    kept = services.restore(
        args.source,
        folder,
        context.acting_login(args),
        replace=args.replace,
        own_files=not context.delegated(),
        files=context.named_files(folder),
    )
    note = out.t("cli.restore.kept", kept=kept) if kept else ""
    out.emit(
        {"db": str(folder), "replaced": str(kept) if kept else None},
        out.t("cli.restore.done", source=args.source, db=folder) + note,
    )
    return 0


def run_check(args: argparse.Namespace, out: Output) -> int:
    folder = database_folder(args)
    if args.digest:
        return _print_digest(args, out)
    orders, found = services.check(
        services.inspect_database(folder), context.acting_login(args), out.language
    )
    out.emit(
        {"db": str(folder), "ok": not found, "orders": orders, "problems": found},
        "\n".join(found) if found else out.t("cli.check.ok", db=folder, n=orders),
    )
    return 1 if found else 0


def _print_digest(args: argparse.Namespace, out: Output) -> int:
    repo = services.inspect_database(database_folder(args))
    seq, size, sha256 = services.history_digest(repo, context.acting_login(args), args.seq)
    short = " ".join(sha256[i : i + 4] for i in range(0, 16, 4))
    out.emit(
        {"seq": seq, "bytes": size, "sha256": sha256, "digest": short},
        f"seq {seq} · {short} · journal.jsonl {size} B · sha256 {sha256}",
    )
    return 0
