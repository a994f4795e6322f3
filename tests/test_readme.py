"""The README's examples are run as doctests, so its offsets stay proven by slicing."""

import doctest
import re
from pathlib import Path

import pytest

README = Path(__file__).resolve().parent.parent / "README.md"


def test_readme_examples_run():
    pytest.importorskip("pandas", reason="the README's table example needs pandas")
    blocks = re.findall(r"```python\n(.*?)```", README.read_text(encoding="utf-8"), re.S)
    assert blocks, "README has no python examples"
    parser = doctest.DocTestParser()
    runner = doctest.DocTestRunner(optionflags=doctest.NORMALIZE_WHITESPACE)
    globs: dict = {}
    for i, block in enumerate(blocks):
        test = parser.get_doctest(block, globs, f"README[{i}]", str(README), 0)
        runner.run(test, clear_globs=False)
        globs = test.globs  # later blocks build on earlier ones
    assert runner.failures == 0, f"{runner.failures} README example(s) failed"
