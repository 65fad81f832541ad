"""Answers that wave the question's concerns away.

A candidate who denies what a question is about rarely says "X is false". They say it does not
matter: "there's no need to clone it", "that isn't really a problem", "I wouldn't bother with a
timeout", "没必要加锁", "不用担心", "纯属过度设计". One such remark is normal in a strong answer
(the model answer itself often says "no need for a mutex here"). Several, beyond what the model
answer waves away, is how a denial reads, whatever words it uses for the things it dismisses: no
authored phrasing is needed to see it.

Only the sentence's own wording is read. A dismissal under a condition ("if you use a buffered
channel, there's no need to ...") or in a question is not counted: it says when something is
unneeded, not that the question's concern is.
"""

from __future__ import annotations

import re

from runner.answers.normalize import Sentence

# How many more sentences than the model answer must wave something away before the answer reads
# as a denial. Blind dev splits: at 2, 235 of 740 denials and 2 of 2,077 strong or mixed answers.
MARGIN = 2

_EN = re.compile(
    r"\b(?:"
    r"no (?:real )?need (?:to|for)|"
    r"(?:don't|do not|doesn't|does not) (?:really |actually )?need (?:to|any)|"
    r"unnecessary|needless|overkill|over-?engineer\w*|"
    r"(?:wouldn't|won't|would not|will not) (?:bother|worry)|"
    r"\bi (?:wouldn't|would not|won't|don't|do not) (?:bother|chase|worry|sweat|fuss)|"
    r"(?:don't|do not) see (?:the|any|a) (?:need|point|reason)|(?:not|isn't) worth \w+|"
    r"\bi (?:don't|do not) think (?:this|that|it|there)(?:'s| is| are)? |"
    r"(?:isn't|is not|aren't|are not|not) (?:really |actually )?(?:a|an) (?:real |actual |big )?"
    r"(?:problem|issue|concern|worry|limitation|bug|risk)|"
    r"(?:don't|do not) (?:really )?(?:see|consider) (?:that|this|it|them) as (?:a|an) (?:real |actual |big )?"
    r"(?:problem|issue|bug|concern|risk)|"
    r"(?:wouldn't|would not) (?:call|consider) (?:it|this|that|the \w+(?: \w+)?) (?:a|an) "
    r"(?:bug|problem|issue|leak|race)|"
    r"never (?:really )?need to|(?:fine|harmless) in practice|"
    r"(?:keep|leave) (?:it|this|that|the code|things|the \w+) (?:as it is|as is|as-is|alone)|"
    r"nothing (?:really |actually |fundamentally )?wrong with|no harm in|(?:doesn't|does not|can't) hurt|"
    r"no (?:real )?(?:problem|issue|concern) (?:here|at all|in practice)|"
    r"(?:doesn't|does not|don't|do not) (?:really )?matter|"
    r"nothing (?:else )?to (?:worry|manage|fix|change|handle)|don't worry|"
    r"(?:don't|do not) think (?:we|you|it) (?:really )?needs? (?:anything|any|to)|"
    r"(?:wouldn't|would not) (?:change|touch|rewrite|restructure|refactor) (?:it|this|that|anything|a thing)\b|"
    r"(?:is|are) fine as (?:it is|they are|is)|"
    r"(?:don't|do not) think (?:it's|it is|that's|that is|this is|\w+(?: \w+)? (?:is|are)) (?:really )?(?:a |the )?"
    r"(?:real |big )?(?:problem|issue|worth|culprit|tool for)|"
    r"(?:isn't|is not|aren't|are not) really the culprit|"
    r"(?:don't|do not|doesn't|does not) really need\b|"
    r"(?:wouldn't|would not) (?:chase|restructure|rewrite) |(?:approve|merge|ship) (?:it|this|that|the [\w']+ "
    r"(?:change|pr)) as (?:it is|is)|wasted effort|extra ceremony|(?:for )?no real gain|"
    r"academic distinction|worrying about nothing|premature optimi[sz]ation|"
    r"(?:isn't|is not|not) (?:really |such )?a (?:big |huge )?deal|(?:a |more a |just a |only a )?(?:style|stylistic) "
    r"(?:preference|choice|thing)|matter of (?:taste|style)|let (?:it|this|that) (?:through|slide|pass)|"
    r"looks? (?:perfectly )?fine to me|(?:but )?not critical|(?:purely |only |just |a )?theoretical "
    r"(?:worry|concern|problem|risk|issue)|\bi(?:'d| would| will|'ll) approve (?:it|this|that|the)|"
    r"(?:is|are) (?:purely |just |only )?cosmetic|leave (?:all|both) of (?:that|this|them|it) alone|"
    r"(?:isn't|is not|aren't|are not) going to (?:hang|happen|matter|break) in practice"
    r")"
)
_ZH = re.compile(
    r"没必要|不需要|无需|不必|"
    r"不用(?:太|再)?(?:担心|操心|管|改|动|专门|特意|特别)|"
    r"不是(?:什么)?(?:大)?问题|无所谓|过度设计|画蛇添足|多此一举|得不偿失|问题不大|没什么问题|"
    r"关系不大|没什么关系|不用太较真|纯属多余|"
    r"没什么(?:需要|要|好|可)(?:改|修|担心|处理)的|不是真正的问题|不算(?:什么)?(?:大)?问题|算不上(?:什么)?问题|不构成问题|谈不上(?:什么)?问题|"
    r"不用急着|不必急着|维持原样|保留(?:这种|原来的|现在的)写法|保持现状|没(?:有)?(?:什么)?坏处|"
    r"不代表(?:它|这)?(?:就)?是问题|不用在意|不必在意|不用管它|用不着|意义不大|收益不大|算不上|"
    r"(?:只是|也就是|不过是)(?:个|一个)?小问题|我不(?:觉得|认为)|我并不(?:觉得|认为)|我不会(?:改|动|去改|专门|特意|为了)|"
    r"不划算|无关紧要|纯属折腾|差别不大|区别不大|没什么损失|不(?:用|必)太在意|没什么影响|影响不大|不会有什么问题|没啥问题|(?:也|都)没关系|不是关键|没(?:太大|多大|什么)区别|"
    r"不值得|基本可以忽略|可以忽略不计|不太关注|没那么重要|无伤大雅|小题大做|没毛病|"
    r"(?:只是|属于|不过是)(?:个人)?(?:风格|习惯|偏好)(?:问题|偏好|而已)?"
)
# A dismissal after one of these in its sentence states a condition for it, not a verdict.
_CONDITION = re.compile(r"\b(?:if|unless|when|as long as)\b|如果|假如|要是|只要|的话")
# "once" is a condition where a clause starts or a subject follows it ("Once it is warm, ...",
# "cheap once the cache is warm"); elsewhere it is sync.Once ("Once 会在下次调用时再试",
# "sync.Once") or "one time" ("runs f once, so ...").
_ONCE = re.compile(
    r"(?:^|[,;:(]\s*|\b(?:and|but|so|then|only)\s+)once\b(?!\s*[\u4e00-\u9fff])"
    r"|\bonce (?:it|its|the|a|an|all|every|each|this|that|there|you|we|they|he|she|your|our|their)\b"
)


def dismissing(sentence: Sentence) -> bool:
    """The sentence waves something away as unneeded or harmless, as a verdict of its own."""
    if sentence.is_question:
        return False
    text = sentence.norm  # lower case, curly quotes made ASCII
    for found in (_EN.search(text), _ZH.search(text)):
        if (
            found is not None
            and not _CONDITION.search(text, 0, found.start())
            and not _once_before(text, found.start())
        ):
            return True
    return False


def _once_before(norm: str, end: int) -> bool:
    """The conjunction "once" before `end`."""
    return _ONCE.search(norm, 0, end) is not None


def dismissals(sentences: tuple[Sentence, ...]) -> tuple[Sentence, ...]:
    """The sentences that wave something away."""
    return tuple(s for s in sentences if dismissing(s))
