"""py3langid's model read from an uncompressed copy (``cleannews._lang.MODEL_CACHE_ENV``):
the same arrays and the same languages as the model decompressed, and a copy that cannot be
written or read falls back to decompressing it (round 36, ci51)."""

from __future__ import annotations

import pytest

from cleannews import _lang

pytest.importorskip("py3langid")

#: Texts the screens leave to the model (short ones) and one they settle.
TEXTS = (
    "Le maire a parlé hier.",
    "Il governo ha presentato giovedì il progetto.",
    "Die Regierung hat eine Reform angekündigt.",
    "Sport Culture Page",
    "Lyon Infos Météo",
    "x y z",
    "Selon le maire, les travaux qui ont été votés sont très chers et ils seront faits "
    "dans la ville avec une entreprise du pays. " * 3,
)


def _same_identifier(mine, theirs) -> None:
    import numpy as np

    for a, b in ((mine.nb_ptc, theirs.nb_ptc), (mine.nb_pc, theirs.nb_pc)):
        assert a.dtype == b.dtype and a.shape == b.shape and np.array_equal(a, b)
    assert mine.nb_classes == theirs.nb_classes
    for a, b in ((mine.tk_nextmove, theirs.tk_nextmove), (mine.tk_row, theirs.tk_row)):
        assert a.typecode == b.typecode and a == b
    assert mine.tk_output == theirs.tk_output


@pytest.fixture(scope="module")
def streamed():
    """py3langid's identifier decompressed (:func:`_lang._load_streamed`), once."""
    return _lang._load_streamed()


@pytest.fixture(scope="module")
def written(tmp_path_factory):
    """A folder of :data:`_lang.MODEL_CACHE_ENV` with the copy written, once (the tests that
    damage or race a copy work on their own copy of it)."""
    root = tmp_path_factory.mktemp("model")
    mp = pytest.MonkeyPatch()
    mp.setenv(_lang.MODEL_CACHE_ENV, str(root))
    try:
        assert _lang._load_cached() is not None
    finally:
        mp.undo()
    return root


def test_cached_model_equals_the_decompressed_one(monkeypatch, streamed, written) -> None:
    """The first load wrote the copy (``written``), the second reads it without decompressing
    anything: it gives the arrays of :func:`_lang._load_streamed`, dtype for dtype, and the
    vectorised walk over them gives the same language and probability on every text."""
    import lzma

    monkeypatch.setenv(_lang.MODEL_CACHE_ENV, str(written))
    (folder,) = written.iterdir()
    assert folder.name.startswith("py3langid-")
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        f"{name}.npy" for name in _lang.MODEL_ARRAYS)

    def no_lzma(*args, **kwargs):
        raise AssertionError("the model was decompressed again")

    monkeypatch.setattr(lzma, "open", no_lzma)
    second = _lang._load_cached()
    _same_identifier(second, streamed)
    walk, ref = _lang._VectorWalk(second), _lang._VectorWalk(streamed)
    for text in TEXTS:
        assert walk.probability(text) == ref.probability(text), text
        assert second.classify(text) == streamed.classify(text), text


def test_without_the_variable_nothing_is_written(monkeypatch) -> None:
    """Unset (the default for a user), the model is decompressed as before."""
    monkeypatch.delenv(_lang.MODEL_CACHE_ENV, raising=False)
    assert _lang._load_cached() is None


def test_a_copy_that_cannot_be_written_or_read_falls_back(tmp_path, monkeypatch,
                                                          written) -> None:
    """A file where the folder should be (refused before the model is decompressed), or a
    truncated array: ``None`` (the caller then decompresses the model), never an exception
    and never a half-read model."""
    import lzma
    import shutil

    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv(_lang.MODEL_CACHE_ENV, str(blocker))
    with monkeypatch.context() as m:
        m.setattr(lzma, "open", lambda *a, **k: pytest.fail("decompressed for nothing"))
        assert _lang._load_cached() is None

    shutil.copytree(written, tmp_path / "cache")
    monkeypatch.setenv(_lang.MODEL_CACHE_ENV, str(tmp_path / "cache"))
    assert _lang._load_cached() is not None
    (folder,) = (tmp_path / "cache").iterdir()
    ptc = folder / "ptc.npy"
    ptc.write_bytes(ptc.read_bytes()[: ptc.stat().st_size // 2])
    assert _lang._load_cached() is None


def test_two_writers_at_once_leave_one_whole_copy(tmp_path, monkeypatch, streamed,
                                                  written) -> None:
    """A writer that finds the folder already there (another process won the rename) keeps
    that one and removes its own copy: one folder, no leftovers."""
    import shutil

    from py3langid.langid import MODEL_DIR, MODEL_FILE

    model = MODEL_DIR / MODEL_FILE
    folder = _lang._model_cache_folder(model, str(tmp_path))
    shutil.copytree(written / folder.name, folder)  # the winner's copy
    _lang._write_model_cache(folder, model)  # the loser of a race
    assert [p.name for p in tmp_path.iterdir()] == [folder.name]
    monkeypatch.setenv(_lang.MODEL_CACHE_ENV, str(tmp_path))
    _same_identifier(_lang._load_cached(), streamed)
