"""The yes or no an answer opens with, for a question that asks one.

"Does `err == ErrLocked` hold?", "Is this safe?", "还能继续跑吗？": the model answer opens with its
verdict ("No.", "It is not safe", "不成立"), and so does almost every answer a candidate writes.
An answer that opens with the opposite verdict has the question's key fact the wrong way round,
however it words the rest: no authored contrast is needed to see it. Only a verdict that opens
the answer counts, and only a short one ("No, because ...", "不安全。"), so "No matter what ..."
and "Not only ... but ..." are not verdicts.
"""

from __future__ import annotations

import re
from typing import Literal

from runner.answers.normalize import Sentence
from runner.content.models import OpenQuestion

Verdict = Literal["yes", "no"]
Expected = Literal["yes", "no", "problem"] | None

# A yes/no question anywhere in the prompt ("Does `err == ErrLocked` hold? What do you use
# instead?"): an English question that starts with an auxiliary verb, or a Chinese one that ends in
# 吗 or asks A-not-A (能不能, 会不会, 是不是).
_EN_QUESTION = re.compile(
    r"(?:^|[.!?:\"'“”]\s+|\n)(?:does|do|did|is|are|was|were|can|could|will|would|should|may|has|have)\b[^?.!]*\?",
    re.I,
)
_ZH_QUESTION = re.compile(r"吗\s*[？?]|(?:是否|能不能|会不会|是不是|可不可以|有没有)[^。？?]*[？?]")
# The opening clause: up to the first punctuation, dash or "because".
_CLAUSE = re.compile(r"^\s*([^,.;:!?，。；：！？—–(（\n]*)")
_EN_NOT_A_VERDICT = re.compile(
    r"^(?:no (?:matter|problem|issue|need|way to)|not (?:only|just|a problem|an issue)|"
    r"not necessarily|yes and no|it depends)\b"
)
_EN_NO = re.compile(
    r"^(?:(?:no|nope|not really|not in general|not quite)\b|"
    r"(?:it|this|that|the \w+)(?: \w+)? (?:is not|isn't|does not|doesn't|cannot|can't|will not|won't|"
    r"would not|wouldn't|should not|shouldn't|do not|don't|are not|aren't|was not|wasn't)\b|"
    r"(?:it's|that's|this is|it is|that is) not\b)"
)
_EN_YES = re.compile(
    r"^(?:(?:yes|yeah|yep|yup|correct|sure)\b|"
    r"(?:it|this|that)(?:'s| is) (?:safe|fine|ok|okay|correct|true)\b|it holds\b|it does\b|it can\b|it will\b|"
    r"that works\b|it works\b)"
)
_ZH_NOT_A_VERDICT = ("不仅", "不只", "不管", "不论", "不过", "不同", "不一定", "没问题吗")
_ZH_NO = ("不", "没有", "否", "并不", "并非", "当然不")
_ZH_YES = ("是的", "对", "成立", "没问题", "安全", "能", "会", "可以", "当然", "是")
# "That's fine.", "There is no race here.", "这段代码其实没问题。": an opening clause that is
# nothing but an all-clear (a few words after it at most: "in practice", "here").
_EN_ALL_CLEAR = re.compile(
    r"^(?:(?:honestly|actually|frankly) )?(?:"
    r"(?:this|that|it|the code|this code)(?:'s| is) (?:actually |really |perfectly |completely )?"
    r"(?:fine|ok|okay|safe|correct|not a problem)|"
    r"nothing (?:is |really |actually |much )*(?:wrong|goes wrong|bad happens|odd|weird|strange|unusual|surprising)"
    r"(?: happens| with (?:it|this|that|the code))?|"
    r"(?:it|this|that|the code)(?: is not|'s not| isn't)(?: really| actually)?"
    r" (?:risky|dangerous|unsafe|wrong|broken|a (?:real )?problem)|"
    r"(?:it's |that's |this is )?all (?:good|fine)|(?:it|this|that|the code) works(?: fine| as is)|"
    r"nothing (?:needs|has) to change|(?:you |we )?(?:don't|do not) need (?:anything|to do anything)(?: special)?|"
    r"no need to (?:change|do) anything|"
    r"there(?:'s| is) no (?:problem|race|data race|leak|bug|issue)|"
    r"no (?:problem|race|data race|leak|bug|issue)s?)"
    r"(?:,? (?:honestly|really|here|at all|in practice|as written|as it is|as is|for that|for this))?$"
)
_ZH_ALL_CLEAR = re.compile(
    r"^(?:这段代码|这个代码|这个|这样|这里|代码)?(?:其实|确实|完全|本身)?(?:是)?"
    r"(?:没问题|没有问题|没什么问题|没啥问题|安全的|不会有问题|没有竞争|没有数据竞争|没有泄漏|没事|一切正常|"
    r"没什么(?:特别|奇怪)|不需要(?:什么|任何)\S{0,4}|什么都不用(?:做|改)|"
    r"(?:不用|不需要|无需)(?:特别|专门|特意)?(?:处理|担心|操心|改|动|管))(?:的)?$"
)
# What turns an all-clear into a concession: "fine, but ...", "没问题，不过 ...".
_TAKEN_BACK = re.compile(
    r"^\s*[,;:，；：—–-]?\s*(?:but|however|although|though|except|unless|as long as|provided|only if|"
    r"但|但是|不过|可是|然而|只是|除非|前提是|只要)"
)
_MAX_WORDS = 6  # "It is not safe", "No, ...": a verdict is short
_MAX_HAN = 8


