"""Services and incidents as someone who may not see personal data sees them (SPEC 3).

A service names a disabled citizen (name, phone, disability category) and its texts, like
an incident's, may quote them; a viewer gets the name and phone masked as on an order, the
disability category left out, and every free text scrubbed of the citizen's data and of
any phone or ID number (``privacy.scrubbed``).
"""

from __future__ import annotations

from attrs import evolve

from hotline_core.domain.duties.incident import Incident
from hotline_core.domain.duties.service import ServiceRecord
from hotline_core.domain.model import Citizen
from hotline_core.domain.privacy import mask_name, mask_phone, scrubbed


def masked_service(record: ServiceRecord, *others: Citizen) -> ServiceRecord:
    """``others``: the citizen of the order the service is on, whose data its texts may quote."""
    people = (record.citizen, *others)
    citizen = Citizen(name=mask_name(record.citizen.name), phone=mask_phone(record.citizen.phone))
    steps = tuple(evolve(s, note=scrubbed(s.note, *people)) for s in record.steps)
    return evolve(
        record,
        citizen=citizen,
        topic=scrubbed(record.topic, *people),
        note=scrubbed(record.note, *people),
        steps=steps,
    )


def masked_incident(incident: Incident, *citizens: Citizen) -> Incident:
    """``citizens``: the citizen of the order the incident came from, if any."""
    steps = tuple(evolve(s, text=scrubbed(s.text, *citizens)) for s in incident.steps)
    return evolve(
        incident,
        title=scrubbed(incident.title, *citizens),
        what=scrubbed(incident.what, *citizens),
        measures=scrubbed(incident.measures, *citizens),
        steps=steps,
    )
