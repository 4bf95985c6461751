"""Reads a QR code drawn in SVG as a phone would: from its dark modules, never from its text.

The SVG is drawn into a bitmap with Pillow, then decoded with zxing-cpp. Only what a flat
black-and-white drawing of straight lines uses is understood (`<path>` and `<rect>`, moves and
horizontal or vertical lines, `scale` and `translate`); anything else raises rather than being
skipped, so that a drawing this reader does not understand never passes for one it read.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import zxingcpp
from PIL import Image, ImageDraw

SVG = "{http://www.w3.org/2000/svg}"
PIXELS_PER_UNIT = 2
# White around the drawing: the paper the flyer is printed on.
MARGIN = 16
_NUMBER = r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?"
_PATH_TOKEN = re.compile(rf"[A-Za-z]|{_NUMBER}")
_TRANSFORM = re.compile(rf"(scale|translate)\(\s*({_NUMBER})(?:[\s,]+({_NUMBER}))?\s*\)")

Box = tuple[float, float, float, float]


class UnreadableSvgError(ValueError):
    """The SVG uses something this reader does not draw."""


def read_qr_svg(svg: bytes) -> list[str]:
    """The text of every QR code the SVG shows."""
    return [result.text for result in zxingcpp.read_barcodes(draw_svg(svg))]


def draw_svg(svg: bytes) -> Image.Image:
    root = ET.fromstring(svg)
    if root.tag != SVG + "svg":
        raise UnreadableSvgError(f"not an SVG document: <{root.tag}>")
    left, top, width, height = _view_box(root)
    # What lies outside the viewBox is not shown: draw on the viewBox alone.
    image = Image.new("L", (round(width * PIXELS_PER_UNIT), round(height * PIXELS_PER_UNIT)), 255)
    pen = ImageDraw.Draw(image)
    for element in root.iter():
        name = element.tag.removeprefix(SVG)
        if name in {"svg", "title", "desc"}:
            continue
        if name not in {"path", "rect"}:
            raise UnreadableSvgError(f"<{name}> is not drawn by this reader")
        gray = _gray(element)
        if gray is None:
            continue
        scale_x, scale_y, shift_x, shift_y = _transform(element.get("transform", ""))
        for x0, y0, x1, y1 in _boxes(element):
            xs = sorted(round((scale_x * x + shift_x - left) * PIXELS_PER_UNIT) for x in (x0, x1))
            ys = sorted(round((scale_y * y + shift_y - top) * PIXELS_PER_UNIT) for y in (y0, y1))
            if xs[0] < xs[1] and ys[0] < ys[1]:
                # Pillow's boxes include their last pixel.
                pen.rectangle((xs[0], ys[0], xs[1] - 1, ys[1] - 1), fill=gray)
    paper = Image.new("L", (image.width + 2 * MARGIN, image.height + 2 * MARGIN), 255)
    paper.paste(image, (MARGIN, MARGIN))
    return paper


def _view_box(root: ET.Element) -> Box:
    if view_box := root.get("viewBox"):
        left, top, width, height = (float(n) for n in re.split(r"[\s,]+", view_box.strip()))
        return left, top, width, height
    size = root.get("width"), root.get("height")
    if size[0] is None or size[1] is None:
        raise UnreadableSvgError("the SVG has neither a viewBox nor a width and height")
    return 0.0, 0.0, float(size[0]), float(size[1])


def _transform(text: str) -> tuple[float, float, float, float]:
    """(scale x, scale y, shift x, shift y) of a list of scale() and translate()."""
    scale_x, scale_y, shift_x, shift_y = 1.0, 1.0, 0.0, 0.0
    rest = _TRANSFORM.sub("", text).strip(" ,")
    if rest:
        raise UnreadableSvgError(f"transform {text!r} is not drawn by this reader")
    # Each transform applies to what follows it: compose from the last to the first.
    for kind, first, second in reversed(_TRANSFORM.findall(text)):
        a = float(first)
        b = float(second) if second else (a if kind == "scale" else 0.0)
        if kind == "scale":
            scale_x, scale_y, shift_x, shift_y = scale_x * a, scale_y * b, shift_x * a, shift_y * b
        else:
            shift_x, shift_y = shift_x + a, shift_y + b
    return scale_x, scale_y, shift_x, shift_y


_ATTRIBUTES = {
    SVG + "path": {"d", "transform", "stroke", "stroke-width", "stroke-linecap", "fill", "class"},
    SVG + "rect": {"x", "y", "width", "height", "transform", "fill", "class"},
}
_COLOURS = {"#000": 0, "#000000": 0, "black": 0, "#fff": 255, "#ffffff": 255, "white": 255}


def _gray(element: ET.Element) -> int | None:
    """0 for black, 255 for white, None for nothing drawn."""
    unknown = set(element.attrib) - _ATTRIBUTES[element.tag]
    if unknown or element.get("stroke-linecap", "butt") != "butt":
        raise UnreadableSvgError(
            f"<{element.tag}> {sorted(element.attrib)} is not drawn by this reader"
        )
    # A path's lines are drawn by their stroke (none unless given), a rectangle by its fill.
    if element.tag == SVG + "path":
        colour = element.get("stroke", "none")
    else:
        colour = element.get("fill", "black")
    if colour == "none":
        return None
    if colour.lower() not in _COLOURS:
        raise UnreadableSvgError(f"colour {colour!r} is not one of a QR code's")
    return _COLOURS[colour.lower()]


def _boxes(element: ET.Element) -> list[Box]:
    """The rectangles an element covers, in its own units."""
    if element.tag == SVG + "rect":
        x, y = float(element.get("x", 0)), float(element.get("y", 0))
        return [(x, y, x + float(element.get("width", 0)), y + float(element.get("height", 0)))]
    path = element.get("d", "")
    # Lines that turn may enclose an area, which a path fills unless told not to.
    if re.search("[Vv]", path) and element.get("fill") != "none":
        raise UnreadableSvgError("a filled path with turns is not drawn by this reader")
    half = float(element.get("stroke-width", 1)) / 2
    boxes: list[Box] = []
    x = y = 0.0
    tokens = _PATH_TOKEN.findall(path)
    position = 0
    while position < len(tokens):
        command = tokens[position]
        if command in "Mm":
            dx, dy = float(tokens[position + 1]), float(tokens[position + 2])
            x, y = (x + dx, y + dy) if command == "m" else (dx, dy)
            position += 3
        elif command in "HhVv":
            value = float(tokens[position + 1])
            if command in "Hh":
                end = x + value if command == "h" else value
                boxes.append((min(x, end), y - half, max(x, end), y + half))
                x = end
            else:
                end = y + value if command == "v" else value
                boxes.append((x - half, min(y, end), x + half, max(y, end)))
                y = end
            position += 2
        else:
            raise UnreadableSvgError(f"path command {command!r} is not drawn by this reader")
    return boxes
