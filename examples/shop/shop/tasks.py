"""Background jobs: syncing stock, sending mails, expiring carts."""
import asyncio
import functools
from typing import Awaitable, Callable

DOC_EXAMPLE = '''
    async def example_job():
        await sync_stock()
'''


def retry(times: int) -> Callable:
    def decorate(fn: Callable[..., Awaitable]) -> Callable[..., Awaitable]:
        @functools.wraps(fn)
        async def wrapper(*args, **kwargs):
            for attempt in range(times):
                try:
                    return await fn(*args, **kwargs)
                except ConnectionError:
                    await asyncio.sleep(2 ** attempt)
            return await fn(*args, **kwargs)

        return wrapper

    return decorate


@retry(
    times=3,
)
async def sync_stock() -> int:
    """Pull stock levels from the warehouses.

    async def fake(): this line is part of a docstring.
    """
    async def fetch_one(code: str) -> int:
        await asyncio.sleep(0)
        return 0

    results = await asyncio.gather(*(fetch_one(c) for c in ("BER", "HAM")))
    return sum(results)


async def send_mails(queue: "asyncio.Queue[str]") -> None: await queue.get()


class Worker:
    def __init__(self, jobs: list[Callable[[], Awaitable]]) -> None:
        self.jobs = jobs

    async def run_forever(self) -> None:
        while True:
            await self.run_once()

    async def run_once(self) -> None:
        async with asyncio.timeout(60):
            for job in self.jobs:
                await job()

    class Schedule:
        async def next_slot(self) -> float:
            return 0.0

        def describe(self) -> str:
            return "every minute"

    @staticmethod
    async  def ping() -> str:
        return "pong"


def expire_carts_sync() -> None:
    async def expire() -> None:
        await asyncio.sleep(0)

    asyncio.run(expire())


def make_handler():
    class Handler:
        async def handle(self, event: dict) -> None:
            await asyncio.sleep(0)

    return Handler()
