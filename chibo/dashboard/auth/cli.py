"""`python -m chibo.dashboard users add|remove|list|set-role|set-scope|reset-password`: manage logins.

Passwords are read from the terminal (twice) or, with --password-stdin, from one line of standard
input; never from the command line. Every change is written to the audit log.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path

from chibo.dashboard import runtime
from chibo.dashboard.auth import users
from chibo.dashboard.auth.users import ROLES
from chibo.dashboard.settings import Settings

FIRST_ADMIN_HINT = (
    "Chưa có người dùng. Tạo quản trị viên đầu tiên / no users yet, create the first admin:\n"
    "    python -m chibo.dashboard users add --role admin TEN_DANG_NHAP")


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="python -m chibo.dashboard users", description=__doc__.split("\n")[0])
    sub = top.add_subparsers(dest="action", required=True)
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--warehouse", help="warehouse file; the users database sits beside it")
    scope = argparse.ArgumentParser(add_help=False, parents=[common])
    scope.add_argument("--province", action="append", default=[], metavar="CODE",
                       help="province code, old (01) or current (N01); repeatable")
    scope.add_argument("--org", action="append", default=[], metavar="ORG_ID",
                       help="organisation id: the user sees its subtree; repeatable")
    pw = argparse.ArgumentParser(add_help=False)
    pw.add_argument("--password-stdin", action="store_true", help="read the password from stdin")
    p = sub.add_parser("add", parents=[scope, pw], help="add a user")
    p.add_argument("name")
    p.add_argument("--role", choices=ROLES, required=True)
    p = sub.add_parser("remove", parents=[common], help="remove a user and end their sessions")
    p.add_argument("name")
    sub.add_parser("list", parents=[common], help="list users with role and scope")
    p = sub.add_parser("set-role", parents=[common], help="change a user's role")
    p.add_argument("name")
    p.add_argument("role", choices=ROLES)
    p = sub.add_parser("set-scope", parents=[scope],
                       help="replace an analyst's scope (no --province/--org: sees nothing)")
    p.add_argument("name")
    p = sub.add_parser("reset-password", parents=[pw, common], help="set a new password, end sessions")
    p.add_argument("name")
    return top


def _password(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\n")
    first = getpass.getpass("Mật khẩu / password: ")
    if first != getpass.getpass("Nhập lại / repeat: "):
        raise ValueError("Hai lần nhập không khớp / the passwords differ")
    return first


def _scope_text(u: users.User) -> str:
    if u.role != "analyst":
        return "toàn bộ / everything"
    parts = [f"tỉnh/province {', '.join(u.provinces)}"] if u.provinces else []
    parts += [f"tổ chức/org {', '.join(u.orgs)}"] if u.orgs else []
    return "; ".join(parts) or "không có gì / nothing"


def main(argv: list[str] | None, settings: Settings) -> int:
    """Run one user command against the users database of `settings` (or of --warehouse)."""
    args = parser().parse_args(argv)
    if args.warehouse:
        settings = settings.model_copy(update={"warehouse": Path(args.warehouse).resolve()})
    with runtime.bound(runtime.Runtime.build(settings)):
        return _run(args)


def _run(args) -> int:
    actor = f"cli:{os.environ.get('USER', '?')}"
    try:
        if args.action == "list":
            rows = users.list_users()
            if not rows:
                print(FIRST_ADMIN_HINT)
            for u in rows:
                print(f"{u.name:24} {u.role:8} {_scope_text(u):40} {u.last_login_at or '-'}")
            print(f"({users.store().describe()})")
            return 0
        if args.action == "add":
            pw = _password(args.password_stdin)
            u = users.add_user(args.name, args.role, pw, args.province, args.org)
            detail = {"role": u.role, "provinces": u.provinces, "orgs": u.orgs}
            if u.role == "analyst" and not (u.provinces or u.orgs):
                print("Chú ý: chuyên viên chưa có phạm vi nên không thấy gì / note: an analyst "
                      "without --province/--org sees nothing")
        elif args.action == "remove":
            users.remove_user(args.name)
            detail = None
        elif args.action == "set-role":
            users.set_role(args.name, args.role)
            detail = {"role": args.role}
        elif args.action == "set-scope":
            users.set_scope(args.name, args.province, args.org)
            detail = {"provinces": args.province, "orgs": args.org}
        else:
            if users.get_user(args.name) is None:
                raise KeyError(f"Không có người dùng / no such user: {args.name}")
            users.set_password(args.name, _password(args.password_stdin))
            detail = None
    except (ValueError, KeyError) as e:
        print(e.args[0] if e.args else e, file=sys.stderr)
        return 1
    users.audit(f"user_{args.action.replace('-', '_')}", actor=actor,
                target=users.normalise_name(args.name), detail=detail)
    print(f"Xong / done: {args.action} {args.name}")
    return 0

