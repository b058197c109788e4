import pytest

from mediakit.errors import MediakitError, ProjectError
from mediakit.jsonfile import read_json_object


def test_reads_an_object_and_names_the_file_and_reason(tmp_path):
    good = tmp_path / "ok.json"
    good.write_text('{"a": 1}', encoding="utf-8")
    assert read_json_object(good) == {"a": 1}
    bad = tmp_path / "bad.json"
    bad.write_text('{\n"a": }', encoding="utf-8")
    with pytest.raises(ProjectError, match=r"bad\.json: charte illisible, JSON invalide ligne 2"):
        read_json_object(bad, "charte", ProjectError)
    listed = tmp_path / "list.json"
    listed.write_text("[1]", encoding="utf-8")
    with pytest.raises(MediakitError, match="objet JSON"):
        read_json_object(listed)
    with pytest.raises(MediakitError, match=r"absent\.json: fichier illisible"):
        read_json_object(tmp_path / "absent.json")
    binary = tmp_path / "bin.json"
    binary.write_bytes(b"\xff\xfe\x00")
    with pytest.raises(MediakitError, match="UTF-8"):
        read_json_object(binary)
