"""`policy-archive check` on good and bad input: located messages, exit codes, no tracebacks."""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from .conftest import Cli, ParsedCorpus, make_small_corpus
from .site_helpers import ROOT, load_yaml

pytestmark = pytest.mark.heavy  # builds a site, or runs the command many times: scheduled first

JINGAN = "notices/jingan-ai-demonstration-zone-2026-2028"
SHENZHEN = "notices/shenzhen-ai-action-plan-2023-2024"
CANADA = "notices/ca-directive-automated-decision-making-2025"
AI_PLUS = "notices/cn-state-council-ai-plus-opinions-2025"
# The notices the tests below break, the one a relation names, and one that names the NDRC (the
# agency a misspelt Chinese name is matched to). The subject is the message about one notice, not
# the corpus: a copy of these alone is checked in a second, not five.
BROKEN = (
    JINGAN,
    SHENZHEN,
    CANADA,
    AI_PLUS,
    "notices/jingan-ai-plan-news-report",
    "notices/cn-ai-industry-standardization-guide-2024",
)


@pytest.fixture
def corpus_copy(tmp_path: Path) -> Path:
    """A copy of the corpus with the notices these tests break (the whole corpus's check is
    `test_committed_corpus_is_clean`)."""
    return make_small_corpus(tmp_path / "corpus", tuple(name.removeprefix("notices/") for name in BROKEN))


def test_committed_corpus_is_clean(cli: Cli, parsed_corpus: ParsedCorpus) -> None:
    # The run's copy, with the run's parse cache: parsed once this run, by this code, from these files.
    result = cli("check", "--corpus", str(parsed_corpus.corpus), "--cache", str(parsed_corpus.cache))
    assert result.returncode == 0, result.stderr
    assert "shanghai-ai-industry-regulations: 72 measures" in result.stdout
    assert result.stderr.strip().endswith("0 errors, 0 warnings")


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), "utf-8")


def _line_of(path: Path, needle: str) -> int:
    return next(i for i, line in enumerate(path.read_text("utf-8").splitlines(), 1) if needle in line)


Breaker = Callable[[Path], tuple[str, str]]  # breaks the corpus; returns (file, expected message part)


def missing_metadata(c: Path) -> tuple[str, str]:
    (c / JINGAN / "notice.yaml").unlink()
    return f"{JINGAN}/notice.yaml:1:", "notice.yaml is missing"


def malformed_yaml(c: Path) -> tuple[str, str]:
    edit(c / JINGAN / "notice.yaml", "level: district", "level: [district")
    return f"{JINGAN}/notice.yaml:", "invalid YAML"


def missing_title(c: Path) -> tuple[str, str]:
    p = c / JINGAN / "notice.yaml"
    p.write_text("\n".join(ln for ln in p.read_text("utf-8").splitlines() if not ln.startswith("title:")) + "\n")
    return f"{JINGAN}/notice.yaml:", "'title' is a required property"


def impossible_date(c: Path) -> tuple[str, str]:
    edit(c / JINGAN / "notice.yaml", "date: 2026-03-25", "date: 2026-02-30")
    return f"{JINGAN}/notice.yaml:{_line_of(c / JINGAN / 'notice.yaml', '2026-02-30')}:", "not a real date"


def dates_out_of_order(c: Path) -> tuple[str, str]:
    edit(c / JINGAN / "notice.yaml", "date: 2026-04-30", "date: 2026-01-30")
    return (
        f"{JINGAN}/notice.yaml:{_line_of(c / JINGAN / 'notice.yaml', '2026-01-30')}:",
        "released (2026-01-30) is before issued",
    )


def bad_kind(c: Path) -> tuple[str, str]:
    edit(c / JINGAN / "notice.yaml", "kind: action-plan", "kind: programme")
    return (
        f"{JINGAN}/notice.yaml:{_line_of(c / JINGAN / 'notice.yaml', 'kind: programme')}:",
        "'programme' is not one of",
    )


def bad_licence(c: Path) -> tuple[str, str]:
    edit(c / CANADA / "notice.yaml", "commercial_use: not-allowed", "commercial_use: maybe")
    return (
        f"{CANADA}/notice.yaml:{_line_of(c / CANADA / 'notice.yaml', 'commercial_use: maybe')}:",
        "'source/licence/commercial_use' 'maybe' is not one of allowed, not-allowed, unclear",
    )


def empty_text(c: Path) -> tuple[str, str]:
    (c / JINGAN / "source.txt").write_text("  \n\n")
    return f"{JINGAN}/source.txt:1:", "the text is empty"


def not_utf8(c: Path) -> tuple[str, str]:
    (c / JINGAN / "source.txt").write_bytes("I. 总体要求\n".encode("gb18030"))
    return f"{JINGAN}/source.txt:1:", "not UTF-8"


def checksum_changed(c: Path) -> tuple[str, str]:
    edit(c / SHENZHEN / "source.txt", "Build a city-level", "Build a town-level")
    return f"{SHENZHEN}/notice.yaml:{_line_of(c / SHENZHEN / 'notice.yaml', 'sha256:')}:", "sha256 does not match"


