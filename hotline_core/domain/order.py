"""The work order (工单): its record as received and every event since."""

from __future__ import annotations

from attrs import field, frozen

from hotline_core.domain.events import Event
from hotline_core.domain.model import Citizen, OrderRecord
from hotline_core.domain.state import OrderState, replay


@frozen
class WorkOrder:
    """An order is its received record plus its events; its state is derived.

    ``state`` is computed once when the value is built, so reading it is
    free; it is not part of equality or of the stored form, because the
    events alone are the truth.
    """

    record: OrderRecord
    events: tuple[Event, ...] = ()
    state: OrderState = field(init=False, eq=False, repr=False)

    @state.default
    def _replay(self) -> OrderState:
        return replay(self.record, self.events)

    @property
    def id(self) -> str:
        return self.record.order_id

    @property
    def citizens(self) -> tuple[Citizen, Citizen]:
        """The citizen as received and as corrected since: whose data masking scrubs and a
        search may match, either way."""
        return (self.record.citizen, self.state.record.citizen)

    def with_event(self, event: Event) -> WorkOrder:
        return WorkOrder(self.record, (*self.events, event))
