"""A raw TCP transport for the barcode scanners in the warehouse.

Example::

    async def main():
        loop = asyncio.get_running_loop()
        await loop.create_server(ScannerProtocol, "0.0.0.0", 7000)

The ``async def`` above is inside a docstring and is not a function of this module.
"""
import asyncio
from typing import Optional


class ScannerProtocol(asyncio.Protocol):
    """asyncio's Protocol, not typing's: it must not be reported as a protocol class."""

    def __init__(self) -> None:
        self.transport: Optional[asyncio.Transport] = None
        self.buffer = b""

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = transport  # type: ignore[assignment]

    def data_received(self, data: bytes) -> None:
        self.buffer += data
        while b"\n" in self.buffer:
            line, _, self.buffer = self.buffer.partition(b"\n")
            asyncio.ensure_future(self.handle(line.decode("ascii", "replace")))

    async def handle(self, code: str) -> None:
        await asyncio.sleep(0)
        # async def in a comment is not a definition either


class ScannerDatagram(asyncio.DatagramProtocol):
    def datagram_received(self, data: bytes, addr: tuple) -> None:
        pass


async def serve(host: str = "0.0.0.0", port: int = 7000) -> asyncio.AbstractServer:
    loop = asyncio.get_running_loop()
    return await loop.create_server(ScannerProtocol, host, port)


SNIPPET = "async def not_a_function(): pass"
