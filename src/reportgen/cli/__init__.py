"""The command line: parse, call reportgen.api, print, set the exit code.

commands.py declares the commands (Click); chinese.py renders Click's help and usage errors
in Chinese; printer.py prints diagnostics, summaries and tables (Rich only for tables).
`main` is the one boundary where user errors become Chinese messages and exit codes.
"""

from reportgen.cli.commands import app, main

__all__ = ["app", "main"]
