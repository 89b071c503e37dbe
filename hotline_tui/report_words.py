"""The reports screen in Korean and English: headings, titles and notes by their keys.

A report is laid out once, with the federation's Chinese headings
(``hotline_core.domain.reports.layout``): that is what the Chinese screen and every
export show. For a Korean or English reader the screen puts the words below in
their place, found by the keys the layout gives each document, table and column;
``tests/ui/test_reports.py`` fails when a report shows a key that has none.
Values are (Korean, English).
"""

from __future__ import annotations

# Column headings by column key; type_*, area_*, outcome_* and the limits' columns are built
# from the lists' names (``hotline_tui.report_view``).
HEADINGS: dict[str, tuple[str, str]] = {
    "place": ("지역", "Place"),
    "received": ("접수", "Received"),
    "area_none": ("분야 미등록", "No area"),
    "overdue": ("기한 초과", "Overdue"),
    "returned": ("반송", "Returned"),
    "declined": ("불수리", "Declined"),
    "extended": ("연기", "Extended"),
    "emergency": ("돌발", "Emergency"),
    "petition": ("신방", "Petition"),
    "redone": ("재처리", "Redone"),
    "earlier_breached": ("이전 회차 초과", "Earlier late"),
    "unsatisfied_late": ("불만족 보고 초과", "Unsat. report late"),
    "back_entered": ("사후 입력", "Back-entered"),
    "satisfied": ("만족", "Satisfied"),
    "basically_satisfied": ("대체로 만족", "Basically sat."),
    "unsatisfied": ("불만족", "Unsatisfied"),
    "rated": ("평가됨", "Rated"),
    "satisfaction_rate": ("만족률", "Satisfaction"),
    "open_at_end": ("기말 미완결", "Open at end"),
    "item": ("지표", "Item"),
    "category": ("분류", "Category"),
    "current": ("이번 기간", "This period"),
    "previous": ("이전 기간", "Previous"),
    "change": ("증감", "Change"),
    "change_rate": ("증감률", "Change %"),
    "month": ("월", "Month"),
    "rank": ("순위", "Rank"),
    "text": ("낱말", "Term"),
    "appeals": ("관련 민원", "Appeals"),
    "phone": ("전화 (가림)", "Phone (masked)"),
    "calls": ("전화 횟수", "Calls"),
    "order_ids": ("작업지시 번호", "Orders"),
    "places": ("지역", "Places"),
    "unit": ("단위", "Unit"),
    "unit_kind": ("단위 유형", "Unit type"),
    "handled": ("처리 작업", "Handled"),
    "handling_overdue": ("처리 기한 초과", "Handling late"),
    "punctuality": ("무초과율", "Never late"),
    "score": ("점수", "Score"),
    "component": ("지표", "Measure"),
    "weight": ("가중치", "Weight"),
    "county": ("현(시)", "County"),
    "state": ("제출 상황", "Filing"),
    "filed_at": ("제출 시간", "Filed at"),
    # the services (issue 19): the hot issues' tables by their kind, the summary's columns after its own
    "publicity": ("정책 홍보", "Publicity"),
    "legal_education": ("법제 교육", "Legal education"),
    "counselling": ("심리 상담", "Counselling"),
    "legal_aid": ("법률 지원", "Legal aid"),
    "total": ("합계", "Total"),
    "service_publicity": ("서비스: 정책 홍보", "Service: publicity"),
    "service_legal_education": ("서비스: 법제 교육", "Service: legal education"),
    "service_counselling": ("서비스: 심리 상담", "Service: counselling"),
    "service_legal_aid": ("서비스: 법률 지원", "Service: legal aid"),
    "services": ("서비스 합계", "Services"),
    "legal_aid_out": ("법률 지원 회신 대기", "Legal aid awaited"),
    "legal_aid_concluded": ("법률 지원 종결", "Legal aid concluded"),
    # the orders passed to government departments (issue 18)
    "passed": ("이관", "Passed"),
    "answered": ("답변 완료", "Answered"),
    "waiting": ("답변 대기", "Waiting"),
    "chased": ("독촉 건수", "Chased"),
    "chases": ("독촉 횟수", "Times chased"),
    "answer_on_time": ("독촉 후 기한 내 답변", "Answered in time"),
    "answer_late": ("독촉 후 기한 초과", "Answered late"),
    # a county's filed summary beside the system's count (issue 18)
    "figure": ("항목", "Figure"),
    "filed": ("제출 수", "Filed"),
    "counted": ("집계 수", "Counted"),
    "difference": ("차이", "Difference"),
    # the limits' columns, {limit} being the limit's name
    "on_time": ("{limit} 기한 내", "{limit} on time"),
    "late": ("{limit} 초과", "{limit} late"),
    "pending": ("{limit} 미도래", "{limit} pending"),
    "rate": ("{limit} 기한 내 비율", "{limit} on-time %"),
    "outcome": ("완결: {outcome}", "closed: {outcome}"),
}

