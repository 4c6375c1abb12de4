"""The file helpers the stages share: removing a folder several threads at once."""

from __future__ import annotations

from pathlib import Path

from tools.files import remove_tree


def test_a_folder_is_removed_whole_and_what_its_links_point_to_is_kept(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    (outside / "kept").mkdir(parents=True)
    (outside / "kept" / "page.html").write_text("kept", encoding="utf-8")
    folder = tmp_path / "site"
    for n in range(40):  # deep and wide enough to be shared among the threads
        page = folder / "notices" / f"n-{n}" / f"m-{n}" / "index.html"
        page.parent.mkdir(parents=True)
        page.write_text("page", encoding="utf-8")
    (folder / "index.html").write_text("home", encoding="utf-8")
    (folder / "notices" / "link").symlink_to(outside / "kept", target_is_directory=True)
    remove_tree(folder, threads=4)
    assert not folder.exists()
    assert (outside / "kept" / "page.html").read_text("utf-8") == "kept"
    remove_tree(tmp_path / "never-made")  # as rmtree(ignore_errors=True): nothing to do is no error
