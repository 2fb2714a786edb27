"""Customer notifications."""
import typing as t

import typing_extensions
from typing_extensions import Protocol as ExtProtocol


class Notifier(t.Protocol):
    def send(self, to: str, subject: str, body: str) -> None: ...


class Sink(typing_extensions.Protocol):
    def write(self, line: str) -> None: ...


class Template(ExtProtocol):
    def render(self, **values: t.Any) -> str: ...


class EmailNotifier:
    def __init__(self, sender: str, sink: Sink) -> None:
        self.sender = sender
        self.sink = sink

    def send(self, to: str, subject: str, body: str) -> None:
        self.sink.write(f"From: {self.sender}\nTo: {to}\nSubject: {subject}\n\n{body}")


if t.TYPE_CHECKING:
    class Batched(t.Protocol):
        def flush(self) -> int: ...
