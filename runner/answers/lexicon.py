"""Word lists the grader reads text with: function words, negation cues, clause breaks.

Everything here is lower-case and NFKC-normalised, as the tokenizer produces it.
"""

from __future__ import annotations


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


# English function words: their share in an answer tells prose from a keyword list.
# Negation words are deliberately absent: they change meaning.
STOPWORDS = frozenset(
    _words(
        """
    a an the is are was were be been being am to of in on at by for with from as into onto about
    and or it its it's this that these those there here you your we our us i my me he she they them
    their his her do does did can could will would shall should may might must have has had so then
    than also just only very which who whom what when where how why if because but while since up out
    over under more most some any each all both such own same other too again further via per like
    whose whether either let lets get gets got make makes made let's i.e e.g etc eg ie
    """
    )
)

# Words a phrasing may leave out or an answer may add: "the backing array" is "backing array".
# Articles always; the rest only in phrasings of three content words or more, because in short
# ones they carry the meaning ("by value", "for range").
ARTICLES = frozenset({"a", "an", "the"})
PHRASING_FILLER = frozenset(
    _words(
        """
    a an the is are was were be been being am to of in on at by for with from as into onto about
    and or it its it's this that these those there here you your we our us i my me he she they them
    their his her do does did
    """
    )
)

# Negators that mean plain "not": one key for matching, so a phrasing "not collected" finds
# "can't be collected".
NOT_FORMS = frozenset(
    _words(
        """
    not cannot cant dont doesnt didnt isnt arent wasnt werent wont wouldnt shouldnt couldnt mustnt
    neednt hasnt havent hadnt
    """
    )
)

# Chinese function words, for the prose-or-keyword-list test only. Chinese has no spaces, so a
# character is a function word only where the scan finds it: the words below first (longest
# match), then single particles that rarely sit inside technical terms. Characters such as 并, 为,
# 能 or 对 are left out because they live in terms (并发, 行为, 性能, 对象).
ZH_FUNCTION_WORDS = _words("""
    可以 因为 所以 如果 但是 而且 然后 并且 还是 或者 一个 一些 这个 那个 什么 怎么 需要 应该 必须
    只是 不过 就是 已经 还有 比如 例如 然而 因此 如何 时候 之后 之前 之间 的话 其实 根本 真的 完全 本身
""")
ZH_PARTICLES = frozenset("的了是吗呢吧啊就也都很把被着我你他它们这那会在要")

# Prepositions may follow a list item ("not for cancellation or timeouts in handlers"); other
# function words after it ("... and New must still work") make it the subject of a clause.
PREPOSITIONS = frozenset(
    _words(
        """
    of in on at by for with from into onto about to via per like over under than as
    """
    )
)

# Joining words that may sit inside a list item without making it a sentence ("length and capacity").
LIST_JOINERS = frozenset({"and", "or", "和", "与", "或", "及"})
EN_JOINERS = frozenset({"and", "or", "nor"})
ZH_JOINERS = frozenset("和与或及跟")
# Words where a joining character is part of another word.
ZH_NOT_JOINERS = frozenset(
    _words("""
    及时 涉及 波及 来得及 参与 与其 与否 给与 和平 总和 缓和 温和 和谐 或许 跟踪 跟进
""")
)

# --- negation -------------------------------------------------------------------------------

