"""The closed lists of the SPEC (sections 2 and 3), with their Chinese names.

Codes are stable English identifiers (they are what the JSON files and the
command line carry); ``label`` is the Chinese wording the center and the
federation use. Places are the exception: the center's pushes name them in
Chinese, so the Chinese name is the code.
"""

from __future__ import annotations

from enum import StrEnum


class Labelled(StrEnum):
    """A string enum whose members also know their Chinese label."""

    @property
    def label(self) -> str:
        return _LABELS[type(self).__name__][self.value]


class Channel(Labelled):
    PHONE = "phone"
    SMS = "sms"
    WEB = "web"
    EMAIL = "email"
    WECHAT = "wechat"
    APP = "app"


class AppealType(Labelled):
    CONSULTATION = "consultation"
    HELP = "help"
    COMPLAINT = "complaint"
    REPORT = "report"
    SUGGESTION = "suggestion"


class BusinessArea(Labelled):
    RIGHTS = "rights"
    ORGANIZATION = "organization"
    REHABILITATION = "rehabilitation"
    EDUCATION = "education"
    EMPLOYMENT = "employment"
    SOCIAL_SECURITY = "social_security"
    PUBLICITY = "publicity"
    CULTURE_SPORTS = "culture_sports"


class Gender(Labelled):
    MALE = "male"
    FEMALE = "female"


class DisabilityCategory(Labelled):
    VISUAL = "visual"
    HEARING = "hearing"
    SPEECH = "speech"
    PHYSICAL = "physical"
    INTELLECTUAL = "intellectual"
    MENTAL = "mental"
    MULTIPLE = "multiple"


class DisabilityGrade(Labelled):
    FIRST = "1"
    SECOND = "2"
    THIRD = "3"
    FOURTH = "4"


class DeclineReason(Labelled):
    """The five matters that source section 二 excludes (SPEC 2.3)."""

    LEGAL_CHANNEL = "legal_channel"
    PETITION_CONCLUDED = "petition_concluded"
    UNLAWFUL_HELP = "unlawful_help"
    COMMERCIAL = "commercial"
    NOT_SPECIFIC = "not_specific"


class Rating(Labelled):
    SATISFIED = "satisfied"
    BASICALLY_SATISFIED = "basically_satisfied"
    UNSATISFIED = "unsatisfied"


class ContactResult(Labelled):
    """What one attempt to reach the citizen gave (the call log)."""

    REACHED = "reached"
    NO_ANSWER = "no_answer"
    WRONG_NUMBER = "wrong_number"
    REFUSED = "refused"


class Outcome(Labelled):
    """What a finished order came to (source 三(二)2 names the "explained" case)."""

    SOLVED = "solved"
    EXPLAINED = "explained"
    REFERRED = "referred"
    DECLINED = "declined"


class Role(Labelled):
    HANDLER = "handler"
    COUNTY_CLERK = "county_clerk"
    DEPARTMENT = "department"
    LEADER = "leader"
    ADMIN = "admin"
    VIEWER = "viewer"


class Status(Labelled):
    """Where an order stands; derived from its events, never stored on its own."""

    RECEIVED = "received"
    RETURN_REQUESTED = "return_requested"
    HANDLING = "handling"
    FEEDBACK_GIVEN = "feedback_given"
    CLOSED = "closed"
    RETURNED = "returned"
    DECLINED = "declined"
    ARCHIVED = "archived"


class Action(Labelled):
    """The lifecycle actions, named as in SPEC section 11."""

    RECEIVE = "receive"
    SIGN = "sign"
    REQUEST_RETURN = "request_return"
    APPROVE_RETURN = "approve_return"
    REFUSE_RETURN = "refuse_return"
    DECLINE = "decline"
    CONTACT = "contact"
    RECORD = "record"
    TRANSFER = "transfer"
    ASSIGN = "assign"
    SUBMIT_RESULT = "submit_result"
    SUPERVISE = "supervise"
    REQUEST_EXTENSION = "request_extension"
    APPROVE_EXTENSION = "approve_extension"
    REFUSE_EXTENSION = "refuse_extension"
    TELL_EXTENSION = "tell_extension"
    FLAG_EMERGENCY = "flag_emergency"
    FIRST_REPLY = "first_reply"
    ROUTE_PETITION = "route_petition"
    LEGAL_PROCEDURE = "legal_procedure"
    FEEDBACK = "feedback"
    REPLY = "reply"
    RATE = "rate"
    REPORT_UNSATISFIED = "report_unsatisfied"
    REDO = "redo"
    CLOSE = "close"
    ARCHIVE = "archive"
    # Issue 18: between levels, and orders passed to government departments for their part.
    ESCALATE = "escalate"
    REFER = "refer"
    CHASE = "chase"
    ANSWER_REFERRAL = "answer_referral"