# Table titles by table key (a document's main table takes the document's title).
TABLE_TITLES: dict[str, tuple[str, str]] = {
    "overview": ("접수 총량", "Orders received"),
    "by_type": ("민원 유형별", "By appeal type"),
    "by_area": ("업무 분야별", "By business area"),
    "by_place": ("지역별", "By place"),
    "by_disability": ("장애 유형별", "By disability"),
    "trend": ("월별 추이", "Monthly trend"),
    "words": ("빈출 낱말", "Frequent words"),
    "phrases": ("빈출 구절", "Frequent phrases"),
    "repeat_callers": ("반복 전화 (두 번 이상)", "Repeat callers (twice or more)"),
    "weights": ("점수 가중치", "Score weights"),
    "government": ("정부 부서 이관 상황 (평가 점수 제외)", "Government depts (not scored)"),
    "services_by_place": ("권익 서비스 (지역별)", "Services by place"),
    "services_by_month": ("권익 서비스 (월별)", "Services by month"),
}

# Document titles by document kind: {where} the prefecture or a county, {period} its code (2026Q3).
DOCUMENT_TITLES: dict[str, tuple[str, str]] = {
    "quarterly_summary": (
        "{where} 12345 핫라인 요약표 ({period})",
        "{where} 12345 hotline summary ({period})",
    ),
    "hot_issues": ("12345 핫라인 핫이슈 분석 ({period})", "12345 hotline hot issues ({period})"),
    "annual_assessment": ("12345 핫라인 연간 평가 ({period})", "12345 hotline annual assessment ({period})"),
    "summary_filings": ("현(시) 요약표 제출 상황 ({period})", "County summary filings ({period})"),
    "summary_comparison": (
        "현(시) 요약표 제출 수와 시스템 집계 대조 ({period})",
        "County summaries: filed vs counted ({period})",
    ),
}

NOTES: dict[str, tuple[str, str]] = {
    "period": ("기간: {period} (접수일 기준)", "Period: {period} (by date received)"),
    "as_of": ("기준 시각: {at} (베이징 시간)", "As of {at} (Beijing time)"),
    "previous": (
        "비교 기간: {previous} (증감률 = 증감 ÷ 이전 기간)",
        "Compared with {previous} (change % = change ÷ previous)",
    ),
    "score": (
        "점수 = 100 × Σ(가중치 × 비율) ÷ Σ가중치, 자료가 있는 지표만; 작업지시가 없는 단위는 점수 없음",
        "Score = 100 × Σ(weight × rate) ÷ Σweight over measures with data; a unit without orders has none",
    ),
    "due": ("제출 기한: {due}", "Due: {due}"),
    "provisional": (
        " (잠정: 공식 휴일 일정 미입력)",
        " (provisional: the official holidays are not entered yet)",
    ),
    "prefecture": ("연변주", "Yanbian"),
    "total": ("합계", "Total"),
    "not_recorded": ("미등록", "not recorded"),
    "difference": (
        "차이 = 제출 수 − 집계 수, 차이가 있는 항목만 표시",
        "Difference = filed − counted; only the figures that differ are listed",
    ),
    "no_difference": ("차이 없음", "no difference"),
    "on_paper": ("종이로 제출, 수치 미입력", "filed on paper, no figures"),
}

# The summary's total row, as the layout names it (quarterly.SummaryRow.label), and the
# comparison's line of a county whose filed figures all agree (comparison._rows).
ZH_TOTAL = "合计"
ZH_NO_DIFFERENCE = "无差异"

# The unit types of the assessment and the filing states, by their code.
UNIT_KINDS: dict[str, tuple[str, str]] = {
    "州本级（维权部）": ("주 본급 (권익부)", "Prefecture (rights dept.)"),
    "县（市）残联": ("현(시) 장애인연합회", "County federation"),
    "部门": ("부서", "Department"),
    "政府职能部门": ("정부 부서", "Government department"),
}
FILING_STATES: dict[str, tuple[str, str]] = {
    "on_time": ("기한 내 제출", "on time"),
    "late": ("지연 제출", "late"),
    "missing": ("미제출 (기한 경과)", "missing"),
    "not_yet_due": ("미제출 (기한 전)", "not yet due"),
}
WEIGHT_NAMES: dict[str, tuple[str, str]] = {
    "sign": ("기한 내 수령률", "on-time signing"),
    "contact": ("기한 내 연락률", "on-time contact"),
    "close": ("기한 내 완결률", "on-time closing"),
    "satisfaction": ("만족률", "satisfaction"),
    "punctuality": ("무초과율", "never late"),
}