# A cue negates what follows it in its clause (see NEGATION_REACH).
EN_NEGATORS = frozenset(
    _words(
        """
    not no never none nothing nobody neither nor without cannot cant dont doesnt didnt isnt arent wasnt
    werent wont wouldnt shouldnt couldnt mustnt neednt hasnt havent hadnt nowhere hardly non
    """
    )
)
# Negators of existence ("no race", "without a lock", "没有类型安全"): they deny that a thing is
# there, which may be exactly the point ("no type safety"), so they never contradict a point.
EN_LACK = frozenset({"no", "without", "none", "nothing", "nobody"})
# "not only X but Y" affirms X; "not always faster" denies "always faster" but not "faster".
EN_NOT_NEGATING_NEXT = frozenset({"only", "just", "merely", "simply", "solely", "always", "necessarily"})
# Words after a negator that make it a "need" negation, which covers its whole clause, before
# and after: "calling cancel is not necessary" negates "calling cancel".
EN_NEED_WORDS = frozenset(
    {"need", "needed", "necessary", "required", "mandatory", "have", "needs", "require", "bother", "bothering"}
)
EN_NEED_NEGATORS = frozenset(
    {
        "unnecessary",
        "needless",
        "neednt",
        "redundant",
        "obsolete",
        "pointless",
        "superfluous",
        "useless",
        "unneeded",
        "overkill",
    }
)
# Distancing words: "a common myth is that sync.Pool keeps objects forever" does not assert it.
EN_MYTH = frozenset(
    {"myth", "myths", "misconception", "misconceptions", "mistakenly", "wrongly", "erroneously", "misbelief", "fallacy"}
)
# Someone else's view: "people think X", "a colleague says X", "some assume X" do not assert X.
EN_BELIEF_VERBS = frozenset(
    {
        "think",
        "thinks",
        "believe",
        "believes",
        "assume",
        "assumes",
        "claim",
        "claims",
        "say",
        "says",
        "said",
        "suggest",
        "suggests",
        "argue",
        "argues",
        "expect",
        "expects",
    }
)
EN_OTHERS = frozenset(
    {
        "people",
        "many",
        "some",
        "someone",
        "somebody",
        "they",
        "colleague",
        "colleagues",
        "teammate",
        "teammates",
        "reviewer",
        "reviewers",
        "he",
        "she",
        "folks",
        "developers",
        "devs",
        "others",
        "everyone",
        "most",
        "juniors",
        "candidates",
        "author",
        "article",
        "tempting",
    }
)
# A negation inside a condition is hypothetical: "if you don't call cancel, it leaks" shows the
# learner knows cancel must be called.
# The same holds for the past: "before Go 1.22, Delete didn't zero the tail" teaches what 1.22 does.
EN_CONDITIONAL = frozenset(
    {
        "if",
        "unless",
        "when",
        "whenever",
        "otherwise",
        "forget",
        "forgets",
        "forgot",
        "forgetting",
        "forgotten",
        "fail",
        "fails",
        "failed",
        "failing",
        "omit",
        "omitting",
        "skip",
        "skipping",
        "skipped",
        "neglect",
        "neglecting",
        "before",
        "until",
        "till",
        "prior",
        "previously",
        "formerly",
        "older",
        "earlier",
    }
)
# Words that start a new clause: a negation does not reach past them.
EN_CLAUSE_BREAK = frozenset(
    {
        "but",
        "however",
        "although",
        "though",
        "whereas",
        "while",
        "instead",
        "rather",
        "so",
        "because",
        "since",
        "which",
        "then",
        "thus",
        "hence",
        "therefore",
        "unless",
        "otherwise",
    }
)

