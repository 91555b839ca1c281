"""The one guarded way ctxh writes into a project, and where a build may put its site.

Nothing outside the project is read, written or deleted: a symbolic link is
never followed, neither by a write (``content/dispatches/2024`` linked to
``/etc`` would otherwise take the imported file there) nor by a build's target.
A file is written to a temporary name beside it and renamed over the old one
(``os.replace``), so a full disk or a killed process leaves the previous file
whole, never one cut in the middle of a character.

A build replaces only a folder it made: every site carries :data:`SITE_MARK`;
the project itself, its ancestors, its content folders, a file, a link, or a
folder with files of somebody else are refused as targets.
"""

from __future__ import annotations

import errno
import os
import tempfile
from pathlib import Path

from generator.problems import ContentError, Problem

SITE_MARK = ".ctxh-site"  # in every site ctxh builds: the only non-empty folders a build replaces
SITE_MARK_TEXT = "Thư mục này do `ctxh build` tạo; mỗi lần dựng trang, ctxh thay toàn bộ thư mục.\n"
CONTENT_FOLDERS = ("campaigns", "content", "theme", "schemas", "generator", "tests", ".git")

_WRITE_PROBLEMS = {
    errno.ENOSPC: "hết chỗ trống trên đĩa; giải phóng dung lượng rồi chạy lại",
    errno.EFBIG: "tệp vượt giới hạn kích thước được phép ghi (hết chỗ trống trên đĩa?); giải phóng dung lượng rồi "
                 "chạy lại",
    errno.EDQUOT: "vượt hạn mức dung lượng đĩa của tài khoản; giải phóng dung lượng rồi chạy lại",
    errno.ENAMETOOLONG: "tên tệp hoặc đường dẫn quá dài với hệ thống tệp; hãy đặt slug ngắn hơn",
    errno.EACCES: "không có quyền ghi vào đây",
    errno.EROFS: "ổ đĩa chỉ cho đọc",
}


def shown(path: Path, root: Path) -> str:
    """``path`` as an editor reads it: relative to the project when inside it."""
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def write_reason(error: OSError) -> str:
    """Why a write failed, in plain words."""
    return _WRITE_PROBLEMS.get(error.errno or 0, error.strerror or str(error))


def write_problem(path: Path, root: Path, error: OSError) -> ContentError:
    """An OSError while writing ``path``, as a problem an editor can act on."""
    return ContentError([Problem(shown(path, root), None, None, f"không ghi được tệp: {write_reason(error)}")])


def check_no_links(path: Path, root: Path) -> None:
    """Refuse ``path`` unless it lies inside ``root`` with no symbolic link on the way (those parts
    of it that exist already); ``root`` itself is where the editor chose to work."""
    root = Path(os.path.abspath(root))
    path = Path(os.path.abspath(path))
    if not path.is_relative_to(root):
        raise ContentError.about(shown(path, root), "nằm ngoài thư mục dự án; ctxh chỉ ghi trong dự án")
    current = root
    for part in path.relative_to(root).parts:
        current = current / part
        if current.is_symlink():
            raise ContentError.about(shown(current, root), "là liên kết (symlink); ctxh không ghi qua liên kết, "
                                     "hãy thay liên kết bằng một thư mục hay tệp thật")
        if not current.exists():
            return


def make_folders(folder: Path, root: Path) -> None:
    """``folder`` and its parents inside ``root``, none of them a link."""
    check_no_links(folder, root)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise ContentError.about(shown(folder, root), "đã có một tệp trùng tên với thư mục cần tạo") from None
    except OSError as error:
        raise write_problem(folder, root, error) from None


def write_file(path: Path, data: bytes, root: Path) -> None:
    """Write ``data`` to ``path`` inside ``root``: no link followed, the old file replaced in one
    step (a temporary file beside it, then ``os.replace``), or left as it was."""
    make_folders(path.parent, root)
    if path.is_symlink() or (path.exists() and not path.is_file()):
        raise ContentError.about(shown(path, root), "không phải tệp thông thường (liên kết, thư mục…); không ghi đè")
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name[:40]}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, path)
    except OSError as error:
        Path(temporary).unlink(missing_ok=True)
        raise write_problem(path, root, error) from None
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def check_site_target(target: Path, root: Path) -> None:
    """Refuse a build target ctxh must not replace: the project or a folder above it, a content
    folder or anything inside one, a link, a file, or a folder holding files ctxh did not make."""
    given = shown(target, root)
    absolute = Path(os.path.abspath(target))
    project = Path(os.path.abspath(root))

    def refuse(message: str) -> ContentError:
        return ContentError.about(given, message, field="--site")

    if project.is_relative_to(absolute):
        raise refuse("là thư mục dự án hoặc một thư mục chứa dự án; chọn một thư mục riêng cho trang, ví dụ site/")
    if absolute.is_relative_to(project):
        top = absolute.relative_to(project).parts[0]
        if top in CONTENT_FOLDERS:
            raise refuse(f"nằm trong thư mục {top}/ của dự án; chọn một thư mục riêng cho trang, ví dụ site/")
    if absolute.is_symlink():
        raise refuse("là liên kết (symlink); ctxh không thay thư mục qua liên kết")
    if absolute.exists() and not absolute.is_dir():
        raise refuse("là một tệp, không phải thư mục; ctxh không thay tệp này")
    if absolute.is_dir() and not (absolute / SITE_MARK).is_file() and any(absolute.iterdir()):
        raise refuse(f"đã có tệp không do ctxh tạo (thiếu tệp đánh dấu {SITE_MARK}); chọn thư mục trống, "
                     "hoặc xóa thư mục này nếu chắc chắn không cần")
