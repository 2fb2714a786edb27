"""The old Twisted-based order feed, kept for two remaining partners."""
from twisted.internet import protocol, reactor
from twisted.internet.protocol import Protocol


class OrderFeed(Protocol):
    """Twisted's Protocol: a network protocol class, not typing.Protocol."""

    def dataReceived(self, data: bytes) -> None:
        self.transport.write(data.upper())


class OrderFeedFactory(protocol.Factory):
    def buildProtocol(self, addr):
        return OrderFeed()


def run(port: int = 8007) -> None:  # pragma: no cover
    reactor.listenTCP(port, OrderFeedFactory())
    reactor.run()
