"""The publish workflows as a runner runs them: read as written, and their shell
steps run in order in a fresh clone with CI=true.

GitHub `run:` blocks and GitLab `script:` lines run here; hosted actions
(checkout, cache, Pages upload and deploy) cannot, and each one skipped says why.
"""

from __future__ import annotations

import os
import re
import shutil
import string
import subprocess
from pathlib import Path

import pytest
import yaml

from generator.build import CACHE_DIR

from .conftest import ROOT

GITHUB = ROOT / ".github" / "workflows" / "publish.yml"
GITLAB = ROOT / ".gitlab-ci.yml"
DEBIAN_IMAGE = "python:3.11-bookworm"
GITLAB_RESERVED = {"stages", "default", "variables", "workflow", "include", "image", "services", "cache",
                   "before_script", "after_script"}

# Hosted actions the test cannot run, and why; any other action fails the test until named here.
HOSTED = {
    "actions/checkout": "the test makes the clone itself",
    "actions/cache/restore": "GitHub's cache service; the test starts with no cache (a cold build)",
    "actions/cache/save": "GitHub's cache service; the test checks the folder it saves is filled",
    "actions/configure-pages": "GitHub's Pages API; its base_url is given as https://example.github.io/ctxh",
    "actions/upload-pages-artifact": "GitHub's artifact service; the test checks the folder it uploads",
    "actions/deploy-pages": "GitHub's Pages service",
    "actions/setup-python": "installs Python on a Windows or macOS runner; here the test's own Python 3.11 runs",
}
# Shell steps that cannot run inside the test suite, and why.
NOT_HERE = {
    "make test": "the test suite itself: this test is part of it, so running it here would recurse",
}
EXPRESSIONS = {"${{ steps.pages.outputs.base_url }}": "https://example.github.io/ctxh"}
GITLAB_VARIABLES = {"CI_PAGES_URL": "https://example.gitlab.io/ctxh", "CI_COMMIT_BRANCH": "main",
                    "CI_DEFAULT_BRANCH": "main"}


def github() -> dict:
    return yaml.safe_load(GITHUB.read_text(encoding="utf-8"))


def gitlab() -> dict:
    return yaml.safe_load(GITLAB.read_text(encoding="utf-8"))


def gitlab_jobs() -> dict[str, dict]:
    return {name: job for name, job in gitlab().items()
            if name not in GITLAB_RESERVED and not name.startswith(".") and isinstance(job, dict)}


def lines(block: str | list[str]) -> list[str]:
    """Commands of a `run:` block (one per line) or a `script:` list, without comments."""
    raw = block.splitlines() if isinstance(block, str) else [line for item in block for line in item.splitlines()]
    return [line.split(" #", 1)[0].strip() for line in raw if line.strip() and not line.strip().startswith("#")]


def job_commands() -> dict[str, list[str]]:
    """Every job's shell commands in order, named 'github:build', 'gitlab:pages'…"""
    jobs = {f"github:{name}": [line for step in job.get("steps", []) if "run" in step for line in lines(step["run"])]
            for name, job in github()["jobs"].items()}
    jobs |= {f"gitlab:{name}": lines(job.get("before_script", []) + job["script"])
             for name, job in gitlab_jobs().items()}
    return jobs


def make_targets() -> dict[str, set[str]]:
    """Each Makefile target with everything it runs: its prerequisites, transitively."""
    rules: dict[str, list[str]] = {}
    for line in (ROOT / "Makefile").read_text(encoding="utf-8").splitlines():
        match = re.match(r"^([\w.-]+):(?!=)([^#]*)", line)
        if match:
            rules[match[1]] = match[2].split()
    closure: dict[str, set[str]] = {}

    def reach(target: str) -> set[str]:
        if target not in closure:
            closure[target] = {target}
            for dependency in rules.get(target, []):
                closure[target] |= reach(dependency)
        return closure[target]

    return {target: reach(target) for target in rules}


def make_runs(command: str) -> set[str]:
    """The targets a `make …` command runs, prerequisites included (empty if not a make command)."""
    words = command.split()
    if not words or words[0] != "make":
        return set()
    targets = make_targets()
    return {done for word in words[1:] if not word.startswith("-") and "=" not in word
            for done in targets.get(word, {word})}


def installs_system_packages(command: str) -> bool:
    return "system" in make_runs(command) or "setup-system.sh" in command or bool(re.search(r"apt(-get)? ", command))


