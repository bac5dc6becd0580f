"""factdesk entry point: a routing table from settings to the running bot or console."""

from __future__ import annotations

import sys

from handlers.app import main

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
