"""Command line entry point: ``shop-admin``."""
from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING: from requests import Session

if TYPE_CHECKING:
    from requests import (
        Response,
        Timeout,
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="shop-admin")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("sync", help="sync stock from the warehouses")
    sub.add_parser("report", help="print the daily report")
    return parser


def main(argv: list[str] | None = None, session: Session | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command == "sync":
        import asyncio

        from shop.tasks import sync_stock

        print(asyncio.run(sync_stock()))
    elif args.command == "report":
        from shop.reports import daily

        print(daily([]))
    return 0


def describe(response: Response) -> str:
    return f"{response.status_code}"


if __name__ == "__main__":
    sys.exit(main())
