"""Deployment files against the code: every setting declared once and listed everywhere, the
commands that the Dockerfile, compose file and systemd unit run exist, ``bot.py check`` works
offline and names what is wrong. Docker itself is not run here (no daemon on CI).
"""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from handlers import preflight
from handlers.settings import PROJECT_ROOT, SETTINGS_SPEC, Settings

DEPLOY = PROJECT_ROOT / "deploy"
TOKEN = "123456789:AAFakeTokenForFactDeskTests_0123456789"
# How a setting's name looks; anything shaped like this in code or docs must be declared.
SETTING_NAME = re.compile(r"\b(?:TELEGRAM|BOT|FACTDESK|WEBHOOK)_[A-Z0-9_]*[A-Z0-9]\b")
ENV_READ = re.compile(r"os\.environ|os\.getenv|getenv\(|environ\.get")
BOT_ARGS = ([], ["check"], ["--webhook"])  # what a service may run: bot.py [check | --webhook]


def env_file_keys(path: Path) -> list[str]:
    return [line.split("=", 1)[0] for line in path.read_text().splitlines() if re.match(r"[A-Z][A-Z0-9_]*=", line)]


def code_files() -> list[Path]:
    return [PROJECT_ROOT / "bot.py", *sorted((PROJECT_ROOT / "handlers").rglob("*.py"))]


# --- settings declared once, listed everywhere ---------------------------------------------------------

@pytest.mark.parametrize("env_file", [PROJECT_ROOT / ".env.example", DEPLOY / "factdesk.env.example"],
                         ids=lambda p: p.name)
def test_env_files_list_every_setting_once(env_file: Path) -> None:
    keys = env_file_keys(env_file)
    assert sorted(keys) == sorted(SETTINGS_SPEC), f"{env_file.name} differs from SETTINGS_SPEC"


def test_only_settings_py_reads_the_environment() -> None:
    readers = [p.relative_to(PROJECT_ROOT).as_posix() for p in code_files() if ENV_READ.search(p.read_text())]
    assert readers == ["handlers/settings.py"]


def test_every_setting_name_in_code_and_docs_is_declared() -> None:
    # In code, names in string literals (constants such as TELEGRAM_TEXT_LIMIT are not settings);
    # in the deploy files and READMEs, any mention.
    quoted = re.compile(rf"[\"']({SETTING_NAME.pattern})[\"']")
    found = {(name, p.name) for p in code_files() for name in quoted.findall(p.read_text())}
    docs = [p for p in sorted(DEPLOY.iterdir()) if p.is_file()] + [PROJECT_ROOT / "README.md"]
    found |= {(name, p.name) for p in docs for name in SETTING_NAME.findall(p.read_text())}
    assert {(name, f) for name, f in found if name not in SETTINGS_SPEC} == set()
    assert {name for name, _ in found} >= {"TELEGRAM_BOT_TOKEN", "WEBHOOK_SECRET"}  # the scan finds names


def test_every_declared_setting_is_read() -> None:
    settings_py = (PROJECT_ROOT / "handlers" / "settings.py").read_text()
    body = settings_py[settings_py.index("class SettingsError"):]  # after SETTINGS_SPEC itself
    assert [k for k in SETTINGS_SPEC if f'"{k}"' not in body] == []


def test_defaults_in_spec_are_valid_settings() -> None:
    settings = Settings.from_env({})
    assert settings.webhook_port == int(SETTINGS_SPEC["WEBHOOK_PORT"][0]) and not settings.log_questions
    assert 0 < settings.bootstrap_retries <= 100  # bounded: a failed start must reach the service manager


# --- bot.py check --------------------------------------------------------------------------------------

