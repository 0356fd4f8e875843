"""Downloads beside an entry's page: its file as it stands, and a skill's folder as a .zip (SKILL.md and the files
beside it), the form claude.ai accepts for upload.

The bytes are those of the content directory. A zip is made the same way every build (names in order, one fixed
timestamp), so an unchanged skill gives an unchanged file; it is remembered while its files' bytes are the same.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
from pathlib import Path

from ..cache import Memory
from ..limits.table import MAX_SKILL_ZIP_BYTES
from ..model import Entry

FIXED_TIME = (1980, 1, 1, 0, 0, 0)  # zip's earliest date: the archive does not change with the checkout's times


def raw_name(entry: Entry) -> str:
    """The site file holding the entry's source, beside its page: `.txt` added, so MkDocs serves it as a file."""
    return posixpath.basename(entry.source) + ".txt"


def zip_name(entry: Entry) -> str:
    """The site file holding a skill's folder as a zip, beside its page."""
    return posixpath.basename(posixpath.dirname(entry.source)) + ".zip"


def entry_downloads(content_dir: Path, entry: Entry, memory: Memory) -> dict[str, bytes]:
    """Site path -> bytes of each download of one entry (a skill's zip left out past MAX_SKILL_ZIP_BYTES)."""
    try:
        files = {f"{entry.id}/{raw_name(entry)}": (content_dir / entry.source).read_bytes()}
    except OSError:  # read once already by the parser: gone since, or unreadable
        return {}
    if entry.kind == "skill" and posixpath.basename(entry.source).lower() == "skill.md":
        folder = content_dir / posixpath.dirname(entry.source)
        members = _members(folder)
        if members is not None:
            files[f"{entry.id}/{zip_name(entry)}"] = memory.call(entry.id, skill_zip, folder.name, members)
    return files


def _members(folder: Path) -> tuple[tuple[str, bytes], ...] | None:
    """Every file of a skill's folder with its bytes; None past the size limit or when the folder cannot be read.

    Hidden files and symbolic links are left out: a link could publish a file from anywhere on the machine.
    """
    members, size = [], 0
    try:
        paths = sorted(p for p in folder.rglob("*") if p.is_file() and not p.is_symlink())
    except OSError:
        return None
    for path in paths:
        relative = path.relative_to(folder).as_posix()
        if any(part.startswith(".") for part in relative.split("/")) or any(p.is_symlink() for p in path.parents if folder in p.parents):
            continue
        try:
            data = path.read_bytes()
        except OSError:
            return None
        size += len(data)
        if size > MAX_SKILL_ZIP_BYTES:
            return None
        members.append((relative, data))
    return tuple(members)


def skill_zip(folder_name: str, members: tuple[tuple[str, bytes], ...]) -> bytes:
    """A zip of the skill's folder: `<folder>/SKILL.md` and the files beside it."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for relative, data in members:
            info = zipfile.ZipInfo(f"{folder_name}/{relative}", FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, data)
    return buffer.getvalue()