def asks_yes_no(question: OpenQuestion) -> bool:
    return bool(_EN_QUESTION.search(question.prompt.get("en"))) or bool(_ZH_QUESTION.search(question.prompt.get("zh")))


def _opening_clause(text: str) -> str:
    m = _CLAUSE.match(text)
    return (m.group(1) if m else "").strip().lower().replace("’", "'")


def opening_verdict(text: str) -> Verdict | None:
    """The verdict the text opens with, or None when its first clause is not a short yes or no."""
    clause = _opening_clause(text)
    if not clause:
        return None
    if clause[0].isascii():
        if len(clause.split()) > _MAX_WORDS or _EN_NOT_A_VERDICT.match(clause):
            return None
        if _EN_NO.match(clause):
            return "no"
        return "yes" if _EN_YES.match(clause) else None
    if len(clause) > _MAX_HAN or clause.startswith(_ZH_NOT_A_VERDICT):
        return None
    if clause.startswith(_ZH_NO):
        return "no"
    return "yes" if clause.startswith(_ZH_YES) else None


def opening_all_clear(text: str) -> bool:
    """The text opens with a clause that only says there is no problem, and the sentence does not
    take it back at once ("It's fine, but the writer races", "没问题，不过前提是只读")."""
    clause = _opening_clause(text)
    if not clause or not (_EN_ALL_CLEAR.match(clause) or _ZH_ALL_CLEAR.match(clause)):
        return False
    rest = text.strip()[len(clause) :].lower()
    return not _TAKEN_BACK.match(rest)


def model_verdict(question: OpenQuestion) -> Verdict | None:
    """The verdict of the question's model answer, when the prompt asks a yes/no question and the
    English model answer opens with one (and the Chinese one with the same, or with none)."""
    if not asks_yes_no(question):
        return None
    en, zh = opening_verdict(question.model_answer.get("en")), opening_verdict(question.model_answer.get("zh"))
    return en if en is not None and zh in (None, en) else None


def expected_opening(question: OpenQuestion) -> Expected:
    """What the question's model answer opens with, as far as an answer's opening is checked
    against it: its yes or no (for a yes/no question); "problem" when, for another question, it
    does not open with an all-clear; None when it does. Read once, when the question is compiled."""
    verdict = model_verdict(question)
    if verdict is not None:
        return verdict
    model = question.model_answer
    return None if opening_all_clear(model.get("en")) or opening_all_clear(model.get("zh")) else "problem"


def turned_verdict(expected: Expected, sentences: tuple[Sentence, ...]) -> Sentence | None:
    """The answer's opening sentence when it gives the opposite of the model answer's verdict; for
    a question that is not a yes/no one, when it opens with an all-clear ("That's fine.",
    "这段代码其实没问题。") that the model answer does not give (`expected`: expected_opening)."""
    if expected is None or not sentences:
        return None
    if expected == "problem":
        return sentences[0] if opening_all_clear(sentences[0].text) else None
    said = opening_verdict(sentences[0].text)
    return sentences[0] if said is not None and said != expected else None