# Chinese cues are found in the run of Han characters. Longest match wins, so the lists hold the
# words that start with a negating character but do not negate ("不断", "非常", "无缓冲").
ZH_NEED_NEGATORS = _words("""
    不需要 不需 不用 不必 无需 无须 没必要 没有必要 不必要 用不着 毋需 毋须 多余 冗余 没用 无意义 没有意义
    可以忽略 忽略掉 无所谓 犯不着
""")
ZH_NEGATORS = _words("""
    并非 并不 不是 不会 不能 无法 不 未 别 勿 非 莫 毋 没办法 没有办法 没法
""")
# Negations in time ("不再泄漏": it used to, it no longer does): see reading.PAST.
ZH_PAST_NEGATORS = _words("""
    不再 已不再 早已不 已经不
""")
ZH_LACK = _words("""
    没有 没 无
""")
ZH_NOT_NEGATING = _words("""
    不断 不同 不过 不少 不仅 不只 不光 不管 不论 不久 不但 不止 不得不 不然 不妨 不停 不外乎
    无论 无缓冲 无锁 无序 无限 无界 无穷 非常
    非缓冲 非阻塞 没错 别的 别人 别处 未来 未知 无数 不一样 毋庸置疑 不用担心 不必担心 无需担心
    悄无声息 无声无息 无处不在 无所不在 无时无刻 无一例外 毫无疑问 不可或缺 必不可少 不可避免 无可避免
    不知不觉 层出不穷 不言而喻 迫不及待 无非 无缝
    不够就 不行就 不够的话 不行的话
    没用到的 没用上的 没用过的
    非零 非空 非负 非法
""")
# A negating character right after one of these is part of another word: 区别, 特别, 是否, 除非.
ZH_NOT_NEGATING_AFTER = {"别": "区分特差类识告级个性辨", "非": "是除莫", "无": "有", "未": "尚"}
ZH_MYTH = _words("""
    误以为 误认为 误区 错误地认为 以为 有人说 有人认为 同事说 同事认为 他说 她说 别人说 很多人认为 很多人觉得 有人觉得
""")
ZH_MYTH_NOT_AFTER = {"以为": "可所"}  # 可以为, 所以为了
# 要是 ("if") after one of these is part of another word: 主要是, 重要是, 需要是, 还要是 (只要是 is a
# condition too).
ZH_COND_NOT_AFTER = {"要是": "主重需想还也都总必"}
ZH_NOT_A_CUE_AFTER = {**ZH_NOT_NEGATING_AFTER, **ZH_MYTH_NOT_AFTER, **ZH_COND_NOT_AFTER}
ZH_CONDITIONAL = _words("""
    如果 假如 假设 要是 倘若 一旦 否则 忘记 忘了 除非 万一 要不然 不然 若 之前 以前 早期 旧版 老版本 过去
""")
# "没任务时，…", "不需要的时候…", "…的话": a subordinate clause that ends at the marker.
ZH_CLAUSE_END = _words("""
    时 时候 的话
""")
# Words with 时 that are not "when": longest match keeps them whole.
ZH_NOT_CLAUSE_END = _words("""
    超时 定时 时间 同时 及时 实时 临时 时序 时钟 时刻 时长 时延 计时 准时 按时 暂时 随时 时常 时机 时区 耗时 适时
    运行时
""")
ZH_CLAUSE_BREAK = _words("""
    但是 但 然而 可是 不过 所以 因为 因此 而是 否则 于是 却 而
""")

# Verbs of causing or remedying (stems). Denying one denies its subject: in "closures and
# interfaces do not cause escapes" the closures are what is denied, and in "singleflight would not
# help" the singleflight.
EN_SUBJECT_VERBS = frozenset(
    {
        "caus",
        "trigger",
        "lead",
        "result",
        "induc",
        "provok",
        "help",
        "fix",
        "solv",
        "prevent",
        # predicates that dismiss their subject: "memory isn't really a factor",
        # "duplicates aren't a concern", "the order doesn't matter here"
        "problem",
        "issu",
        "concern",
        "factor",
        "matter",
        "relevant",
        "important",
        "worry",
        "risk",
        "deal",
        "happen",
        "exist",
        "apply",
        "affect",
    }
)
ZH_SUBJECT_VERBS = _words("""
    导致 引起 造成 引发 触发 使得 解决 帮助 修复 防止
    问题 关系 影响 重要 发生 相关 要紧 成立
""")

# Words that name a bad outcome. A wrong practice followed by one ("Add inside the goroutine
# races with Wait", "在协程里 Add 会和 Wait 竞争") is described as a mistake, not believed.
EN_CONSEQUENCE = frozenset(
    _words(
        """
    race races racing racy panic panics panicking leak leaks leaking deadlock deadlocks deadlocking
    break breaks breaking broken crash crashes crashing fail fails failing corrupt corrupts bug buggy
    wrong unsafe incorrect dangerous mistake mistaken backwards antipattern flawed
    """
    )
)
ZH_CONSEQUENCE = _words("""
    竞争 竞态 数据竞争 panic 崩溃 泄漏 泄露 死锁 出错 错误 有问题 不安全 bug 导致 错的 是错 不对 不成立
    没用 不管用 不起作用 无效 白写 接不住
""")
# 没用 as "not used yet", not "useless": "没用到的分支" names no bad outcome.
ZH_UNUSED = _words("没用到 没用上 没用过 没用完")
# Denied, these say a practice fails: "X doesn't work", "X isn't enough", "X won't help".
EN_FAILS_WHEN_DENIED = frozenset(
    _words("work works working help helps enough suffice suffices catch catches save saves cut")
)
# Between a practice and a bad outcome these turn it round, as a negation cue does: "Wait first
# prevents races" and "X is not wrong" praise the practice. A Han one counts only before the
# outcome word.
EN_AVERTS = frozenset(
    _words(
        """
    prevent prevents prevented avoid avoids avoided stop stops fix fixes fixed eliminate eliminates
    solve solves remove removes guard guards protect protects without against rule rules
    """
    )
)
ZH_AVERTS = ("避免", "防止", "解决", "修复", "杜绝")
# A gerund may open the clause before the practice: "Calling Wait first is wrong".
EN_NOT_GERUNDS = frozenset({"string", "nothing", "something", "anything", "everything", "thing"})
# Between a practice and its outcome these mean "or else": "close it or it leaks" is the belief.
EN_OR_ELSE = frozenset({"or", "otherwise", "else"})

