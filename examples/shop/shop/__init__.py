"""Orders, stock and payments for a small web shop."""

from shop.models import Money, Product
from shop.orders import Order

__all__ = ["Money", "Order", "Product"]
__version__ = "0.3.0"
