"""The few exceptions nianbao raises, all at the edges (reading files).

    NianbaoError
    ├── ReadError          the file could not be read into a document
    │   ├── NotText        bytes that are not text in any encoding we know
    │   └── UnsupportedFormat  a file type no reader handles
    └── NotAReport         a document that is not an annual report

Parsing and checking never raise for bad content: they return results with problems.
The CLI turns these into one line on stderr and exit status 2.
"""

from __future__ import annotations


class NianbaoError(Exception):
    """Base of every nianbao error; ``str(e)`` is a Chinese sentence for end users."""


class ReadError(NianbaoError):
    pass


class NotText(ReadError):
    pass


class UnsupportedFormat(ReadError):
    pass


class NotAReport(NianbaoError):
    pass
