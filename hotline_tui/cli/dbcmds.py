"""Database subcommands: ``init``, ``users``, ``demo`` and ``check``."""

from __future__ import annotations

import argparse
from typing import Any

from hotline_core import services
from hotline_core.lifecycle import audit
from hotline_core.vocabulary import Role
from hotline_tui.cli.context import current_login, database_folder, open_repository, system_now
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
    check.set_defaults(handler=run_check)


def run_init(args: argparse.Namespace, out: Output) -> int:
    repo = open_repository(args, create=True)
    founder = services.initialise(repo, current_login())
    out.emit({"db": str(repo.folder), "login": founder.login, "roles": sorted(founder.roles)},
             f"已创建数据库 {repo.folder}；{founder.login} 为系统管理员和承办人")
    return 0


def _user_json(person: Any) -> dict[str, Any]:
    return {"login": person.login, "roles": sorted(person.roles), "county": person.county,
            "department": person.department}


def run_users_add(args: argparse.Namespace, out: Output) -> int:
    repo = open_repository(args)
    person = services.person_for(args.login, args.role, args.county, args.department,
                                 repo.snapshot().settings())
    added = services.add_user(repo, current_login(), person)
    out.emit(_user_json(added), f"{added.login}: {', '.join(sorted(added.roles))}")
    return 0


def run_users_list(args: argparse.Namespace, out: Output) -> int:
    users = open_repository(args).snapshot().users()
    rows = [_user_json(p) for p in sorted(users.values(), key=lambda p: p.login)]
    lines = [f"{r['login']:<16}{','.join(r['roles']):<32}{r['county'] or r['department'] or ''}" for r in rows]
    out.emit(rows, "\n".join(lines))
    return 0


def run_users_remove(args: argparse.Namespace, out: Output) -> int:
    services.remove_user(open_repository(args), current_login(), args.login)
    out.emit({"removed": args.login}, f"已删除 {args.login}")
    return 0


def run_demo(args: argparse.Namespace, out: Output) -> int:
    repo = open_repository(args, create=True)
    orders = services.create_demo(repo, current_login(), system_now())
    out.emit({"db": str(repo.folder), "orders": len(orders)},
             f"演示数据库 {repo.folder}：{len(orders)} 张工单。启动界面：hotline --db {repo.folder}")
    return 0


def run_check(args: argparse.Namespace, out: Output) -> int:
    folder = database_folder(args)
    repo = open_repository(args)
    found = [f"{p.path}: {p.reason}" for p in repo.db.check()]
    orders = repo.snapshot().orders()
    found += [p.message(out.language) for order in orders for p in audit(order)]
    out.emit({"db": str(folder), "ok": not found, "orders": len(orders), "problems": found},
             "\n".join(found) if found else f"{folder}: 正常（{len(orders)} 张在办工单）")
    return 1 if found else 0
