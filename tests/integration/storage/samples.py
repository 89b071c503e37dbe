"""Sample documents for the storage tests."""

from __future__ import annotations


def order(number: int, status: str = "open") -> dict[str, object]:
    """A small order-like document with Chinese text."""
    return {
        "id": f"YB{number:06d}",
        "status": status,
        "name": "金某",
        "appeal": "申请残疾人两项补贴 希望尽快答复",
        "events": [{"action": "sign", "note": "已签收"}],
    }
