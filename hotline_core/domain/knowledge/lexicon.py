"""The words search needs to know: domain terms, stop words, synonyms, Korean particles.

Data, not code, so a clerk's complaint ("searching 残疾证 finds nothing")
is fixed by adding a line here. The tables are small on purpose: BM25 already
discounts words every entry uses, and a stop word wrongly listed hides a
whole question.
"""

from __future__ import annotations

# Added to jieba's dictionary so they are kept whole; jieba's search mode
# still yields their parts (护理补贴 → 护理, 补贴, 护理补贴).
DOMAIN_WORDS: tuple[str, ...] = (
    "残疾人证",
    "残疾证",
    "残联",
    "两项补贴",
    "生活补贴",
    "护理补贴",
    "康复救助",
    "残疾儿童",
    "孤独症",
    "按比例就业",
    "就业保障金",
    "无障碍",
    "盲道",
    "导盲犬",
    "送教上门",
    "法律援助",
    "辅助器具",
    "重度残疾",
    "视力残疾",
    "听力残疾",
    "言语残疾",
    "肢体残疾",
    "智力残疾",
    "精神残疾",
    "多重残疾",
    "低保",
    "评残",
)

# Function words and the politeness of a caller's question ("想问问能不能").
CHINESE_STOP: frozenset[str] = frozenset(
    ["的", "地", "得", "了", "着", "过", "和", "与", "及", "或", "或者", "是", "在", "我", "你", "您", "他", "她", "它", "我们", "你们", "他们", "咱", "自己", "吗", "呢", "吧", "啊", "呀", "哦", "嗯", "么", "嘛", "啥", "什么", "怎么", "怎么样", "怎样", "如何", "为什么", "为啥", "请问", "问问", "问", "问一下", "想", "想问", "想要", "要", "能", "能否", "不能", "能不能", "可以", "可不可以", "有没有", "没有", "有", "没", "会", "不会", "是不是", "一下", "这个", "那个", "这", "那", "这些", "那些", "哪", "哪个", "哪些", "哪里", "就", "都", "也", "还", "又", "给", "对", "把", "被", "让", "从", "向", "到", "为", "于", "以", "等", "之", "其", "该", "此", "个", "些", "一些", "已经", "现在", "请", "谢谢", "你好", "您好", "一个", "如果", "因为", "所以", "但是", "然后", "还是", "比如", "就是", "一般", "么样", "多少", "怎么办", "咋", "咋办", "人", "很", "太", "非常", "特别", "比较", "最", "挺"]
)

ENGLISH_STOP: frozenset[str] = frozenset(
    ["a", "an", "the", "of", "to", "for", "in", "on", "at", "by", "with", "and", "or", "is", "are", "am", "be", "been", "do", "does", "did", "can", "could", "i", "my", "me", "we", "our", "you", "your", "he", "she", "it", "its", "they", "their", "how", "what", "who", "which", "when", "where", "why", "get", "got", "this", "that", "there", "please", "will", "would", "should", "about", "from", "any", "have", "has", "if", "not", "no"]
)

# Query words and what else a caller may mean by them. A query word pulls in
# the other words of its group at a lower weight (search.SYNONYM_WEIGHT).
SYNONYM_GROUPS: tuple[frozenset[str], ...] = tuple(
    frozenset(g.split())
    for g in (
        "孩子 儿童 小孩 娃 残疾儿童",
        "补助 补贴 救助 资助 津贴",
        "残疾证 残疾人证",
        "工作 就业 上班",
        "上学 入学 读书 就读 念书",
        "律师 法律援助",
        "打官司 诉讼",
        "盲人 视力残疾",
        "聋人 聋哑 听力残疾",
        "轮椅 助听器 假肢 辅助器具",
        "公交 公交车 公共汽车 公共交通",
        "单位 用人单位 企业 公司",
        "辞退 开除 解雇",
        "多少钱 标准 金额",
        "申请 申领 领取 领",
        "等级 级别 几级",
        "장애인 장애자",
        "장애인증 장애자증",
        "child children kid",
        "job employment work",
    )
)
SYNONYMS: dict[str, frozenset[str]] = {word: group - {word} for group in SYNONYM_GROUPS for word in group}

# Korean particles stripped from the end of a word (장애인증은 → 장애인증),
# longest first; only when at least two syllables remain.
KOREAN_PARTICLES: tuple[str, ...] = tuple(
    sorted(
        ["은", "는", "이", "가", "을", "를", "의", "에", "에서", "에게", "께", "께서", "한테", "으로", "로", "와", "과", "도", "만", "까지", "부터", "이나", "나", "이랑", "랑", "요"],
        key=len,
        reverse=True,
    )
)
