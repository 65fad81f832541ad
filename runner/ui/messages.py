"""Every label the quiz and review screens print, in English and Chinese: one typed catalogue.

`msg(key, lang, **fields)` formats the text for the language; a test fails when a key lacks
Chinese, so `--lang zh` never falls back to an English label.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:  # only a type: importing content.fields at run time builds pydantic (~60 ms)
    from runner.content.fields import Lang

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
    "resume.replace": (
        "You have a paused quiz with {n} question(s) left; a new quiz replaces it. Start a new one?",
        "你有一个暂停的测验，还剩 {n} 道题；开始新测验会替换它。要开始新的吗？",
    ),
    "resume.kept": (
        "Kept your paused quiz: continue it with `gokata quiz --resume`.",
        "已保留暂停的测验：用 `gokata quiz --resume` 继续。",
    ),
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
    # gokata interview
    "iv.title": ("Mock interview", "模拟面试"),
    "iv.opening": (
        "{n} questions{budget}. Answer as you would to an interviewer; a lone q ends the interview with a debrief.",
        "共 {n} 道题{budget}。像面对面试官那样作答；单独输入 q 结束面试并查看复盘。",
    ),
    "iv.budget": (", about {minutes} minutes", "，约 {minutes} 分钟"),
    "iv.source.weak": ("Chosen from your weak areas.", "题目来自你的薄弱环节。"),
    "iv.source.topics": ("Chosen from the topics you gave.", "题目来自你指定的主题。"),
    "iv.source.all": (
        "No answers on record yet, so the questions come from every topic.",
        "还没有作答记录，所以题目来自所有主题。",
    ),
    "iv.question": ("Question {n} of {total}", "第 {n} 题，共 {total} 题"),
    "iv.followup": ("Follow-up", "追问"),
    "iv.stretch": ("Stretch question", "进阶问题"),
    "iv.why.contradicted": ("Let me push on something you said.", "我想就你刚才说的一点追问一下。"),
    "iv.why.missed": ("Let's dig into something you didn't mention.", "我们深入聊聊你没有提到的一点。"),
    "iv.why.partial": ("You touched on this; say more.", "你提到了这一点，请展开说说。"),
    "iv.why.strong": ("Good answer. A harder one:", "回答得不错。再来一个更难的："),
    "iv.prompt": ("Your answer:", "你的回答："),
    "iv.input": (
        "finish with an empty line twice, or a line with only '.'; a lone q ends the interview",
        "连按两次回车或单独输入一行 '.' 结束；单独输入 q 结束面试",
    ),
    "iv.time": ("{took} for this answer · {elapsed} in all", "本题用时 {took} · 累计 {elapsed}"),
    "iv.time.budget": (
        "{took} for this answer · {elapsed} of {budget}",
        "本题用时 {took} · 已用 {elapsed}，预算 {budget}",
    ),
    "iv.at_time": ("We're at time, so let's wrap up here.", "时间到了，我们就到这里。"),
    "iv.unsure": (
        "I'm not sure how to read that answer, so I won't pretend to: rate it yourself against the points.",
        "我不太确定该如何评判这个回答，不想假装有把握：请你对照要点自己评一下。",
    ),
    "iv.unsure.scripted": (
        "I'm not sure how to read that answer: its grade is marked for you to check against the points.",
        "我不太确定该如何评判这个回答：它的得分已标记，请你对照要点自己核对。",
    ),
    "iv.rate.point": ("Did your answer cover: {point}", "你的回答是否讲到了：{point}"),
    "iv.empty": ("That answer is empty; say something, or q to end.", "回答是空的；请作答，或输入 q 结束。"),
    "iv.debrief": ("Debrief", "复盘"),
    "iv.panel": ("How a panel would read this round", "面试小组会如何看这一轮"),
    "iv.signal": ("Signal: {signal}", "结论：{signal}"),
    "iv.signal.strong": ("strong", "表现强"),
    "iv.signal.mixed": ("mixed", "有好有坏"),
    "iv.signal.not-yet": ("not yet", "尚未达到"),
    "iv.practice": (
        "This is practice, not a hiring decision: a real panel weighs far more than a few answers.",
        "这只是练习，不是录用决定：真正的面试小组考虑的远不止几道题的回答。",
    ),
    "reason.none": ("no main question was answered", "没有回答任何主问题"),
    "reason.mean": ("main answers averaged {score}%", "主问题平均得分 {score}%"),
    "reason.passed": (
        "{passed} of {total} main answers covered every core point",
        "{total} 道主问题中有 {passed} 道讲全了核心要点",
    ),
    "reason.contradicted": (
        "{n} core point(s) stated the wrong way round and not put right in a follow-up",
        "有 {n} 个核心要点说反了，追问中也没有纠正",
    ),
    "reason.recovered": ("{n} gap(s) closed when asked a follow-up", "有 {n} 处遗漏在追问中补上了"),
    "reason.unsure": ("some answers were hard to grade automatically", "部分回答难以自动评分"),
    "reason.few": (
        "only {n} main question(s) answered: too little to call it strong",
        "只回答了 {n} 道主问题：不足以判定为强",
    ),
    "iv.per_question": ("Per question", "逐题"),
    "iv.line": ("Q{n} `{qid}` — {score}% ({time})", "第 {n} 题 `{qid}` —— {score}%（{time}）"),
    "iv.line.passed": ("core points covered", "核心要点讲全了"),
    "iv.line.missed": ("a core point missed or wrong", "漏掉或说错了核心要点"),
    "iv.line.followup": ("follow-up on {point} ({why}): {result}", "追问 {point}（{why}）：{result}"),
    "iv.line.stretch": ("stretch question discussed", "讨论了进阶问题"),
    "iv.line.unsure": ("hard to grade: check it yourself", "难以自动评分：请自行核对"),
    "iv.result.well": ("answered well", "答得好"),
    "iv.result.not": ("still not there", "仍未答到"),
    "iv.verdict.covered": ("covered", "讲到"),
    "iv.verdict.partial": ("partly", "部分讲到"),
    "iv.verdict.missed": ("missed", "未提到"),
    "iv.verdict.contradicted": ("stated the wrong way round", "说反了"),
    "iv.strengths": ("Strengths", "优势"),
    "iv.gaps": ("Gaps", "不足"),
    "iv.gap.recovered": ("put right in the follow-up", "追问中已纠正"),
    "iv.none": ("none", "无"),
    "iv.study": ("What to study next", "接下来学什么"),
    "iv.study.question": (
        "`gokata show {qid}` — then answer it again with `gokata answer {qid}`",
        "`gokata show {qid}` —— 然后用 `gokata answer {qid}` 再答一遍",
    ),
    "iv.study.kata": ("`gokata kata start {slug}` (practises {qid})", "`gokata kata start {slug}`（练习 {qid}）"),
    "iv.study.nothing": (
        "Nothing owed: try a harder round with `--topic`.",
        "没有欠缺：可以用 `--topic` 挑战更难的一轮。",
    ),
    "iv.scheduled": ("Review cards scheduled", "已安排的复习卡片"),
    "iv.ending.quit": (
        "The interview ended early: the debrief covers what was answered.",
        "面试提前结束：复盘只包括已回答的部分。",
    ),
    "iv.ending.interrupted": ("Interrupted: the answers given so far are kept.", "已中断：已给出的回答都已保留。"),
    "iv.ending.time": ("The round ran out of time.", "这一轮时间到了。"),
    "iv.saved": (
        "Transcript saved: {path} (see `gokata interview --show {n}`)",
        "记录已保存：{path}（用 `gokata interview --show {n}` 查看）",
    ),
    "iv.transcript": ("Transcript", "问答记录"),
    "iv.you": ("You", "你"),
    "iv.interviewer": ("Interviewer", "面试官"),
    "iv.grade": ("Grade: {score}% · {points}", "得分：{score}% · {points}"),
    "iv.no_answer": ("(no answer)", "（未作答）"),
    "iv.list.none": ("No interview saved yet: run `gokata interview`.", "还没有保存的面试：运行 `gokata interview`。"),
    "iv.list.head": ("#  when  questions  signal", "#  时间  题目  结论"),
    # gokata config
    "config.file": ("Config file: {path}", "配置文件：{path}"),
    "config.key": ("key", "键"),
    "config.value": ("value", "值"),
    "config.source": ("from", "来源"),
    "config.meaning": ("meaning", "含义"),
    "config.source.default": ("default", "默认"),
    "config.source.file": ("file", "文件"),
    "config.source.env": ("env", "环境变量"),
    "config.source.flag": ("flag", "命令行"),
    "config.how": (
        "Change one with `gokata config set KEY VALUE`, or all with `gokata config edit`. "
        "A flag beats the environment, which beats the file.",
        "用 `gokata config set KEY VALUE` 修改一项，或用 `gokata config edit` 编辑全部。"
        "命令行参数优先于环境变量，环境变量优先于配置文件。",
    ),
    "config.help.lang": ("language of every screen: en or zh", "所有界面的语言：en 或 zh"),
    "config.help.workspace": (
        "where `gokata kata start` puts each kata (SLUG/ under it)",
        "`gokata kata start` 存放练习的位置（其下的 SLUG/）",
    ),
    "config.help.new_per_day": (
        "review: at most this many never-seen questions a day",
        "复习：每天最多出现多少道没见过的新题",
    ),
    "config.help.editor": (
        "the editor `config edit` and `kata edit` open",
        "`config edit` 和 `kata edit` 打开的编辑器",
    ),
    "config.help.grader": (
        "how open answers are read: words, or meaning (needs pip install 'gokata[meaning]')",
        "开放题答案的读法：words，或 meaning（需要 pip install 'gokata[meaning]'）",
    ),
    # gokata kata next / solution
    "next.title": ("Next kata:", "下一个练习："),
    "next.facts": (
        "topic {topic} · level {level} · {passed} of {total} katas passed",
        "主题 {topic} · 难度 {level} · 已通过 {passed}/{total} 个练习",
    ),
    "next.why.weak_topic": (
        "{topic} is a weak area: {accuracy}% right lately",
        "{topic} 是薄弱环节：最近正确率 {accuracy}%",
    ),
    "next.why.related_missed": (
        "it practises questions you answered badly: {ids}",
        "它练习的是你答得不好的题：{ids}",
    ),
    "next.why.easiest": ("among the easiest left (level {level})", "剩下的练习中最简单的之一（难度 {level}）"),
    "next.why.failing": ("you started it and it does not pass yet", "你已开始但还没有通过"),
    "next.why.not_started": ("not started yet", "还没有开始"),
    "next.start": ("Start:", "开始："),
    "next.also": ("Also worth doing:", "也值得一做："),
    "next.all_passed": (
        "Every kata is passed ({total} of {total}). See a reference solution with `gokata kata solution SLUG`.",
        "所有练习都已通过（{total}/{total}）。用 `gokata kata solution SLUG` 查看参考解答。",
    ),
    "solution.title": ("Reference solution of {slug}", "{slug} 的参考解答"),
    # gokata kata: list, start, reset, hint, test, watch, verify
    "kata.list.title": ("{n} kata(s)", "共 {n} 个练习"),
    "kata.col.slug_title": ("slug / title", "标识 / 标题"),
    "kata.col.slug": ("slug", "标识"),
    "kata.col.title": ("title", "标题"),
    "kata.col.topic": ("topic", "主题"),
    "kata.col.level": ("level", "难度"),
    "kata.col.status": ("status", "状态"),
    "kata.status.passed": ("passed", "已通过"),
    "kata.status.failing": ("failing", "未通过"),
    "kata.status.not started": ("not started", "未开始"),
    "kata.list.start": (
        "Start one with [bold]gokata kata start SLUG[/].",
        "用 [bold]gokata kata start SLUG[/] 开始一个。",
    ),
    "kata.list.broken": ("skipped a broken kata:", "跳过了一个有问题的练习："),
    "kata.start.workspace": ("Workspace:", "工作区："),
    "kata.start.exists": (
        "The workspace for {slug} is already there: [bold]{where}[/] (left as it is; `gokata kata reset {slug}` "
        "starts over).",
        "{slug} 的工作区已经存在：[bold]{where}[/]（保持原样；`gokata kata reset {slug}` 可以重新开始）。",
    ),
    "kata.start.read": ("Read: ", "阅读："),
    "kata.start.edit": ("Edit: ", "编辑："),
    "kata.start.tests": (
        "Tests you can read: {files} (hidden tests run too when you test)",
        "可以阅读的测试：{files}（测试时还会运行隐藏测试）",
    ),
    "kata.start.test": ("Test: ", "测试："),
    "kata.start.watch": ("Watch:", "监视："),
    "kata.start.watch_note": ("(re-tests on every save)", "（每次保存都会重新测试）"),
    "kata.start.stuck": ("Stuck:", "卡住了："),
    "kata.note": ("note:", "注意："),
    "kata.reset.done": ("{slug}: the starter files are back in {where}", "{slug}：初始文件已恢复到 {where}"),
    "kata.reset.backup": ("Your previous files are kept in {where}", "你之前的文件保存在 {where}"),
    "kata.hint.label": ("hint {n}/{total}:", "提示 {n}/{total}："),
    "kata.hint.last": ("That was the last hint.", "这是最后一条提示。"),
    "kata.result.visible": ("visible tests only", "只运行可见测试"),
    "kata.result.all": ("visible and hidden tests", "可见测试和隐藏测试"),
    "kata.result.code": ("code: {code} ({which})", "代码：{code}（{which}）"),
    "kata.result.hidden": ("(hidden)", "（隐藏）"),
    "kata.result.compile_errors": ("compile errors", "编译错误"),
    "kata.result.in_hidden": ("(in a hidden test)", "（在隐藏测试中）"),
    "kata.result.race": ("data race", "数据竞争"),
    "kata.result.race_during": ("data race during {test}", "数据竞争，发生在 {test}"),
    "kata.result.every_test": ("every test: {message}", "所有测试：{message}"),
    "kata.result.details": ("details", "详情"),
    "answer.line_cut": (
        "A line of that answer reached the terminal's limit of {n} characters, and the rest of it was cut"
        " off before gokata saw it. Paste it again with line breaks in it (or use --file with `gokata answer`).",
        "这个回答中有一行达到了终端的 {n} 字符上限，超出的部分在 gokata 收到之前就被截掉了。"
        "请加上换行后重新粘贴（或用 `gokata answer --file`）。",
    ),
    "exam.too_long": (
        "That answer is {n} characters; an answer may hold at most {most}. Shorten it and answer again.",
        "这个回答有 {n} 个字符；一个回答最多 {most} 个字符。请缩短后重新作答。",
    ),
    "kata.result.ignored": ("not used from your folder", "你的文件夹中未使用的文件"),
    "kata.result.line": (
        "{passed}/{total} tests passed · score {score} · {seconds} s",
        "通过 {passed}/{total} 个测试 · 得分 {score} · {seconds} 秒",
    ),
    "kata.mark.pass": ("PASS", "通过"),
    "kata.mark.fail": ("FAIL", "失败"),
    "kata.mark.skip": ("SKIP", "跳过"),
    "kata.verdict.pass": ("PASS", "通过"),
    "kata.verdict.fail": ("FAIL", "失败"),
    "kata.verdict.compile_error": ("COMPILE ERROR", "编译错误"),
    "kata.verdict.timeout": ("TIME-OUT", "超时"),
    "kata.verdict.race": ("DATA RACE", "数据竞争"),
    "kata.verdict.rejected": ("REJECTED", "被拒绝"),
    "kata.watch.keys": ("press q (or Ctrl-C) to stop", "按 q（或 Ctrl-C）停止"),
    "kata.watch.lines": ("Ctrl-C or a line with q to stop", "按 Ctrl-C 或输入一行 q 停止"),
    "kata.watch.header": (
        "watching {where} — re-testing on every save; {how}",
        "正在监视 {where} —— 每次保存都会重新测试；{how}",
    ),
    "kata.verify.title": (
        "kata verify: {n} kata(s), {seconds} s, {jobs} job(s)",
        "kata verify：{n} 个练习，{seconds} 秒，{jobs} 个并行任务",
    ),
    "kata.verify.kata": ("kata", "练习"),
    "kata.verify.runs": ("runs", "运行次数"),
    "kata.verify.mutants": ("mutants", "变异体"),
    "kata.verify.result": ("result", "结果"),
    "kata.verify.problems": ("{n} problem(s)", "{n} 个问题"),
    "kata.verify.content": ("content", "内容"),
    "kata.verify.ok": ("all katas verified", "所有练习都通过了验证"),
    "kata.verify.failed": ("verification failed", "验证失败"),
    "ok": ("ok", "正常"),
    # gokata stats, review
    "stats.title": ("Progress by topic", "按主题的进度"),
    "stats.topic": ("topic", "主题"),
    "stats.answered": ("answered", "已答"),
    "stats.accuracy": ("accuracy", "正确率"),
    "stats.mastery": ("mastery", "掌握度"),
    "stats.due": ("due today", "今天到期"),
    "stats.removed": ("(removed)", "（已移除）"),
    "stats.totals": (
        "[bold]{answered}[/] answered, accuracy [bold]{accuracy}[/], [bold]{due}[/] due today",
        "已答 [bold]{answered}[/] 题，正确率 [bold]{accuracy}[/]，今天到期 [bold]{due}[/] 题",
    ),
    "stats.katas": (
        "Katas passed [bold]{passed}[/] of {tried} tried ({runs} runs); streak [bold]{streak}[/] {days} (best {best})",
        "练习通过 [bold]{passed}[/] 个，共尝试 {tried} 个（运行 {runs} 次）；"
        "连续 [bold]{streak}[/] {days}（最长 {best} 天）",
    ),
    "stats.day": ("day", "天"),
    "stats.days_plural": ("days", "天"),
    "stats.forecast": ("[bold]Reviews due[/] (next 7 days): ", "[bold]待复习[/]（未来 7 天）："),
    "stats.today": ("today", "今天"),
    "stats.no_days": ("No answers in the last {n} days.", "最近 {n} 天没有作答。"),
    "stats.days": ("Last {n} days", "最近 {n} 天"),
    "stats.days.what": ("(answers, accuracy)", "（作答数，正确率）"),
    "review.nothing_yet": (
        "Nothing to review yet: answer some questions first, or take new ones with --new N.",
        "还没有可复习的题：先答一些题，或用 --new N 加入新题。",
    ),
    "review.nothing_due": (
        "Nothing due now. Next review due {when}. (--cram reviews anyway; --new N adds new questions.)",
        "现在没有到期的题。下次复习时间 {when}。（--cram 可以提前复习；--new N 加入新题。）",
    ),
    # gokata exam: the candidate's screens and the interviewer's views
    "exam.loaded": ("loaded {n} answer(s) from {path}", "已从 {path} 载入 {n} 个回答"),
    "exam.pause_key": ("(q to pause) ", "（q 暂停）"),
    "exam.time_up": ("time is up: answers now count as late", "时间到：现在提交的回答会记为迟交"),
    "exam.left": ("⏱ {mm}:{ss} left", "⏱ 剩余 {mm}:{ss}"),
    "exam.saved": ("saved · {clock}", "已保存 · {clock}"),
    "exam.paused": (
        "Paused. Your answers are saved; run the same command to continue.",
        "已暂停。你的回答都已保存；再次运行同一命令即可继续。",
    ),
    "exam.questions_left": ("{clock} · questions left: {n}", "{clock} · 剩余题目：{n}"),
    "exam.coding": (
        "[bold]Coding tasks[/] (edit the files, then run the visible tests):",
        "[bold]编程题[/]（编辑文件，然后运行可见测试）：",
    ),
    "exam.coding.edit": ("  • {slug}: edit {files} in {where}", "  • {slug}：编辑 {where} 中的 {files}"),
    "exam.coding.test": ("    test: {command}", "    测试：{command}"),
    "exam.done": ("When you are done: [bold]{command}[/]", "完成后运行：[bold]{command}[/]"),
    "exam.lint.ok": (
        "{n_sections} section(s), {n_questions} question(s), {n_katas} kata(s)",
        "{n_sections} 个部分，{n_questions} 道题，{n_katas} 个编程题",
    ),
    "exam.public": ("public content", "公开内容"),
    "exam.private": (
        "private content: no question or kata of this exam is in the bundled public content",
        "私有内容：这场考试的题目和编程题都不在自带的公开内容中",
    ),
    "exam.warning": ("warning:", "警告："),
    "exam.packed": (
        "wrote {path}: {n_questions} question(s), {n_katas} kata(s)\npack hash {hash}",
        "已写入 {path}：{n_questions} 道题，{n_katas} 个编程题\n考试包哈希 {hash}",
    ),
    "exam.col.rank": ("rank", "排名"),
    "exam.col.candidate": ("candidate", "候选人"),
    "exam.col.score": ("score", "得分"),
    "exam.col.result": ("result", "结果"),
    "exam.col.flags": ("flags", "标记"),
    "exam.not_graded": ("not graded", "未评分"),
    "exam.pass": ("pass", "通过"),
    "exam.below": ("below", "未达标"),
    "exam.flags_note": (
        "Flags call for a human look, not automatic rejection.",
        "标记表示需要人工查看，而不是自动拒绝。",
    ),
    "exam.missed": (
        "{n} submission(s) not graded: each has a row and a report saying why",
        "{n} 份提交未评分：每份都有一行和一份说明原因的报告",
    ),
    "exam.wrote": ("wrote {path}", "已写入 {path}"),
    "exam.noted": ("{candidate}: {n} note(s)", "{candidate}：{n} 条备注"),
    "exam.noted.scorecard": (", scorecard {scores}", "，评分卡 {scores}"),
    "exam.noted.wrote": ("; wrote {path} and the summary again", "；已重新写入 {path} 和汇总"),
    "exam.intact": ("intact", "完好"),
    "exam.unsigned": ("not signed", "未签名"),
    "exam.altered": ("ALTERED", "已被改动"),
    "exam.kata.line": ("{status}: {passed}/{total} visible tests pass", "{status}：可见测试通过 {passed}/{total}"),
}


def configured_lang() -> Lang:
    """The language of screens that have no --lang flag: the `lang` setting (config file or
    GOKATA_LANG), English when it is unset or cannot be read."""
    from runner.config import ConfigError, load_settings

    try:
        return "zh" if load_settings()["lang"] == "zh" else "en"
    except ConfigError:
        return "en"


def as_lang(lang: str | None) -> Lang:
    """A --lang value as the catalogue's language; None: the configured one."""
    if lang is None:
        return configured_lang()
    return "zh" if lang == "zh" else "en"


def msg(key: str, lang: Lang, **fields: object) -> str:
    en, zh = MESSAGES[key]
    text = zh if lang == "zh" else en
    return text.format(**fields) if fields else text
