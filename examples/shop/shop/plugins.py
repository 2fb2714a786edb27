"""Plugin registry. Has its own decorator that happens to be called dataclass."""
from typing import Callable, TypeVar

T = TypeVar("T")
REGISTRY: dict[str, type] = {}


def dataclass(cls: T) -> T:
    """Registers a plugin's data class; unrelated to the dataclasses module."""
    REGISTRY[cls.__name__] = cls  # type: ignore[attr-defined]
    return cls


@dataclass
class ExportPlugin:
    name = "export"


def plugin(name: str) -> Callable[[T], T]:
    def wrap(cls: T) -> T:
        REGISTRY[name] = cls  # type: ignore[assignment]
        return cls

    return wrap


@plugin("audit")
class AuditPlugin:
    pass
