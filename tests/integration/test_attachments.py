"""Attachments only after permission (issue 14.6): checked first, stored once the action is allowed."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.support import MINIMAL_FORM, push

JPEG = b"\xff\xd8\xff\xe0 a feedback picture"


@pytest.fixture
def handling(cli, tmp_path: Path):
    cli("init")
    cli("users", "add", "stranger_clerk", "county_clerk", "--county", "图们市")
    cli("intake", push(tmp_path, MINIMAL_FORM))
    assert cli("act", "A1", "sign")[0] == 0 and cli("act", "A1", "contact")[0] == 0
    return cli


def _stored(cli) -> list[Path]:
    folder = cli.folder / "attachments"
    return [p for p in folder.rglob("*") if p.is_file()] if folder.is_dir() else []


def _feedback(cli, path: Path, login: str = "founder") -> tuple[int, str]:
    code, _, err = cli("act", "A1", "feedback", "text=已办理", f"attach={path}", login=login)
    return code, err


def test_a_refused_action_leaves_no_file_behind(handling, tmp_path: Path) -> None:
    picture = tmp_path / "big.jpg"
    picture.write_bytes(JPEG)
    code, _ = _feedback(handling, picture, login="nobody")
    assert code == 2 and _stored(handling) == []
    code, _ = _feedback(handling, picture, login="stranger_clerk")
    assert code == 2 and _stored(handling) == []
    assert _feedback(handling, picture)[0] == 0 and len(_stored(handling)) == 1
    assert handling("check")[0] == 0


def test_an_action_that_fails_on_a_full_disk_takes_its_file_back(handling, tmp_path, monkeypatch) -> None:
    import errno

    from hotline_core.adapters.storage import journal

    def full(*_: object) -> int:
        raise OSError(errno.ENOSPC, "No space left on device", "journal.jsonl")

    picture = tmp_path / "photo.jpg"
    picture.write_bytes(JPEG)
    monkeypatch.setattr(journal, "append", full)
    code, err = _feedback(handling, picture)
    assert code == 2 and "磁盘已满" in err and _stored(handling) == []


def test_a_symbolic_link_is_not_followed(handling, tmp_path: Path) -> None:
    secret = tmp_path / "shadow"
    secret.write_bytes(JPEG)
    link = tmp_path / "photo.jpg"
    os.symlink(secret, link)
    code, err = _feedback(handling, link)
    assert code == 2 and "链接" in err
    assert _stored(handling) == []


def test_the_type_is_read_from_the_bytes_not_the_name(handling, tmp_path: Path) -> None:
    text = tmp_path / "photo.jpg"
    text.write_text("not a picture at all")
    code, err = _feedback(handling, text)
    assert code == 2 and "JPEG" in err and _stored(handling) == []
    named = tmp_path / "reply.jpg"
    named.write_bytes(b"%PDF-1.7 ...")
    code, data, _ = handling("act", "A1", "feedback", "text=已办", f"attach={named}", "--json")
    assert code == 0 and data["events"][-1]["attachments"][0]["media_type"] == "application/pdf"


@pytest.mark.parametrize(
    ("head", "kind"),
    [
        (b"\xff\xd8\xff\xe0", "image/jpeg"),
        (b"\x89PNG\r\n\x1a\n....", "image/png"),
        (b"GIF89a....", "image/gif"),
        (b"RIFF\x10\x00\x00\x00WEBPVP8 ", "image/webp"),
        (b"%PDF-1.7", "application/pdf"),
        (b"<svg onload=alert(1)>", None),
        (b"MZ\x90\x00", None),
    ],
)
def test_only_five_kinds_of_file_are_recognised(head: bytes, kind: str | None) -> None:
    from hotline_core.adapters.storage.attachments import media_type_of

    assert media_type_of(head) == kind


def test_a_file_over_the_size_limit_is_refused_naming_it(handling, tmp_path: Path) -> None:
    big = tmp_path / "scan.pdf"
    with open(big, "wb") as handle:
        handle.write(b"%PDF-1.7")
        handle.truncate(20_000_001)
    code, err = _feedback(handling, big)
    assert code == 2 and "20 MB" in err and "scan.pdf" in err and _stored(handling) == []


def test_check_reports_a_file_no_event_refers_to(handling, tmp_path: Path) -> None:
    from hotline_core.adapters.repository import FileRepository

    FileRepository.open(handling.folder).db.attachments.put(JPEG, "orphan.jpg")
    code, out, _ = handling("check")
    assert code == 1 and "no event refers to this attachment" in out


def test_a_picture_in_the_database_folder_cannot_be_attached_from_a_screen(handling) -> None:
    from hotline_core import services
    from hotline_core.adapters.repository import FileRepository
    from hotline_core.domain.problems import HotlineError

    repo = FileRepository.open(handling.folder)
    (handling.folder / "another-order.jpg").write_bytes(JPEG)

    with pytest.raises(HotlineError) as error:
        services.inspect_attachments(repo, [handling.folder / "another-order.jpg"])

    assert error.value.problems[0].code == "inside_database"
