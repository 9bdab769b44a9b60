"""Helpers of the persona tests that are not fixtures (the `storage` fixture is in
tests/conftest.py; the image files made for uploads are in tests/personas/images.py)."""


def stored_files(storage, path: str = "") -> list[str]:
    """Every file in `storage`, with its path."""
    try:
        directories, files = storage.listdir(path)
    except FileNotFoundError:
        return []
    found = [f"{path}{name}" for name in files]
    for directory in directories:
        found += stored_files(storage, f"{path}{directory}/")
    return found
