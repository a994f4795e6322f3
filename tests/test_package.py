import rasid
from rasid import errors


def test_version_is_set():
    assert rasid.__version__.count(".") == 2


def test_error_tree_has_one_root():
    assert issubclass(errors.InvalidTextError, errors.RasidError)
    assert issubclass(errors.InvalidTextError, ValueError)
    assert issubclass(errors.TextTypeError, TypeError)
    assert issubclass(errors.GazetteerFileError, OSError)