class Place(StrEnum):
    """Where an order belongs: the prefecture level or one of the eight counties."""

    PREFECTURE = "州本级"
    YANJI = "延吉市"
    TUMEN = "图们市"
    DUNHUA = "敦化市"
    HUNCHUN = "珲春市"
    LONGJING = "龙井市"
    HELONG = "和龙市"
    WANGQING = "汪清县"
    ANTU = "安图县"

    @property
    def label(self) -> str:
        return self.value

    @property
    def is_county(self) -> bool:
        return self is not Place.PREFECTURE


COUNTIES: tuple[Place, ...] = tuple(p for p in Place if p.is_county)

# The 56 recognised ethnic groups in the order of GB/T 3304, then "other".
# Yanbian is a Korean autonomous prefecture, so 朝鲜族 is common here.
ETHNICITIES: tuple[str, ...] = (
    "汉族",
    "蒙古族",
    "回族",
    "藏族",
    "维吾尔族",
    "苗族",
    "彝族",
    "壮族",
    "布依族",
    "朝鲜族",
    "满族",
    "侗族",
    "瑶族",
    "白族",
    "土家族",
    "哈尼族",
    "哈萨克族",
    "傣族",
    "黎族",
    "傈僳族",
    "佤族",
    "畲族",
    "高山族",
    "拉祜族",
    "水族",
    "东乡族",
    "纳西族",
    "景颇族",
    "柯尔克孜族",
    "土族",
    "达斡尔族",
    "仫佬族",
    "羌族",
    "布朗族",
    "撒拉族",
    "毛南族",
    "仡佬族",
    "锡伯族",
    "阿昌族",
    "普米族",
    "塔吉克族",
    "怒族",
    "乌孜别克族",
    "俄罗斯族",
    "鄂温克族",
    "德昂族",
    "保安族",
    "裕固族",
    "京族",
    "塔塔尔族",
    "独龙族",
    "鄂伦春族",
    "赫哲族",
    "门巴族",
    "珞巴族",
    "基诺族",
    "其他",
)

# The federation's own departments and directly affiliated institutions.
# This is only the default: the organisation's list is data (see
# ``hotline_core.domain.organization``) that an administrator can change.
DEFAULT_DEPARTMENTS: tuple[str, ...] = (
    "办公室",
    "组织联络部",
    "康复部",
    "教育就业部",
    "宣传文体部",
    "社会保障部",
    "残疾人辅助器具中心",
    "残疾人就业服务中心",
)

