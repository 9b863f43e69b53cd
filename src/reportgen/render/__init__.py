"""Stage 4, render: the derived report → templates → the numbered document model.

In: a `reportgen.derive.Report` (profile and derived figures) and the template folders.
Out: a `reportgen.document.Document`. context.py builds the views templates read and calls
the sandboxed environment (environment.py, with the run-time limits of sandbox.py and
limits.py, and the Chinese number filters of filters.py); catalog.py lists the templates
and reference.py documents what templates may use. Profile text only ever enters as data.
"""

from reportgen.render.context import CONTEXT_DOC, build_context, render_document

__all__ = ["CONTEXT_DOC", "build_context", "render_document"]
