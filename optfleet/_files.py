"""Writing output files atomically, and checking beforehand that they can be written.

Every file optfleet writes (a plan's JSON, per-request records, plots) goes through this module:
the content is written to a temporary file in the target's folder, flushed to disk, then renamed
over the target with :func:`os.replace`.  On any error (a full disk, an interruption) the
temporary is removed, so a target is either its old self or complete, never half written or
empty.  A path that can not be written raises :class:`~optfleet.errors.InputError` with one line.

Examples
--------
>>> import tempfile
>>> from pathlib import Path
>>> d = Path(tempfile.mkdtemp())
>>> with atomic_open(d / "out.txt") as fh:
...     _ = fh.write("hello\\n")
>>> (d / "out.txt").read_text(), sorted(p.name for p in d.iterdir())
('hello\\n', ['out.txt'])
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

from optfleet.errors import InputError

__all__ = ["atomic_open", "atomic_path", "check_writable", "read_utf8", "write_text_atomic"]

#: Temporary files are named ``.<target name>.<random>.tmp[<suffix>]`` in the target's folder.
TEMP_MARK = ".tmp"


def check_writable(path: str | os.PathLike[str], what: str = "output") -> Path:
    """``path`` as a :class:`~pathlib.Path` if a file can be written there, else InputError.

    Checks that the target is not a directory and that its folder exists, is a folder and is
    writable (:func:`os.access`; a process running as root passes the last check anyway, and
    a full disk is only found out when writing).

    Examples
    --------
    >>> check_writable("/etc/passwd/x.json", "--out")
    Traceback (most recent call last):
    ...
    optfleet.errors.InputError: can not write --out /etc/passwd/x.json: /etc/passwd is not a folder
    """
    p = Path(path)
    head = f"can not write {what} {p}"
    if not p.name or str(p) in (".", ".."):
        raise InputError(f"{head}: not a file name")
    parent = p.parent
    try:
        if p.is_dir():
            raise InputError(f"{head}: it is a directory")
        if not parent.exists():
            raise InputError(f"{head}: folder {parent} does not exist")
        if not parent.is_dir():
            raise InputError(f"{head}: {parent} is not a folder")
    except OSError as exc:
        raise InputError(f"{head}: {exc.strerror or exc}") from None
    if not os.access(parent, os.W_OK | os.X_OK):
        raise InputError(f"{head}: folder {parent} is not writable")
    return p


def _mode(target: Path) -> int:
    """The permission bits of the file replacing ``target``: its own, or 0o666 less the umask."""
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except OSError:
        mask = os.umask(0)
        os.umask(mask)
        return 0o666 & ~mask


def _remove(tmp: str) -> None:
    with contextlib.suppress(OSError):
        os.unlink(tmp)


@contextlib.contextmanager
def atomic_path(path: str | os.PathLike[str], what: str = "output") -> Iterator[Path]:
    """A temporary path (same folder, same suffix) to write; renamed to ``path`` on success.

    For writers that take a path (e.g. matplotlib's ``savefig``, which picks the format from the
    suffix).  On an error the temporary is removed and ``path`` is left as it was.

    Examples
    --------
    >>> import tempfile
    >>> from pathlib import Path
    >>> d = Path(tempfile.mkdtemp())
    >>> with atomic_path(d / "a.csv") as tmp:
    ...     _ = tmp.write_text("x\\n")
    >>> (d / "a.csv").read_text()
    'x\\n'
    """
    p = check_writable(path, what)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{p.name}.", suffix=TEMP_MARK + p.suffix,
                                   dir=p.parent)
        os.close(fd)
    except OSError as exc:
        raise InputError(f"can not write {what} {p}: {exc.strerror or exc}") from None
    try:
        yield Path(tmp)
        os.chmod(tmp, _mode(p))
        os.replace(tmp, p)
    except BaseException as exc:
        _remove(tmp)
        if isinstance(exc, OSError):
            raise InputError(f"can not write {what} {p}: {exc.strerror or exc}") from None
        raise


@contextlib.contextmanager
def atomic_open(
    path: str | os.PathLike[str], what: str = "output", newline: str | None = None
) -> Iterator[TextIO]:
    """A UTF-8 text file to write, which replaces ``path`` only once complete and on disk.

    An OSError while writing (e.g. ENOSPC, a full disk) becomes an InputError naming ``path``;
    on any error the temporary file is removed.  See the module's example.
    """
    with atomic_path(path, what) as tmp, open(tmp, "w", encoding="utf-8", newline=newline) as fh:
        yield fh
        fh.flush()
        os.fsync(fh.fileno())


def write_text_atomic(path: str | os.PathLike[str], text: str, what: str = "output") -> Path:
    """Write ``text`` (UTF-8) to ``path`` atomically; returns the path.

    Examples
    --------
    >>> import tempfile
    >>> from pathlib import Path
    >>> p = write_text_atomic(Path(tempfile.mkdtemp()) / "p.json", "{}\\n", "plan")
    >>> p.read_text()
    '{}\\n'
    """
    with atomic_open(path, what) as fh:
        fh.write(text)
    return Path(path)


def read_utf8(path: str | os.PathLike[str], what: str) -> str:
    """The text of the input file ``path``, or :class:`InputError` naming ``what`` and the path
    if it can not be read or is not UTF-8 text.

    Examples
    --------
    >>> import tempfile
    >>> p = Path(tempfile.mkdtemp()) / "t.csv"
    >>> _ = p.write_bytes(bytes([97, 44, 255]))
    >>> read_utf8(p, "trace file")
    Traceback (most recent call last):
    ...
    optfleet.errors.InputError: trace file ...t.csv: not UTF-8 text (byte 2: 0xff)
    """
    p = Path(path)
    try:
        return p.read_bytes().decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{what} {p}: not UTF-8 text (byte {exc.start}: {exc.object[exc.start]:#04x})"
        ) from None
    except OSError as exc:
        raise InputError(f"can not read {what} {p}: {exc.strerror or exc}") from None

