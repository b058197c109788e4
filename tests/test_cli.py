import subprocess
import sys

from mediakit.cli import main


def test_import_exit_code_says_some_files_failed(tmp_path, media_dir, capsys):
    op = tmp_path / "op"
    assert main(["new", str(op), "--name", "X"]) == 0
    bad = tmp_path / "bad.jpg"
    bad.write_text("pas une image")
    code = main(["import", str(op), str(media_dir), str(bad), str(tmp_path / "absent.jpg")])
    out = capsys.readouterr()
    assert code == 1
    assert "bad.jpg: n'est pas une image" in out.err
    assert "absent.jpg: introuvable" in out.err
    assert "3 importé(s)" in out.out


def test_errors_are_one_line_messages(tmp_path, capsys):
    assert main(["info", str(tmp_path / "nope")]) == 2
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "aucune opération" in err


def test_module_entry_point_runs():
    proc = subprocess.run([sys.executable, "-m", "mediakit", "--version"], capture_output=True,
                          text=True, check=True)
    assert proc.stdout.startswith("mediakit ")