def _rehash(c: Path, notice: str) -> None:
    from tools.load import sha256

    meta = c / notice / "notice.yaml"
    meta.write_text(re.sub(r"sha256: [0-9a-f]{64}", f"sha256: {sha256(c / notice / 'source.txt')}", meta.read_text()))


def duplicate_measure(c: Path) -> tuple[str, str]:
    edit(c / SHENZHEN / "source.txt", "(5) Support the research", "(4) Support the research")
    _rehash(c, SHENZHEN)
    return f"{SHENZHEN}/source.txt:17:", 'number "(4)" repeats the one at line 15'


def skipped_measure(c: Path) -> tuple[str, str]:
    edit(c / SHENZHEN / "source.txt", "(5) Support the research", "(6) Support the research")
    _rehash(c, SHENZHEN)
    return f"{SHENZHEN}/source.txt:17:", "skips number 5"


def unknown_agency(c: Path) -> tuple[str, str]:
    edit(c / SHENZHEN / "source.txt", "Municipal Port Office", "Municipal Harbour Office")
    _rehash(c, SHENZHEN)
    return f"{SHENZHEN}/source.txt:31:", "'Municipal Harbour Office' (measure (10)) is not in corpus/agencies.yaml"


def unknown_relation(c: Path) -> tuple[str, str]:
    p = c / "notices/jingan-ai-plan-news-report/notice.yaml"
    edit(p, "notice: jingan-ai-demonstration-zone-2026-2028", "notice: jingan-plan")
    return f"notices/jingan-ai-plan-news-report/notice.yaml:{_line_of(p, 'jingan-plan')}:", "unknown notice"


def evidence_not_in_text(c: Path) -> tuple[str, str]:
    p = c / JINGAN / "notice.yaml"
    edit(p, "evidence: March 25, 2026", "evidence: March 26, 2026")
    return f"{JINGAN}/notice.yaml:{_line_of(p, 'March 26')}:", "does not occur in source.txt"


def bad_notice_id(c: Path) -> tuple[str, str]:
    (c / JINGAN).rename(c / "notices/Jingan_Plan")
    return "notices/Jingan_Plan:1:", "must be lowercase words joined by hyphens"


@pytest.mark.parametrize(
    "breaker",
    [
        missing_metadata,
        malformed_yaml,
        missing_title,
        impossible_date,
        dates_out_of_order,
        bad_kind,
        bad_licence,
        empty_text,
        not_utf8,
        checksum_changed,
        duplicate_measure,
        skipped_measure,
        unknown_agency,
        unknown_relation,
        evidence_not_in_text,
        bad_notice_id,
    ],
)
def test_bad_input_is_refused_clearly(cli: Cli, corpus_copy: Path, breaker: Breaker) -> None:
    where, what = breaker(corpus_copy)
    result = cli("check", "--corpus", str(corpus_copy))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr + result.stdout
    lines = [ln for ln in result.stderr.splitlines() if what in ln]
    assert lines, result.stderr
    assert lines[0].startswith(str(corpus_copy / where) if not where.startswith("/") else where), lines[0]


def test_every_problem_is_reported_at_once(cli: Cli, corpus_copy: Path) -> None:
    impossible_date(corpus_copy)
    unknown_agency(corpus_copy)
    result = cli("check", "--corpus", str(corpus_copy))
    assert "not a real date" in result.stderr and "Municipal Harbour Office" in result.stderr
    assert "2 errors" in result.stderr


def test_the_tests_run_the_command_as_a_new_interpreter_runs_it(cli: Cli, corpus_copy: Path) -> None:
    """The ``cli`` fixture forks the command from a process that imported the project once: what
    it gives is what ``python -m tools`` gives, for a check that fails and for one that cannot start."""
    impossible_date(corpus_copy)
    for args in (("check", "--corpus", str(corpus_copy)), ("check", "--corpus", str(corpus_copy / "nowhere"))):
        forked = cli(*args)
        new = subprocess.run(
            [sys.executable, "-m", "tools", *args], cwd=ROOT, capture_output=True, text=True, check=False
        )
        assert (forked.returncode, forked.stdout, forked.stderr) == (new.returncode, new.stdout, new.stderr)
        assert forked.returncode in {1, 2} and forked.stderr


def test_unknown_agency_gets_suggestions(cli: Cli, corpus_copy: Path) -> None:
    edit(corpus_copy / SHENZHEN / "source.txt", "Municipal Port Office", "Municipal Ports Office")
    _rehash(corpus_copy, SHENZHEN)
    result = cli("check", "--corpus", str(corpus_copy))
    assert "did you mean 'Shenzhen Municipal Port Office' (shenzhen-port-office) or" in result.stderr


