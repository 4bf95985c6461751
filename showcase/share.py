"""What a shared page carries: preview tags, share links and a QR code to the page."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote, urlencode

import segno
from markupsafe import Markup

from showcase.build_cache import BuildCache

PREVIEW_NAME = "preview.png"
DEFAULT_PREVIEW = "assets/preview.png"


@dataclass(frozen=True)
class ShareLink:
    network: str
    url: str


@dataclass(frozen=True)
class ShareView:
    """Everything the head tags, the share bar and the printed flyer need for one page."""

    url: str
    title: str
    description: str
    image: str
    image_alt: str
    kind: str
    links: tuple[ShareLink, ...]
    qr_svg: Markup


def share_view(
    url: str,
    title: str,
    description: str,
    image: str,
    kind: str,
    site_name: str,
    cache: BuildCache | None = None,
) -> ShareView:
    """`url` and `image` are absolute; `kind` is the Open Graph type (`website`, `article`)."""
    text = f"{title} · {site_name}"
    return ShareView(
        url=url,
        title=title,
        description=description,
        image=image,
        image_alt=f"{title}: {site_name}",
        kind=kind,
        links=(
            ShareLink(
                "Email", "mailto:?" + urlencode({"subject": text, "body": url}, quote_via=quote)
            ),
            ShareLink("WhatsApp", "https://wa.me/?" + urlencode({"text": f"{text} {url}"})),
            ShareLink(
                "Facebook", "https://www.facebook.com/sharer/sharer.php?" + urlencode({"u": url})
            ),
            ShareLink("X", "https://x.com/intent/post?" + urlencode({"text": text, "url": url})),
            ShareLink(
                "LinkedIn",
                "https://www.linkedin.com/sharing/share-offsite/?" + urlencode({"url": url}),
            ),
        ),
        qr_svg=cached_qr_svg(url, cache) if cache else qr_svg(url),
    )


def cached_qr_svg(url: str, cache: BuildCache) -> Markup:
    svg = cache.get("qr", url, make=lambda: str(qr_svg(url)).encode(), suffix=".svg")
    return Markup(svg.decode())


def qr_svg(url: str) -> Markup:
    """An inline SVG QR code for `url`, for printed flyers."""
    # Choosing the best of eight masks takes ten times longer than the rest of the code;
    # a fixed mask reads just as well at flyer size.
    code = segno.make(url, error="m", micro=False, mask=0)
    svg = code.svg_inline(scale=4, border=2, omitsize=True, title=f"QR code: {url}")
    return Markup(svg.replace("<svg ", '<svg role="img" ', 1))