# How far a plain negator reaches: the term it denies must start within this many content word
# units after it (function words not counted; a Han character counts half a word). "cannot be
# garbage collected" denies "collected"; "we can't lose them, so they go to Kafka" keeps Kafka.
# What "no"/"without"/"没有" lacks is the noun phrase right after it: a verb between the cue and a
# term ends that phrase. In "a read without the lock is a data race" the race is asserted.
EN_LACK_STOPS = frozenset(
    {
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "causes",
        "cause",
        "means",
        "gives",
        "leads",
        "makes",
        "creates",
        "triggers",
        "results",
        "becomes",
        "will",
        "would",
        "can",
        "could",
        "may",
        "might",
        "races",
    }
)
ZH_LACK_STOPS = frozenset("是会就导致造成引起算叫")
# A negator right after a relative pronoun (and its auxiliaries) denies the relative clause's verb.
EN_RELATIVE = frozenset({"that", "which", "who", "whose"})
EN_AUX = frozenset(
    {
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "do",
        "does",
        "did",
        "have",
        "has",
        "had",
        "will",
        "would",
        "can",
        "could",
        "should",
        "may",
        "might",
        "must",
        "still",
        "yet",
        "ever",
    }
)
# "not ... until", "nothing runs until": a negated event with `until` states when it happens.
EN_UNTIL = frozenset({"until", "till"})

NEGATION_REACH = 1.5
# What may follow a need-negation that ends its clause ("-race 也不需要加", "isn't needed here"): the
# doing of the thing, and words that say nothing of what is needed. Han characters are single tokens.
DISMISSED_DOING = frozenset(
    _words("""
    加 用 管 做 写 改 查 看 搞 弄 开 关 传 调 考 虑 担 心 理 会 处 特 别 专 门 再 去 了 的 呢 啊 吧
    worry worrying bother bothering here really at all anyway now there either too in this case
""")
)

# Words that may close a list item without starting a clause ("no need for X or Y there").
TRAILING_ADVERBS = frozenset({"there", "here", "either", "too", "anyway", "anymore", "at", "all", "now"})

# "no need to (explicitly) call cancel": a need-negation reaches a little further.
NEED_REACH = 2.5


def _slips(word: str) -> set[str]:
    """The one-keystroke slips of `word` that keep its first letter: a letter dropped inside it, a
    letter typed twice, two neighbours swapped ("nevre", "neever", "dosent")."""
    out = {word[:i] + word[i + 1 :] for i in range(1, len(word) - 1)}
    out |= {word[:i] + word[i] + word[i:] for i in range(len(word))}
    out |= {word[:i] + word[i + 1] + word[i] + word[i + 2 :] for i in range(1, len(word) - 1)}
    out.discard(word)
    return out


# A slip in a negator turns a sentence round ("a map neever shrinks" would say a map shrinks), so
# misspelt negators of five letters or more are read as the negator. Shorter ones have too many
# real words one slip away; so do the words excluded here (wasnt -> want, nothing -> noting).
_SLIPPED_NEGATORS = _words(
    """
    never nothing nobody neither without cannot doesnt didnt arent wasnt werent wouldnt shouldnt
    couldnt mustnt neednt hasnt havent hadnt nowhere
    """
)
_REAL_WORDS_ONE_SLIP_AWAY = frozenset({"want", "wast", "hast", "dint", "doest", "noting", "nether"})
NEGATOR_SLIPS: dict[str, str] = {
    slip: word
    for word in _SLIPPED_NEGATORS
    for slip in sorted(_slips(word))
    if slip not in _REAL_WORDS_ONE_SLIP_AWAY and slip not in _SLIPPED_NEGATORS
}