def builds(command: str) -> bool:
    return "ctxh build" in command or "build" in make_runs(command)


def installs_chromium(command: str) -> bool:
    """`make test` counts: it runs `system`."""
    return "system" in make_runs(command) or bool(re.search(r"apt(-get)? install.*\bchromium\b", command)) \
        or bool(re.search(r"setup-system\.sh(\s*$|.*\bbrowser\b)", command))


# -- read as written ---------------------------------------------------------------------------------------------

EDITORS_SYSTEMS = {"windows-latest", "macos-latest"}


def test_every_publishing_job_runs_in_debian_bookworm():
    for name, job in github()["jobs"].items():
        if any("run" in step for step in job["steps"]) and name != "editors":
            container = job.get("container")
            image = container if isinstance(container, str) else (container or {}).get("image")
            assert image == DEBIAN_IMAGE, f"github:{name} runs commands outside Debian: container {container!r}"
    default = gitlab()["default"]["image"]
    for name, job in gitlab_jobs().items():
        assert job.get("image", default) == DEBIAN_IMAGE, f"gitlab:{name}"


def test_no_job_installs_chromium_on_an_ubuntu_runner():
    for name, job in github()["jobs"].items():
        if "ubuntu" in str(job["runs-on"]) and not job.get("container"):
            commands = [line for step in job["steps"] if "run" in step for line in lines(step["run"])]
            assert not [c for c in commands if installs_chromium(c)], f"github:{name}"
    assert installs_chromium("make install system") and installs_chromium("make test")
    assert installs_chromium("sudo apt-get install -y chromium") and installs_chromium("bash scripts/setup-system.sh")
    assert not installs_chromium("make install") and not installs_chromium("make serve")


def test_building_needs_no_system_package():
    """The fonts ship with ctxh: no job that builds the site installs anything from the system."""
    built = []
    for name, commands in job_commands().items():
        if any(builds(command) for command in commands):
            built.append(name)
            assert not [c for c in commands if installs_system_packages(c)], name
    assert set(built) == {"github:build", "github:editors", "gitlab:pages"}
    assert not installs_system_packages("make serve") and not installs_system_packages("make build")
    assert installs_system_packages("make test")


def test_editors_on_windows_and_macos_build_the_bundled_site_with_pip_and_ctxh_alone():
    job = github()["jobs"]["editors"]
    assert set(job["strategy"]["matrix"]["os"]) == EDITORS_SYSTEMS and job["runs-on"] == "${{ matrix.os }}"
    assert "container" not in job
    commands = job_commands()["github:editors"]
    assert commands == ["python -m pip install .", "ctxh check", "ctxh build"]
    setup = next(step for step in job["steps"] if step.get("uses", "").startswith("actions/setup-python"))
    assert setup["with"]["python-version"] == "3.11"


def test_the_downloads_cache_is_restored_before_the_build_and_saved_after():
    steps = github()["jobs"]["build"]["steps"]
    uses = [step.get("uses", "").split("@")[0] for step in steps]
    build = next(i for i, step in enumerate(steps) if "ctxh build" in step.get("run", ""))
    restore, save = steps[uses.index("actions/cache/restore")], steps[uses.index("actions/cache/save")]
    assert uses.index("actions/cache/restore") < build < uses.index("actions/cache/save")
    assert restore["with"]["path"] == save["with"]["path"] == CACHE_DIR
    key = restore["with"]["key"]
    # a new entry when the content changes; the generator (all of it) and dependencies start a fresh cache
    for inputs in ("'content/**'", "'campaigns/**'", "'generator/**'", "'pyproject.toml'"):
        assert inputs in key, inputs
    assert key.startswith(restore["with"]["restore-keys"]) and "content/**" not in restore["with"]["restore-keys"]
    assert save["with"]["key"] == f"${{{{ steps.{restore['id']}.outputs.cache-primary-key }}}}"
    pages = gitlab_jobs()["pages"]
    assert pages["cache"]["paths"] == [CACHE_DIR]
    assert set(pages["cache"]["key"]["files"]) == {"generator/**/*", "pyproject.toml"}


