"""Input validation for the public API, with pydantic."""
from pydantic import BaseModel, validator
from pydantic.dataclasses import dataclass


@dataclass
class AddressIn:
    """pydantic's dataclass decorator: not the stdlib one."""

    street: str
    city: str


class OrderIn(BaseModel):
    customer_email: str
    skus: list[str]

    @validator("skus")
    def not_empty(cls, value: list[str]) -> list[str]:
        if not value:
            raise ValueError("an order needs at least one product")
        return value


class BulkOrderIn(OrderIn):
    discount_code: str | None = None