def test_a_cached_check_reads_again_what_changed(cli: Cli, corpus_copy: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    first = cli("check", "--corpus", str(corpus_copy), "--cache", str(cache))
    assert first.returncode == 0, first.stderr
    assert len(list(cache.glob("*.pickle"))) == len(BROKEN)
    again = cli("check", "--corpus", str(corpus_copy), "--cache", str(cache))
    assert (again.returncode, again.stdout, again.stderr) == (first.returncode, first.stdout, first.stderr)
    for entry in cache.glob("*.pickle"):  # a damaged cache is parsed again, never a failed check
        entry.write_bytes(entry.read_bytes()[:200])
    damaged = cli("check", "--corpus", str(corpus_copy), "--cache", str(cache))
    assert (damaged.returncode, damaged.stdout, damaged.stderr) == (first.returncode, first.stdout, first.stderr)
    where, what = unknown_agency(corpus_copy)  # an edit is read, never an old parse
    broken = cli("check", "--corpus", str(corpus_copy), "--cache", str(cache))
    assert broken.returncode == 1 and any(
        ln.startswith(str(corpus_copy / where)) and what in ln for ln in broken.stderr.splitlines()
    )


def test_a_cache_folder_that_cannot_be_made_is_told_at_once(cli: Cli, tmp_path: Path) -> None:
    (tmp_path / "a-file").write_text("")
    result = cli("check", "--cache", str(tmp_path / "a-file" / "cache"))
    assert result.returncode == 2 and "Traceback" not in result.stderr and "internal error" not in result.stderr
    assert f"cannot make the folder {tmp_path / 'a-file' / 'cache'}: Not a directory" in result.stderr


def test_missing_corpus(cli: Cli, tmp_path: Path) -> None:
    result = cli("check", "--corpus", str(tmp_path / "nowhere"))
    assert result.returncode == 1 and "no notices/ folder" in result.stderr


def test_a_broken_registry_is_reported_alone(cli: Cli, corpus_copy: Path) -> None:
    # Not one error per name the notices could no longer resolve: the registry's own error.
    registry = corpus_copy / "agencies.yaml"
    edit(registry, '    name: "Shenzhen Municipal Port Office"\n', '    name: "Shenzhen Municipal Port Office\n')
    result = cli("check", "--corpus", str(corpus_copy))
    assert result.returncode == 1
    assert f"{registry}:" in result.stderr and "invalid YAML" in result.stderr
    assert "1 error, 0 warnings" in result.stderr


def test_registry_notice_lists_are_kept_in_step(cli: Cli, corpus_copy: Path) -> None:
    registry = corpus_copy / "agencies.yaml"
    last_notice = "    notices:\n      - shenzhen-ai-action-plan-2023-2024\n  - id: shenzhen-port-office"
    edit(registry, last_notice, "    notices:\n  - id: shenzhen-port-office")
    emptied = cli("check", "--corpus", str(corpus_copy))
    assert emptied.returncode == 1
    index = [a["id"] for a in load_yaml(registry.read_text("utf-8"))["agencies"]].index("shenzhen-health-commission")
    assert f"'agencies/{index}/notices' is empty; give it a list (for none, write [])" in emptied.stderr
    edit(registry, "    notices:\n  - id: shenzhen-port-office", "    notices: []\n  - id: shenzhen-port-office")
    result = cli("check", "--corpus", str(corpus_copy))
    assert result.returncode == 0  # a warning: the registry is out of step, the archive is not wrong
    line = _line_of(registry, "id: shenzhen-health-commission")
    assert (
        f"{registry}:{line}: warning: shenzhen-health-commission: notices should be "
        "[shenzhen-ai-action-plan-2023-2024] (listed: [])" in result.stderr
    )


def test_bad_input_in_chinese_gets_located_messages(cli: Cli, corpus_copy: Path) -> None:
    source = corpus_copy / AI_PLUS / "source.txt"
    # An unknown agency named in Chinese, a target whose counted thing cannot be read, a skip.
    edit(source, "1.加速科学发现进程。", "1.加速科学发现进程。（责任单位：国家发展和改革委、国家林业和草原局）")
    edit(
        source,
        "率先实现人工智能与6大重点领域广泛深度融合，",
        "率先实现人工智能与6大重点领域广泛深度融合，力争达到50个，",
    )
    edit(source, "（三）“人工智能+”消费提质", "（五）“人工智能+”消费提质")
    _rehash(corpus_copy, AI_PLUS)
    result = cli("check", "--corpus", str(corpus_copy))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    where = str(corpus_copy / AI_PLUS / "source.txt")
    lines = result.stderr.splitlines()
    unit = next(ln for ln in lines if "'国家发展和改革委'" in ln)
    assert unit.startswith(
        f"{where}:19: responsible unit '国家发展和改革委' (measure 1.) is not in corpus/agencies.yaml"
    )
    assert "did you mean 'National Development and Reform Commission' (cn-ndrc)" in unit
    assert any(ln.startswith(f"{where}:19: responsible unit '国家林业和草原局'") for ln in lines)
    assert any(ln.startswith(f"{where}:13: warning: '达到50个' looks like a target") for ln in lines)
    assert any(ln.startswith(f'{where}:35: heading "（五）" skips number 3 to 4') for ln in lines)
