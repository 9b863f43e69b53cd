"""`python -m reportgen` and the `reportgen` command: the command line, safe from Ctrl-C.

This module imports nothing heavy itself, so Ctrl-C while Click and the rest are still
being imported is one Chinese line and exit 130 too, never a traceback.
"""

import os
import sys


def run() -> int:
    # pydantic looks for plugins by reading the entry points of every installed distribution
    # when it builds the first model (≈5 ms with 120 packages, more on a full machine); the
    # command line uses none. Whoever sets the variable themselves keeps their own choice.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    try:
        from reportgen.cli.commands import main

        return main()
    except KeyboardInterrupt:
        import signal

        signal.signal(signal.SIGINT, signal.SIG_IGN)  # a second Ctrl-C must not interrupt the goodbye
        from reportgen.messages.output import interrupted

        sys.stderr.write(f"{interrupted()}\n")
        return 130


if __name__ == "__main__":
    sys.exit(run())
