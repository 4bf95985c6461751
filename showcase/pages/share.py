"""What a shared page carries: preview tags, share links and a QR code to the page."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote, urlencode
from xml.etree import ElementTree

import zxingcpp

from showcase.i18n import N_

DEFAULT_PREVIEW = "assets/preview.png"


@dataclass(frozen=True)
class ShareLink:
    # The name shown on the button: a network's own name, or a word to translate (`Email`).
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
    # The flyer's QR code, beside the page (`showcase.publish.page_images`); None: no flyer.
    qr_image: str | None


def share_view(
    url: str,
    title: str,
    description: str,
    image: str,
    kind: str,
    site_name: str,
    image_alt: str,
    qr_image: str | None = None,
) -> ShareView:
    """`url` and `image` are absolute; `image_alt` says what the image shows; `kind` is the
    Open Graph type (`website`, `article`)."""
    text = f"{title} · {site_name}"
    return ShareView(
        url=url,
        title=title,
        description=description,
        image=image,
        image_alt=image_alt,
        kind=kind,
        links=(
            ShareLink(
                N_("Email"), "mailto:?" + urlencode({"subject": text, "body": url}, quote_via=quote)
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
        qr_image=qr_image,
    )


def qr_svg(url: str) -> bytes:
    """An SVG file of a QR code for `url`, for printed flyers: encoded by zxing-cpp (its
    writer is libzint's), at error correction level M."""
    code = zxingcpp.create_barcode(url, zxingcpp.BarcodeFormat.QRCode, ec_level="M")
    svg = ElementTree.fromstring(zxingcpp.write_barcode_to_svg(code))
    # Sized by its viewBox alone, so that it fills whatever box the flyer gives it.
    width, height = svg.attrib.pop("width"), svg.attrib.pop("height")
    svg.set("viewBox", f"0 0 {width} {height}")
    for description in svg.findall(f"{{{_SVG}}}desc"):
        svg.remove(description)
    title = ElementTree.Element(f"{{{_SVG}}}title")
    title.text = f"QR code: {url}"
    svg.insert(0, title)
    return ElementTree.tostring(svg)


_SVG = "http://www.w3.org/2000/svg"
# Written without a prefix, as SVG files are (`<svg xmlns=…>`, not `<ns0:svg>`).
ElementTree.register_namespace("", _SVG)
