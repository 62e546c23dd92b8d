"""A Word file that unpacks to more than the limit is refused before it is read, in the admin too."""

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from meetings.importing import ImportProblem
from meetings.importing.extract import MAX_FILE_SIZE, MAX_UNPACKED_SIZE, text_extract
from meetings.models import Meeting


def _docx(*, padding: int) -> bytes:
    """A real .docx whose document.xml carries ``padding`` bytes of whitespace: small packed, large unpacked."""
    import docx

    buffer = io.BytesIO()
    document = docx.Document()
    document.add_paragraph("Protokoll fört vid sammanträde med styrgruppen")
    document.save(buffer)
    source = zipfile.ZipFile(io.BytesIO(buffer.getvalue()))
    packed = io.BytesIO()
    with zipfile.ZipFile(packed, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as target:
        for member in source.infolist():
            content = source.read(member)
            if member.filename == "word/document.xml" and padding:
                head, tail = content.split(b"<w:body>", 1)
                content = head + b"<w:body>" + b" " * padding + tail
            target.writestr(member.filename, content)
    return packed.getvalue()


@pytest.fixture(scope="module")
def bomb() -> bytes:
    data = _docx(padding=MAX_UNPACKED_SIZE + 1024 * 1024)
    assert len(data) < MAX_FILE_SIZE // 10  # small enough to pass the upload's size limit
    return data


def test_a_word_file_within_the_limit_is_read():
    text = text_extract(data=_docx(padding=1024 * 1024), filename="protokoll.docx")
    assert "Protokoll fört vid sammanträde" in text


def test_a_word_file_that_unpacks_beyond_the_limit_is_refused_unread(bomb, monkeypatch):
    import docx

    def unpack(*args, **kwargs):
        raise AssertionError("The Word file was unpacked.")

    monkeypatch.setattr(docx, "Document", unpack)
    with pytest.raises(ImportProblem, match="unpacks to 51 MB"):
        text_extract(data=bomb, filename="protokoll.docx")


def test_the_admin_upload_refuses_it_with_a_message(client, secretary, bomb):
    client.force_login(secretary)
    response = client.post(
        reverse("admin:meetings_meeting_import"), {"file": SimpleUploadedFile("protokoll.docx", bomb)}
    )
    assert response.status_code == 200
    assert "packas upp till 51 MB" in str(response.context["form"].errors)
    assert Meeting.objects.count() == 0
