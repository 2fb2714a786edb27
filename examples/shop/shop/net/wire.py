"""A tiny framing protocol for the label printers."""


class Protocol:
    """Our own base class called Protocol (nothing imported): subclasses are not typing protocols."""

    version = 1

    def frame(self, payload: bytes) -> bytes:
        return len(payload).to_bytes(2, "big") + payload


class LabelProtocol(Protocol):
    version = 2


class Handshake(
    LabelProtocol,
    Protocol,
):
    def hello(self) -> bytes:
        return self.frame(b"HELLO")
