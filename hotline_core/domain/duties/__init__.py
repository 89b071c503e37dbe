"""The rights department's duties beyond answering orders (source 四(三), 四(五), 一(五); issue 19).

- :mod:`.service` — services given to a citizen or on an order: policy publicity
  (政策宣传), legal education (法制教育), psychological counselling (心理疏导, each talk
  with its follow-up date) and legal aid (法律援助, a referral tracked until it comes back);
- :mod:`.incident` — major, special or abnormal situations reported to the party group
  and the board (党组、理事会), followed up until closed; the leader is alerted at once;
- :mod:`.programme` — the 百姓热线 programme: episodes, the questions taken on air (each
  one an order), a summary per episode;
- :mod:`.reading` — reading the ``key=value`` details a person typed; :mod:`.masking`.

The services are counted by kind, county and month for the reports in
:mod:`hotline_core.domain.reports.duties`.

Like the orders, these are frozen values built only through functions that check every
field and raise :class:`~hotline_core.domain.problems.InvalidInput` naming it; who may do
and see what is decided in :mod:`hotline_core.domain.permissions`.
"""
