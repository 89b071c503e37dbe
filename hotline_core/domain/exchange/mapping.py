"""Which heading of a platform's export is which field, and what its words mean.

A district 12345 export names its columns in Chinese (办件编号, 诉求内容 ...);
another platform names them otherwise. A :class:`Mapping` holds, for the pushed
orders and for the center's messages, heading → field, plus the platform's
wording of a few values (办件来源 "12345热线" is our channel ``phone``). The
default accepts the district export as it comes; a mapping file (JSON or TOML,
docs/exchange.md) adds or overrides headings and words on top of it.
"""

from __future__ import annotations

from collections.abc import Mapping as Mapped

from attrs import field, frozen

from hotline_core.domain.problems import InvalidInput, Problem

# The fields of a pushed order: the record's form names where the record has them.
ORDER_FIELDS: tuple[str, ...] = (
    "id",
    "city_number",
    "channel",
    "subject",
    "appeal",
    "appeal_type",
    "category",
    "subcategory",
    "name",
    "phone",
    "county",
    "received_at",
    "center_due",
    "center_status",
)
# Without these a row cannot become an order.
REQUIRED_ORDER_FIELDS: tuple[str, ...] = ("id", "received_at", "channel", "appeal_type", "appeal")

# The fields of a center message (a sheet or file of its own: it has a 消息类型 column).
MESSAGE_FIELDS: tuple[str, ...] = ("id", "kind", "at", "text", "callback", "rating", "words", "receipt")
REQUIRED_MESSAGE_FIELDS: tuple[str, ...] = ("id", "kind", "at")

DEFAULT_ORDER_HEADINGS: dict[str, str] = {
    "办件编号": "id",
    "工单编号": "id",
    "市级编号": "city_number",
    "办件来源": "channel",
    "诉求主题": "subject",
    "诉求内容": "appeal",
    "诉求类型": "appeal_type",
    "事项大类": "category",
    "事项小类": "subcategory",
    "诉求人": "name",
    "联系电话": "phone",
    "所属区域": "county",
    "派发时间": "received_at",
    "承诺完成时间": "center_due",
    "办件状态": "center_status",
}
DEFAULT_MESSAGE_HEADINGS: dict[str, str] = {
    "办件编号": "id",
    "工单编号": "id",
    "消息类型": "kind",
    "时间": "at",
    "处理时间": "at",
    "说明": "text",
    "内容": "text",
    "回访结果": "callback",
    "满意度": "rating",
    "评价": "rating",
    "群众意见": "words",
    "回执编号": "receipt",
}
# field → the platform's word → ours (a code or a label the record's reader takes).
DEFAULT_VALUES: dict[str, dict[str, str]] = {
    "channel": {
        "12345热线": "phone",
        "12345": "phone",
        "热线电话": "phone",
        "电话": "phone",
        "热线": "phone",
        "网络": "web",
        "政府网站": "web",
        "移动端": "app",
        "APP": "app",
        "小程序": "wechat",
    },
    "county": {"延边州": "州本级", "州直": "州本级", "延边朝鲜族自治州": "州本级"},
    "appeal_type": {"咨询类": "consultation", "求助类": "help", "投诉类": "complaint", "举报类": "report"},
}


def _checked(headings: Mapped[str, str], allowed: tuple[str, ...], part: str) -> dict[str, str]:
    problems = [
        Problem("mapping", "mapping_unknown_field", {"heading": h, "field": f, "part": part})
        for h, f in headings.items()
        if f not in allowed
    ]
    if problems:
        raise InvalidInput(problems)
    return {str(h).strip(): f for h, f in headings.items()}


@frozen
class Mapping:
    """heading → field for orders and for center messages, and the platform's value words."""

    orders: dict[str, str] = field(factory=lambda: dict(DEFAULT_ORDER_HEADINGS))
    messages: dict[str, str] = field(factory=lambda: dict(DEFAULT_MESSAGE_HEADINGS))
    values: dict[str, dict[str, str]] = field(factory=lambda: {k: dict(v) for k, v in DEFAULT_VALUES.items()})

    def order_field(self, heading: str) -> str | None:
        return self.orders.get(heading.strip())

    def message_field(self, heading: str) -> str | None:
        return self.messages.get(heading.strip())

    def is_message_table(self, headings: tuple[str, ...]) -> bool:
        """A table of center messages has a column that maps to the message kind."""
        return any(self.message_field(h) == "kind" for h in headings)

    def word(self, field_name: str, value: str) -> str:
        """The platform's word for a value, as our reader takes it (unchanged when unknown)."""
        return self.values.get(field_name, {}).get(value.strip(), value.strip())


def mapping_from(data: Mapped[str, object]) -> Mapping:
    """A mapping file's content on top of the default: ``orders`` and ``messages`` (heading →
    field) and ``values`` (field → {platform word: ours}); any other key is refused."""
    unknown = [k for k in data if k not in ("orders", "messages", "values")]
    if unknown:
        raise InvalidInput([Problem("mapping", "mapping_unknown_part", {"part": k}) for k in unknown])
    base = Mapping()
    orders = _table(data.get("orders", {}), "orders")
    messages = _table(data.get("messages", {}), "messages")
    values = dict(base.values)
    for name, words in _nested(data.get("values", {})).items():
        values[name] = {**values.get(name, {}), **words}
    return Mapping(
        {**base.orders, **_checked(orders, ORDER_FIELDS, "orders")},
        {**base.messages, **_checked(messages, MESSAGE_FIELDS, "messages")},
        values,
    )


def _table(value: object, part: str) -> dict[str, str]:
    if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
        raise InvalidInput([Problem("mapping", "mapping_not_a_table", {"part": part})])
    return {str(k): v for k, v in value.items()}


def _nested(value: object) -> dict[str, dict[str, str]]:
    if not isinstance(value, dict):
        raise InvalidInput([Problem("mapping", "mapping_not_a_table", {"part": "values"})])
    return {str(name): _table(words, f"values.{name}") for name, words in value.items()}
