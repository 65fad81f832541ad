"""The sentences a kata verdict is made of, in English and Chinese, built together.

The engine never prints, but its verdict is prose: "3 of 5 tests passed. The run was stopped: it
used more than 256 MiB of memory." Building both languages at the point where the facts are known
keeps the reasons exact; the UI picks one. Text that comes from Go (compiler errors, panics,
a test's own failure message) is not translated and is carried into both unchanged.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

PHRASES: Final[dict[str, tuple[str, str]]] = {
    # summaries
    "summary.all_passed": ("All {total} tests passed.", "全部 {total} 个测试都通过了。"),
    "summary.some_passed": ("{passed} of {total} tests passed.", "{total} 个测试中通过了 {passed} 个。"),
    "summary.stopped": (" The run was stopped: {stop}.", "运行被中止：{stop}。"),
    "summary.exited_early": (
        " The test binary exited before running the tests (os.Exit in an init function?).",
        "测试程序在运行测试之前就退出了（init 函数里调用了 os.Exit？）。",
    ),
    "summary.crashed": (" The test binary crashed: {first}", "测试程序崩溃了：{first}"),
    "summary.passed_then_failed": (
        "Every test passed, but the run then failed: {why}.",
        "所有测试都通过了，但运行随后失败：{why}。",
    ),
    "summary.race": ("A data race: {spots}.", "数据竞争：{spots}。"),
    "summary.race_spot": ("{kind} at {location}", "{location} 处的{kind}"),
    "summary.race_and": (" and ", "，以及"),
    "summary.race_see": ("see the report", "见下方报告"),
    "summary.tampered": (
        "Refused: the run's output was tampered with ({what}).",
        "拒绝评分：运行输出被篡改（{what}）。",
    ),
    "summary.only_under_race": (
        "Passes only under the race detector: built without it, as a program really runs, {tests} "
        "did not pass. Code must not depend on how it is graded.",
        "只在竞态检测器下通过：不带它构建（程序真正运行的方式）时，{tests} 没有通过。代码不能依赖评分方式。",
    ),
    "summary.no_build": ("The code does not build: {first}", "代码无法编译：{first}"),
    "summary.build_stopped": (
        "The code could not be built: the compiler was stopped ({why}).",
        "代码无法构建：编译器被中止（{why}）。",
    ),
    "summary.refused": ("Refused: {reason}.", "拒绝评分：{reason}。"),
    "summary.timeout": ("Stopped at the time limit ({limit} s){where}.", "到达时间限制（{limit} 秒）时被中止{where}。"),
    "summary.timeout_where": (" while running {tests}", "，当时仍在运行：{tests}"),
    "summary.timeout_blocked": (" At that moment:", "当时的情况："),
    # why a run or a build stopped
    "why.memory": ("it used more than {mb} MiB of memory", "内存用量超过了 {mb} MiB"),
    "why.processes": ("it started more than {n} processes", "启动了超过 {n} 个进程"),
    "why.output": ("it printed more than {mb} MiB of output", "输出超过了 {mb} MiB"),
    "why.build_time": ("it took longer than {seconds} s", "耗时超过 {seconds} 秒"),
    "why.stopped": ("it was stopped ({how})", "被中止（{how}）"),
    "why.race": ("a data race", "出现了数据竞争"),
    "why.after_tests": ("the test binary failed after the tests", "测试程序在测试结束后失败"),
    # one test's line
    "test.no_build": ("not run: the code does not build", "未运行：代码无法编译"),
    "test.refused": ("not run: the submission was refused", "未运行：提交被拒绝"),
    "test.tampered": ("not graded: the run's output was tampered with", "未评分：运行输出被篡改"),
    "test.not_counted": (
        "passed, but not counted: the run then failed ({why})",
        "通过了，但不计分：运行随后失败（{why}）",
    ),
    "test.result_lost": (
        "it passed, but its result line was lost in the program's own output (end what you print with a newline)",
        "它通过了，但结果行被淹没在程序自己的输出里（打印的内容请以换行结尾）",
    ),
    "test.skipped": ("skipped", "已跳过"),
    "test.still_running": (
        "still running when the time limit ({limit} s) was reached",
        "到达时间限制（{limit} 秒）时仍在运行",
    ),
    "test.time_first": ("did not run: the time limit was reached first", "未运行：先到达了时间限制"),
    "test.stopped": ("did not finish: the run was stopped ({stop})", "未完成：运行被中止（{stop}）"),
    "test.crashed": (
        "did not finish: the test binary crashed{where} ({first})",
        "未完成：测试程序崩溃了{where}（{first}）",
    ),
    "test.crashed_in": (" in {test}", "（在 {test} 中）"),
    "test.exited": (
        "never reported a result: the test binary exited without running it",
        "没有报告结果：测试程序没有运行它就退出了",
    ),
    "test.unreported": ("never reported a result", "没有报告结果"),
    # notes
    "note.truncated": (
        "Some output was cut: only the first part of each test's output is kept.",
        "部分输出被截断：每个测试只保留输出的开头部分。",
    ),
    "note.fake_timeout": (
        "The output holds a line like Go's time-out message, but the run did not reach its time "
        "limit: the line was treated as ordinary output.",
        "输出中有一行类似 Go 的超时信息，但运行并未达到时间限制：这一行被当作普通输出。",
    ),
    "note.no_dump": (
        "No goroutine dump was received before the run was stopped.",
        "运行被中止前没有收到 goroutine 转储。",
    ),
    "note.test_only_names": (
        "Your files are compiled on their own first, without the kata's test files: "
        "they cannot use names that only the tests declare (helpers, fakes, variables).",
        "你的文件会先在不带 kata 测试文件的情况下单独编译：不能使用只在测试里声明的名字（辅助函数、fake、变量）。",
    ),
    "note.no_sandbox": (
        "No OS sandbox on this machine (install bubblewrap, `apt install bubblewrap`): the tests ran "
        "with gokata's process limits only, with the network and your files reachable.",
        "本机没有操作系统沙箱（请安装 bubblewrap：`apt install bubblewrap`）：测试只在 gokata 的进程限制下运行，"
        "网络和你的文件都可以访问。",
    ),
    # why a submission is refused before anything runs (policy.py, grade.py)
    "refuse.linkname": (
        "{name}: //go:linkname is refused (it reaches unexported runtime and test code)",
        "{name}：不允许 //go:linkname（它能访问运行时和测试中未导出的代码）",
    ),
    "refuse.not_a_file": (
        "{name} is not a regular file (a folder, a pipe or a device); put your code in a file of that name",
        "{name} 不是普通文件（而是文件夹、管道或设备）；请把代码放在这个名字的文件里",
    ),
    "refuse.cgo": ("{name}: //go:cgo_ directives are refused", "{name}：不允许 //go:cgo_ 指令"),
    "refuse.directive": (
        "{where}: the compiler directive //go:{directive} is refused: directives change how your code "
        "meets the tests (//go:norace hides data races from the race detector), and no kata needs one",
        "{where}：不允许编译器指令 //go:{directive}：指令会改变你的代码在测试中的表现"
        "（//go:norace 会让竞态检测器看不到数据竞争），任何 kata 都用不到它",
    ),
    "refuse.predeclared": (
        "{where}:{line}: `{kind} {ident}` declares the predeclared identifier {ident} at package scope, "
        "which changes what it means in the kata's tests too; give it another name",
        "{where}:{line}：`{kind} {ident}` 在包级别声明了预声明标识符 {ident}，"
        "这也会改变它在 kata 测试中的含义；请换一个名字",
    ),
    "refuse.foreign_write": (
        "{where}:{line}: changes {target}, a variable of another package; the kata's tests share the "
        "process and compare with it, so leave it as it is and use a variable of your own",
        "{where}:{line}：修改了 {target}，这是另一个包的变量；kata 的测试与你的代码在同一进程中运行并会用它比较，"
        "请不要改动它，改用你自己的变量",
    ),
    "refuse.dot_import": (
        '{where}: import . "{path}" is refused (its names, used unqualified, could be changed unseen); '
        "import it by name",
        '{where}：不允许 import . "{path}"（不带包名使用它的名字，改动不易察觉）；请按包名导入',
    ),
    "refuse.constraints": (
        "{name} is left out of the build by its build constraints (a //go:build line); remove them",
        "{name} 被它的构建约束（//go:build 行）排除在构建之外；请删掉这些约束",
    ),
    "refuse.import": ("{what} is not allowed in this kata{why}{allowed}", "本 kata 不允许{what}{why}{allowed}"),
    "refuse.import_what": ('import "{path}" in {where}', '在 {where} 中 import "{path}"'),
    "refuse.why": (": {why}", "：{why}"),
    "refuse.allowed": (" (allowed: {names})", "（允许：{names}）"),
    "refuse.no_imports": (" (this kata allows no imports)", "（本 kata 不允许任何导入）"),
    "refuse.symlink": ("{name} is a symbolic link; submit the file itself", "{name} 是符号链接；请提交文件本身"),
    "refuse.too_large": ("{name} is larger than {kib} KiB", "{name} 超过了 {kib} KiB"),
    "refuse.missing": ("{name} is missing", "缺少 {name}"),
    "refuse.build_file": (
        "building the code wrote a file larger than {mib} MiB, the limit for one file "
        "(a very large initialised array or constant?); nothing of it was kept",
        "构建代码时写出了超过 {mib} MiB（单个文件的上限）的文件（是不是有很大的初始化数组或常量？）；没有保留任何内容",
    ),
    "danger.os": (
        "it reaches the process, its files and environment (os.Exit can fake a clean run)",
        "它能访问进程、文件和环境变量（os.Exit 可以伪造一次干净的运行）",
    ),
    "danger.os/exec": ("it starts other programs", "它能启动其他程序"),
    "danger.os/signal": ("it can intercept the signals that stop a run", "它能拦截用来中止运行的信号"),
    "danger.syscall": ("it makes raw system calls", "它能直接进行系统调用"),
    "danger.unsafe": ("it reads and writes arbitrary memory", "它能读写任意内存"),
    "danger.runtime/debug": ("it changes the runtime's limits and can hide crashes", "它能改变运行时的限制并掩盖崩溃"),
    "danger.reflect": ("it reaches unexported and generated identifiers", "它能访问未导出的和生成的标识符"),
    "danger.plugin": ("it loads compiled code", "它能加载已编译的代码"),
    "danger.net": ("the sandbox has no network", "沙箱里没有网络"),
    "danger.C": ("cgo runs C code outside Go's safety", "cgo 会在 Go 的安全保障之外运行 C 代码"),
    "danger.module": ("only the standard library is available", "只能使用标准库"),
    # race access kinds, as the race detector names them
    "race.read": ("read", "读"),
    "race.write": ("write", "写"),
    "race.previous read": ("previous read", "之前的读"),
    "race.previous write": ("previous write", "之前的写"),
}


@dataclass(frozen=True)
class Said:
    """One piece of a verdict in both languages. `+` joins pieces; a plain str (Go's own text)
    joins both sides unchanged."""

    en: str
    zh: str

    def __add__(self, other: Said | str) -> Said:
        if isinstance(other, Said):
            return Said(self.en + other.en, self.zh + other.zh)
        return Said(self.en + other, self.zh + other)

    def __radd__(self, other: str) -> Said:
        return Said(other + self.en, other + self.zh)

    def __bool__(self) -> bool:
        return bool(self.en)


NOTHING: Final = Said("", "")


def say(key: str, **fields: Said | str | int | float) -> Said:
    """The phrase `key` with its fields filled in, in both languages."""
    en, zh = PHRASES[key]
    return Said(
        en.format(**{k: v.en if isinstance(v, Said) else v for k, v in fields.items()}),
        zh.format(**{k: v.zh if isinstance(v, Said) else v for k, v in fields.items()}),
    )


def plain(text: str) -> Said:
    """Text that is the same in both languages: Go's output, a file name."""
    return Said(text, text)


def joined(parts: list[Said], sep: Said) -> Said:
    out = NOTHING
    for i, part in enumerate(parts):
        out = out + (sep if i else NOTHING) + part
    return out


def race_kind(kind: str) -> Said:
    key = f"race.{kind}"
    return say(key) if key in PHRASES else plain(kind)
