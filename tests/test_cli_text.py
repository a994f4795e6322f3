"""`rasid normalize` and `rasid digits` as Unix filters (CliRunner and a real subprocess)."""

from __future__ import annotations

import subprocess
import sys

from click.testing import CliRunner
from rasid.cli import main, text_commands
from rasid.text import normalize

SAMPLE = "قَصَفَتْ  الطّائِرَاتُ ﻻ\u200c ١٢ صاروخاً\n\n  مدينة «الموصل»؟\n"


def test_normalize_stdin_to_stdout():
    result = CliRunner().invoke(main, ["normalize"], input=SAMPLE.encode())
    assert result.exit_code == 0, result.output
    assert result.stdout_bytes.decode() == "قصفت الطائرات لا ١٢ صاروخا\nمدينة «الموصل»؟\n"


def test_normalize_flags(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(SAMPLE.encode())
    args = ["normalize", "--teh-marbuta", "--digits", "--punctuation", "--no-diacritics", str(path)]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    want = normalize(SAMPLE, teh_marbuta=True, digits=True, punctuation=True, diacritics=False)
    assert result.stdout_bytes.decode() == want
    assert '"الموصل"?' in want and "مدينه" in want and "12" in want and "قَصَفَتْ" in want


def test_several_files_and_dash(tmp_path):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_bytes("أ ".encode())
    b.write_bytes(" إ".encode())
    result = CliRunner().invoke(main, ["normalize", str(a), "-", str(b)], input="ى".encode())
    assert result.exit_code == 0
    assert result.stdout_bytes.decode() == "ا ي ا"


def test_digits_command():
    result = CliRunner().invoke(main, ["digits"], input="كَتَبَ ١٢٫٥ و۱۲٬۰۰۰".encode())
    assert result.exit_code == 0
    assert result.stdout_bytes.decode() == "كَتَبَ 12.5 و12,000"


def test_invalid_utf8_names_file_and_byte(tmp_path):
    path = tmp_path / "bad.txt"
    path.write_bytes("بب".encode() + b"\xff rest")
    result = CliRunner().invoke(main, ["normalize", str(path)])
    assert result.exit_code == 1
    assert "bad.txt: invalid UTF-8 at byte 4" in result.output
    path.write_bytes(b"ok\xd8")
    result = CliRunner().invoke(main, ["digits", str(path)])
    assert result.exit_code == 1
    assert "bad.txt" in result.output and "byte 2" in result.output


def test_missing_file():
    result = CliRunner().invoke(main, ["normalize", "/nonexistent/x.txt"])
    assert result.exit_code == 2


def test_chunk_edges_do_not_change_the_output(monkeypatch):
    # tiny chunks split characters and white-space runs everywhere
    monkeypatch.setattr(text_commands, "CHUNK", 3)
    data = (SAMPLE * 5).encode()
    result = CliRunner().invoke(main, ["normalize"], input=data)
    assert result.exit_code == 0
    assert result.stdout_bytes == normalize(data)


def test_subprocess_filter(tmp_path):
    path = tmp_path / "big.txt"
    data = (SAMPLE * 30000).encode()  # ~2.4 MB: several chunks
    path.write_bytes(data)
    cmd = [sys.executable, "-c", "from rasid.cli import main; main()"]
    proc = subprocess.run([*cmd, "normalize", str(path)], capture_output=True, check=True)
    assert proc.stdout == normalize(data)
    proc = subprocess.run([*cmd, "digits"], input="٣".encode(), capture_output=True, check=True)
    assert proc.stdout == b"3"
    bad = subprocess.run([*cmd, "normalize"], input=b"x\xff", capture_output=True)
    assert bad.returncode == 1
    assert b"<stdin>: invalid UTF-8 at byte 1" in bad.stderr
