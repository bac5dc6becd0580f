"""``python bot.py check``: is this configuration deployable? Settings, data, templates; no network.

Run by the container's HEALTHCHECK, by systemd before each start, and by hand before a deploy.
Settings were already validated by ``load_settings`` (a bad one exits 2 naming it); this adds
what needs the files: the data loads (errors name file, line and column), every answer template
compiles, and the example questions are answered from the data. With source texts in
``data/sources/`` every located sentence must contain the figure it backs (the data load checks
it and names the row otherwise). Exit 0 prints one OK line.
"""

from __future__ import annotations

import sys
from typing import TextIO

from jinja2 import TemplateSyntaxError

from handlers import locators
from handlers.resources import Resources
from handlers.settings import Settings
from handlers.store import DataLoadError

BAD_SETTING, BAD_DATA = 2, 3  # the same exit codes as load_settings and the console


def run(settings: Settings, out: TextIO = sys.stdout, err: TextIO = sys.stderr) -> int:
    """Check everything that can be checked offline; one line on stdout if all is well."""
    if not settings.token:
        # Without a token bot.py opens the console, which under a service manager exits at once.
        err.write("factdesk check FAILED: bad setting: TELEGRAM_BOT_TOKEN is not set "
                  "(without it bot.py starts the console, not the bot)\n")
        return BAD_SETTING
    try:
        resources = Resources.build(settings)
    except DataLoadError as exc:
        err.write(f"factdesk check FAILED: data in {settings.data_dir}:\n{exc}\n")
        return BAD_DATA
    env = resources.renderer.env
    try:
        for name in env.list_templates(extensions=["j2"]):
            env.get_template(name)
    except TemplateSyntaxError as exc:
        err.write(f"factdesk check FAILED: template {exc.filename or exc.name} line {exc.lineno}: {exc.message}\n")
        return BAD_DATA
    pipeline = resources.pipeline
    examples = pipeline.examples()
    for question in examples:
        pipeline.answer(question)  # an exception here is a bug; its traceback is the message
    snapshot = pipeline.snapshot
    counts = snapshot.counts()
    mode = (f"polling, or --webhook on {settings.webhook_listen}:{settings.webhook_port}{settings.webhook_path}"
            if settings.webhook_url else "polling (WEBHOOK_URL unset)")
    verified = locators.count_verified({**snapshot.tables, "figures": snapshot.located_figures()}, snapshot.texts)
    located = (f"{verified} locators verified against "
               f"{', '.join(f'sources/{s}.txt' for s in sorted(snapshot.texts))}" if snapshot.texts
               else "no source texts, locators checked for form only")
    out.write(f"factdesk check OK: data v{snapshot.version} ({counts['figures']} figures, {counts['facts']} facts) "
              f"from {settings.data_dir}; {located}; {len(examples)} example questions answered; {len(env.list_templates())} "
              f"templates; {len(settings.admin_ids)} admin(s); {mode}\n")
    return 0