def test_the_deploy_does_not_wait_for_the_test_suite():
    jobs = github()["jobs"]
    assert jobs["deploy"]["needs"] == "build" and "make test" in job_commands()["github:test"]
    assert jobs["deploy"]["concurrency"] == {"group": "pages", "cancel-in-progress": False}
    jobs = gitlab_jobs()
    assert jobs["pages"]["needs"] == [] and jobs["test"]["script"][0].startswith("make test")
    changes = jobs["test"]["rules"][0]["changes"]
    assert "generator/**/*" in changes and not any(path.startswith(("content", "campaigns")) for path in changes)


# -- run as written ----------------------------------------------------------------------------------------------

def fresh_clone(target: Path) -> Path:
    """A clone of this repository, with the working tree's uncommitted changes on top."""
    subprocess.run(["git", "clone", "--quiet", str(ROOT), str(target)], check=True)
    listed = subprocess.run(["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z"], cwd=ROOT,
                            check=True, capture_output=True, text=True).stdout.split("\0")
    for name in filter(None, listed):
        source, copy = ROOT / name, target / name
        if source.is_file():
            copy.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, copy)
        elif copy.is_file():
            copy.unlink()  # deleted in the working tree
    return target


def github_plan() -> tuple[list[tuple[str, dict[str, str]]], list[str], Path]:
    """Shell blocks of the publishing job with their env, the steps skipped (why), and the deployed folder."""
    blocks, skipped, deployed = [], [], None
    for step in github()["jobs"]["build"]["steps"]:
        if "uses" in step:
            action = step["uses"].split("@")[0]
            assert action in HOSTED, f"{action}: a new hosted action; say in HOSTED why it cannot run here"
            skipped.append(f"{step['uses']}: {HOSTED[action]}")
            if action == "actions/upload-pages-artifact":
                deployed = Path(step.get("with", {}).get("path", "_site"))
            continue
        env = {}
        for name, value in step.get("env", {}).items():
            for expression, given in EXPRESSIONS.items():
                value = value.replace(expression, given)
            assert "${{" not in value, f"{name}: {value}: an expression the test does not know; add it to EXPRESSIONS"
            env[name] = value
        blocks.append(("set -e\n" + step["run"], env))  # GitHub runs `run:` with `bash -e {0}`
    assert deployed is not None
    return blocks, skipped, deployed


def gitlab_plan() -> tuple[list[tuple[str, dict[str, str]]], list[str], Path]:
    job = gitlab_jobs()["pages"]
    env = {name: string.Template(str(value)).substitute(GITLAB_VARIABLES)
           for name, value in job.get("variables", {}).items()}
    script = "\n".join(job.get("before_script", []) + job["script"])
    [deployed] = job["artifacts"]["paths"]
    return [("set -eo pipefail\n" + script, env)], ["cache: the runner's cache; the test starts with none"], \
        Path(deployed)


@pytest.mark.build
@pytest.mark.parametrize("workflow", ["github", "gitlab"])
def test_the_publishing_steps_run_as_written_in_a_fresh_clone(workflow, tmp_path):
    clone = fresh_clone(tmp_path / "clone")
    blocks, skipped, deployed = github_plan() if workflow == "github" else gitlab_plan()
    for command, reason in NOT_HERE.items():
        skipped += [f"`{command}`: {reason}" for name, commands in job_commands().items()
                    if name.startswith(workflow) and command in commands]
    print(f"\n{workflow}: not run here:\n  " + "\n  ".join(skipped))
    base = {**os.environ, "CI": "true", "GITHUB_ACTIONS" if workflow == "github" else "GITLAB_CI": "true",
            **GITLAB_VARIABLES}
    for name in ("VIRTUAL_ENV", "SITE_URL", "PYTHONPATH"):
        base.pop(name, None)  # the runner has none of these
    base["PATH"] = os.pathsep.join(part for part in base["PATH"].split(os.pathsep)
                                   if not part.startswith(str(ROOT)))
    for script, env in blocks:
        done = subprocess.run(["bash", "-c", script], check=False, cwd=clone, env={**base, **env},
                              capture_output=True, text=True, timeout=900)
        assert done.returncode == 0, f"{workflow}: {script!r} failed:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
    site = clone / deployed
    assert (site / "index.html").is_file() and (site / "404.html").is_file()
    assert f"Sitemap: https://example.{workflow}.io/ctxh/sitemap.xml" in (site / "robots.txt").read_text()
    assert any((clone / CACHE_DIR).rglob("*.bin")), "the downloads cache folder the workflow saves is empty"
    assert str(clone) in (clone / ".venv" / "bin" / "ctxh").read_text()  # the clone's own environment built it
