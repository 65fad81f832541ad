"""Every label the quiz and review screens print, in English and Chinese: one typed catalogue.

`msg(key, lang, **fields)` formats the text for the language; a test fails when a key lacks
Chinese, so `--lang zh` never falls back to an English label.
"""

from __future__ import annotations

from typing import Final

from runner.content.models import Lang

MESSAGES: Final[dict[str, tuple[str, str]]] = {
    "keys.help": (
        "? hint · s skip · ! don't know · q pause",
        "? 提示 · s 跳过 · ! 不会 · q 暂停",
    ),
    "prompt.single": ("Your choice ({letters}): ", "你的选择（{letters}）："),
    "prompt.multi": ("Your choices, e.g. A,C ({letters}): ", "你的选择，例如 A,C（{letters}）："),
    "prompt.truefalse": ("True or false (t/f): ", "对还是错（t/f）："),
    "prompt.bug": ("Faulty line number(s), e.g. 4 or 4,7: ", "有问题的行号，例如 4 或 4,7："),
    "prompt.output": ("The exact output:", "准确的输出："),
    "prompt.open": ("Your answer:", "你的回答："),
    "prompt.multiline": (
        "finish with an empty line twice, or a line with only '.'; a lone ?, s, ! or q works as at the other prompts",
        "连按两次回车或单独输入一行 '.' 结束；单独一行 ?、s、! 或 q 与其他提示处相同",
    ),
    "answer.empty": ("That answer is empty; type it, or q to pause.", "回答是空的；请输入，或按 q 暂停。"),
    "hint.label": ("Hint {n}/{total}:", "提示 {n}/{total}："),
    "hint.none": ("No more hints for this question.", "这道题没有更多提示了。"),
    "skip.done": ("Skipped: it is not recorded and comes back another time.", "已跳过：不记录，之后还会出现。"),
    "dontknow.done": (
        'Recorded as "don\'t know"; it comes back for review soon.',
        "已记录为“不会”；它很快会回到复习中。",
    ),
    "saved": ("answer saved", "答案已保存"),
    "summary.title": ("Summary by topic", "按主题汇总"),
    "summary.topic": ("topic", "主题"),
    "summary.answered": ("answered", "已答"),
    "summary.right": ("right", "正确"),
    "summary.score": ("score", "得分"),
    "summary.line": (
        "Score: {score} — {answered} of {total} answered",
        "得分：{score} —— 共 {total} 题，已答 {answered} 题",
    ),
    "summary.earlier": ("(and {n} before the pause)", "（暂停前另答了 {n} 题）"),
    "summary.interrupted": (" (interrupted)", "（已中断）"),
    "summary.missed": ("Missed: {ids}", "未答对：{ids}"),
    "summary.skipped": ("Skipped: {ids}", "已跳过：{ids}"),
    "summary.replay": ("Replay this selection with --seed {seed}", "用 --seed {seed} 可以重做这组题"),
    "summary.nothing": ("Nothing answered yet.", "还没有作答。"),
    "summary.resume": ("Paused: continue with `gokata quiz --resume`.", "已暂停：用 `gokata quiz --resume` 继续。"),
    "resume.none": ("There is no paused quiz to resume.", "没有可以继续的暂停测验。"),
    "resume.dropped": (
        "{n} question(s) of the paused quiz are no longer in the banks and were left out.",
        "暂停的测验中有 {n} 道题已不在题库里，已略过。",
    ),
    "feedback.answer": ("Answer: {answer}", "答案：{answer}"),
    "feedback.expected": ("Expected output:", "期望的输出："),
    "feedback.diff": (
        "Your output against the expected one (- yours, + expected):",
        "你的输出与期望输出的差异（- 你的，+ 期望的）：",
    ),
    "feedback.lines": ("Faulty line(s): {lines}", "有问题的行：{lines}"),
    "feedback.yours": ("◀ yours", "◀ 你的"),
    "feedback.go": ("Go version: {go}", "Go 版本：{go}"),
    "show.framework": ("Answer framework:", "答案框架："),
    "show.model": ("Model answer:", "参考答案："),
    "show.level.core": ("core", "核心"),
    "show.level.expected": ("expected", "应答"),
    "show.level.bonus": ("bonus", "加分"),
}


def msg(key: str, lang: Lang, **fields: object) -> str:
    en, zh = MESSAGES[key]
    text = zh if lang == "zh" else en
    return text.format(**fields) if fields else text