def run_bot(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    full = {**os.environ, "TELEGRAM_BOT_TOKEN": TOKEN,
            # Nothing listens on port 9 (discard): any network use would fail or hang.
            "TELEGRAM_BASE_URL": "http://127.0.0.1:9/bot", **env}
    return subprocess.run([sys.executable, "bot.py", *args], cwd=PROJECT_ROOT, env=full, capture_output=True,
                          text=True, timeout=60)


def test_check_ok_is_one_line_and_offline() -> None:
    out = run_bot("check", WEBHOOK_URL="https://bot.example.org/telegram/x1", WEBHOOK_SECRET="s" * 32)
    assert out.returncode == 0, out.stderr
    [line] = out.stdout.splitlines()
    assert line.startswith("factdesk check OK: data v") and "/telegram/x1" in line
    assert TOKEN not in out.stdout + out.stderr and "s" * 32 not in out.stdout + out.stderr


@pytest.mark.parametrize("name,value", [("WEBHOOK_PORT", "eighty"), ("FACTDESK_LOG_JSON", "sometimes"),
                                        ("WEBHOOK_SECRET", "short"), ("BOT_ADMIN_IDS", "alice")])
def test_check_names_the_bad_setting(name: str, value: str) -> None:
    out = run_bot("check", **{name: value})
    assert out.returncode == 2 and name in out.stderr and out.stdout == ""


def test_check_names_the_data_file_and_line(tmp_path: Path) -> None:
    for f in (PROJECT_ROOT / "data").glob("*.csv"):
        (tmp_path / f.name).write_bytes(f.read_bytes())
    lines = (tmp_path / "figures.csv").read_text().splitlines()
    lines[2] = re.sub(r",(\d+),", ",12x,", lines[2], count=1)
    (tmp_path / "figures.csv").write_text("\n".join(lines) + "\n")
    err = io.StringIO()
    code = preflight.run(Settings.from_env({"TELEGRAM_BOT_TOKEN": TOKEN, "FACTDESK_DATA_DIR": str(tmp_path)}),
                         io.StringIO(), err)
    assert code == 3 and "figures.csv line 3, column 'value'" in err.getvalue()


def test_check_without_a_token_fails() -> None:
    err = io.StringIO()
    assert preflight.run(Settings.from_env({}), io.StringIO(), err) == 2
    assert "TELEGRAM_BOT_TOKEN" in err.getvalue()


# --- deploy files ------------------------------------------------------------------------------------------

def dockerfile_instruction(name: str) -> list[str]:
    text = (DEPLOY / "Dockerfile").read_text()
    [match] = re.findall(rf"^{name}\b.*?(\[.*\])\s*$", text, flags=re.M)
    return json.loads(match)


def test_dockerfile_commands_exist_and_healthcheck_runs_check() -> None:
    for instruction in ("HEALTHCHECK", "CMD"):
        argv = dockerfile_instruction(instruction)
        assert argv[:2] == ["python", "bot.py"] and argv[2:] in BOT_ARGS, instruction
    assert dockerfile_instruction("HEALTHCHECK")[2:] == ["check"]
    # The health check itself, as the container would run it (here with the repository's data).
    out = run_bot(*dockerfile_instruction("HEALTHCHECK")[2:])
    assert out.returncode == 0 and "check OK" in out.stdout


def test_dockerfile_is_slim_unprivileged_and_copies_what_exists() -> None:
    text = (DEPLOY / "Dockerfile").read_text()
    assert re.search(r"^FROM python:3\.1[1-9]-slim\b", text, flags=re.M)
    [user] = re.findall(r"^USER (\S+)", text, flags=re.M)
    assert user not in ("root", "0")
    for sources in re.findall(r"^COPY (.+) \S+$", text, flags=re.M):
        for src in sources.split():
            assert (PROJECT_ROOT / src).exists(), src
    assert 'VOLUME ["/var/lib/factdesk"]' in text and "FACTDESK_DATA_DIR=/var/lib/factdesk/data" in text


def test_compose_builds_the_dockerfile_and_keeps_state_on_a_volume() -> None:
    text = (DEPLOY / "compose.yaml").read_text()
    context = re.search(r"context: (\S+)", text).group(1)  # type: ignore[union-attr]
    dockerfile = re.search(r"dockerfile: (\S+)", text).group(1)  # type: ignore[union-attr]
    assert (DEPLOY / context / dockerfile).resolve() == (DEPLOY / "Dockerfile").resolve()
    assert "env_file: factdesk.env" in text and (DEPLOY / "factdesk.env.example").exists()
    assert re.search(r"- \S+:/var/lib/factdesk$", text, flags=re.M)
    [command] = re.findall(r"command: (\[.*\])", text)
    assert json.loads(command)[1:] == ["bot.py", "--webhook"]


def test_systemd_unit_is_hardened_and_runs_existing_commands() -> None:
    unit = (DEPLOY / "factdesk.service").read_text()
    directives = {line.split("=", 1)[0] for line in unit.splitlines() if re.match(r"[A-Z]\w*=", line)}
    for required in ("User", "NoNewPrivileges", "ProtectSystem", "StateDirectory", "PrivateTmp",
                     "CapabilityBoundingSet", "RestrictAddressFamilies", "EnvironmentFile", "TimeoutStopSec"):
        assert required in directives, required
    assert "ProtectSystem=strict" in unit and "KillSignal=SIGTERM" in unit and "StateDirectory=factdesk" in unit
    commands = re.findall(r"^#?\s*(ExecStart(?:Pre)?=\S+python) bot\.py(.*)$", unit, flags=re.M)
    assert len(commands) >= 3  # check, polling, and the webhook variant in a comment
    assert all(args.split() in BOT_ARGS for _, args in commands)
    # The env example's data directory is inside the state directory the unit makes writable.
    env = dict(line.split("=", 1) for line in (DEPLOY / "factdesk.env.example").read_text().splitlines()
               if re.match(r"[A-Z]\w*=", line))
    assert env["FACTDESK_DATA_DIR"].startswith("/var/lib/factdesk/")


@pytest.mark.parametrize("proxy", ["Caddyfile", "nginx.conf"])
def test_reverse_proxy_forwards_to_the_webhook_port(proxy: str) -> None:
    text = (DEPLOY / proxy).read_text()
    assert f"127.0.0.1:{SETTINGS_SPEC['WEBHOOK_PORT'][0]}" in text
    assert "/telegram/CHANGE-ME" in text and "/healthz" in text