_LABELS: dict[str, dict[str, str]] = {
    "ContactResult": {
        "reached": "已联系上",
        "no_answer": "无人接听",
        "wrong_number": "号码错误",
        "refused": "拒绝沟通",
    },
    "Outcome": {
        "solved": "已解决",
        "explained": "已解释说明（当前无法解决）",
        "referred": "已转有关部门",
        "declined": "不予受理",
    },
    "Channel": {
        "phone": "电话",
        "sms": "短信",
        "web": "网站（百姓热线）",
        "email": "邮箱",
        "wechat": "微信公众号",
        "app": "移动客户端",
    },
    "AppealType": {
        "consultation": "政策咨询",
        "help": "生活帮助",
        "complaint": "投诉",
        "report": "举报",
        "suggestion": "意见建议",
    },
    "BusinessArea": {
        "rights": "维权",
        "organization": "组织建设",
        "rehabilitation": "康复",
        "education": "教育",
        "employment": "就业",
        "social_security": "社会保障",
        "publicity": "宣传",
        "culture_sports": "文体",
    },
    "Gender": {"male": "男", "female": "女"},
    "DisabilityCategory": {
        "visual": "视力残疾",
        "hearing": "听力残疾",
        "speech": "言语残疾",
        "physical": "肢体残疾",
        "intellectual": "智力残疾",
        "mental": "精神残疾",
        "multiple": "多重残疾",
    },
    "DisabilityGrade": {"1": "一级", "2": "二级", "3": "三级", "4": "四级"},
    "DeclineReason": {
        "legal_channel": "已经或依法应当通过诉讼、仲裁、行政复议等法定途径解决",
        "petition_concluded": "已经受理并终结的信访事项",
        "unlawful_help": "违反法律法规、社会公德的救助事项",
        "commercial": "属于市场行为、经营性业务",
        "not_specific": "反映不具体、确实无法办理或答复",
    },
    "Rating": {
        "satisfied": "满意",
        "basically_satisfied": "基本满意",
        "unsatisfied": "不满意",
    },
    "Status": {
        "received": "待签收",
        "return_requested": "退件申请中",
        "handling": "办理中",
        "feedback_given": "已反馈",
        "closed": "已办结",
        "returned": "已退件",
        "declined": "不予受理",
        "archived": "已归档",
    },
    "Action": {
        "receive": "受理",
        "sign": "签收",
        "request_return": "退件申请",
        "approve_return": "退件获准",
        "refuse_return": "退件被驳回",
        "decline": "不予受理",
        "contact": "联系当事人",
        "record": "补录信息",
        "transfer": "转办县（市）",
        "assign": "交办部门",
        "submit_result": "提交办理结果",
        "supervise": "督办",
        "request_extension": "延期申请",
        "approve_extension": "同意延期",
        "refuse_extension": "不同意延期",
        "tell_extension": "告知当事人延期",
        "flag_emergency": "标记突发",
        "first_reply": "首次答复",
        "route_petition": "转信访程序",
        "legal_procedure": "进入法定程序",
        "feedback": "反馈热线中心",
        "reply": "答复诉求人",
        "rate": "评价",
        "report_unsatisfied": "报告不满意情况",
        "redo": "重办",
        "close": "办结",
        "archive": "归档",
        "escalate": "上报州残联",
        "refer": "转政府职能部门",
        "chase": "督办政府部门",
        "answer_referral": "政府部门答复",
    },
    "Role": {
        "handler": "承办人",
        "county_clerk": "县（市）残联",
        "department": "部门联络人",
        "leader": "分管领导",
        "admin": "系统管理员",
        "viewer": "查阅人",
    },
}

# Other wordings a push or a clerk may use for the same choice: the SPEC's own short
# terms (2.1-2.5: "视力" for 视力残疾, "生活帮助/求助", "网站") and the obvious short
# forms. Each alias names one code; the intake reads code, label or alias alike.
ALIASES: dict[str, dict[str, str]] = {
    "Channel": {
        "网站": "web",
        "百姓热线": "web",
        "网站(百姓热线)": "web",
        "手机短信": "sms",
        "电子邮箱": "email",
        "电子邮件": "email",
        "邮件": "email",
        "微信": "wechat",
        "公众号": "wechat",
        "客户端": "app",
        "手机客户端": "app",
    },
    "AppealType": {
        "咨询": "consultation",
        "求助": "help",
        "帮助": "help",
        "生活帮助/求助": "help",
        "意见": "suggestion",
        "建议": "suggestion",
        "意见和建议": "suggestion",
    },
    "BusinessArea": {
        "权益维护": "rights",
        "组织": "organization",
        "社保": "social_security",
        "文化体育": "culture_sports",
    },
    "Gender": {"男性": "male", "女性": "female"},
    "DisabilityCategory": {
        "视力": "visual",
        "听力": "hearing",
        "言语": "speech",
        "肢体": "physical",
        "智力": "intellectual",
        "精神": "mental",
        "多重": "multiple",
    },
    "DisabilityGrade": {"一": "1", "二": "2", "三": "3", "四": "4"},
    "Place": {
        "州级": "州本级",
        "本级": "州本级",
        "延吉": "延吉市",
        "图们": "图们市",
        "敦化": "敦化市",
        "珲春": "珲春市",
        "龙井": "龙井市",
        "和龙": "和龙市",
        "汪清": "汪清县",
        "安图": "安图县",
    },
}
