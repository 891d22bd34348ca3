"""Thumbnails of post illustrations for the cards in lists (news, home page, search results).

Made with core.images.renditions when a post is saved with a new illustration; each
thumbnail's name starts with its illustration's, so an unchanged illustration is not redone.
"""

from pathlib import PurePosixPath

from core.files import note_new_file
from core.images import renditions

SIZE = (400, 300)
SIZE_2X = (800, 600)


def _stem(post):
    return PurePosixPath(post.image.name).stem + "-miniatura"


def update_thumbnails(post):
    """Make (or drop) the post's thumbnails to match its illustration; the caller saves the post."""
    if not post.image:
        post.thumbnail = post.thumbnail_2x = ""
        return
    stem = _stem(post)
    if post.thumbnail and PurePosixPath(post.thumbnail.name).name.startswith(stem):
        return
    made = renditions(post.image, [SIZE, SIZE_2X])
    for field, suffix, (content, _width, _height) in zip(("thumbnail", "thumbnail_2x"), ("", "-2x"), made, strict=True):
        extension = PurePosixPath(content.name).suffix
        getattr(post, field).save(f"{stem}{suffix}{extension}", content, save=False)
        note_new_file(getattr(post, field))
