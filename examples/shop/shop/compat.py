"""Shims for older Pythons."""
import sys

try:
    from typing import Protocol
except ImportError:  # pragma: no cover - Python 3.7
    from typing_extensions import Protocol

if sys.version_info >= (3, 11):
    from typing import Self
else:
    from typing_extensions import Self


class Clock(Protocol):
    def now(self) -> float: ...


class Sleeper(Clock, Protocol):
    """Extends Clock and lists Protocol again, so it is a protocol too."""

    def sleep(self, seconds: float) -> None: ...


class SystemClock:
    def now(self) -> float:
        import time

        return time.time()

    def copy(self) -> Self:
        return self
